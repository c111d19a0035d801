/**
 * Story mode (issue 5): the built-in story ("Who said what at the Islamabad conference") steps
 * forward and back by keyboard, each step highlights what it names (the rest faded), and each
 * step's link reopens it.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

const STORY = JSON.parse(
  readFileSync(new URL("../../data/stories/release-who-said-what.json", import.meta.url), "utf8"),
) as { base: string; steps: { nodes: string[] }[] };
const TOTAL = STORY.steps.length;

let browser: LaunchedBrowser;
let page: Page;

async function storyReady(p: Page): Promise<void> {
  await p.waitForFunction(() => {
    const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
    return el?.graph && el.story && el.shadowRoot!.querySelector(".story [data-story='indicator']");
  });
}

const current = (p: Page) =>
  p.evaluate(() => {
    const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
    const root = el.shadowRoot!;
    return {
      step: el.storyStep,
      indicator: root.querySelector(".story [data-story='indicator']")!.textContent!.trim(),
      title: root.querySelector(".story-title")!.textContent,
      highlighted: [...el.highlighted].sort(),
      link: root.querySelector<HTMLAnchorElement>(".story [data-story='link']")!.href,
      faded: el.graph!.someNode((k) => !el.highlighted.includes(k)),
    };
  });

beforeAll(async () => {
  browser = await launchChromium({ locale: "en-GB" });
  page = await browser.context.newPage();
  await page.goto(new URL("?story=stories/release-who-said-what.json", inject("baseUrl")).href);
  await storyReady(page);
});

afterAll(async () => {
  await browser?.close();
});

describe("the built-in story", () => {
  it("starts at step 1 and highlights the hosts", async () => {
    await page.waitForFunction(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).highlighted.length > 0,
    );
    const s = await current(page);
    expect(s.indicator).toBe(`1 / ${TOTAL}`);
    expect(s.title).toBe("The hosts");
    expect(s.highlighted).toEqual(STORY.steps[0]!.nodes.map((n) => STORY.base + n).sort());
  });

  it("steps forward and back with the arrow keys; each step highlights what it names", async () => {
    await page.locator("orgraph-explorer .story").focus();
    for (let i = 2; i <= TOTAL; i++) {
      await page.keyboard.press("ArrowRight");
      const s = await current(page);
      expect(s.indicator).toBe(`${i} / ${TOTAL}`);
      const named = STORY.steps[i - 1]!.nodes.map((n) => STORY.base + n);
      const present = await page.evaluate(
        (keys) =>
          keys.filter((k) =>
            (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph!.hasNode(k),
          ),
        named,
      );
      expect(present.length).toBeGreaterThan(0);
      expect(s.highlighted).toEqual([...present].sort());
      if (i === 2) {
        await page.waitForTimeout(800);
        await page.screenshot({ path: "/tmp/orgraph-story.png" });
      }
    }
    await page.keyboard.press("ArrowRight");
    expect((await current(page)).step).toBe(TOTAL);
    await page.keyboard.press("ArrowLeft");
    await page.keyboard.press("ArrowLeft");
    expect((await current(page)).indicator).toBe(`${TOTAL - 2} / ${TOTAL}`);
    await page.locator("orgraph-explorer .story [data-story='previous']").click();
    expect((await current(page)).step).toBe(TOTAL - 3);
  });

  it("a step's link reopens that step", async () => {
    await page.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).goToStep(4),
    );
    const s = await current(page);
    expect(s.link).toContain("story=");
    expect(s.link).toMatch(/#step=4$/);
    const other = await browser.context.newPage();
    await other.goto(s.link);
    await storyReady(other);
    await other.waitForFunction(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).highlighted.length > 0,
    );
    const again = await current(other);
    expect(again.indicator).toBe(`4 / ${TOTAL}`);
    expect(again.highlighted).toEqual(s.highlighted);
    await other.close();
  });
});
