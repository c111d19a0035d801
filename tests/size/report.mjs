// The size check of `npm run build`: prints the raw and gzipped size of every file of dist/lib/
// and dist/app/assets/ (source maps left out), and fails (exit 1) when the widget's first chunk,
// dist/lib/orgraph.iife.js (everything the built-in dataset needs to show; the rest loads on
// demand from the files next to it), is over its budget of 175 KB gzipped.
// `node tests/size/report.mjs [--json] [--warn-over-budget]`: the last flag reports an IIFE over
// budget without failing.
/* global console, process, URL */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync } from "node:zlib";

/** Gzipped bytes allowed for the IIFE (1 KB = 1000 bytes, as Vite reports). */
export const IIFE_BUDGET = 175_000;

const root = new URL("../../", import.meta.url).pathname;
const dirs = ["dist/lib", "dist/app/assets"];

function files(dir) {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return files(path);
    return /\.(js|mjs|css|json|html)$/.test(name) ? [path] : [];
  });
}

const rows = [];
for (const dir of dirs) {
  for (const path of files(join(root, dir)).sort()) {
    if (path.includes(`${join(root, "dist/lib/types")}`)) continue;
    const bytes = readFileSync(path);
    rows.push({
      file: relative(root, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    });
  }
}

const kb = (n) => `${(n / 1000).toFixed(1)} kB`.padStart(10);
if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows, null, 2));
} else {
  const width = Math.max(...rows.map((r) => r.file.length));
  console.log(`${"file".padEnd(width)}        raw       gzip`);
  for (const r of rows) console.log(`${r.file.padEnd(width)} ${kb(r.raw)} ${kb(r.gzip)}`);
}

const iife = rows.find((r) => r.file === "dist/lib/orgraph.iife.js");
if (!iife) {
  console.error("size check: dist/lib/orgraph.iife.js is missing (run npm run build).");
  process.exit(1);
}
if (iife.gzip > IIFE_BUDGET) {
  console.error(
    `size check: dist/lib/orgraph.iife.js is ${kb(iife.gzip).trim()} gzipped, over its budget ` +
      `of ${kb(IIFE_BUDGET).trim()}: load the part that grew on demand (src/embed/lazy.ts).`,
  );
  if (!process.argv.includes("--warn-over-budget")) process.exit(1);
} else {
  console.log(
    `size check: orgraph.iife.js ${kb(iife.gzip).trim()} gzipped (budget ${kb(IIFE_BUDGET).trim()}).`,
  );
}
