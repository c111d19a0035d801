// Where the category filter's main-thread time goes (issue 6): a CPU profile (Chrome DevTools
// protocol) of hiding then showing one category, Orgraph's renderer (`setDisplay({ visible })`)
// and bare sigma (`isHidden` states) in turn, on the bench page (tests/bench/frame/, built here
// unminified so that functions keep their names). Prints each one's main-thread ms and its
// heaviest functions (inclusive and self). Not a measure of record: `npm run bench` is.
// Usage: node tests/bench/filter-profile.mjs [--nodes N] [--edges M]
/* global process, URL, console, window */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer } from "node:http";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { buildFramePage, importLauncher } from "./vite-builds.mjs";

const root = fileURLToPath(new URL("../../", import.meta.url));
const cacheDir = join(root, "node_modules/.cache/orgraph-filter-profile");
const args = process.argv.slice(2);
const arg = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const nodes = arg("--nodes", 20_000);
const edges = arg("--edges", 100_000);

const pageDir = join(cacheDir, "frame");
await buildFramePage(pageDir, { minify: false });
const { launchChromium } = await importLauncher(cacheDir);

const types = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css" };
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
  const file = join(pageDir, path.endsWith("/") ? `${path}index.html` : path);
  if (!file.startsWith(pageDir) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { "content-type": types[extname(file)] ?? "application/octet-stream" });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));

const browser = await launchChromium({ viewport: { width: 1320, height: 440 }, locale: "en-GB" });
try {
  const page = await browser.context.newPage();
  page.setDefaultTimeout(600_000);
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => "orgraphBench" in window);
  const setup = await page.evaluate(
    ([n, e]) => window.orgraphBench.setup(n, e, 42),
    [nodes, edges],
  );
  console.log(`set up ${setup.nodes} nodes / ${setup.edges} edges`);
  const cdp = await browser.context.newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
  for (const kind of ["orgraph", "bare", "orgraph", "bare"]) {
    await cdp.send("Profiler.start");
    const ms = await page.evaluate((k) => {
      const hide = window.orgraphBench.filter(k, false);
      const show = window.orgraphBench.filter(k, true);
      return { hide: hide.cpu, show: show.cpu };
    }, kind);
    const { profile } = await cdp.send("Profiler.stop");
    console.log(
      `\n${kind}: hide ${ms.hide.toFixed(0)} ms, show ${ms.show.toFixed(0)} ms (main thread)`,
    );
    printProfile(profile);
  }
} finally {
  await browser.close();
  server.close();
}

/** The functions with the most samples on their stack (inclusive) and on top (self). */
function printProfile({ nodes: all, samples, timeDeltas }) {
  const byId = new Map(all.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of all) for (const c of n.children ?? []) parent.set(c, n.id);
  const name = (n) => {
    const f = n.callFrame;
    return `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber + 1}`;
  };
  const self = new Map();
  const total = new Map();
  samples.forEach((id, i) => {
    const ms = (timeDeltas[i + 1] ?? 0) / 1000;
    const top = byId.get(id);
    if (["(idle)", "(program)", "(root)"].includes(top.callFrame.functionName)) return;
    self.set(name(top), (self.get(name(top)) ?? 0) + ms);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(name(byId.get(at)));
    for (const k of seen) total.set(k, (total.get(k) ?? 0) + ms);
  });
  const top = (map, n) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${v.toFixed(0).padStart(7)} ms  ${k}`)
      .join("\n");
  console.log(`inclusive:\n${top(total, 25)}\nself:\n${top(self, 20)}`);
}
