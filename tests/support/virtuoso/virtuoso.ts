/**
 * Test support: a real Virtuoso Open Source on loopback, with its own database folder.
 *
 * `startVirtuoso({ data })` copies the packaged virtuoso.ini (Debian: virtuoso-opensource,
 * /etc/virtuoso-opensource-7/virtuoso.ini), points its database, log, lock and transaction
 * files at a fresh temporary folder, binds both ports (ISQL and HTTP) to 127.0.0.1 on ports
 * found free, runs `virtuoso-t +configfile FILE +foreground` in its own process group, waits
 * until /sparql answers, allows cross-origin requests on /sparql (CORS, for browser tests),
 * and loads the data with `isql-vt` and DB.DBA.TTLP (TriG mode: named graphs kept).
 *
 * Each data file's default-graph triples go to its `graph`; with `merge` (the default) that
 * graph also receives a copy of every named-graph triple, so `default-graph-uri=<graph>` (or
 * FROM <graph>) sees the whole dataset, while the endpoint's own default (the union of all
 * graphs, in Virtuoso) sees each triple in two graphs: queries must use DISTINCT.
 *
 * `stop()` kills the process group (the database is thrown away) and removes the folder; safe to call
 * twice. A missing `virtuoso-t`, a server that does not come up or a load that fails rejects
 * with the reason and the end of Virtuoso's log: tests that need it fail, they never skip.
 */
import { spawn, spawnSync, execFile, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, join, resolve } from "node:path";
import { Parser, Writer, type Quad } from "n3";

export const VIRTUOSO_INI = "/etc/virtuoso-opensource-7/virtuoso.ini";
export const INSTALL_HINT =
  "install it with: apt-get install -y virtuoso-opensource (Debian 12; .ci/run does this)";

export interface VirtuosoData {
  /** A Turtle, TriG, N-Triples or N-Quads file. */
  file: string;
  /** The graph IRI that receives the file's default graph (and the merged copy). */
  graph: string;
  /** Also copy every named-graph triple into `graph`; default true. */
  merge?: boolean;
}

export interface StartVirtuosoOptions {
  /** Files to load; a plain path loads into graph `urn:orgraph:test:<file name>`. */
  data?: ReadonlyArray<string | VirtuosoData>;
  /** How long to wait for the server, ms; default 60 000. */
  startTimeoutMs?: number;
  /** Origins allowed by CORS on /sparql ("*" by default; false: leave Virtuoso's default). */
  cors?: string | false;
  /** The ini file to copy; default the packaged one. */
  iniFile?: string;
}

export interface VirtuosoServer {
  /** http://127.0.0.1:PORT/sparql */
  endpoint: string;
  httpPort: number;
  isqlPort: number;
  /** The temporary database folder (removed by stop). */
  dir: string;
  /** Milliseconds from spawn until /sparql answered, and loading took. */
  timings: { startMs: number; loadMs: number };
  /** Runs SQL through isql-vt (e.g. to load more data); rejects on an error. */
  isql(sql: string): Promise<string>;
  /** The end of Virtuoso's output, for messages. */
  logTail(lines?: number): string;
  stop(): Promise<void>;
}

/**
 * Makes `npm test` self-sufficient on a fresh Debian machine where it runs as root (the
 * developers' and CI's machines): installs the `virtuoso-opensource` package when `virtuoso-t`
 * is missing. Elsewhere it does nothing, and `findVirtuoso` then fails with how to install it.
 */
export function installVirtuosoIfMissing(): void {
  try {
    findVirtuoso();
    return;
  } catch {
    // not installed: try below
  }
  const root = typeof process.getuid === "function" && process.getuid() === 0;
  if (!root || !existsSync("/usr/bin/apt-get")) return;
  console.log("Virtuoso is missing: installing the Debian package virtuoso-opensource…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  for (const args of [
    ["update", "-qq"],
    ["install", "-y", "-qq", "virtuoso-opensource"],
  ]) {
    const run = spawnSync("apt-get", args, { env, stdio: ["ignore", "ignore", "inherit"] });
    if (run.status !== 0) return;
  }
}

/** Finds `virtuoso-t` and `isql-vt` on PATH, or throws with how to install them. */
export function findVirtuoso(): { server: string; isql: string } {
  const dirs = (process.env.PATH ?? "").split(":").filter(Boolean);
  const find = (name: string): string | undefined =>
    dirs.map((d) => join(d, name)).find((p) => existsSync(p));
  const server = find("virtuoso-t");
  const isql = find("isql-vt");
  if (!server || !isql) {
    throw new Error(
      `Virtuoso is not installed: ${server ? "" : "virtuoso-t "}${isql ? "" : "isql-vt "}not found on PATH; ${INSTALL_HINT}.`,
    );
  }
  return { server, isql };
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  server.close();
  await once(server, "close");
  return port;
}

/** The packaged ini with the database, ports and allowed folders changed. */
export function virtuosoIni(
  template: string,
  settings: { dir: string; isqlPort: number; httpPort: number },
): string {
  const { dir, isqlPort, httpPort } = settings;
  const replacements: Record<string, Record<string, string>> = {
    Database: {
      DatabaseFile: join(dir, "virtuoso.db"),
      ErrorLogFile: join(dir, "virtuoso.log"),
      LockFile: join(dir, "virtuoso.lck"),
      TransactionFile: join(dir, "virtuoso.trx"),
      xa_persistent_file: join(dir, "virtuoso.pxa"),
    },
    TempDatabase: {
      DatabaseFile: join(dir, "virtuoso-temp.db"),
      TransactionFile: join(dir, "virtuoso-temp.trx"),
    },
    Parameters: {
      ServerPort: `127.0.0.1:${isqlPort}`,
      DirsAllowed: `., ${dir}, /usr/share/virtuoso-opensource-7/vad`,
      // Small and quick: tests load a few thousand triples.
      NumberOfBuffers: "10000",
      MaxDirtyBuffers: "6000",
      CheckpointInterval: "0",
    },
    HTTPServer: { ServerPort: `127.0.0.1:${httpPort}` },
    URIQA: { DefaultHost: `127.0.0.1:${httpPort}` },
  };
  const seen = new Set<string>();
  let section = "";
  const out: string[] = [];
  const flush = (): void => {
    // Keys the template lacks in the section just closed.
    for (const [key, value] of Object.entries(replacements[section] ?? {})) {
      if (!seen.has(`${section}/${key}`)) out.push(`${key} = ${value}`);
    }
  };
  for (const line of template.split(/\r?\n/)) {
    const header = /^\s*\[([^\]]+)\]/.exec(line);
    if (header) {
      flush();
      section = header[1] ?? "";
      out.push(line);
      continue;
    }
    const entry = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=/.exec(line);
    const key = entry?.[1];
    const value = key === undefined ? undefined : replacements[section]?.[key];
    if (key !== undefined && value !== undefined) {
      if (!seen.has(`${section}/${key}`)) out.push(`${key} = ${value}`);
      seen.add(`${section}/${key}`);
    } else {
      out.push(line);
    }
  }
  flush();
  for (const [name, keys] of Object.entries(replacements)) {
    if (!template.includes(`[${name}]`)) {
      out.push(`[${name}]`, ...Object.entries(keys).map(([k, v]) => `${k} = ${v}`));
    }
  }
  return `${out.join("\n")}\n`;
}

function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

function n3FormatOf(file: string): string {
  if (/\.trig$/i.test(file)) return "TriG";
  if (/\.nq$/i.test(file)) return "N-Quads";
  if (/\.nt$/i.test(file)) return "N-Triples";
  return "Turtle";
}

/**
 * The file as TriG for DB.DBA.TTLP (flag 256: TriG): default-graph triples written in the
 * default graph (TTLP puts them in `graph`), named graphs kept, and with `merge` a copy of the
 * named-graph triples in `graph`. Blank node labels are kept, so the copies share their nodes.
 */
function toTrig(data: VirtuosoData): string {
  const text = readFileSync(data.file, "utf8");
  const quads: Quad[] = new Parser({
    format: n3FormatOf(data.file),
    blankNodePrefix: "",
  }).parse(text);
  const merge = data.merge ?? true;
  // Each graph as N-Triples lines (every triple ends with " .", literals fully typed): the
  // TriG loader of Virtuoso 7.2 fails on some of n3's abbreviations (e.g. `175 }`).
  const byGraph = new Map<string, Quad[]>();
  const push = (graph: string, q: Quad): void => {
    const list = byGraph.get(graph);
    if (list) list.push(q);
    else byGraph.set(graph, [q]);
  };
  for (const q of quads) {
    const target = q.graph.termType === "DefaultGraph" ? "" : q.graph.value;
    push(target, q);
    if (merge && target !== "") push("", q);
  }
  const parts: string[] = [];
  for (const [graph, list] of byGraph) {
    const writer = new Writer({ format: "N-Triples" });
    const lines = list.map((q) => writer.quadToString(q.subject, q.predicate, q.object)).join("");
    parts.push(graph === "" ? lines : `<${graph}> {\n${lines}}\n`);
  }
  return parts.join("");
}

/** Starts a Virtuoso on loopback and loads `data`; see the module comment. */
export async function startVirtuoso(options: StartVirtuosoOptions = {}): Promise<VirtuosoServer> {
  const { server: serverBinary, isql: isqlBinary } = findVirtuoso();
  const iniFile = options.iniFile ?? VIRTUOSO_INI;
  if (!existsSync(iniFile)) {
    throw new Error(`Virtuoso's configuration ${iniFile} is missing; ${INSTALL_HINT}.`);
  }
  const dataFiles: VirtuosoData[] = (options.data ?? []).map((entry) =>
    typeof entry === "string"
      ? { file: resolve(entry), graph: `urn:orgraph:test:${basename(entry)}` }
      : { ...entry, file: resolve(entry.file) },
  );
  for (const data of dataFiles) {
    if (!existsSync(data.file)) throw new Error(`Virtuoso: no data file ${data.file} to load.`);
  }
  const dir = mkdtempSync(join(tmpdir(), "orgraph-virtuoso-"));
  const [isqlPort, httpPort] = [await freePort(), await freePort()];
  const ini = join(dir, "virtuoso.ini");
  writeFileSync(ini, virtuosoIni(readFileSync(iniFile, "utf8"), { dir, isqlPort, httpPort }));

  const output: string[] = [];
  const started = Date.now();
  const child: ChildProcess = spawn(serverBinary, ["+configfile", ini, "+foreground"], {
    cwd: dir,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  const collect = (chunk: Buffer): void => {
    output.push(...chunk.toString("utf8").split("\n").filter(Boolean));
    if (output.length > 400) output.splice(0, output.length - 400);
  };
  child.stdout?.on("data", collect);
  child.stderr?.on("data", collect);
  let exited: string | undefined;
  const exitPromise = new Promise<void>((resolveExit) => {
    child.once("exit", (code, signal) => {
      exited = signal ? `signal ${signal}` : `exit code ${String(code)}`;
      resolveExit();
    });
    child.once("error", (error) => {
      exited = `spawn error: ${error.message}`;
      resolveExit();
    });
  });

  const logTail = (lines = 20): string => {
    const file = join(dir, "virtuoso.log");
    const fromFile = existsSync(file) ? readFileSync(file, "utf8").split("\n").filter(Boolean) : [];
    const all = output.length > 0 ? output : fromFile;
    return all.slice(-lines).join("\n");
  };

  const killGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || exited) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  const onProcessExit = (): void => killGroup("SIGKILL");
  process.once("exit", onProcessExit);

  let stopping: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      process.removeListener("exit", onProcessExit);
      // The database is thrown away: no need for Virtuoso's shutdown checkpoint.
      killGroup("SIGKILL");
      await exitPromise;
      rmSync(dir, { recursive: true, force: true });
    })();
    return stopping;
  };

  const fail = async (reason: string): Promise<never> => {
    const tail = logTail();
    await stop();
    throw new Error(
      `Virtuoso (${serverBinary}, ports ${isqlPort}/${httpPort}) ${reason}.${tail ? `\nLast lines of its log:\n${tail}` : ""}`,
    );
  };

  const endpoint = `http://127.0.0.1:${httpPort}/sparql`;
  const deadline = started + (options.startTimeoutMs ?? 60_000);
  for (;;) {
    if (exited) return fail(`stopped while starting (${exited})`);
    try {
      const response = await fetch(`${endpoint}?query=${encodeURIComponent("ASK {}")}`, {
        signal: AbortSignal.timeout(2000),
      });
      await response.text();
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      return fail(`did not answer on ${endpoint} within ${options.startTimeoutMs ?? 60_000} ms`);
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  const startMs = Date.now() - started;

  const isql = (sql: string): Promise<string> => {
    const script = join(dir, `script-${Date.now()}-${Math.random().toString(36).slice(2)}.sql`);
    writeFileSync(script, sql);
    return new Promise((resolveSql, rejectSql) => {
      execFile(
        isqlBinary,
        [`127.0.0.1:${isqlPort}`, "dba", "dba", script],
        { cwd: dir, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const text = `${stdout}${stderr}`;
          const sqlError = /\*\*\* Error[^\n]*/.exec(text);
          if (error || sqlError) {
            rejectSql(
              new Error(`isql-vt failed: ${sqlError?.[0] ?? error?.message ?? "unknown error"}`),
            );
          } else {
            resolveSql(text);
          }
        },
      );
    });
  };

  const loadStarted = Date.now();
  try {
    const statements: string[] = [];
    if (options.cors !== false) {
      const origins = options.cors ?? "*";
      statements.push(
        "DB.DBA.VHOST_REMOVE(lpath=>'/sparql');",
        `DB.DBA.VHOST_DEFINE(lpath=>'/sparql', ppath=>'/!sparql/', is_dav=>1, vsp_user=>'dba', opts=>vector('noinherit', 1, 'cors', ${sqlString(origins)}, 'cors_restricted', 0));`,
      );
    }
    dataFiles.forEach((data, i) => {
      const trig = join(dir, `data-${i}.trig`);
      writeFileSync(trig, toTrig(data));
      statements.push(
        `DB.DBA.TTLP(file_to_string_output(${sqlString(trig)}), '', ${sqlString(data.graph)}, 256);`,
      );
    });
    statements.push("checkpoint;");
    await isql(`${statements.join("\n")}\n`);
  } catch (error) {
    return fail(`could not be set up: ${error instanceof Error ? error.message : String(error)}`);
  }
  const loadMs = Date.now() - loadStarted;

  return {
    endpoint,
    httpPort,
    isqlPort,
    dir,
    timings: { startMs, loadMs },
    isql,
    logTail,
    stop,
  };
}
