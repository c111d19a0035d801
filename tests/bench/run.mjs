// `npm run bench [-- --short]`: bundles tests/bench/bench.ts with Vite (SSR build, dependencies
// bundled as in the browser) into node_modules/.cache/orgraph-bench/, then runs it in a fresh
// Node with --expose-gc (for the retained-heap measure). Then the Chromium half: builds the
// bench page (tests/bench/frame/) and its driver (tests/bench/chromium.ts), measures Orgraph's
// renderer against bare sigma in headless Chromium, prints a table, and LAST one JSON line: the
// Node bench's keys merged with the Chromium ones. Works on a fresh clone after `npm ci`.
/* global process, URL, console */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build } from "vite";
import { buildFramePage } from "./vite-builds.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = fileURLToPath(new URL("../../node_modules/.cache/orgraph-bench/", import.meta.url));
const args = process.argv.slice(2);
const short = args.includes("--short");
// `--chromium-only`: skip the Node half (when working on the renderer).
const chromiumOnly = args.includes("--chromium-only");

let nodeJson = {};
if (!chromiumOnly) {
  await build({
    configFile: false,
    root,
    logLevel: "warn",
    publicDir: false,
    ssr: { noExternal: true, target: "node" },
    build: {
      ssr: "tests/bench/bench.ts",
      outDir,
      emptyOutDir: true,
      minify: false,
      sourcemap: false,
      target: "node20",
      rollupOptions: { output: { entryFileNames: "bench.mjs", format: "es" } },
    },
  });
  const run = spawnSync(
    process.execPath,
    ["--expose-gc", "--max-old-space-size=12288", `${outDir}bench.mjs`, ...args],
    { stdio: ["inherit", "pipe", "inherit"], cwd: root, maxBuffer: 64 * 1024 * 1024 },
  );
  const nodeOut = run.stdout?.toString() ?? "";
  process.stdout.write(nodeOut);
  if (run.status !== 0) process.exit(run.status ?? 1);
  nodeJson = JSON.parse(nodeOut.trim().split("\n").at(-1) ?? "{}");
}

// The Chromium half: the page (a production build, as users get it) and the Node driver.
const pageDir = `${outDir}frame/`;
await buildFramePage(pageDir);
await build({
  configFile: false,
  root,
  logLevel: "warn",
  publicDir: false,
  ssr: { external: ["playwright-core", "@sparticuz/chromium"], target: "node" },
  build: {
    ssr: "tests/bench/chromium.ts",
    outDir: `${outDir}driver/`,
    emptyOutDir: true,
    minify: false,
    sourcemap: false,
    target: "node20",
    rollupOptions: { output: { entryFileNames: "chromium.mjs", format: "es" } },
  },
});
const { runChromiumBench } = await import(pathToFileURL(`${outDir}driver/chromium.mjs`).href);
// Software WebGL (SwiftShader) draws a frame of 10k nodes / 50k edges in seconds: --short
// measures past the large-graph thresholds (src/render/scale.ts) at a size CI can afford.
const sizes = short
  ? [{ nodes: 5_000, edges: 25_000, reps: 3 }]
  : [
      // An even count: each renderer goes first as often as the other. At 100k / 500k one
      // repetition is ~4 min of software WebGL here; two keep the full run near 20 min.
      { nodes: 10_000, edges: 50_000, reps: 4 },
      { nodes: 100_000, edges: 500_000, reps: 2 },
    ];
const rows = await runChromiumBench(pageDir, sizes, (line) => console.error(line));

const x = (a, b) => Math.round((a / b) * 100) / 100;
const cell = (t, part) =>
  `${t.orgraph[part].toFixed(0)} / ${t.bare[part].toFixed(0)} (${x(t.orgraph[part], t.bare[part])})`;
console.log(
  "\nChromium, ms (median): Orgraph / bare sigma (ratio); main thread, then until the GPU is done",
);
console.log(
  "nodes   edges    frame main     frame gpu        hover main     hover gpu        filter main    filter gpu",
);
for (const r of rows) {
  const cells = ["frame", "hover", "filter"].flatMap((m) => [
    cell(r.ms[m], "cpu").padEnd(14),
    cell(r.ms[m], "full").padEnd(16),
  ]);
  console.log([String(r.nodes).padEnd(7), String(r.edges).padEnd(8), ...cells].join(" "));
}
// The main-thread half (full run, or `--main-thread`): long tasks while the app loads ~200k
// triples (tests/bench/main-thread.mjs; it needs the app build, made here when missing).
let mainJson = {};
if (!short || args.includes("--main-thread")) {
  if (!existsSync(`${root}dist/app/index.html`)) {
    await build({ root, logLevel: "warn", mode: "production" });
  }
  const main = spawnSync(process.execPath, [`${root}tests/bench/main-thread.mjs`], {
    stdio: ["inherit", "pipe", "inherit"],
    cwd: root,
    maxBuffer: 64 * 1024 * 1024,
  });
  const mainOut = main.stdout?.toString() ?? "";
  process.stdout.write(mainOut);
  if (main.status !== 0) process.exit(main.status ?? 1);
  mainJson = JSON.parse(mainOut.trim().split("\n").at(-1) ?? "{}");
}

const big = rows.at(-1);
const one = (n) => Math.round(n * 10) / 10;
const { frame, hover, filter } = big.ms;
console.log(
  JSON.stringify({
    ...nodeJson,
    frameOverBare: x(frame.orgraph.full, frame.bare.full),
    frameOverBareMain: x(frame.orgraph.cpu, frame.bare.cpu),
    chromiumNodes: big.nodes,
    chromiumEdges: big.edges,
    frameMs: one(frame.orgraph.full),
    bareFrameMs: one(frame.bare.full),
    hoverMs: one(hover.orgraph.full),
    bareHoverMs: one(hover.bare.full),
    hoverOverBare: x(hover.orgraph.full, hover.bare.full),
    hoverMainMs: one(hover.orgraph.cpu),
    bareHoverMainMs: one(hover.bare.cpu),
    filterMs: one(filter.orgraph.full),
    bareFilterMs: one(filter.bare.full),
    filterOverBare: x(filter.orgraph.full, filter.bare.full),
    filterMainMs: one(filter.orgraph.cpu),
    bareFilterMainMs: one(filter.bare.cpu),
    hideEdgesOnMove: big.hideEdgesOnMove,
    ...mainJson,
  }),
);
