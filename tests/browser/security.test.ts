/** Data is text: labels and literals that look like markup never become elements. */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";
import { openPage, panelText, waitForEvents } from "./helpers";

const XSS = readFileSync(new URL("../fixtures/browser/xss.ttl", import.meta.url), "utf8");

let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  browser = await launchChromium();
  page = await openPage(browser.context, inject("baseUrl"));
  await waitForEvents(page, "orgraph-load");
});

afterAll(async () => {
  await browser?.close();
});

describe("untrusted data", () => {
  it("shows markup-like labels and literals as text", async () => {
    const summary = await page.evaluate(
      (text) =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).load({
          text,
          format: "turtle",
        }),
      XSS,
    );
    expect(summary.nodes).toBeGreaterThanOrEqual(2);
    await page.evaluate(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      el.select("https://orgraph.dev/data/xss/evil");
      return el.updateComplete;
    });
    const text = await panelText(page);
    expect(text).toContain('<img src=x onerror="window.__xss=1">Evil');
    expect(text).toContain("<script>window.__xss=2</script><b>bold</b>");
    expect(text).toContain('<img src=y onerror="window.__xss=4">');
    const created = await page.evaluate(() => {
      const root = document.querySelector("orgraph-explorer")!.shadowRoot!;
      return {
        img: root.querySelectorAll("img").length + document.querySelectorAll("img").length,
        script: root.querySelectorAll("script").length,
        bold: root.querySelectorAll("b").length,
        javascriptLinks: [...root.querySelectorAll("a")].filter((a) => !/^https?:/.test(a.href))
          .length,
        xss: (window as unknown as { __xss?: number }).__xss ?? null,
      };
    });
    expect(created).toEqual({ img: 0, script: 0, bold: 0, javascriptLinks: 0, xss: null });
    // Links that are shown are http(s) and safe.
    const rels = await page
      .locator("orgraph-explorer .panel a")
      .evaluateAll((links) => links.map((a) => a.getAttribute("rel")));
    expect(rels.every((rel) => rel === "noopener noreferrer")).toBe(true);
  });
});
