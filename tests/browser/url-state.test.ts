/**
 * The view in the URL (src/app/main.ts): reload restores it, back undoes a step, the language
 * follows the browser and the toggle, ?src= loads other data, "copy link" copies the URL.
 */
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

const MINI = readFileSync(new URL("../fixtures/browser/mini.trig", import.meta.url), "utf8");

let browser: LaunchedBrowser;
let page: Page;

/** Waits for the element to have a graph (and the page to have settled). */
async function loaded(p: Page): Promise<void> {
  await p.waitForFunction(
    () => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer | null;
      return !!el?.graph && el.layout.status === "done";
    },
    null,
    { timeout: 30_000 },
  );
}

const state = (p: Page) =>
  p.evaluate(() => (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState);

function keyOf(p: Page, label: string): Promise<string> {
  return p.evaluate((wanted) => {
    const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
    return el.graph!.findNode((_k, a) => a.label === wanted)!;
  }, label);
}

beforeAll(async () => {
  browser = await launchChromium({ locale: "fr-FR" });
  page = await browser.context.newPage();
  await page.goto(inject("baseUrl"));
  await loaded(page);
});

afterAll(async () => {
  await browser?.close();
});

describe("the view in the URL", () => {
  it("starts clean: the defaults write nothing", async () => {
    expect(new URL(page.url()).search).toBe("");
    expect(await page.evaluate(() => document.documentElement.lang)).toBe("fr");
  });

  it("a selection and a filter are history steps; reload restores them and the camera", async () => {
    const lagon = await keyOf(page, "Mark Lagon");
    await page.evaluate(
      (key) => (document.querySelector("orgraph-explorer") as OrgraphExplorer).select(key),
      lagon,
    );
    await page.waitForFunction(() => location.search.includes("sel="));
    const length0 = await page.evaluate(() => history.length);
    await page.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).setViewState({
        hiddenCategories: ["place"],
      }),
    );
    await page.waitForFunction(() => location.search.includes("hc=place"));
    expect(await page.evaluate(() => history.length)).toBe(length0 + 1);
    // A camera move replaces the entry (no new step).
    await page.evaluate(() => {
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).camera = {
        x: 0.42,
        y: 0.58,
        ratio: 0.5,
        angle: 0,
      };
    });
    await page.waitForFunction(() => location.search.includes("cam=0.42,0.58,0.5,0"));
    expect(await page.evaluate(() => history.length)).toBe(length0 + 1);

    await page.reload();
    await loaded(page);
    const s = await state(page);
    expect(s.selection).toBe(lagon);
    expect(s.hiddenCategories).toEqual(["place"]);
    const restored = await page.evaluate(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      const hiddenPlaces = el.graph!.filterNodes((_k, a) => a.category === "place");
      return {
        camera: el.camera,
        selected: el.selected,
        placesShown: hiddenPlaces.filter((k) => el.visibleSubgraph!.nodes.has(k)).length,
        panel: el.shadowRoot!.querySelector(".panel")!.textContent,
      };
    });
    expect(restored.selected).toBe(lagon);
    expect(restored.placesShown).toBe(0);
    expect(restored.panel).toContain("Mark Lagon");
    expect(restored.camera).toMatchObject({ x: 0.42, y: 0.58, ratio: 0.5, angle: 0 });
    await page.screenshot({ path: "/tmp/orgraph-url-restored.png" });
  });

  it("back undoes the last step, forward redoes it", async () => {
    await page.goBack();
    await page.waitForFunction(() => !location.search.includes("hc=place"));
    await page.waitForFunction(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).viewState.hiddenCategories
          .length === 0,
    );
    const s = await state(page);
    expect(s.selection).not.toBeNull();
    await page.goForward();
    await page.waitForFunction(
      () =>
        (
          document.querySelector("orgraph-explorer") as OrgraphExplorer
        ).viewState.hiddenCategories.join() === "place",
    );
  });

  it("copy link copies the current URL (and falls back to a selected field)", async () => {
    await browser.context.grantPermissions(["clipboard-read", "clipboard-write"], {
      origin: new URL(inject("baseUrl")).origin,
    });
    await page.locator("#copy-link").click();
    await expect.poll(() => page.locator("#copy-status").textContent()).toBe("Lien copié");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());

    await page.evaluate(() => {
      Object.defineProperty(navigator, "clipboard", { value: undefined, configurable: true });
    });
    await page.locator("#copy-link").click();
    const field = page.locator("#copy-field-input");
    await expect.poll(() => field.isVisible()).toBe(true);
    expect(await field.inputValue()).toBe(page.url());
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("copy-field-input");
  });

  it("switches the UI language from the header, keeps it in the URL and across a reload", async () => {
    await page.locator("#language-toggle").click();
    await page.waitForFunction(() => location.search.includes("ui=en"));
    const ui = () =>
      page.evaluate(() => ({
        html: document.documentElement.lang,
        element: document.querySelector("orgraph-explorer")!.getAttribute("lang"),
        title: document.querySelector(".page-header .title")!.textContent,
        copy: document.querySelector("#copy-link")!.textContent,
      }));
    expect(await ui()).toMatchObject({ html: "en", element: "en", copy: "Copy link" });
    await page.reload();
    await loaded(page);
    expect(await ui()).toMatchObject({ html: "en", element: "en", copy: "Copy link" });
    expect((await ui()).title).toContain("IOM");
  });
});

describe("language and data source from the URL", () => {
  it("an English browser gets the English UI by default", async () => {
    const en = await launchChromium({ locale: "en-US" });
    try {
      const p = await en.context.newPage();
      await p.goto(inject("baseUrl"));
      await loaded(p);
      expect(await p.evaluate(() => document.documentElement.lang)).toBe("en");
      expect(new URL(p.url()).search).toBe("");
      expect(await p.locator("#copy-link").textContent()).toBe("Copy link");
    } finally {
      await en.close();
    }
  });

  it("?src=URL loads that RDF instead of the built-in graph", async () => {
    const p = await browser.context.newPage();
    await p.route("https://data.example.org/mini.trig", (route) =>
      route.fulfill({
        status: 200,
        contentType: "application/trig",
        headers: { "access-control-allow-origin": "*" },
        body: MINI,
      }),
    );
    await p.goto(`${inject("baseUrl")}?src=https://data.example.org/mini.trig`);
    await loaded(p);
    const info = await p.evaluate(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return {
        src: el.getAttribute("src"),
        lagon: el.graph!.hasNode("https://orgraph.dev/data/test/lagon"),
        order: el.graph!.order,
        dataSource: el.viewState.dataSource,
      };
    });
    expect(info.src).toBe("https://data.example.org/mini.trig");
    expect(info.lagon).toBe(true);
    expect(info.order).toBeLessThan(30);
    expect(info.dataSource).toBe("https://data.example.org/mini.trig");
    expect(new URL(p.url()).searchParams.get("src")).toBe("https://data.example.org/mini.trig");
    await p.close();
  });
});
