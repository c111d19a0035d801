/**
 * The explorer's encoding and view details on the release graph, in the built app: shapes by
 * category (canvas and legend), the tooltip of a hovered edge, edge labels when zoomed in, the
 * data-label language apart from the UI language, the layout mode in the URL, paths within the
 * filters, posts and statements collapsed into edges (with "as of" and the details panel),
 * Escape on the drawers, the table following the selection, and a narrow screen.
 * Set ORGRAPH_SCREENSHOTS=/tmp to keep screenshots.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

const D = "https://orgraph.dev/data/iom-pk-2008/";
const LAGON = `${D}lagon`;
const MALIK = `${D}malik`;
const SHOTS = process.env.ORGRAPH_SCREENSHOTS;
const el = "orgraph-explorer";

let browser: LaunchedBrowser;
let page: Page;

async function shot(p: Page, name: string): Promise<void> {
  if (SHOTS) await p.screenshot({ path: `${SHOTS}/orgraph-${name}.png` });
}

/** Runs `fn` in the page with the element (and a string argument). */
function explorer<T>(fn: (e: OrgraphExplorer, arg: string) => T, arg = "", p = page): Promise<T> {
  return p.evaluate(
    ([source, a]) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return (new Function("e", "a", `return (${source})(e, a)`) as typeof fn)(e, a!);
    },
    [fn.toString(), arg] as const,
  );
}

async function loaded(p: Page): Promise<void> {
  await p.waitForFunction(
    () => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer | null;
      return !!e?.graph && e.layout.status === "done";
    },
    null,
    { timeout: 30_000 },
  );
}

beforeAll(async () => {
  browser = await launchChromium({ locale: "fr-FR", viewport: { width: 1440, height: 900 } });
  page = await browser.context.newPage();
  await page.goto(inject("baseUrl"));
  await loaded(page);
});

afterAll(async () => {
  await browser?.close();
});

describe("encoding", () => {
  it("shapes by category on the canvas and in the legend", async () => {
    const shapes = await explorer((e) => {
      const out: Record<string, string> = {};
      e.graph!.forEachNode((k, a) => {
        out[a.category] = e.nodeDisplay(k)!.shape;
      });
      return out;
    });
    expect(shapes).toMatchObject({
      person: "circle",
      organisation: "square",
      event: "diamond",
      statement: "triangle",
    });
    const legend = await page
      .locator(`${el} .legend-item`)
      .evaluateAll((items) =>
        items.map((li) => [
          li.getAttribute("data-category"),
          li.querySelector(".swatch")?.getAttribute("data-shape"),
          getComputedStyle(li.querySelector(".swatch")!).clipPath,
        ]),
      );
    for (const [category, shape] of legend) expect(shape).toBe(shapes[category!]);
    const event = legend.find(([c]) => c === "event");
    expect(event?.[2]).toMatch(/polygon/);
    // The accessible name is unchanged: the category and its count.
    expect(
      await page
        .locator(`${el} .legend-item[data-category="person"] button`)
        .getAttribute("aria-label"),
    ).toMatch(/Personne/);
    if (SHOTS) {
      await page
        .locator(`${el} .legend`)
        .screenshot({ path: `${SHOTS}/orgraph-legend-shapes.png` });
    }
  });

  it("hovering an edge shows its label and the sentence it comes from (text only)", async () => {
    const edge = await explorer((e, k) => {
      const g = e.graph!;
      return g.findEdge(
        (_e, a, s) => s === k && a.spans.some((sp) => (sp.exact ?? "").length > 20),
      )!;
    }, LAGON);
    expect(edge).toBeTruthy();
    expect(await explorer((e, k) => e.hoverEdge(k), edge)).toBe(true);
    const tip = page.locator(`${el} .edge-tooltip`);
    await expect.poll(() => tip.count()).toBe(1);
    const expected = await explorer((e, k) => {
      const a = e.graph!.getEdgeAttributes(k);
      return { label: a.label, exact: a.spans.map((s) => s.exact ?? "") };
    }, edge);
    expect(await tip.locator(".edge-tooltip-label").innerText()).toBe(expected.label);
    const sentence = (await tip.locator(".edge-tooltip-sentence").innerText()).replace(/…$/, "");
    const flat = (t: string) => t.replace(/\s+/g, " ").trim();
    expect(expected.exact.some((x) => flat(x).startsWith(flat(sentence)))).toBe(true);
    expect(await tip.getAttribute("role")).toBe("tooltip");
    await shot(page, "edge-tooltip");
    await explorer((e) => e.hoverEdge(null));
    await expect.poll(() => tip.count()).toBe(0);
  });

  it("edge labels show between labelled nodes once zoomed in, not at the start", async () => {
    const edge = await explorer((e) => e.graph!.edges()[0]!);
    expect((await explorer((e, k) => e.edgeDisplay(k)!, edge)).labelVisibility).toBe("hidden");
    await explorer((e) => {
      e.camera = { x: 0.5, y: 0.5, ratio: 0.3, angle: 0 };
    });
    await expect
      .poll(async () => (await explorer((e, k) => e.edgeDisplay(k)!, edge)).labelVisibility)
      .toBe("auto");
    await explorer((e) => {
      e.camera = { x: 0.5, y: 0.5, ratio: 1, angle: 0 };
    });
    await expect
      .poll(async () => (await explorer((e, k) => e.edgeDisplay(k)!, edge)).labelVisibility)
      .toBe("hidden");
  });
});

describe("the view in the URL", () => {
  it("data labels in English while the UI stays French; reload keeps it", async () => {
    const key = await explorer((e) =>
      e.graph!.findNode((_k, a) => a.label === "Ministère de l'Intérieur")!,
    );
    expect(key).toBeTruthy();
    const english = await explorer((e, k) => e.graph!.getNodeAttribute(k, "labels").en![0]!, key);
    expect(english).not.toBe("Ministère de l'Intérieur");
    expect((await explorer((e, k) => e.nodeDisplay(k)!, key)).label).toBe(
      "Ministère de l'Intérieur",
    );
    await page.locator(`${el} select[data-tool="data-labels"]`).selectOption("en");
    await expect
      .poll(async () => (await explorer((e, k) => e.nodeDisplay(k)!, key)).label)
      .toBe(english);
    expect(await explorer((e) => e.viewState.uiLanguage)).toBe("fr");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
    expect(new URL(page.url()).searchParams.get("dl")).toBe("en,fr");
    await page.reload();
    await loaded(page);
    expect(await explorer((e) => e.viewState.dataLanguages)).toEqual(["en", "fr"]);
    await expect
      .poll(async () => (await explorer((e, k) => e.nodeDisplay(k)!, key)).label)
      .toBe(english);
    expect(await page.locator(`${el} [data-tool="filters"]`).innerText()).toMatch(/Filtres/);
    await page.locator(`${el} select[data-tool="data-labels"]`).selectOption("auto");
    await expect
      .poll(async () => (await explorer((e, k) => e.nodeDisplay(k)!, key)).label)
      .toBe("Ministère de l'Intérieur");
  });

  it("choosing the circular layout; reload restores it", async () => {
    await page.locator(`${el} select[data-layout="mode"]`).selectOption("circular");
    await expect.poll(() => explorer((e) => e.viewState.layout)).toBe("circular");
    await expect.poll(() => new URL(page.url()).searchParams.get("lay")).toBe("circular");
    await page.reload();
    await loaded(page);
    expect(await explorer((e) => [e.viewState.layout, e.layout.mode])).toEqual([
      "circular",
      "circular",
    ]);
    await explorer((e) => e.runLayout({ mode: "force" }));
    expect(await explorer((e) => e.viewState.layout)).toBe("force");
  });
});

describe("paths, n-ary toggles, drawers, table", () => {
  it("paths run within the filters; none there says so", async () => {
    await explorer(
      (e, ends) => e.setViewState({ path: JSON.parse(ends) as { from: string; to: string } }),
      JSON.stringify({ from: LAGON, to: MALIK }),
    );
    const all = await explorer((e) => e.paths!);
    expect(all.distance).toBeGreaterThan(0);
    // Hide the categories of the first path's middle nodes: paths avoid them, or there is none.
    const middle = await explorer((e) => {
      const nodes = e.paths!.paths[0]!.nodes.slice(1, -1);
      return [...new Set(nodes.map((n) => e.graph!.getNodeAttribute(n, "category")))];
    });
    await explorer(
      (e, cats) => e.setViewState({ hiddenCategories: JSON.parse(cats) as never }),
      JSON.stringify(middle),
    );
    const filtered = await explorer((e) => ({
      within: e.paths!.paths.every((p) => p.nodes.every((n) => e.visibleSubgraph!.nodes.has(n))),
      categories: e.paths!.paths.flatMap((p) =>
        p.nodes.slice(1, -1).map((n) => e.graph!.getNodeAttribute(n, "category")),
      ),
    }));
    expect(filtered.within).toBe(true);
    for (const c of filtered.categories) expect(middle).not.toContain(c);
    // Only people left: Lagon and Malik are not linked through people alone.
    await explorer((e) =>
      e.setViewState({
        hiddenCategories: [
          "role",
          "organisation",
          "ministry",
          "country",
          "place",
          "event",
          "statement",
          "document",
          "other",
        ],
      }),
    );
    expect(await explorer((e) => e.paths!.distance)).toBe(-1);
    const status = page.locator(`${el} .drawer .paths [role="status"]`);
    await expect.poll(() => status.innerText()).toMatch(/vue filtrée/);
    await shot(page, "path-filtered");
    // Escape closes the drawer.
    await page.locator(`${el} .drawer .paths button`).first().focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(`${el} .drawer`).count()).toBe(0);
    await explorer((e) => e.setViewState({ path: null, hiddenCategories: [] }));
  });

  it("Escape closes the filters drawer and gives the focus back to its button", async () => {
    await page.locator(`${el} [data-tool="filters"]`).click();
    await expect.poll(() => page.locator(`${el} .drawer`).count()).toBe(1);
    await page.locator(`${el} .drawer input[type="checkbox"]`).first().focus();
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(`${el} .drawer`).count()).toBe(0);
    expect(
      await page.evaluate(
        () =>
          document
            .querySelector("orgraph-explorer")!
            .shadowRoot!.activeElement?.getAttribute("data-tool") ?? null,
      ),
    ).toBe("filters");
  });

  it("posts and statements collapse into labelled edges; statements panel, as of and details still work", async () => {
    const before = await explorer((e) => e.graph!.order);
    await page.locator(`${el} input[data-tool="nary-posts"]`).check();
    await page.locator(`${el} input[data-tool="nary-statements"]`).check();
    await expect
      .poll(() => explorer((e) => [e.viewState.collapsePosts, e.viewState.collapseStatements]))
      .toEqual([true, true]);
    const after = await explorer((e) => ({
      order: e.graph!.order,
      statements: e.graph!.filterNodes((_k, a) => a.category === "statement").length,
      said: e
        .graph!.filterEdges((_e, a) => a.predicate.endsWith("#said"))
        .map((k) => e.graph!.getEdgeAttribute(k, "label")),
    }));
    expect(after.order).toBeLessThan(before);
    expect(after.statements).toBe(0);
    expect(after.said.length).toBeGreaterThan(0);
    for (const l of after.said) expect(l).toMatch(/^« .+ »$/);
    expect(new URL(page.url()).searchParams.get("posts")).toBe("1");
    expect(new URL(page.url()).searchParams.get("stmts")).toBe("1");
    // The statements panel still lists every statement; selecting one selects its speaker.
    expect(await explorer((e) => e.statements.length)).toBeGreaterThan(5);
    const first = await explorer((e) => e.statements[0]!.key);
    expect(await explorer((e, k) => e.selectStatement(k), first)).toBe(true);
    expect(await explorer((e) => e.selected)).toBeTruthy();
    // Details of a post holder with a collapsed post edge render (timing mapped to the model).
    await explorer((e, k) => {
      e.tab = "details";
      e.select(k);
      return e.updateComplete;
    }, MALIK);
    expect(await page.locator(`${el} .panel`).innerText()).toMatch(/Rehman Malik/);
    // "As of" hides the collapsed edges of the graph shown (mapped from the model's).
    await explorer((e) => {
      e.asOf = "1990";
    });
    const hidden = await explorer((e) => e.outOfDate.filter((k) => e.graph!.hasEdge(k)).length);
    const all = await explorer((e) => e.outOfDate.length);
    expect(all).toBeGreaterThan(0);
    expect(hidden).toBe(all);
    await explorer((e) => {
      e.asOf = null;
      e.setViewState({ collapsePosts: false, collapseStatements: false, selection: null });
    });
    await expect.poll(() => explorer((e) => e.graph!.order)).toBe(before);
  });

  it("the table view scrolls the selected row into view", async () => {
    await page.locator(`${el} [data-tool="table"]`).click();
    const scroller = page.locator(`${el} .table-scroll`);
    await expect.poll(() => scroller.count()).toBe(1);
    // The last row of the nodes table.
    const last = await page
      .locator(`${el} .data-table.nodes tbody tr[data-key]`)
      .last()
      .getAttribute("data-key");
    await explorer((e, k) => e.select(k), last!);
    await expect
      .poll(() =>
        page.evaluate(() => {
          const root = document.querySelector("orgraph-explorer")!.shadowRoot!;
          const box = root.querySelector(".table-scroll")!.getBoundingClientRect();
          const row = root.querySelector(".data-table.nodes tr.selected")!.getBoundingClientRect();
          return row.top >= box.top - 1 && row.bottom <= box.bottom + 1;
        }),
      )
      .toBe(true);
    expect(await scroller.evaluate((s) => s.scrollTop)).toBeGreaterThan(0);
    await page.locator(`${el} [data-tool="table"]`).click();
    await explorer((e) => e.select(null));
  });
});

describe("a narrow screen (390×844)", () => {
  it("the toolbar and the panel stay usable, and axe stays clean", async () => {
    const b = await launchChromium({ locale: "fr-FR", viewport: { width: 390, height: 844 } });
    try {
      const p = await b.context.newPage();
      await p.goto(inject("baseUrl"));
      await loaded(p);
      await shot(p, "mobile-start");
      const sizes = await p.evaluate(() => {
        const root = document.querySelector("orgraph-explorer")!.shadowRoot!;
        const rect = (s: string) => root.querySelector(s)!.getBoundingClientRect();
        return {
          width: document.documentElement.scrollWidth,
          stage: rect(".stage"),
          panel: rect(".panel"),
          toolbar: rect(".toolbar"),
        };
      });
      // Nothing wider than the screen; the stage keeps a usable height; the panel is below it.
      expect(sizes.width).toBeLessThanOrEqual(390);
      expect(sizes.stage.height).toBeGreaterThan(250);
      expect(sizes.panel.top).toBeGreaterThanOrEqual(sizes.stage.bottom - 1);
      expect(sizes.toolbar.width).toBeLessThanOrEqual(390);
      // The search box is reachable and works.
      await p.locator(`${el} input[type="search"]`).fill("lagon");
      await p.locator(`${el} input[type="search"]`).press("Enter");
      await expect.poll(() => explorer((e) => e.selected, "", p)).toBe(LAGON);
      await shot(p, "mobile");
      const results = await new AxeBuilder({ page: p })
        .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
        .analyze();
      const serious = results.violations.filter(
        (v) => v.impact === "serious" || v.impact === "critical",
      );
      expect(
        serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
      ).toEqual([]);
    } finally {
      await b.close();
    }
  });
});
