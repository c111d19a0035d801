/**
 * The load benchmark (run by tests/bench/run.mjs: `npm run bench`, `npm run bench -- --short`).
 *
 * On seeded synthetic organisation graphs (tests/bench/generate.ts) of 10k, 100k and 1M triples
 * (--short: 10k and 100k), measures side by side in one Node process:
 *   - n3 parse alone (n3's fastest path: synchronous `Parser.parse(text)`);
 *   - the near-limit floor: n3 parse + a bare build (Map of node ids, typed arrays of edges);
 *   - Orgraph's full load (`loadRdf`: parse with error placement, blank node naming, model);
 *   - Orgraph's chunked load (`loadRdfChunked`, as the worker runs it);
 *   - the heap retained by a loaded result, per triple (gc before and after, result held);
 *   - JSON-LD (jsonLdCase): the 10k graph (and 100k without --short) as JSON-LD, jsonld.js's
 *     own JSON.parse + toRDF alone against Orgraph's full load of the same text.
 * Prints a table, then one JSON line. No assertions: numbers only.
 */
import { existsSync, readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { Parser, Writer, type Quad } from "n3";
import * as jsonldModule from "jsonld";
import { loadRdf, type LoadResult, type OrgraphGraph } from "../../src/core/index";
import { loadRdfChunked } from "../../src/core/load/load";
import { generateOrgGraph } from "./generate";

const short = process.argv.includes("--short");
const SIZES = short ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const gc = (globalThis as { gc?: () => void }).gc;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/**
 * Times several functions side by side: each round runs every one once (the order rotated from
 * round to round), so that a machine busier at one moment weighs on all of them alike; medians.
 */
function timeSideBySide<K extends string>(
  runs: number,
  fs: Record<K, () => unknown>,
): Record<K, number> {
  const keys = Object.keys(fs) as K[];
  const out = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < keys.length; j++) {
      const k = keys[(i + j) % keys.length]!;
      gc?.();
      const t = performance.now();
      fs[k]();
      out[k].push(performance.now() - t);
    }
  }
  return Object.fromEntries(keys.map((k) => [k, median(out[k])])) as Record<K, number>;
}

async function timeAsync(runs: number, f: () => Promise<unknown>): Promise<number> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    gc?.();
    const t = performance.now();
    await f();
    out.push(performance.now() - t);
  }
  return median(out);
}

function n3Parse(text: string): Quad[] {
  return new Parser({ format: "TriG" }).parse(text);
}

/** The floor: interned node ids in a Map, edges in typed arrays, literals counted per node. */
function bareBuild(quads: Quad[]): { nodes: number; edges: number } {
  const ids = new Map<string, number>();
  const predicates = new Map<string, number>();
  const source = new Int32Array(quads.length);
  const target = new Int32Array(quads.length);
  const predicate = new Int32Array(quads.length);
  const literals: { node: number; p: number; value: string }[] = [];
  let edges = 0;
  const id = (key: string): number => {
    let i = ids.get(key);
    if (i === undefined) ids.set(key, (i = ids.size));
    return i;
  };
  for (const q of quads) {
    const s = id(q.subject.value);
    let p = predicates.get(q.predicate.value);
    if (p === undefined) predicates.set(q.predicate.value, (p = predicates.size));
    if (q.object.termType === "Literal") {
      literals.push({ node: s, p, value: q.object.value });
      continue;
    }
    source[edges] = s;
    target[edges] = id(q.object.value);
    predicate[edges] = p;
    edges++;
  }
  return { nodes: ids.size, edges };
}

/**
 * Heap in use once garbage is collected. Collects across a few macrotasks: a collection in the
 * middle of synchronous code can still find values the running code no longer uses (a result
 * dropped from an object but kept in a register or stack slot), which made the "graph only"
 * figure equal to the whole.
 */
async function heapUsed(): Promise<number> {
  for (let i = 0; i < 3; i++) {
    gc?.();
    await new Promise((r) => setTimeout(r, 10));
  }
  return process.memoryUsage().heapUsed;
}

/** The widget's first chunk: the IIFE that a partner's one script tag loads (lazy chunks aside). */
function gzipWidget(): { kb: number | null; note: string } {
  const file = "dist/lib/orgraph.iife.js";
  if (!existsSync(file)) return { kb: null, note: `no ${file} (run \`npm run build\` first)` };
  const bytes = gzipSync(readFileSync(file), { level: 9 }).length;
  // kB of 1,000 bytes, as the size check of `npm run build` counts them (tests/size/report.mjs).
  return { kb: Math.round(bytes / 100) / 10, note: `gzip -9 of ${file}, kB of 1,000 bytes` };
}

interface Row {
  triples: number;
  parseMs: number;
  bareMs: number;
  loadMs: number;
  chunkedMs: number;
  nodes: number;
  edges: number;
  bytesPerTriple: number;
  bytesPerTripleGraphOnly: number;
}

const jsonld = ((jsonldModule as unknown as { default?: typeof jsonldModule }).default ??
  jsonldModule) as typeof jsonldModule;

interface JsonLdRow {
  size: number;
  triples: number;
  kb: number;
  toRdfMs: number;
  loadMs: number;
}

/**
 * The generated graph as JSON-LD (jsonld.fromRDF of its quads, expanded form, made before any
 * timing), then side by side: jsonld.js alone (JSON.parse + toRDF, what any JSON-LD load must
 * at least do) and Orgraph's full load of the same text (loadRdfChunked, as the worker runs it:
 * parse, checks, quads, model).
 */
async function jsonLdCase(size: number): Promise<JsonLdRow> {
  const { text: trig } = generateOrgGraph(size, 42);
  const nquads = new Writer({ format: "N-Quads" }).quadsToString(n3Parse(trig));
  const doc = await jsonld.fromRDF(nquads, { format: "application/n-quads" });
  const text = JSON.stringify(doc);
  const runs = size >= 100_000 ? 3 : 7;
  const toRdf = () => jsonld.toRDF(JSON.parse(text) as object) as Promise<unknown>;
  const load = () =>
    loadRdfChunked(text, {
      format: "json-ld",
      yieldTo: () => new Promise((r) => setImmediate(r)),
    });
  // Warm up both (JIT), and check they read the same number of triples.
  const quads = (await toRdf()) as unknown[];
  const loaded = await load();
  if (loaded.triples !== quads.length) {
    throw new Error(`JSON-LD: Orgraph read ${loaded.triples} triples, jsonld.js ${quads.length}`);
  }
  const toRdfMs = await timeAsync(runs, toRdf);
  const loadMs = await timeAsync(runs, load);
  return { size, triples: quads.length, kb: text.length / 1024, toRdfMs, loadMs };
}

async function main(): Promise<void> {
  if (!gc) console.warn("global.gc is missing: run with --expose-gc for the heap measures");
  const rows: Row[] = [];
  for (const size of SIZES) {
    const { text, triples } = generateOrgGraph(size, 42);
    const runs = size >= 1_000_000 ? 3 : size >= 100_000 ? 5 : 7;
    // Warm up the code paths once on this size (JIT), then measure the three side by side.
    if (size < 1_000_000) {
      n3Parse(text);
      loadRdf(text, { format: "trig" });
    }
    const {
      parse: parseMs,
      bare: bareMs,
      load: loadMs,
    } = timeSideBySide(runs, {
      parse: () => n3Parse(text),
      bare: () => bareBuild(n3Parse(text)),
      load: () => loadRdf(text, { format: "trig" }),
    });
    const chunkedMs = await timeAsync(size >= 1_000_000 ? 1 : runs, () =>
      loadRdfChunked(text, { format: "trig", yieldTo: () => new Promise((r) => setImmediate(r)) }),
    );

    // Retained heap: the whole result (graph + quads, as loadRdf returns it), then the graph
    // alone, then nothing: each measure less the last (taken after everything is released, so
    // that what an earlier load left behind, e.g. in caches, counts in neither).
    const holder: { result?: LoadResult; graph?: OrgraphGraph } = {};
    holder.result = loadRdf(text, { format: "trig" });
    const afterAll = await heapUsed();
    const { nodes, edges } = holder.result;
    holder.graph = holder.result.graph;
    delete holder.result;
    const afterGraph = await heapUsed();
    if (holder.graph.order !== nodes) throw new Error("graph changed");
    delete holder.graph;
    const afterNone = await heapUsed();
    const retainedAll = afterAll - afterNone;
    const retainedGraph = afterGraph - afterNone;
    rows.push({
      triples,
      parseMs,
      bareMs,
      loadMs,
      chunkedMs,
      nodes,
      edges,
      bytesPerTriple: retainedAll / triples,
      bytesPerTripleGraphOnly: retainedGraph / triples,
    });
    console.error(`measured ${triples} triples`);
  }

  const f = (n: number, d = 0): string => n.toFixed(d);
  console.log(
    "\ntriples    nodes    edges   n3 parse ms  bare ms (x)    load ms (x)     chunked ms (x)  B/triple (graph only)",
  );
  for (const r of rows) {
    console.log(
      [
        String(r.triples).padEnd(9),
        String(r.nodes).padStart(7),
        String(r.edges).padStart(8),
        f(r.parseMs).padStart(12),
        `${f(r.bareMs)} (${f(r.bareMs / r.parseMs, 2)})`.padStart(14),
        `${f(r.loadMs)} (${f(r.loadMs / r.parseMs, 2)})`.padStart(15),
        `${f(r.chunkedMs)} (${f(r.chunkedMs / r.parseMs, 2)})`.padStart(17),
        `${f(r.bytesPerTriple)} (${f(r.bytesPerTripleGraphOnly)})`.padStart(14),
      ].join(" "),
    );
  }
  const jsonLdRows: JsonLdRow[] = [];
  for (const size of short ? [10_000] : [10_000, 100_000]) jsonLdRows.push(await jsonLdCase(size));
  console.log("\nJSON-LD triples   text KB   JSON.parse+toRDF ms   Orgraph load ms (x)");
  for (const r of jsonLdRows) {
    console.log(
      [
        String(r.triples).padEnd(15),
        f(r.kb).padStart(9),
        f(r.toRdfMs).padStart(21),
        `${f(r.loadMs)} (${f(r.loadMs / r.toRdfMs, 2)})`.padStart(21),
      ].join(" "),
    );
  }
  const jsonLdRatio = (n: number): number | null => {
    const r = jsonLdRows.find((row) => row.size === n);
    return r ? Math.round((r.loadMs / r.toRdfMs) * 100) / 100 : null;
  };
  const at = (n: number) => rows.find((r) => r.triples >= n && r.triples < n * 1.1);
  const ratio = (r: Row | undefined) => (r ? Math.round((r.loadMs / r.parseMs) * 100) / 100 : null);
  const widget = gzipWidget();
  console.log(`\ngzipWidgetKB: ${widget.note}`);
  const r100 = at(100_000);
  const r1m = at(1_000_000);
  console.log(
    JSON.stringify({
      loadOverParse10k: ratio(at(10_000)),
      loadOverParse100k: ratio(r100),
      loadOverParse1M: ratio(r1m),
      bareOverParse100k: r100 ? Math.round((r100.bareMs / r100.parseMs) * 100) / 100 : null,
      bareOverParse1M: r1m ? Math.round((r1m.bareMs / r1m.parseMs) * 100) / 100 : null,
      chunkedOverParse100k: r100 ? Math.round((r100.chunkedMs / r100.parseMs) * 100) / 100 : null,
      bytesPerTriple100k: r100 ? Math.round(r100.bytesPerTriple) : null,
      bytesPerTriple1M: r1m ? Math.round(r1m.bytesPerTriple) : null,
      bytesPerTripleGraphOnly100k: r100 ? Math.round(r100.bytesPerTripleGraphOnly) : null,
      bytesPerTripleGraphOnly1M: r1m ? Math.round(r1m.bytesPerTripleGraphOnly) : null,
      gzipWidgetKB: widget.kb,
      jsonldLoadOverToRdf10k: jsonLdRatio(10_000),
      ...(short ? {} : { jsonldLoadOverToRdf100k: jsonLdRatio(100_000) }),
    }),
  );
}

await main();
