/**
 * Literal facts keep their named graph (issue 6): a user loads a TriG where one report is
 * described in two graphs, opens its details and sees the graph each fact comes from (its label,
 * or the source it was derived from, as links); hiding one graph in the filters panel takes away
 * only the facts that graph alone gives (a fact the other graph also asserts stays), and search
 * no longer finds the report by a hidden fact.
 */
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { parseRdf } from "../../src/core/rdf/parse";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

const EX = "https://example.org/facts/";
const el = "orgraph-explorer";
const TRIG = `
@prefix ex: <${EX}> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
ex:g-a {
  ex:report a ex:Report ; dct:title "Shared title" , "Rapport annuel"@fr .
}
ex:g-b {
  ex:report dct:title "Shared title" ; dct:description "Budget lagoon figures" ;
    ex:cites ex:other .
  ex:other a ex:Report ; rdfs:label "Other report" .
}
ex:g-a rdfs:label "Document A" .
ex:g-b prov:wasDerivedFrom ex:source-b .
ex:source-b rdfs:label "Source B" .
`;

let browser: LaunchedBrowser;
let page: Page;

/** The text of each fact (dd) of the details panel's properties. */
function facts(p: Page): Promise<string[]> {
  return p
    .locator(`${el} .panel .details .properties dd`)
    .allInnerTexts()
    .then((texts) => texts.map((t) => t.replace(/\s+/g, " ").trim()));
}

beforeAll(async () => {
  browser = await launchChromium({ locale: "en-GB", viewport: { width: 1280, height: 800 } });
  page = await browser.context.newPage();
  await page.goto(inject("baseUrl"));
  await page.waitForFunction(
    () => !!(document.querySelector("orgraph-explorer") as OrgraphExplorer | null)?.graph,
    null,
    { timeout: 30_000 },
  );
  await page.evaluate(
    (text) =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).load({
        text,
        format: "trig",
        name: "report.trig",
      }),
    TRIG,
  );
  await page.evaluate(async (key) => {
    const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
    e.setAttribute("lang", "en");
    e.select(key);
    await e.updateComplete;
  }, `${EX}report`);
});

afterAll(async () => {
  await browser?.close();
});

describe("the graph of each literal fact", () => {
  it("the details panel says which graph (or its source) each fact comes from", async () => {
    await expect.poll(() => facts(page)).toHaveLength(3);
    const shown = await facts(page);
    expect(shown.find((t) => t.startsWith("Budget lagoon figures"))).toMatch(
      /Graph: ex:g-b \(from Source B\)|Graph: .*g-b.* \(from Source B\)/,
    );
    expect(shown.find((t) => t.startsWith("Rapport annuel"))).toMatch(/Graph: Document A$/);
    const both = shown.find((t) => t.startsWith("Shared title"));
    expect(both).toContain("Document A");
    expect(both).toContain("Source B");
    // The graph and its source are links (http IRIs), reachable from the keyboard.
    const link = page.locator(`${el} .panel .properties a[href="${EX}g-a"]`).first();
    expect(await link.getAttribute("rel")).toBe("noopener noreferrer");
    await link.focus();
    expect(
      await page.evaluate(
        () => document.querySelector("orgraph-explorer")!.shadowRoot!.activeElement?.textContent,
      ),
    ).toBe("Document A");
    expect(
      await page.locator(`${el} .panel .properties a[href="${EX}source-b"]`).count(),
    ).toBeGreaterThan(0);
  });

  it("hiding a graph in the filters takes away only the facts it alone gives", async () => {
    await page.locator(`${el} [data-tool="filters"]`).click();
    const rows = page.locator(`${el} .drawer .filters fieldset.graphs .filter-row`);
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const row = rows.filter({ hasText: "Source B" });
    expect(await row.count()).toBe(1);
    await row.locator('input[type="checkbox"]').click();
    await expect.poll(() => facts(page)).toHaveLength(2);
    const shown = await facts(page);
    expect(shown.some((t) => t.startsWith("Budget lagoon figures"))).toBe(false);
    expect(shown.find((t) => t.startsWith("Shared title"))).toMatch(/Graph: Document A$/);
    expect(shown.some((t) => t.startsWith("Rapport annuel"))).toBe(true);

    // Search finds the report by a shown fact, not by a hidden one.
    const input = page.locator(`${el} input[type="search"][role="combobox"]`);
    // Results only (the empty list shows one disabled option without a key).
    const options = page.locator(`${el} #og-search-results [role="option"][data-key]`);
    await input.fill("lagoon");
    await expect.poll(() => page.locator(`${el} #og-search-results .search-empty`).count()).toBe(1);
    expect(await options.count()).toBe(0);
    await input.fill("rapport annuel");
    await expect.poll(() => options.count()).toBeGreaterThan(0);
    expect(await options.first().getAttribute("data-key")).toBe(`${EX}report`);

    // Shown again: every fact is back.
    await row.locator('input[type="checkbox"]').click();
    await expect.poll(() => facts(page)).toHaveLength(3);
  });

  it("the TriG export puts each fact back in the graphs that assert it", async () => {
    const text = await page.evaluate(async () => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return (await e.exportFile("trig")).blob.text();
    });
    const { quads } = parseRdf(text, { format: "trig" });
    const graphsOf = (value: string) =>
      quads
        .filter((q) => q.subject.value === `${EX}report` && q.object.value === value)
        .map((q) => q.graph.value)
        .sort();
    expect(graphsOf("Shared title")).toEqual([`${EX}g-a`, `${EX}g-b`]);
    expect(graphsOf("Budget lagoon figures")).toEqual([`${EX}g-b`]);
    expect(graphsOf("Rapport annuel")).toEqual([`${EX}g-a`]);

    // With the graph hidden, the export is what is shown: its own fact is left out.
    const hidden = await page.evaluate(async (graph) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      e.setFilters({ hiddenSources: [`graph:${graph}`] });
      return (await e.exportFile("trig")).blob.text();
    }, `${EX}g-b`);
    const values = parseRdf(hidden, { format: "trig" }).quads.map((q) => q.object.value);
    expect(values).toContain("Shared title");
    expect(values).not.toContain("Budget lagoon figures");
  });

  it("with a second file loaded, a fact says which loaded source gives it", async () => {
    await page.evaluate(
      async ({ text }) => {
        const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
        e.setFilters({ hiddenSources: [] });
        await e.load({ text, format: "turtle", name: "more.ttl", mode: "merge" });
        e.select("https://example.org/facts/report");
        await e.updateComplete;
      },
      {
        text: `<${EX}report> <http://purl.org/dc/terms/title> "Added title" , "Shared title" .`,
      },
    );
    await expect.poll(() => facts(page)).toHaveLength(4);
    let shown = await facts(page);
    expect(shown.find((t) => t.startsWith("Added title"))).toMatch(/Loaded source: more\.ttl$/);
    expect(shown.find((t) => t.startsWith("Shared title"))).toMatch(
      /Loaded source: report\.trig, more\.ttl$/,
    );
    // Hiding that source takes away what only it gives.
    await page.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).setFilters({
        hiddenSources: ["source:more.ttl"],
      }),
    );
    await expect.poll(() => facts(page)).toHaveLength(3);
    shown = await facts(page);
    expect(shown.some((t) => t.startsWith("Added title"))).toBe(false);
    expect(shown.some((t) => t.startsWith("Shared title"))).toBe(true);
  });
});
