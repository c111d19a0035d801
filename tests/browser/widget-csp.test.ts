/**
 * The embeddable widget on a partner's page (issue 5): dist/lib's IIFE and ES module under a
 * strict CSP with Trusted Types enforced, with and without worker-src; two widgets on one page;
 * a hostile host stylesheet; no leaked globals or styles; destroy() frees it.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";
import { countInkPixels } from "./helpers";
import { startWidgetHost, type WidgetHost } from "./widget-host";

interface Probe {
  violations: { directive: string; blocked: string; sample: string }[];
  workers: { created: number; terminated: number; urls: string[] };
  globals: string[];
  "orgraph-load"?: { id: string; detail: { nodes: number } }[];
  "orgraph-select"?: { id: string; detail: { key: string } | null }[];
  "orgraph-error"?: { id: string; detail: { message: string } }[];
}

declare global {
  interface Window {
    __probe: Probe;
  }
}

let browser: LaunchedBrowser;
let host: WidgetHost;

beforeAll(async () => {
  host = await startWidgetHost();
  browser = await launchChromium({ locale: "en-GB" });
});

afterAll(async () => {
  await browser?.close();
  await host?.close();
});

async function open(query: string): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await page.goto(`${host.url}page.html?${query}`);
  return { page, errors };
}

const probe = (page: Page): Promise<Probe> => page.evaluate(() => window.__probe);

async function waitLoaded(page: Page, count = 1): Promise<void> {
  await page.waitForFunction((n) => (window.__probe["orgraph-load"]?.length ?? 0) >= n, count, {
    timeout: 30_000,
  });
}

/** Ink of the widget's drawing area (the canvas stack). */
async function ink(page: Page, id = "w1"): Promise<number> {
  const shot = await page.locator(`#${id} .sigma`).screenshot();
  return (await countInkPixels(page, shot)).ink;
}

const CASES = [
  { bundle: "iife", csp: "strict", worker: true, label: "with worker-src" },
  { bundle: "es", csp: "strict", worker: true, label: "with worker-src" },
  { bundle: "iife", csp: "no-worker-src", worker: true, label: "without worker-src" },
  { bundle: "es", csp: "no-worker-src", worker: true, label: "without worker-src" },
  { bundle: "iife", csp: "no-workers", worker: false, label: "with worker-src 'none'" },
  { bundle: "es", csp: "no-workers", worker: false, label: "with worker-src 'none'" },
] as const;

describe("the widget under a strict CSP with Trusted Types", () => {
  for (const c of CASES) {
    it(`${c.bundle} bundle, ${c.label}: renders the release graph, fires load and select, no violation`, async () => {
      const requested: string[] = [];
      const onRequest = (r: { url(): string }) => requested.push(r.url());
      browser.context.on("request", onRequest);
      const { page, errors } = await open(`bundle=${c.bundle}&csp=${c.csp}`);
      await waitLoaded(page);
      const el = page.locator("#w1");
      await page.waitForFunction(() => {
        const e = document.querySelector("#w1") as OrgraphExplorer | null;
        return e?.layout.status === "done";
      });
      expect(await ink(page)).toBeGreaterThan(500);
      const key = await el.evaluate((e: OrgraphExplorer) => {
        const first = e.graph!.nodes()[0]!;
        e.select(first);
        return first;
      });
      const p = await probe(page);
      expect(p["orgraph-load"]![0]!.detail.nodes).toBeGreaterThan(10);
      expect(p["orgraph-select"]?.at(-1)?.detail?.key).toBe(key);
      expect(p["orgraph-error"] ?? []).toEqual([]);
      // The layout ran in the worker file next to the bundle, or in the page when forbidden.
      const layout = await el.evaluate((e: OrgraphExplorer) => e.layout);
      expect(layout.inWorker).toBe(c.worker);
      if (c.worker) {
        expect(p.workers.urls.every((u) => u.startsWith(`${host.url}lib/`))).toBe(true);
      }
      expect(p.workers.urls.filter((u) => /^(blob|data):/.test(u))).toEqual([]);
      // Where workers are forbidden, the browser reports each refused worker (and nothing else).
      expect(p.violations.filter((v) => c.worker || v.directive !== "worker-src")).toEqual([]);
      expect(errors.filter((e) => !/Refused to create a worker|worker-src/.test(e))).toEqual([]);
      // No globals but Orgraph (IIFE; none for the ES module, not even lit's version lists or
      // its decorators' metadata map); no styles outside the shadow root.
      const leaks = await page.evaluate(() => ({
        globals: Object.keys(window).filter(
          (k) => !window.__probe.globals.includes(k) && k !== "__probe",
        ),
        styles: document.querySelectorAll("style").length,
        styled: document.querySelectorAll("[style]").length,
        sheets: document.adoptedStyleSheets.length,
      }));
      expect(leaks).toEqual({
        globals: c.bundle === "iife" ? ["Orgraph"] : [],
        styles: 0,
        styled: 0,
        sheets: 0,
      });
      // A document's widget never downloads the endpoint source; the graph builder comes only
      // with an n-ary toggle, from the file next to the bundle, and rebuilds the graph.
      // Nor the renderer's scale kit: the release graph is drawn with the first chunk alone.
      expect(requested.filter((u) => /orgraph-(endpoint|build|scale)\.js/.test(u))).toEqual([]);
      const collapsed = await el.evaluate((e: OrgraphExplorer) => e.graph!.order);
      await el.evaluate((e: OrgraphExplorer) =>
        e.setViewState({ ...e.viewState, collapseNary: false }),
      );
      await expect
        .poll(() => el.evaluate((e: OrgraphExplorer) => e.graph!.order))
        .toBeGreaterThan(collapsed);
      expect(requested.filter((u) => /orgraph-build\.js/.test(u))).toEqual([
        `${host.url}lib/orgraph-build.js`,
      ]);
      browser.context.off("request", onRequest);
      await page.close();
    });
  }

  it("a big graph loads the renderer's scale kit from the file next to the bundle (IIFE, strict CSP)", async () => {
    const requested: string[] = [];
    const onRequest = (r: { url(): string }) => requested.push(r.url());
    browser.context.on("request", onRequest);
    const { page, errors } = await open("bundle=iife&csp=strict");
    await waitLoaded(page);
    // 1,500 people in a ring of foaf:knows: 3,000 nodes and edges, past the kit's threshold.
    const drawn = await page.evaluate(async () => {
      const e = document.querySelector("#w1") as OrgraphExplorer;
      const lines: string[] = [];
      for (let i = 0; i < 1500; i++) {
        const p = `<https://example.org/p${i}>`;
        lines.push(
          `${p} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <http://xmlns.com/foaf/0.1/Person> .`,
        );
        lines.push(
          `${p} <http://xmlns.com/foaf/0.1/knows> <https://example.org/p${(i + 1) % 1500}> .`,
        );
      }
      const loaded = await e.load({ text: lines.join("\n"), format: "n-triples" });
      return { ...loaded, shown: e.nodeDisplay("https://example.org/p7") !== null };
    });
    expect(drawn).toEqual({ triples: 3000, nodes: 1500, edges: 1500, warnings: 0, shown: true });
    expect(requested.filter((u) => /orgraph-scale\.js/.test(u))).toEqual([
      `${host.url}lib/orgraph-scale.js`,
    ]);
    expect(errors).toEqual([]);
    expect((await probe(page)).violations).toEqual([]);
    browser.context.off("request", onRequest);
    await page.close();
  });

  it("the ES module and the IIFE on one page: one definition, no error", async () => {
    const { page, errors } = await open("bundle=both&csp=strict");
    await waitLoaded(page);
    await page.waitForTimeout(300);
    const defined = await page.evaluate(
      () =>
        customElements.get("orgraph-explorer") ===
        (window as unknown as { Orgraph: { OrgraphExplorer: unknown } }).Orgraph.OrgraphExplorer,
    );
    expect(defined).toBe(true);
    expect(errors).toEqual([]);
    expect((await probe(page)).violations).toEqual([]);
    await page.close();
  });
});

describe("isolation", () => {
  it("two widgets with different data do not interfere", async () => {
    const { page } = await open("bundle=iife&csp=strict&widgets=2");
    await waitLoaded(page, 2);
    const state = () =>
      page.evaluate(() =>
        ["#w1", "#w2"].map((id) => {
          const e = document.querySelector(id) as OrgraphExplorer;
          return { order: e.graph?.order ?? 0, selected: e.selected };
        }),
      );
    const [a, b] = await state();
    expect(a!.order).toBeGreaterThan(10);
    expect(b!.order).toBe(3);
    await page.evaluate(() =>
      (document.querySelector("#w2") as OrgraphExplorer).select("https://example.org/ann"),
    );
    const after = await state();
    expect(after[0]).toEqual({ order: a!.order, selected: null });
    expect(after[1]).toEqual({ order: 3, selected: "https://example.org/ann" });
    const selects = (await probe(page))["orgraph-select"] ?? [];
    expect(selects.map((s) => s.id)).toEqual(["w2"]);
    expect(await ink(page, "w2")).toBeGreaterThan(50);
    expect((await probe(page)).violations).toEqual([]);
    await page.close();
  });

  it("a hostile host stylesheet does not change the widget's layout", async () => {
    const boxes = async (query: string) => {
      const { page } = await open(query);
      await waitLoaded(page);
      await page.waitForFunction(
        () => (document.querySelector("#w1") as OrgraphExplorer).layout.status === "done",
      );
      // The host decides the element's own box; everything inside is the widget's.
      const result = await page.evaluate(() => {
        const el = document.querySelector("#w1")!;
        const origin = el.getBoundingClientRect();
        const root = el.shadowRoot!;
        const pick = [".sigma", ".panel", "canvas", "input", "button"];
        return {
          host: { w: origin.width, h: origin.height },
          inner: pick.map((sel) => {
            // The first one drawn (a hidden one has no box to compare).
            const node = [...root.querySelectorAll(sel)].find((n) => n.getClientRects().length);
            if (!node) return null;
            const r = node.getBoundingClientRect();
            const s = getComputedStyle(node);
            return {
              sel,
              x: Math.round(r.x - origin.x),
              y: Math.round(r.y - origin.y),
              w: Math.round(r.width),
              h: Math.round(r.height),
              display: s.display,
              font: s.fontSize,
            };
          }),
        };
      });
      const drawn = await ink(page);
      await page.close();
      return { ...result, drawn };
    };
    const calm = await boxes("bundle=iife&csp=strict");
    const hostile = await boxes("bundle=iife&csp=strict&hostile=1");
    expect(calm.inner.filter(Boolean).length).toBeGreaterThanOrEqual(4);
    expect(hostile.inner).toEqual(calm.inner);
    expect(hostile.drawn).toBeGreaterThan(500);
  });

  it("destroy() (or removal) frees it: no canvas left, no worker running", async () => {
    const { page } = await open("bundle=iife&csp=strict");
    await waitLoaded(page);
    await page.evaluate(() => (document.querySelector("#w1") as OrgraphExplorer).runLayout());
    const result = await page.evaluate(async () => {
      const el = document.querySelector("#w1") as OrgraphExplorer & { destroy?: () => void };
      if (typeof el.destroy === "function") {
        el.destroy();
        el.destroy();
      }
      el.remove();
      await new Promise((r) => setTimeout(r, 200));
      const w = window.__probe.workers;
      return {
        canvases: el.shadowRoot?.querySelectorAll("canvas").length ?? 0,
        running: w.created - w.terminated,
      };
    });
    expect(result).toEqual({ canvases: 0, running: 0 });
    expect((await probe(page)).violations).toEqual([]);
    await page.close();
  });
});
