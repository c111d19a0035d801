/**
 * A hover and a filter on a graph past the large-graph thresholds (src/render/scale.ts) change
 * only what they show (issue 6: explorable at 100k nodes / 500k edges, no full refresh per
 * hover): the hovered node's neighbourhood comes forward with its labels, the rest is not
 * faded; sigma restyles only the neighbourhood, never reprocesses the whole graph, and uploads
 * to the GPU only a sliver of what a full restyle (a selection, which fades the rest) uploads.
 * Leaving the node (or showing a hidden category again) gives back the very same pixels.
 * A layout's tick moves every node without restyling or reprocessing any (positions.ts), and
 * draws what sigma's own full refresh draws; the pointer then finds a moved node where it is.
 * Renderer alone (tests/browser/renderer-page/, served by Vite) in headless Chromium.
 */
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { Page } from "playwright-core";
import { createServer, type ViteDevServer } from "vite";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LARGE_GRAPH_EDGES, POSITION_UPDATE_NODES } from "../../src/render/scale";
import type { RendererTestApi } from "./renderer-page/main";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

let server: ViteDevServer;
let browser: LaunchedBrowser;
let page: Page;
let setup: Awaited<ReturnType<RendererTestApi["setup"]>>;

type Api = RendererTestApi;
/** Calls the page's test API. */
function call<K extends keyof Api>(
  name: K,
  ...args: Parameters<Api[K]>
): Promise<Awaited<ReturnType<Api[K]>>> {
  return page.evaluate(
    ([n, a]) => {
      const api = (
        window as unknown as { rendererTest: Record<string, (...x: unknown[]) => unknown> }
      ).rendererTest;
      return api[n as string]!(...(a as unknown[]));
    },
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Api[K]>>>;
}

beforeAll(async () => {
  server = await createServer({
    configFile: false,
    root: fileURLToPath(new URL("./renderer-page/", import.meta.url)),
    cacheDir: join(tmpdir(), "orgraph-renderer-page-vite"),
    logLevel: "warn",
    server: { host: "127.0.0.1", port: 0, strictPort: false, hmr: false },
  });
  await server.listen();
  const address = server.httpServer!.address();
  const port = typeof address === "object" && address ? address.port : 0;
  browser = await launchChromium({ viewport: { width: 700, height: 440 }, locale: "en-GB" });
  page = await browser.context.newPage();
  await page.goto(`http://127.0.0.1:${port}/`);
  await page.waitForFunction(() => "rendererTest" in window, null, { timeout: 60_000 });
  setup = await call("setup", 2_500, LARGE_GRAPH_EDGES + 1_000);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe("a hover past LARGE_GRAPH_EDGES edges", () => {
  it("restyles and uploads only the neighbourhood, and leaving gives the same picture back", async () => {
    const { node, neighbours, edges, pixels: before } = setup;
    expect(setup.size).toBeGreaterThan(LARGE_GRAPH_EDGES);
    // The first hover's edge labels needed new glyphs: sigma redrew them, the graph untouched.
    expect(setup.reprocessedForGlyphs).toBe(0);
    const stranger = await call("stranger", node);
    const strangerBefore = await call("look", stranger);

    const hover = await call("hover", node);
    // Only the hovered node, its neighbours and its edges; no pass over the whole graph.
    expect(hover.reprocessed).toBe(0);
    expect(hover.restyledNodes).toBeGreaterThan(0);
    expect(hover.restyledNodes).toBeLessThanOrEqual(neighbours + 1);
    expect(hover.restyledEdges).toBe(edges);
    expect(hover.pixels).not.toBe(before);
    // What the user sees: the neighbourhood forward with its labels, the rest not faded.
    for (const n of (await call("neighbours", node)).slice(0, 5)) {
      expect(await call("look", n)).toMatchObject({
        depth: "topNodes",
        labelVisibility: "visible",
      });
    }
    expect(await call("look", stranger)).toEqual(strangerBefore);

    const leave = await call("leave", node);
    expect(leave.reprocessed).toBe(0);
    expect(leave.restyledNodes).toBeLessThanOrEqual(neighbours + 1);
    expect(leave.restyledEdges).toBe(edges);
    expect(leave.pixels).toBe(before);
    expect((await call("look", (await call("neighbours", node))[0]!)).depth).toBe("nodes");

    // A selection fades the rest: every node and edge restyled, buffers uploaded whole. The
    // hover uploaded a sliver of that.
    const select = await call("select", node);
    expect(select.restyledNodes).toBe(setup.order);
    expect(select.restyledEdges).toBe(setup.size);
    expect(hover.uploadedBytes * 50).toBeLessThan(select.uploadedBytes);
    expect(leave.uploadedBytes * 50).toBeLessThan(select.uploadedBytes);
    const unselect = await call("select", null);
    expect(unselect.pixels).toBe(before);
  });
});

describe("a category filter past LARGE_GRAPH_EDGES edges", () => {
  it("restyles only what it hides and shows, and showing it again gives the same picture back", async () => {
    const hide = await call("hideCategory", "organisation");
    expect(hide.hiddenNodes).toBeGreaterThan(0);
    expect(hide.reprocessed).toBe(0);
    expect(hide.restyledNodes).toBe(hide.hiddenNodes);
    expect(hide.restyledEdges).toBe(hide.hiddenEdges);
    expect(hide.pixels).not.toBe(setup.pixels);
    const show = await call("hideCategory", null);
    expect(show.restyledNodes).toBe(hide.hiddenNodes);
    expect(show.restyledEdges).toBe(hide.hiddenEdges);
    expect(show.pixels).toBe(setup.pixels);
    // The filter's items get only their visibility (no style rule run again): what sigma's
    // own full refresh (every item restyled) draws from the same states, hidden and shown.
    await call("fullRefresh");
    const hidden = await call("hideCategory", "organisation");
    expect(hidden.restyledEdges).toBe(hide.hiddenEdges);
    expect((await call("fullRefresh")).pixels).toBe(hidden.pixels);
    const shown = await call("hideCategory", null);
    expect((await call("fullRefresh")).pixels).toBe(shown.pixels);
    // Edges hidden while their ends stay: the same as sigma's full refresh too.
    const edgesOnly = await call("hideEdgesOf", "person");
    expect(edgesOnly.hiddenEdges).toBeGreaterThan(0);
    expect(edgesOnly.restyledEdges).toBe(edgesOnly.hiddenEdges);
    expect(edgesOnly.pixels).not.toBe(shown.pixels);
    expect((await call("fullRefresh")).pixels).toBe(edgesOnly.pixels);
    expect((await call("hideEdgesOf", null)).pixels).toBe(shown.pixels);
    // And a hover after the filter still restyles the neighbourhood only.
    const hover = await call("hover", setup.node);
    expect(hover.reprocessed).toBe(0);
    expect(hover.restyledEdges).toBe(setup.edges);
    await call("leave", setup.node);
  });
});

describe("a layout's tick past POSITION_UPDATE_NODES nodes", () => {
  it("frames the graph again for a new stage size the same way, without restyling or reprocessing", async () => {
    // Sigma's own full refresh first: the draw order the earlier hovers and filters left is
    // sigma's again (a full refresh re-sorts it), so that pictures compare.
    const start = await call("fullRefresh");
    const before = await call("applied");
    const resized = await call("resize", 520, 360);
    expect(resized.applied).toBe(before + 1);
    expect(resized.pixels).not.toBe(start.pixels);
    expect(resized.evaluatedNodes).toBe(0);
    expect(resized.restyledNodes).toBe(0);
    expect(resized.reprocessed).toBe(0);
    const framing = await call("framing");
    const full = await call("fullRefresh");
    expect(await call("framing")).toEqual(framing);
    expect(full.pixels).toBe(resized.pixels);
  });

  it("moves the nodes without restyling or reprocessing any, as sigma's own refresh would draw them, and the pointer finds a moved node", async () => {
    expect(setup.order).toBeGreaterThan(POSITION_UPDATE_NODES);
    const node = await call("biggest");
    // Sigma's own full refresh first: the draw order the earlier hovers and filters left is
    // sigma's again (a full refresh re-sorts it), so that pictures compare.
    await call("fullRefresh");
    await call("zoomOn", node, 0.05);
    const before = await call("whereIs", node);
    const applied = await call("applied");

    // Every node turned around the centre and spread out, as a layout's tick writes them.
    const tick = await call("tick", 0.8, 1.3);
    expect(tick.applied).toBe(applied + 1);
    expect(tick.evaluatedNodes).toBe(0);
    expect(tick.evaluatedEdges).toBe(0);
    expect(tick.restyledNodes).toBe(0);
    expect(tick.restyledEdges).toBe(0);
    expect(tick.reprocessed).toBe(0);
    const after = await call("whereIs", node);
    expect(Math.hypot(after.x - before.x, after.y - before.y)).toBeGreaterThan(50);
    expect(tick.pixels).not.toBe(setup.pixels);

    // Sigma's own full refresh of the same graph (every node restyled, re-framed, its labels
    // re-indexed) frames it the same and draws the very same picture.
    const framing = await call("framing");
    const full = await call("fullRefresh");
    expect(full.evaluatedNodes).toBe(setup.order);
    const fullFraming = await call("framing");
    expect(framing.extent).toEqual(fullFraming.extent);
    expect(framing.xy).toEqual(fullFraming.xy);
    expect(framing.cells).toEqual(fullFraming.cells);
    expect(full.pixels).toBe(tick.pixels);

    // Another tick: the pointer where the node is now (its graph x/y on this framing) finds
    // it, sigma's picking reads the positions written.
    const again = await call("tick", -0.5, 0.9);
    expect(again.applied).toBe(applied + 2);
    expect(again.evaluatedNodes).toBe(0);
    await call("zoomOn", node, 0.05);
    const now = await call("whereIs", node);
    await page.mouse.move(now.x, now.y);
    await expect.poll(() => call("hovered"), { timeout: 10_000 }).toBe(node);
  });
});
