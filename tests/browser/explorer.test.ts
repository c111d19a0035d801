/**
 * The explorer page as a journalist gets it: the built app (dist/app) served by `vite preview`,
 * driven in headless Chromium.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";
import { countInkPixels, openPage, panelText, waitForEvents } from "./helpers";

const RELEASE_CATEGORIES = [
  "person",
  "role",
  "organisation",
  "ministry",
  "country",
  "place",
  "event",
  "statement",
  "document",
] as const;

const BROKEN_TURTLE = readFileSync(
  new URL("../fixtures/browser/broken.ttl", import.meta.url),
  "utf8",
);

let browser: LaunchedBrowser;
let page: Page;

/** Key of the node labelled `label` (first match). */
function keyOf(label: string): Promise<string | undefined> {
  return page.evaluate((wanted) => {
    const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
    return el.graph?.findNode((_key, attributes) => attributes.label === wanted);
  }, label);
}

beforeAll(async () => {
  browser = await launchChromium({ viewport: { width: 1280, height: 800 } });
  page = await openPage(browser.context, inject("baseUrl"));
});

afterAll(async () => {
  await browser?.close();
});

describe("explorer page", () => {
  it("loads the built-in dataset and fires orgraph-load", async () => {
    const [load] = await waitForEvents(page, "orgraph-load");
    const detail = load!.detail as { triples: number; nodes: number; edges: number };
    expect(detail.triples).toBeGreaterThan(0);
    expect(detail.nodes).toBeGreaterThan(0);
    expect(detail.edges).toBeGreaterThan(0);
    const order = await page.evaluate(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).graph?.order,
    );
    expect(order).toBe(detail.nodes);
    expect(await page.title()).toContain("Orgraph");
  });

  it("draws the graph (the WebGL canvas is not blank)", async () => {
    // Give sigma a couple of frames after the load.
    await page.evaluate(
      () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))),
    );
    const png = await page.locator("orgraph-explorer .sigma").screenshot();
    const { ink, total } = await countInkPixels(page, png);
    expect(total).toBeGreaterThan(10_000);
    expect(ink).toBeGreaterThan(total * 0.005);
  });

  it("has every category of the release in the graph and in the legend", async () => {
    const categories = await page.evaluate(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const found = new Set<string>();
      el.graph?.forEachNode((_key, attributes) => found.add(attributes.category));
      return [...found];
    });
    const legend = await page
      .locator("orgraph-explorer .legend-item")
      .evaluateAll((items) => items.map((item) => (item as HTMLElement).dataset.category));
    for (const category of RELEASE_CATEGORIES) {
      expect(categories).toContain(category);
      expect(legend).toContain(category);
    }
    const counts = await page.locator("orgraph-explorer .legend-count").allInnerTexts();
    expect(counts.every((c) => Number(c) > 0)).toBe(true);
  });

  it("select(key) shows Mark Lagon's post in the panel and fires orgraph-select", async () => {
    const lagon = await keyOf("Mark Lagon");
    expect(lagon).toBeTruthy();
    const ok = await page.evaluate(
      (key) => (document.querySelector("orgraph-explorer") as OrgraphExplorer).select(key),
      lagon!,
    );
    expect(ok).toBe(true);
    const events = await waitForEvents(page, "orgraph-select");
    expect(events.at(-1)!.detail).toMatchObject({
      key: lagon,
      label: "Mark Lagon",
      category: "person",
    });
    const text = await panelText(page);
    expect(text).toContain("Mark Lagon");
    expect(text).toContain("Directeur");
    expect(
      await page.evaluate(
        () => (document.querySelector("orgraph-explorer") as OrgraphExplorer).selected,
      ),
    ).toBe(lagon);
  });

  it("a relation button in the panel selects the neighbour", async () => {
    const lagon = (await keyOf("Mark Lagon"))!;
    // Select a neighbour of Mark Lagon first, then come back through its panel.
    const neighbour = await page.evaluate((key) => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return el.graph!.outNeighbors(key)[0];
    }, lagon);
    expect(neighbour).toBeTruthy();
    await page.evaluate(
      (key) => (document.querySelector("orgraph-explorer") as OrgraphExplorer).select(key),
      neighbour!,
    );
    expect(await panelText(page)).not.toContain(
      "Directeur du Bureau de surveillance et de lutte contre la traite des personnes au Département d'État",
    );
    const button = page.locator(`orgraph-explorer .panel button[data-key="${lagon}"]`).first();
    await button.focus();
    await page.keyboard.press("Enter");
    await page.waitForFunction(
      (key) => (document.querySelector("orgraph-explorer") as OrgraphExplorer).selected === key,
      lagon,
    );
    const text = await panelText(page);
    expect(text).toContain("Mark Lagon");
    expect(text).toContain("Directeur");
    const events = await waitForEvents(page, "orgraph-select");
    expect(events.at(-1)!.detail).toMatchObject({ key: lagon });
  });

  it("broken Turtle rejects with a line, fires orgraph-error and leaves the graph as it was", async () => {
    const result = await page.evaluate(async (text) => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const before = el.graph;
      const exportBefore = JSON.stringify(before?.export());
      const errorsBefore = window.__orgraphEvents.filter((e) => e.type === "orgraph-error").length;
      let caught: { name: string; message: string; line: unknown; column: unknown } | null = null;
      try {
        await el.load({ text, format: "turtle" });
      } catch (error) {
        const e = error as { name: string; message: string; line?: unknown; column?: unknown };
        caught = { name: e.name, message: e.message, line: e.line, column: e.column };
      }
      await el.updateComplete;
      const errors = window.__orgraphEvents.filter((e) => e.type === "orgraph-error");
      return {
        caught,
        sameObject: el.graph === before,
        sameExport: JSON.stringify(el.graph?.export()) === exportBefore,
        newErrors: errors.length - errorsBefore,
        lastError: errors.at(-1)?.detail,
      };
    }, BROKEN_TURTLE);
    expect(result.caught).not.toBeNull();
    expect(typeof result.caught!.line).toBe("number");
    expect(result.caught!.line).toBeGreaterThanOrEqual(6);
    expect(result.newErrors).toBe(1);
    expect(result.lastError).toMatchObject({
      line: result.caught!.line,
      message: result.caught!.message,
    });
    expect(result.sameObject).toBe(true);
    expect(result.sameExport).toBe(true);
    // The banner says it in the interface's language (the app's is French; its sentences load
    // on demand), line and column too.
    await expect
      .poll(() => page.locator("orgraph-explorer .banner").innerText())
      .toContain(
        `Erreur de syntaxe Turtle dans text, ligne ${result.caught!.line}, colonne ${result.caught!.column} : `,
      );

    // The banner can be dismissed from the keyboard.
    await page.locator("orgraph-explorer .banner button").focus();
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("orgraph-explorer .banner").count()).toBe(0);
  });

  it("removing the element destroys its renderer; putting it back restores it", async () => {
    const result = await page.evaluate(async () => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const parent = el.parentElement!;
      const layers = () => el.shadowRoot!.querySelectorAll(".sigma-layer canvas").length;
      const before = layers();
      el.remove();
      const detached = layers();
      parent.append(el);
      await el.updateComplete;
      await new Promise((r) => setTimeout(r, 50));
      return { before, detached, after: layers(), order: el.graph?.order ?? 0 };
    });
    expect(result.before).toBeGreaterThan(0);
    expect(result.detached).toBe(0);
    expect(result.after).toBe(result.before);
    expect(result.order).toBeGreaterThan(0);
  });
});
