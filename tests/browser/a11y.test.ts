/**
 * axe-core (WCAG 2.x A/AA rules and best practices) on the page: at first, with a node selected,
 * with the panels, drawers and menus open, in the dark theme too. No violation of any impact
 * (minor and moderate included); a rule that cannot be met would be listed in `ACCEPTED` with
 * its reason.
 */
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

let browser: LaunchedBrowser;
let page: Page;

/** Rules axe may report that are accepted, each with why; none today. */
const ACCEPTED: Readonly<Record<string, string>> = {};

async function violations(p: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: p })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"])
    .analyze();
  // The scan ran over the page, shadow DOM included.
  expect(results.passes.length).toBeGreaterThan(20);
  if (process.env.ORGRAPH_A11Y_LOG) {
    for (const v of results.violations)
      console.log(v.impact, v.id, v.nodes.map((n) => n.target.join(" ")).join(" | "));
  }
  return results.violations
    .filter((v) => !(v.id in ACCEPTED))
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n` +
        v.nodes
          .slice(0, 5)
          .map((n) => `  ${n.target.join(" ")} — ${n.failureSummary?.split("\n").join(" ")}`)
          .join("\n"),
    );
}

beforeAll(async () => {
  browser = await launchChromium();
  page = await browser.context.newPage();
  await page.goto(inject("baseUrl"));
  await page.waitForFunction(
    () => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer | null;
      return !!el?.graph && el.layout.status === "done";
    },
    null,
    { timeout: 30_000 },
  );
});

afterAll(async () => {
  await browser?.close();
});

describe("accessibility (axe-core)", () => {
  it("the page as it opens", async () => {
    expect(await violations(page)).toEqual([]);
  });

  it("the canvas has a text alternative that points to the text views", async () => {
    const label = await page
      .locator("orgraph-explorer .sigma")
      .evaluate((el) => [el.getAttribute("role"), el.getAttribute("aria-label")]);
    expect(label[0]).toBe("img");
    expect(label[1]).toMatch(/74 nœuds.*tableau/);
  });

  it("with a node selected", async () => {
    await page.evaluate(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const key = el.graph!.findNode((_k, a) => a.label === "Mark Lagon")!;
      el.select(key);
      return el.updateComplete;
    });
    expect(await violations(page)).toEqual([]);
  });

  it("with the export menu, the statements and the source panels open", async () => {
    await page.locator("orgraph-explorer details.export-menu summary").click();
    await page.screenshot({ path: "/tmp/orgraph-export-menu.png" });
    expect(await violations(page)).toEqual([]);
    for (const tab of ["statements", "source"] as const) {
      await page.evaluate((t) => {
        const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
        el.tab = t;
        return el.updateComplete;
      }, tab);
      expect(await violations(page), tab).toEqual([]);
    }
  });

  it("with the filters drawer and the table open", async () => {
    await page.locator('orgraph-explorer [data-tool="filters"]').click();
    await page.locator("orgraph-explorer #og-filters-title").waitFor();
    expect(await violations(page), "filters").toEqual([]);
    await page.locator('orgraph-explorer [data-tool="filters"]').click();
    await page.locator('orgraph-explorer [data-tool="table"]').click();
    await page.locator("orgraph-explorer #og-table-title").waitFor({ state: "attached" });
    expect(await violations(page), "table").toEqual([]);
    await page.locator('orgraph-explorer [data-tool="table"]').click();
  });

  it("in the dark theme, with a node selected and the filters open", async () => {
    await page.evaluate(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      el.setAttribute("theme", "dark");
      el.tab = "details";
      const key = el.graph!.findNode((_k, a) => a.label === "Mark Lagon")!;
      el.select(key);
      return el.updateComplete;
    });
    try {
      expect(await violations(page), "dark").toEqual([]);
      await page.locator('orgraph-explorer [data-tool="filters"]').click();
      expect(await violations(page), "dark, filters").toEqual([]);
      await page.locator('orgraph-explorer [data-tool="filters"]').click();
    } finally {
      await page.evaluate(() => {
        const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
        el.removeAttribute("theme");
        return el.updateComplete;
      });
    }
  });

  it("in English, with the copy-link field shown", async () => {
    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    });
    await page.locator("#language-toggle").click();
    await page.locator("#copy-link").click();
    expect(await violations(page)).toEqual([]);
  });
});
