/**
 * The layout (worker, fallback, controls, alternatives) and the exports, on the built page.
 */
import { readFileSync } from "node:fs";
import Graph from "graphology";
import { parse as parseGexf } from "graphology-gexf";
import { Parser } from "n3";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";
import { countInkPixels, openPage, waitForEvents } from "./helpers";

let browser: LaunchedBrowser;
let page: Page;
const workers: string[] = [];

type Positions = Record<string, [number, number]>;

function positions(p: Page): Promise<Positions> {
  return p.evaluate(() => {
    const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
    const out: Record<string, [number, number]> = {};
    el.graph!.forEachNode((key, { x, y }) => (out[key] = [x, y]));
    return out;
  });
}

function layoutStatus(p: Page): Promise<string> {
  return p.evaluate(
    () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout.status,
  );
}

/** Opens the page in a fresh tab and waits for the first load. */
async function freshPage(init?: () => void): Promise<Page> {
  const p = await browser.context.newPage();
  if (init) await p.addInitScript(init);
  await p.addInitScript(() => {
    (window as unknown as { __loads: number }).__loads = 0;
    document.addEventListener(
      "orgraph-load",
      () => (window as unknown as { __loads: number }).__loads++,
    );
  });
  await p.goto(inject("baseUrl"));
  await p.waitForFunction(() => (window as unknown as { __loads: number }).__loads > 0, null, {
    timeout: 30_000,
  });
  return p;
}

beforeAll(async () => {
  browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  browser.context.on("page", (p) => p.on("worker", (w) => workers.push(w.url())));
  page = await openPage(browser.context, inject("baseUrl"));
  await waitForEvents(page, "orgraph-load");
});

afterAll(async () => {
  await browser?.close();
});

describe("layout", () => {
  it("runs ForceAtlas2 in the project's own bundled worker (not a blob: URL)", async () => {
    expect(workers.some((url) => /\/assets\/layout\.worker-[\w-]+\.js$/.test(url))).toBe(true);
    expect(workers.some((url) => url.startsWith("blob:"))).toBe(false);
    const info = await page.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout,
    );
    expect(info).toMatchObject({ mode: "force", seed: 1, status: "done", inWorker: true });
  });

  it("same data and seed give the same picture: a re-run, another page, a page without workers", async () => {
    const first = await positions(page);
    await page.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).runLayout(),
    );
    expect(await positions(page)).toEqual(first);

    const other = await freshPage();
    expect(await positions(other)).toEqual(first);
    await other.close();

    const noWorker = await freshPage(() => {
      Object.defineProperty(window, "Worker", { value: undefined, configurable: true });
    });
    const info = await noWorker.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout,
    );
    expect(info.inWorker).toBe(false);
    expect(await positions(noWorker)).toEqual(first);
    await noWorker.close();
  });

  it("falls back to the page under a CSP that forbids workers", async () => {
    const csp = await browser.context.newPage();
    await csp.route(/\/(index\.html)?$/, async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace(
        "<head>",
        `<head><meta http-equiv="Content-Security-Policy" content="worker-src 'none'">`,
      );
      await route.fulfill({ response, body });
    });
    const violations: string[] = [];
    csp.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    await csp.goto(inject("baseUrl"));
    await csp.waitForFunction(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer)?.graph != null,
      null,
      { timeout: 30_000 },
    );
    expect(violations.join("\n")).toMatch(/worker-src/);
    const info = await csp.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout,
    );
    expect(info).toMatchObject({ status: "done", inWorker: false });
    expect(await positions(csp)).toEqual(await positions(page));
    await csp.close();
  });

  it("run, pause, resume from the toolbar; a new seed gives another picture", async () => {
    const before = await positions(page);
    await page.locator('orgraph-explorer [data-layout="seed"]').click();
    await page.waitForFunction(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return el.layout.seed === 2 && el.viewState.seed === 2 && el.layout.status === "done";
    });
    expect(new URL(page.url()).searchParams.get("seed")).toBe("2");
    // Pause a run right as it starts; nothing moves until it resumes.
    const paused = await page.evaluate(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      void el.runLayout();
      el.pauseLayout();
      return el.layout.status;
    });
    expect(paused).toBe("paused");
    const resume = page.locator('orgraph-explorer [data-layout="resume"]');
    await resume.waitFor();
    const a = await positions(page);
    await page.waitForTimeout(200);
    expect(await positions(page)).toEqual(a);
    expect(await layoutStatus(page)).toBe("paused");
    await resume.click();
    await page.waitForFunction(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout.status === "done",
    );
    const seeded2 = await positions(page);
    expect(seeded2).not.toEqual(before);
    // Seed 2 again: the same picture.
    await page.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).runLayout({ seed: 2 }),
    );
    expect(await positions(page)).toEqual(seeded2);
    // Back to seed 1 through the Run button.
    await page.evaluate(() => {
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).layoutSeed = 1;
    });
    await page.locator('orgraph-explorer [data-layout="run"]').click();
    await page.waitForFunction(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout.status === "done",
    );
    expect(await positions(page)).toEqual(before);
  });

  it("circular and by-category layouts from the mode menu", async () => {
    await page.locator('orgraph-explorer [data-layout="mode"]').selectOption("circular");
    await page.waitForFunction(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout.mode === "circular",
    );
    const circle = Object.values(await positions(page)).map(([x, y]) => Math.hypot(x, y));
    expect(Math.max(...circle) - Math.min(...circle)).toBeLessThan(1e-6 * Math.max(...circle));

    await page.locator('orgraph-explorer [data-layout="mode"]').selectOption("category");
    await page.waitForFunction(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout.mode === "category",
    );
    const columns = await page.evaluate(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const xs: Record<string, number[]> = {};
      el.graph!.forEachNode((_k, a) => (xs[a.category] ??= []).push(a.x));
      return Object.values(xs).map((v) => [Math.min(...v), Math.max(...v)]);
    });
    columns.sort((a, b) => a[0]! - b[0]!);
    for (let i = 1; i < columns.length; i++) {
      expect(columns[i]![0]).toBeGreaterThan(columns[i - 1]![1]!);
    }
    await page.screenshot({ path: "/tmp/orgraph-layout-category.png" });
    await page.locator('orgraph-explorer [data-layout="mode"]').selectOption("force");
    await page.waitForFunction(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).layout.status === "done",
    );
  });
});

/** Opens the export menu, picks `name`, returns the download's name and bytes. */
async function exportThrough(name: string): Promise<{ fileName: string; bytes: Buffer }> {
  const menu = page.locator("orgraph-explorer details.export-menu");
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open))) {
    await menu.locator("summary").click();
  }
  const [download] = await Promise.all([
    page.waitForEvent("download"),
    menu.locator(`[data-export="${name}"]`).click(),
  ]);
  const path = await download.path();
  return { fileName: download.suggestedFilename(), bytes: readFileSync(path) };
}

describe("exports", () => {
  const visibleCount = () =>
    page.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph!.order,
    );

  it("PNG of the view: a valid, non-blank PNG", async () => {
    const { fileName, bytes } = await exportThrough("png");
    expect(fileName).toBe("orgraph-release-view.png");
    expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]));
    const { ink, total } = await countInkPixels(page, bytes);
    expect(total).toBeGreaterThan(100_000);
    expect(ink).toBeGreaterThan(total * 0.005);
  });

  it("GEXF parses back through graphology-gexf with the same nodes", async () => {
    const { fileName, bytes } = await exportThrough("gexf");
    expect(fileName).toBe("orgraph-release-graph.gexf");
    const graph = parseGexf(Graph, bytes.toString("utf8"));
    expect(graph.order).toBe(await visibleCount());
  });

  it("GraphML, N-Triples and both CSVs download", async () => {
    const graphml = await exportThrough("graphml");
    expect(graphml.fileName).toBe("orgraph-release-graph.graphml");
    expect(graphml.bytes.toString("utf8")).toContain("<graphml");
    const nt = await exportThrough("n-triples");
    expect(nt.fileName).toBe("orgraph-release-visible.nt");
    expect(
      new Parser({ format: "N-Triples" }).parse(nt.bytes.toString("utf8")).length,
    ).toBeGreaterThan(100);
    const nodes = await exportThrough("nodes-csv");
    expect(nodes.fileName).toBe("orgraph-release-nodes.csv");
    expect(nodes.bytes.toString("utf8").trim().split("\r\n")).toHaveLength(
      (await visibleCount()) + 1,
    );
    const edges = await exportThrough("edges-csv");
    expect(edges.fileName).toBe("orgraph-release-edges.csv");
    expect(edges.bytes.toString("utf8").split("\r\n")[0]).toMatch(/source/i);
  });

  it("Turtle of a filtered view: parses through n3, re-imports with the same visible nodes", async () => {
    await page.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).setViewState({
        hiddenCategories: ["place", "country"],
      }),
    );
    const shown = await page.evaluate(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).visibleSubgraph!.nodes.size,
    );
    expect(shown).toBeLessThan(await visibleCount());
    const gexf = parseGexf(Graph, (await exportThrough("gexf")).bytes.toString("utf8"));
    expect(gexf.order).toBe(shown);
    const { fileName, bytes } = await exportThrough("turtle");
    expect(fileName).toBe("orgraph-release-visible.ttl");
    const text = bytes.toString("utf8");
    expect(new Parser({ format: "Turtle" }).parse(text).length).toBeGreaterThan(100);
    await page.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).setViewState({
        hiddenCategories: [],
      }),
    );
    const summary = await page.evaluate(
      (t) =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).load({
          text: t,
          format: "turtle",
        }),
      text,
    );
    expect(summary.nodes).toBe(shown);
  });
});
