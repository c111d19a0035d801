// `npm run bench [-- --short]`: bundles tests/bench/bench.ts with Vite (SSR build, dependencies
// bundled as in the browser) into node_modules/.cache/orgraph-bench/, then runs it in a fresh
// Node with --expose-gc (for the retained-heap measure). Works on a fresh clone after `npm ci`.
/* global process, URL */
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { build } from "vite";

const root = fileURLToPath(new URL("../../", import.meta.url));
const outDir = fileURLToPath(new URL("../../node_modules/.cache/orgraph-bench/", import.meta.url));

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

const args = process.argv.slice(2);
const run = spawnSync(
  process.execPath,
  ["--expose-gc", "--max-old-space-size=12288", `${outDir}bench.mjs`, ...args],
  { stdio: "inherit", cwd: root },
);
process.exit(run.status ?? 1);
