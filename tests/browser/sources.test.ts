/**
 * Named graphs as a source dimension (issue 6) on the built-in dataset: the filters panel lists
 * the named graphs with their relation counts and a box to narrow the list; hiding one graph of
 * the release body hides the relation only it asserts while a relation another graph
 * corroborates stays; the state is in the URL, a reload keeps it and back undoes it.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

const DATA = "https://orgraph.dev/data/iom-pk-2008/";
const TITLE = `${DATA}g-title`;
/** Asserted in :g-title and in :g-conference. */
const CORROBORATED = `${DATA}conference http://schema.org/about ${DATA}trafficking`;
const el = "orgraph-explorer";

let browser: LaunchedBrowser;
let page: Page;

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

/** The edges asserted only in :g-title, and whether each edge is drawn. */
function display(p: Page): Promise<{ only: string[]; onlyHidden: boolean[]; corrHidden: boolean }> {
  return p.evaluate(
    ([title, corroborated]) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const only = e.graph!.filterEdges((_k, a) => a.graphs.length === 1 && a.graphs[0] === title);
      return {
        only,
        onlyHidden: only.map((k) => e.edgeDisplay(k)?.hidden ?? true),
        corrHidden: e.edgeDisplay(corroborated!)?.hidden ?? true,
      };
    },
    [TITLE, CORROBORATED] as const,
  );
}

beforeAll(async () => {
  browser = await launchChromium({ locale: "fr-FR", viewport: { width: 1280, height: 800 } });
  page = await browser.context.newPage();
  await page.goto(inject("baseUrl"));
  await loaded(page);
});

afterAll(async () => {
  await browser?.close();
});

describe("named graphs in the filters panel", () => {
  it("lists the graphs with counts; narrowing finds one; hiding it keeps corroborated relations", async () => {
    const before = await display(page);
    expect(before.only).toHaveLength(1);
    expect(before.onlyHidden).toEqual([false]);
    expect(before.corrHidden).toBe(false);

    await page.locator(`${el} [data-tool="filters"]`).click();
    const graphs = page.locator(`${el} .drawer .filters fieldset.graphs`);
    await expect.poll(() => graphs.count()).toBe(1);
    expect(await graphs.locator("legend").innerText()).toMatch(/graphes nommés/i);
    const rows = graphs.locator(".filter-row");
    const all = await rows.count();
    expect(all).toBeGreaterThan(40);
    // The default graph is its own entry, first.
    expect(await rows.first().innerText()).toMatch(/Graphe par défaut\s*5/);

    await graphs.locator("input.graph-query").fill("g-title");
    await expect.poll(() => rows.count()).toBe(1);
    const row = rows.first();
    // Labelled by the source it was derived from, with its short name and relation count.
    expect(await row.innerText()).toMatch(/Corps du communiqué\s+:g-title\s+2/);
    expect(await row.locator("label").getAttribute("title")).toBe(TITLE);

    const length0 = await page.evaluate(() => history.length);
    await row.locator("input[type=checkbox]").uncheck();
    await page.waitForFunction(() => location.search.includes("hg="));
    expect(new URL(page.url()).searchParams.getAll("hg")).toEqual([TITLE]);
    expect(await page.evaluate(() => history.length)).toBe(length0 + 1);
    expect(
      await page.evaluate(
        () =>
          (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState.hiddenSources,
      ),
    ).toEqual([`graph:${TITLE}`]);
    // One of its two relations is gone, the other is asserted by :g-conference too.
    expect(await row.locator(".filter-count").innerText()).toBe("1/2");
    const after = await display(page);
    expect(after.onlyHidden).toEqual([true]);
    expect(after.corrHidden).toBe(false);
    expect(await page.locator(`${el} [data-tool="filters"] .badge`).innerText()).toBe("1");

    await graphs.locator("input.graph-query").fill("zzz-no-such-graph");
    expect(await graphs.locator(".hint").innerText()).toMatch(/Aucun graphe/);
    await graphs.locator("input.graph-query").fill("");
    await expect.poll(() => rows.count()).toBe(all);
  });

  it("reload keeps the hidden graph; back shows it again", async () => {
    await page.reload();
    await loaded(page);
    const restored = await display(page);
    expect(restored.onlyHidden).toEqual([true]);
    expect(restored.corrHidden).toBe(false);

    await page.goBack();
    await page.waitForFunction(() => !location.search.includes("hg="));
    await page.waitForFunction(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState.hiddenSources
          .length === 0,
    );
    const back = await display(page);
    expect(back.onlyHidden).toEqual([false]);
    expect(back.corrHidden).toBe(false);
  });

  it("in English the list reads in English; 'show every graph' clears only the graphs", async () => {
    await page.evaluate(() => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      e.setViewState({
        uiLanguage: "en",
        hiddenSources: ["page-template", `graph:https://orgraph.dev/data/iom-pk-2008/g-title`],
      });
    });
    const drawer = page.locator(`${el} .drawer .filters`);
    if ((await drawer.count()) === 0) await page.locator(`${el} [data-tool="filters"]`).click();
    const graphs = drawer.locator("fieldset.graphs");
    await expect.poll(() => graphs.locator("legend").innerText()).toMatch(/named graphs/i);
    expect(await graphs.locator(".filter-row").first().innerText()).toMatch(/Default graph/);
    await graphs.locator(".show-graphs").click();
    expect(
      await page.evaluate(
        () =>
          (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState.hiddenSources,
      ),
    ).toEqual(["page-template"]);
    expect(await graphs.locator(".show-graphs").count()).toBe(0);
  });
});
