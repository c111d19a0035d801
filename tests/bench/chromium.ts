/**
 * The Chromium half of `npm run bench` (bundled and called by tests/bench/run.mjs): serves the
 * built bench page (tests/bench/frame/) on 127.0.0.1, opens it in headless Chromium with the
 * browser tests' launcher, and measures Orgraph's renderer against bare sigma side by side
 * (alternating, several repetitions, medians): a frame, a hover, a category filter.
 */
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { extname, join, normalize } from "node:path";
import { launchChromium } from "../browser/setup/chromium";
import type { BenchSetup, Kind, Timing } from "./frame/page";

export const MEASURES = ["frame", "hover", "filter"] as const;
export type Measure = (typeof MEASURES)[number];

/** Medians in milliseconds: `cpu` until the frame call returns, `full` until the GPU is done. */
export interface ChromiumRow {
  nodes: number;
  edges: number;
  setupMs: number;
  hideEdgesOnMove: boolean;
  ms: Record<Measure, Record<Kind, Timing>>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
};

/** A static server for `dir` on 127.0.0.1 (a free port). */
async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname));
    const file = join(dir, path.endsWith("/") ? `${path}index.html` : path);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return { server, url: `http://127.0.0.1:${port}/` };
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

/** Runs the measures in the page at each size; `log` gets progress lines (stderr). */
export async function runChromiumBench(
  pageDir: string,
  sizes: readonly { nodes: number; edges: number; reps: number }[],
  log: (line: string) => void = () => undefined,
): Promise<ChromiumRow[]> {
  const { server, url } = await serve(pageDir);
  const browser = await launchChromium({ viewport: { width: 1320, height: 440 }, locale: "en-GB" });
  const rows: ChromiumRow[] = [];
  try {
    const page = await browser.context.newPage();
    page.setDefaultTimeout(300_000);
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    await page.goto(url);
    await page.waitForFunction(() => "orgraphBench" in window);
    type W = Window & {
      orgraphBench: {
        setup(n: number, e: number, seed: number): BenchSetup;
        frame(k: Kind): Timing;
        hover(k: Kind, i: number): Timing;
        filter(k: Kind, show: boolean): Timing;
        destroy(): void;
      };
    };
    for (const { nodes, edges, reps } of sizes) {
      const setup = await page.evaluate(
        ([n, e]) => (window as unknown as W).orgraphBench.setup(n!, e!, 42),
        [nodes, edges],
      );
      log(`set up ${setup.nodes} nodes / ${setup.edges} edges in ${setup.setupMs.toFixed(0)} ms`);
      // Each measure runs in the page (round trips stay out of the timings); the two
      // renderers alternate at every repetition, after a warm-up; medians per measure and kind.
      await page.evaluate(() => {
        const b = (window as unknown as W).orgraphBench;
        for (const k of ["orgraph", "bare"] as const) b.frame(k);
      });
      const m: Record<string, Timing[]> = {};
      for (let i = 0; i < reps; i++) {
        const t = Date.now();
        const one = await page.evaluate((i) => {
          const b = (window as unknown as W).orgraphBench;
          const out: [string, Timing][] = [];
          const kinds = i % 2 ? (["bare", "orgraph"] as const) : (["orgraph", "bare"] as const);
          for (const k of kinds) {
            out.push([`frame.${k}`, b.frame(k)]);
            out.push([`hover.${k}`, b.hover(k, i)]);
            out.push([`filter.${k}`, b.filter(k, false)]);
            out.push([`filter.${k}`, b.filter(k, true)]);
          }
          return out;
        }, i);
        for (const [k, v] of one) (m[k] ??= []).push(v);
        log(
          `  repetition ${i + 1}/${reps} (${Date.now() - t} ms): ${one.map(([k, v]) => `${k} ${v.full.toFixed(0)}`).join(", ")}`,
        );
      }
      if (errors.length) throw new Error(`bench page error: ${errors.join("; ")}`);
      const med = (key: string, part: keyof Timing) => median((m[key] ?? []).map((t) => t[part]));
      const ms = Object.fromEntries(
        MEASURES.map((measure) => [
          measure,
          Object.fromEntries(
            (["orgraph", "bare"] as const).map((k) => [
              k,
              { cpu: med(`${measure}.${k}`, "cpu"), full: med(`${measure}.${k}`, "full") },
            ]),
          ),
        ]),
      ) as ChromiumRow["ms"];
      rows.push({
        nodes: setup.nodes,
        edges: setup.edges,
        setupMs: setup.setupMs,
        hideEdgesOnMove: setup.hideEdgesOnMove,
        ms,
      });
      log(`measured ${setup.nodes} nodes / ${setup.edges} edges in Chromium`);
    }
    await page.evaluate(() => (window as unknown as W).orgraphBench.destroy());
  } finally {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }
  return rows;
}
