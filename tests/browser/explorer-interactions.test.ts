/**
 * The explorer's tools on the release graph, in the built app: search, the legend as a category
 * filter, the filters panel, shortest paths with their sentences, the ego network and "expand",
 * colour and size modes, the n-ary toggle, the table view, the view state and its event, and a
 * keyboard-only run. Set ORGRAPH_SCREENSHOTS=/tmp to keep screenshots.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";
import { openPage, panelText, waitForEvents } from "./helpers";

const D = "https://orgraph.dev/data/iom-pk-2008/";
const LAGON = `${D}lagon`;
const MALIK = `${D}malik`;
const SHOTS = process.env.ORGRAPH_SCREENSHOTS;
const el = "orgraph-explorer";

let browser: LaunchedBrowser;
let page: Page;

async function shot(name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/orgraph-${name}.png` });
}

/** Runs `fn` in the page with the element (and a string argument). */
function explorer<T>(fn: (e: OrgraphExplorer, arg: string) => T, arg = ""): Promise<T> {
  return page.evaluate(
    ([source, a]) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return (new Function("e", "a", `return (${source})(e, a)`) as typeof fn)(e, a!);
    },
    [fn.toString(), arg] as const,
  );
}

/** Back to the default view state (keeps the camera and the data). */
async function resetView(): Promise<void> {
  await explorer((e) => {
    e.setViewState({
      selection: null,
      hiddenCategories: [],
      hiddenPredicates: [],
      hiddenSources: [],
      hideIsolated: false,
      search: "",
      ego: null,
      path: null,
      colourMode: "category",
      sizeMode: "degree",
      collapseNary: true,
      revealed: [],
    });
    return e.updateComplete;
  });
}

beforeAll(async () => {
  browser = await launchChromium({ viewport: { width: 1440, height: 900 } });
  page = await openPage(browser.context, inject("baseUrl"));
  await page.addInitScript(() => {
    document.addEventListener("orgraph-viewstate", (event) => {
      window.__orgraphEvents.push({
        type: "orgraph-viewstate",
        detail: (event as CustomEvent).detail,
      });
    });
  });
  await page.reload();
  await waitForEvents(page, "orgraph-load");
});

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  await resetView();
});

describe("search", () => {
  it('"lagon" and Enter selects Mark Lagon; the panel shows his post', async () => {
    const input = page.locator(`${el} input[type="search"][role="combobox"]`);
    await input.fill("lagon");
    const options = page.locator(`${el} #og-search-results [role="option"]`);
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    expect(await input.getAttribute("aria-expanded")).toBe("true");
    expect(await input.getAttribute("aria-activedescendant")).toBe("og-search-option-0");
    expect(await options.first().getAttribute("data-key")).toBe(LAGON);
    await shot("search");
    await input.press("Enter");
    await expect.poll(() => explorer((e) => e.selected)).toBe(LAGON);
    expect(await input.getAttribute("aria-expanded")).toBe("false");
    const text = await panelText(page);
    expect(text).toContain("Mark Lagon");
    expect(text).toMatch(/Directeur|Director/);
    expect(await explorer((e) => e.viewState.search)).toBe("lagon");
    expect(await explorer((e) => e.viewState.selection)).toBe(LAGON);
  });

  it('"ministere" lists both ministries; arrow keys move the active option', async () => {
    const input = page.locator(`${el} input[type="search"]`);
    await input.fill("ministere");
    const keys = () =>
      page
        .locator(`${el} #og-search-results [role="option"][data-key]`)
        .evaluateAll((items) => items.map((i) => (i as HTMLElement).dataset.key));
    await expect.poll(keys).toContain(`${D}ministry-interior`);
    expect(await keys()).toContain(`${D}ministry-women-development`);
    await input.press("ArrowDown");
    expect(await input.getAttribute("aria-activedescendant")).toBe("og-search-option-1");
    const active = page.locator(`${el} #og-search-option-1`);
    expect(await active.getAttribute("aria-selected")).toBe("true");
    await input.press("Escape");
    expect(await input.getAttribute("aria-expanded")).toBe("false");
  });
});

describe("filters", () => {
  it("the legend hides a category: its nodes leave the picture and the table; counts stay right", async () => {
    const before = await explorer((e) => {
      let persons = 0;
      e.graph!.forEachNode((_k, a) => {
        if (a.category === "person") persons++;
      });
      return { persons, order: e.graph!.order, data: JSON.stringify(e.graph!.export()) };
    });
    expect(before.persons).toBeGreaterThan(2);
    const button = page.locator(`${el} .legend-item[data-category="person"] button`);
    expect(await button.getAttribute("aria-pressed")).toBe("true");
    await button.click();
    expect(await button.getAttribute("aria-pressed")).toBe("false");
    expect(await explorer((e) => e.viewState.hiddenCategories)).toEqual(["person"]);
    const after = await explorer((e) => {
      const visible = e.visibleSubgraph!;
      const persons: string[] = [];
      e.graph!.forEachNode((k, a) => {
        if (a.category === "person") persons.push(k);
      });
      return {
        visiblePersons: persons.filter((k) => visible.nodes.has(k)).length,
        hiddenInRenderer: persons.every((k) => e.nodeDisplay(k)?.hidden === true),
        othersShown: [...visible.nodes].every((k) => e.nodeDisplay(k)?.hidden === false),
        order: e.graph!.order,
        data: JSON.stringify(e.graph!.export()),
      };
    });
    expect(after.visiblePersons).toBe(0);
    expect(after.hiddenInRenderer).toBe(true);
    expect(after.othersShown).toBe(true);
    // Filtered items leave the picture, not the data.
    expect(after.order).toBe(before.order);
    expect(after.data).toBe(before.data);
    const count = page.locator(`${el} .legend-item[data-category="person"] .legend-count`);
    expect(await count.innerText()).toBe(`0/${before.persons}`);
    // The table view shows no person either.
    await page.locator(`${el} [data-tool="table"]`).click();
    const categories = await page
      .locator(`${el} .data-table.nodes tbody tr td:nth-child(2)`)
      .allInnerTexts();
    expect(categories.length).toBeGreaterThan(0);
    expect(categories.some((c) => /Personne|Person/.test(c))).toBe(false);
    await shot("filtered");
    await button.click();
    expect(await count.innerText()).toBe(String(before.persons));
    await page.locator(`${el} [data-tool="table"]`).click();
  });

  it("the filters panel hides a relation type and a source kind; reset shows everything", async () => {
    await page.locator(`${el} [data-tool="filters"]`).click();
    const drawer = page.locator(`${el} .drawer .filters`);
    await expect.poll(() => drawer.count()).toBe(1);
    const firstPredicate = drawer.locator(".predicates input").first();
    await firstPredicate.uncheck();
    const state = await explorer((e) => e.viewState);
    expect(state.hiddenPredicates).toHaveLength(1);
    const gone = await explorer(
      (e, p) =>
        e
          .graph!.filterEdges((_k, a) => a.predicate === p)
          .every((k) => !e.visibleSubgraph!.edges.has(k)),
      state.hiddenPredicates[0]!,
    );
    expect(gone).toBe(true);
    expect(await page.locator(`${el} [data-tool="filters"] .badge`).innerText()).toBe("1");
    await drawer.locator("#og-fs-1").uncheck(); // the page template
    await drawer.locator("#og-f-isolated").check();
    expect(await explorer((e) => e.viewState.hiddenSources)).toEqual(["page-template"]);
    await shot("filters-panel");
    await drawer.locator(".reset-filters").click();
    expect(await explorer((e) => e.viewState.hiddenPredicates.length)).toBe(0);
    expect(await explorer((e) => e.viewState.hideIsolated)).toBe(false);
    expect(await explorer((e) => e.visibleSubgraph!.nodes.size === e.graph!.order)).toBe(true);
    await page.locator(`${el} [data-tool="filters"]`).click();
  });
});

describe("neighbourhood and paths", () => {
  it("ego depth 1 shows only Mark Lagon and his neighbours", async () => {
    await explorer((e, k) => e.select(k), LAGON);
    await page.locator(`${el} [data-tool="ego"]`).click();
    const result = await explorer((e, k) => {
      const expected = new Set([k, ...e.graph!.neighbors(k)]);
      const visible = e.visibleSubgraph!;
      return {
        ego: e.viewState.ego,
        same:
          visible.nodes.size === expected.size && [...expected].every((n) => visible.nodes.has(n)),
        size: visible.nodes.size,
        order: e.graph!.order,
      };
    }, LAGON);
    expect(result.ego).toEqual({ key: LAGON, depth: 1 });
    expect(result.same).toBe(true);
    expect(result.size).toBeLessThan(result.order);
    await page.locator(`${el} select[data-tool="depth"]`).selectOption("2");
    const deeper = await explorer((e) => e.visibleSubgraph!.nodes.size);
    expect(deeper).toBeGreaterThan(result.size);
    await shot("ego");
  });

  it("expand brings a node's hidden neighbours of one relation type into view", async () => {
    await explorer((e, k) => e.setViewState({ selection: k, ego: { key: k, depth: 1 } }), LAGON);
    // A neighbour of Lagon with hidden neighbours of its own.
    const neighbour = await explorer((e, k) => {
      const v = e.visibleSubgraph!;
      return e.graph!.neighbors(k).find((n) => e.graph!.neighbors(n).some((m) => !v.nodes.has(m)));
    }, LAGON);
    expect(neighbour).toBeTruthy();
    await explorer((e, k) => e.select(k), neighbour!);
    const expand = page.locator(`${el} .node-tools .expand-button`).first();
    await expect.poll(() => expand.count()).toBe(1);
    const before = await explorer((e) => e.visibleSubgraph!.nodes.size);
    const label = await expand.getAttribute("aria-label");
    const count = Number(/(\d+) ×/.exec(label ?? "")?.[1]);
    await expand.click();
    const after = await explorer((e) => ({
      size: e.visibleSubgraph!.nodes.size,
      revealed: e.viewState.revealed.length,
    }));
    expect(after.size).toBe(before + count);
    expect(after.revealed).toBe(count);
  });

  it("the path from Mark Lagon to Rehman Malik shows, with a supporting sentence per hop", async () => {
    await explorer((e, k) => e.select(k), LAGON);
    await page.locator(`${el} .node-tools [data-action="path-from"]`).click();
    const input = page.locator(`${el} input[type="search"]`);
    await input.fill("malik");
    await expect
      .poll(() => page.locator(`${el} #og-search-option-0`).getAttribute("data-key"))
      .toBe(MALIK);
    await input.press("Enter");
    await expect.poll(() => explorer((e) => e.selected)).toBe(MALIK);
    await page.locator(`${el} .node-tools [data-action="path-to"]`).click();
    expect(await explorer((e) => e.viewState.path)).toEqual({ from: LAGON, to: MALIK });
    const paths = await explorer((e) => e.paths!);
    expect(paths.distance).toBeGreaterThan(0);
    const first = page.locator(`${el} .drawer .paths section.path`).first();
    const hops = first.locator(".hop");
    expect(await hops.count()).toBe(paths.distance);
    for (let i = 0; i < paths.distance; i++) {
      const sentence = (await hops.nth(i).locator(".hop-sentence").first().innerText()).trim();
      expect(sentence.length).toBeGreaterThan(3);
      const hop = paths.paths[0]!.hops[i]!;
      const flat = (t: string) => t.replace(/\s+/g, " ").trim();
      expect(hop.spans.map((s) => flat(s.exact ?? ""))).toContain(flat(sentence));
    }
    // The path is highlighted in the picture and shown whatever the filters.
    const onPath = await explorer(
      (e) =>
        e.paths!.paths[0]!.nodes.every((n) => e.nodeDisplay(n)?.hidden === false) &&
        e.paths!.paths[0]!.hops.every((h) => e.visibleSubgraph!.edges.has(h.edge)),
    );
    expect(onPath).toBe(true);
    await shot("path");
    await page.locator(`${el} .drawer .paths .path-actions button`).last().click();
    expect(await explorer((e) => e.viewState.path)).toBeNull();
  });
});

describe("colour, size and n-ary modes", () => {
  it("colour by community changes the drawn colours, not the graph", async () => {
    const before = await explorer((e) => ({
      colours: e.graph!.mapNodes((k) => e.nodeDisplay(k)!.color),
      data: JSON.stringify(e.graph!.export()),
    }));
    await page.locator(`${el} select[data-tool="colour"]`).selectOption("community");
    expect(await explorer((e) => e.viewState.colourMode)).toBe("community");
    await expect
      .poll(() => explorer((e) => e.graph!.mapNodes((k) => e.nodeDisplay(k)!.color).join(",")))
      .not.toBe(before.colours.join(","));
    const after = await explorer((e) => ({
      colours: new Set(e.graph!.mapNodes((k) => e.nodeDisplay(k)!.color)).size,
      data: JSON.stringify(e.graph!.export()),
    }));
    expect(after.colours).toBeGreaterThan(1);
    expect(after.data).toBe(before.data);
    expect(await page.locator(`${el} .legend-note`).innerText()).toMatch(/communautés|communities/);
    await shot("communities");
  });

  it("size by betweenness changes the drawn sizes, not the graph", async () => {
    const before = await explorer((e) => e.graph!.mapNodes((k) => e.nodeDisplay(k)!.size));
    await page.locator(`${el} select[data-tool="size"]`).selectOption("betweenness");
    await expect
      .poll(() => explorer((e) => e.graph!.mapNodes((k) => e.nodeDisplay(k)!.size).join(",")))
      .not.toBe(before.join(","));
  });

  it("the n-ary toggle shows memberships as nodes, and back", async () => {
    const collapsed = await explorer((e) => ({ order: e.graph!.order, graph: e.graph }));
    await page.locator(`${el} input[data-tool="nary"]`).uncheck();
    await expect.poll(() => explorer((e) => e.graph!.order)).toBeGreaterThan(collapsed.order);
    const memberships = await explorer(
      (e) =>
        e.graph!.filterNodes((_k, a) => a.types.includes("http://www.w3.org/ns/org#Membership"))
          .length,
    );
    expect(memberships).toBeGreaterThan(0);
    expect(await explorer((e) => e.viewState.collapseNary)).toBe(false);
    await shot("nary-nodes");
    await page.locator(`${el} input[data-tool="nary"]`).check();
    await expect.poll(() => explorer((e) => e.graph!.order)).toBe(collapsed.order);
  });
});

describe("table view", () => {
  it("is sortable, filterable and selects both ways", async () => {
    await page.locator(`${el} [data-tool="table"]`).click();
    const table = page.locator(`${el} .data-table.nodes`);
    await expect.poll(() => table.count()).toBe(1);
    const labelHeader = table.locator("thead th").first();
    expect(await labelHeader.getAttribute("aria-sort")).toBe("none");
    await labelHeader.locator("button").click();
    expect(await labelHeader.getAttribute("aria-sort")).toBe("ascending");
    const labels = await table.locator("tbody th").allInnerTexts();
    const sorted = [...labels].sort((a, b) =>
      a.localeCompare(b, undefined, { sensitivity: "base", numeric: true }),
    );
    expect(labels).toEqual(sorted);
    await labelHeader.locator("button").click();
    expect(await labelHeader.getAttribute("aria-sort")).toBe("descending");
    // Filter, then select from the table.
    await page.locator(`${el} #og-table-filter`).fill("malik");
    await table.locator(`tbody button[data-key="${MALIK}"]`).click();
    await expect.poll(() => explorer((e) => e.selected)).toBe(MALIK);
    // Select in the graph: the table marks the row.
    await page.locator(`${el} #og-table-filter`).fill("");
    await explorer((e, k) => e.select(k), LAGON);
    const row = table.locator(`tbody tr[data-key="${LAGON}"]`);
    expect(await row.getAttribute("class")).toContain("selected");
    expect(await row.locator("button").getAttribute("aria-current")).toBe("true");
    await page.locator(`${el} .segment[data-tab="relations"]`).click();
    expect(await page.locator(`${el} .data-table.relations tbody tr`).count()).toBe(
      await explorer((e) => e.visibleSubgraph!.edges.size),
    );
    await shot("table");
    await page.locator(`${el} [data-tool="table"]`).click();
  });
});

describe("view state", () => {
  it("fires orgraph-viewstate on every change and rejects an invalid state", async () => {
    const before = (await waitForEvents(page, "orgraph-viewstate")).length;
    await explorer((e) => e.setViewState({ sizeMode: "pagerank" }));
    const events = await waitForEvents(page, "orgraph-viewstate", before + 1);
    expect(events.at(-1)!.detail).toMatchObject({ sizeMode: "pagerank" });
    const error = await explorer((e) => {
      try {
        e.setViewState({ colourMode: "rainbow" as never });
        return null;
      } catch (err) {
        return (err as Error).message;
      }
    });
    expect(error).toMatch(/colourMode/);
    expect(await explorer((e) => e.viewState.colourMode)).toBe("category");
  });
});

describe("keyboard only", () => {
  it("moving the focus from one node to another fades exactly what is outside the new neighbourhood", async () => {
    // The renderer restyles only what changed when the focus moves (src/render/renderer.ts,
    // gateRestyles): the old neighbourhood must fade, the new one come back in colour.
    const misdrawn = (focus: string) =>
      explorer((e, f) => {
        const g = e.graph!;
        const near = new Set(f ? [f, ...g.neighbors(f)] : g.nodes());
        return g.filterNodes((k) => (e.nodeDisplay(k)!.color === "#dde1e6") === near.has(k));
      }, focus);
    // Some of Malik's neighbours are neither Lagon nor Lagon's: they must fade on the move.
    const onlyNearMalik = await explorer((e, a) => {
      const [m, l] = a.split(" ") as [string, string];
      const g = e.graph!;
      return g.neighbors(m).filter((k) => k !== l && !g.areNeighbors(k, l));
    }, `${MALIK} ${LAGON}`);
    expect(onlyNearMalik.length).toBeGreaterThan(0);
    await explorer((e, k) => e.setViewState({ selection: k }), MALIK);
    await expect.poll(() => misdrawn(MALIK)).toEqual([]);
    await explorer((e, k) => e.setViewState({ selection: k }), LAGON);
    await expect.poll(() => misdrawn(LAGON)).toEqual([]);
    await explorer((e) => e.setViewState({ selection: null }));
    await expect.poll(() => misdrawn("")).toEqual([]);
  });

  it("searches, selects and opens a neighbour without a mouse", async () => {
    // Start from the top of the page, with nothing focused.
    await page.evaluate(() => {
      const e = document.querySelector("orgraph-explorer")!;
      (e.shadowRoot!.activeElement as HTMLElement | null)?.blur();
      (document.activeElement as HTMLElement | null)?.blur();
    });
    const focused = () =>
      page.evaluate(() => {
        const e = document.querySelector("orgraph-explorer")!;
        const a = e.shadowRoot!.activeElement as HTMLElement | null;
        return a
          ? {
              tag: a.tagName.toLowerCase(),
              type: a.getAttribute("type"),
              key: a.dataset.key ?? null,
              details: !!a.closest(".details"),
            }
          : null;
      });
    let found = false;
    for (let i = 0; i < 30 && !found; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      found = f?.tag === "input" && f.type === "search";
    }
    expect(found).toBe(true);
    await page.keyboard.type("malik");
    await expect
      .poll(() => page.locator(`${el} #og-search-option-0`).getAttribute("data-key"))
      .toBe(MALIK);
    await page.keyboard.press("Enter");
    await expect.poll(() => explorer((e) => e.selected)).toBe(MALIK);
    // Tab to the first relation link of the details panel, then open it.
    let neighbour: string | null = null;
    for (let i = 0; i < 80 && neighbour === null; i++) {
      await page.keyboard.press("Tab");
      const f = await focused();
      if (f?.details && f.key && f.key !== MALIK) neighbour = f.key;
    }
    expect(neighbour).toBeTruthy();
    await shot("keyboard-focus");
    await page.keyboard.press("Enter");
    await expect.poll(() => explorer((e) => e.selected)).toBe(neighbour);
  });
});
