// Main-thread bench (issue 6): how long the page's thread blocks while the app loads ~200k triples.
//
// Uses the app build in dist/app and builds nothing of it: run `npx vite build` first when
// dist/app is missing (or stale). Only the bench's own input generator (tests/bench/generate.ts)
// is bundled, with Vite, into node_modules/.cache/orgraph-main-thread/. The app and the generated
// TriG are served by a node:http static server on 127.0.0.1; Chromium is launched with the
// browser tests' launcher (tests/browser/setup/chromium.ts: --headless --no-sandbox
// --disable-gpu, SwiftShader WebGL). The page loads the TriG by URL through
// `document.querySelector("orgraph-explorer").load(...)`; every long task (PerformanceObserver
// "longtask", buffered) and every requestAnimationFrame gap is recorded from the call to the load
// event and until the first frames after it (2 s of frames). The element's timing marks
// ("orgraph:" performance measures around each step of the swap) name each task's cause.
//
// Prints a table (phase, longest task, tasks > 50 ms) and one JSON line
// {"maxTaskMs200k": ..., "tasksOver50ms200k": ..., "maxTaskMsToLoad200k": ...,
// "tasksOver50msToLoad200k": ...} (the last two: up to the load event, first frames left out).
// The layout's ticks after the load (positions applied while the force layout runs in its worker)
// show as the "layout-apply" and "sigma-positions" causes of the "after load" phase.
// Usage: node tests/bench/main-thread.mjs [--triples N] [--after MS] [--verbose] [--profile] [--trace]
// (--verbose: every long task and step; --profile: the heaviest JS functions, CPU profile;
// --trace: the heaviest events of the page's main thread, Chrome trace: e.g. GLES2::ReadPixels,
// the software compositor reading back the WebGL canvas, shows as native time, not JS).
/* global process, URL, console, document, performance, PerformanceObserver, requestAnimationFrame, window, Buffer, setTimeout */
import { createServer } from "node:http";
import { existsSync, readFileSync, statSync } from "node:fs";
import { extname, join, normalize } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "vite";
import { importLauncher } from "./vite-builds.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const appDir = join(root, "dist/app");
const cacheDir = join(root, "node_modules/.cache/orgraph-main-thread");
const args = process.argv.slice(2);
const tripleArg = args.indexOf("--triples");
const target = tripleArg >= 0 ? Number(args[tripleArg + 1]) : 200_000;
const verbose = args.includes("--verbose");
/** --profile: a CPU profile of the load (Chrome DevTools protocol), its heaviest functions. */
const profile = args.includes("--profile");
/** --trace: a Chrome trace of the load; prints the renderer main thread's heaviest events. */
const trace = args.includes("--trace");
/** --after MS: how long the frames after the load event are watched (the layout's ticks). */
const afterArg = args.indexOf("--after");
const afterMs = afterArg >= 0 ? Number(args[afterArg + 1]) : 2000;

if (!existsSync(join(appDir, "index.html"))) {
  console.error("dist/app is missing: run `npx vite build` first (this bench builds no app).");
  process.exit(2);
}

// The generator, bundled for Node (its one import is TypeScript too).
await build({
  configFile: false,
  root,
  logLevel: "warn",
  publicDir: false,
  ssr: { noExternal: true, target: "node" },
  build: {
    ssr: "tests/bench/generate.ts",
    outDir: cacheDir,
    emptyOutDir: true,
    minify: false,
    target: "node20",
    rollupOptions: { output: { entryFileNames: "generate.mjs", format: "es" } },
  },
});
const { generateOrgGraph } = await import(pathToFileURL(join(cacheDir, "generate.mjs")).href);
const generated = generateOrgGraph(target, 1);
const trig = Buffer.from(generated.text, "utf8");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".trig": "application/trig",
  ".txt": "text/plain; charset=utf-8",
  ".svg": "image/svg+xml",
  ".map": "application/json",
};
const server = createServer((req, res) => {
  const path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
  if (path === "/bench.trig") {
    res.writeHead(200, { "content-type": "application/trig", "content-length": trig.length });
    res.end(trig);
    return;
  }
  const file = normalize(join(appDir, path === "/" ? "index.html" : path));
  if (!file.startsWith(appDir) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
  res.end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

// The browser tests' launcher (TypeScript): bundled like the generator.
const { launchChromium } = await importLauncher(cacheDir);

const browser = await launchChromium({ locale: "en-US" });
let result;
try {
  const page = await browser.context.newPage();
  page.on("pageerror", (error) => console.error("page error:", error.message));
  await page.addInitScript(() => {
    const w = window;
    w.__longTasks = [];
    w.__frames = [];
    w.__phases = [];
    w.__loads = 0;
    document.addEventListener("orgraph-load", () => w.__loads++);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) w.__longTasks.push({ start: e.startTime, ms: e.duration });
    }).observe({ type: "longtask", buffered: true });
  });
  await page.goto(base);
  // The built-in dataset first: the big load replaces a graph on screen, as a user's would.
  await page.waitForFunction(() => window.__loads >= 1, null, { timeout: 120_000 });
  await page.waitForTimeout(1500);
  const cdp = profile || trace ? await browser.context.newCDPSession(page) : null;
  if (cdp && trace) {
    await cdp.send("Tracing.start", {
      transferMode: "ReturnAsStream",
      traceConfig: {
        includedCategories: [
          "devtools.timeline",
          "disabled-by-default-devtools.timeline",
          "blink",
          "gpu",
          "v8",
          "toplevel",
          "blink.user_timing",
        ],
      },
    });
  }
  if (cdp && profile) {
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 500 });
    await cdp.send("Profiler.start");
  }
  result = await page.evaluate(
    async ([url, afterMs]) => {
      const w = window;
      const el = document.querySelector("orgraph-explorer");
      const t0 = performance.now();
      let running = true;
      // Frame gaps: a rAF loop; the element's phase read at each frame.
      let last = t0;
      let phase = "";
      const frame = (now) => {
        w.__frames.push({ at: last, gap: now - last });
        last = now;
        const p = el.loadProgress?.phase ?? (running ? phase : "after");
        if (p !== phase) {
          phase = p;
          w.__phases.push({ at: now, phase: p });
        }
        if (running || now - tLoad < afterMs) requestAnimationFrame(frame);
        else done();
      };
      let tLoad = Infinity;
      let done;
      const finished = new Promise((resolve) => (done = resolve));
      requestAnimationFrame(frame);
      const summary = await el.load({ url, format: "trig" });
      tLoad = performance.now();
      running = false;
      w.__phases.push({ at: tLoad, phase: "after" });
      await finished;
      // Let the observer deliver the last entries.
      await new Promise((resolve) => setTimeout(resolve, 200));
      const measures = performance
        .getEntriesByType("measure")
        .filter((m) => m.name.startsWith("orgraph:") && m.startTime >= t0)
        .map((m) => ({ name: m.name, start: m.startTime, ms: m.duration }));
      return {
        t0,
        tLoad,
        end: performance.now(),
        summary,
        tasks: w.__longTasks.filter((t) => t.start >= t0),
        frames: w.__frames.filter((f) => f.at >= t0),
        phases: w.__phases,
        measures,
      };
    },
    [`${base}bench.trig`, afterMs],
  );
  if (cdp && profile) printProfile((await cdp.send("Profiler.stop")).profile);
  if (cdp && trace) {
    const complete = new Promise((resolve) => cdp.once("Tracing.tracingComplete", resolve));
    await cdp.send("Tracing.end");
    const { stream } = await complete;
    let text = "";
    for (;;) {
      const chunk = await cdp.send("IO.read", { handle: stream, size: 1 << 20 });
      text += chunk.base64Encoded ? Buffer.from(chunk.data, "base64").toString() : chunk.data;
      if (chunk.eof) break;
    }
    printTrace(JSON.parse(text));
  }
} finally {
  await browser.close();
  server.close();
}

/** Prints the events of the renderer's main thread that took longest (by name, nested too). */
function printTrace(data) {
  const events = Array.isArray(data) ? data : data.traceEvents;
  const main = new Set(
    events
      // The renderer's main thread; in-process when Chromium runs as one process.
      .filter(
        (e) =>
          e.name === "thread_name" &&
          (e.args?.name === "CrRendererMain" || e.args?.name === "Chrome_InProcRendererThread"),
      )
      .map((e) => `${e.pid}:${e.tid}`),
  );
  const sum = new Map();
  const longest = [];
  for (const e of events) {
    if (e.ph !== "X" || !main.has(`${e.pid}:${e.tid}`) || !e.dur) continue;
    const key = e.name + (e.args?.data?.functionName ? ` ${e.args.data.functionName}` : "");
    sum.set(key, (sum.get(key) ?? 0) + e.dur / 1000);
    if (e.dur > 50_000) longest.push(`${(e.dur / 1000).toFixed(0)} ms ${key} @${e.ts}`);
  }
  console.log("trace (main thread, summed ms by event):");
  for (const [k, v] of [...sum].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
    console.log(`  ${v.toFixed(0).padStart(8)}  ${k}`);
  }
  console.log("events > 50 ms:\n  " + longest.slice(0, 80).join("\n  "));
  // The main thread's tasks up to the load event by their thread (CPU) time, "tdur": unlike the
  // wall time of a long task, it does not grow when other processes share the cores (a loaded
  // machine). Named by the element's "orgraph:" measures (user timing) that overlap them.
  const measures = events.filter(
    (e) => e.name?.startsWith("orgraph:") && main.has(`${e.pid}:${e.tid}`) && e.ph === "b",
  );
  const ends = new Map(
    events
      .filter((e) => e.name?.startsWith("orgraph:") && e.ph === "e")
      .map((e) => [`${e.name}:${e.id ?? e.id2?.local}`, e.ts]),
  );
  const spans = measures.map((e) => ({
    name: e.name.slice("orgraph:".length),
    start: e.ts,
    end: ends.get(`${e.name}:${e.id ?? e.id2?.local}`) ?? e.ts,
  }));
  const from = Math.min(...spans.filter((s) => s.name === "import").map((s) => s.start));
  const to = Math.max(...spans.filter((s) => s.name === "load-event").map((s) => s.end));
  // The page's main-thread tasks for which `when` holds, by CPU time, longest first.
  const tasksWhere = (when) =>
    events
      .filter(
        (e) =>
          e.ph === "X" &&
          main.has(`${e.pid}:${e.tid}`) &&
          e.name === "ThreadControllerImpl::RunTask" &&
          typeof e.tdur === "number" &&
          when(e),
      )
      .sort((a, b) => b.tdur - a.tdur);
  const tasks = tasksWhere((e) => e.ts + e.dur >= from && e.ts <= to);
  const named = (e) =>
    [
      ...new Set(
        spans
          .filter((s) => s.start < e.ts + e.dur && s.end > e.ts && s.name !== "render")
          .map((s) => s.name),
      ),
    ].join(", ");
  console.log(
    `tasks to the load event by CPU time: longest ${(tasks[0]?.tdur / 1000 || 0).toFixed(0)} ms, ` +
      `${tasks.filter((e) => e.tdur > 50_000).length} over 50 ms\n  ` +
      tasks
        .slice(0, 15)
        .map(
          (e) =>
            `${(e.tdur / 1000).toFixed(0)} ms CPU (${(e.dur / 1000).toFixed(0)} ms wall) ${named(e)}`,
        )
        .join("\n  "),
  );
  // After the load event: the layout's ticks ("layout-apply", and sigma's work on the positions).
  const after = tasksWhere((e) => e.ts > to);
  const ticks = spans.filter((s) => s.name === "layout-apply" && s.start > to).length;
  console.log(
    `tasks after the load event by CPU time (${ticks} layout ticks): longest ` +
      `${(after[0]?.tdur / 1000 || 0).toFixed(0)} ms, ${after.filter((e) => e.tdur > 50_000).length} over 50 ms\n  ` +
      after
        .slice(0, 15)
        .map(
          (e) =>
            `${(e.tdur / 1000).toFixed(0)} ms CPU (${(e.dur / 1000).toFixed(0)} ms wall) ${named(e)}`,
        )
        .join("\n  "),
  );
}

/** Prints the functions with the most samples on their stack (inclusive) and on top (self). */
function printProfile({ nodes, samples }) {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    return `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  for (const id of samples) {
    const top = byId.get(id);
    if (["(idle)", "(program)", "(root)"].includes(top.callFrame.functionName)) continue;
    self.set(name(top), (self.get(name(top)) ?? 0) + 1);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(name(byId.get(at)));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + 1);
  }
  const meta = new Map();
  for (const id of samples) {
    const f = byId.get(id).callFrame.functionName;
    if (["(idle)", "(program)", "(root)"].includes(f)) meta.set(f, (meta.get(f) ?? 0) + 1);
  }
  console.log(`samples: ${samples.length}`, Object.fromEntries(meta));
  const top = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([k, v]) => `  ${(v / 2).toFixed(0).padStart(7)} ms  ${k}`);
  console.log("inclusive:\n" + top(total).join("\n"));
  console.log("self:\n" + top(self).join("\n"));
}

const { t0, tLoad, tasks, frames, phases, measures, summary } = result;
// A long task's phase: the last phase seen (at a frame) before it started; "swap" steps by the
// element's measures that overlap it.
const phaseAt = (at) => {
  if (at >= tLoad) return "after load";
  let p = "read";
  for (const ph of phases) if (ph.at <= at) p = ph.phase;
  return p === "after" ? "after load" : p;
};
const causeOf = (task) => {
  const end = task.start + task.ms;
  const hits = measures
    .filter((m) => m.start < end && m.start + m.ms > task.start)
    .map((m) => m.name.slice("orgraph:".length));
  return [...new Set(hits)].join(", ");
};
const rows = new Map();
for (const task of tasks) {
  const phase = phaseAt(task.start);
  const row = rows.get(phase) ?? { longest: 0, over50: 0, causes: new Map() };
  row.longest = Math.max(row.longest, task.ms);
  if (task.ms > 50) row.over50++;
  const cause = causeOf(task) || "?";
  row.causes.set(cause, Math.max(row.causes.get(cause) ?? 0, task.ms));
  rows.set(phase, row);
}
const gaps = frames.filter((f) => f.gap > 50);
const maxGap = frames.reduce((m, f) => Math.max(m, f.gap), 0);

console.log(
  `\nMain thread while loading ${generated.triples} triples (${(trig.length / 1e6).toFixed(1)} MB TriG): ` +
    `${summary.nodes} nodes, ${summary.edges} edges; load() took ${Math.round(tLoad - t0)} ms`,
);
console.log("phase        longest task (ms)  tasks > 50 ms  causes (step: longest ms)");
for (const phase of ["read", "parse", "build", "swap", "after load"]) {
  const row = rows.get(phase);
  if (!row) {
    console.log(`${phase.padEnd(12)} ${"0".padStart(17)}  ${"0".padStart(13)}`);
    continue;
  }
  const causes = [...row.causes]
    .sort((a, b) => b[1] - a[1])
    .map(([c, ms]) => `${c}: ${Math.round(ms)}`)
    .join("; ");
  console.log(
    `${phase.padEnd(12)} ${String(Math.round(row.longest)).padStart(17)}  ${String(row.over50).padStart(13)}  ${causes}`,
  );
}
console.log(
  `frames: ${frames.length}, longest gap ${Math.round(maxGap)} ms, gaps > 50 ms: ${gaps.length}`,
);
if (verbose) {
  for (const task of tasks) {
    console.log(
      `  task at +${Math.round(task.start - t0)} ms: ${Math.round(task.ms)} ms [${phaseAt(task.start)}] ${causeOf(task)}`,
    );
  }
  for (const m of measures) {
    console.log(`  step ${m.name} at +${Math.round(m.start - t0)} ms: ${Math.round(m.ms)} ms`);
  }
}
const maxTask = tasks.reduce((m, t) => Math.max(m, t.ms), 0);
console.log(
  JSON.stringify({
    maxTaskMs200k: Math.round(maxTask),
    tasksOver50ms200k: tasks.filter((t) => t.ms > 50).length,
    // The same from the load() call to the load event only (without the first frames after it).
    maxTaskMsToLoad200k: Math.round(
      tasks.filter((t) => t.start < tLoad).reduce((m, t) => Math.max(m, t.ms), 0),
    ),
    tasksOver50msToLoad200k: tasks.filter((t) => t.start < tLoad && t.ms > 50).length,
  }),
);
