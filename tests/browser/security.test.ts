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

/**
 * What the page holds that data could have turned into code, in the document and every shadow
 * root: event-handler attributes, script-capable URLs, and active or styling elements whose
 * markup carries a payload (every payload of xss-full.trig says `alert(`, `evil.example` or
 * `display:none`).
 */
function scanPage(): string[] {
  const found: string[] = [];
  const payload = /alert\(|evil\.example|display:\s*none/i;
  const urlAttributes = ["href", "src", "srcdoc", "action", "formaction", "xlink:href", "data"];
  const active = ["SCRIPT", "IMG", "SVG", "STYLE", "IFRAME", "OBJECT", "EMBED", "LINK", "META"];
  const visit = (root: Document | ShadowRoot): void => {
    for (const e of root.querySelectorAll("*")) {
      const tag = e.tagName.toUpperCase();
      for (const a of e.attributes) {
        if (a.name.toLowerCase().startsWith("on")) found.push(`${tag} ${a.name}=${a.value}`);
        if (
          urlAttributes.includes(a.name.toLowerCase()) &&
          /^\s*(javascript|vbscript):/i.test(a.value)
        ) {
          found.push(`${tag} ${a.name}=${a.value}`);
        }
        if (a.name.toLowerCase() === "style" && payload.test(a.value)) {
          found.push(`${tag} style=${a.value}`);
        }
      }
      if (["A", "AREA", "IFRAME", "FORM", "OBJECT", "EMBED"].includes(tag)) {
        const url = e.getAttribute("href") ?? e.getAttribute("src") ?? e.getAttribute("action");
        if (url !== null && /^\s*data:/i.test(url)) found.push(`${tag} data URL ${url}`);
      }
      if (active.includes(tag) && payload.test(e.outerHTML)) found.push(e.outerHTML.slice(0, 200));
      if (e.shadowRoot) visit(e.shadowRoot);
    }
  };
  visit(document);
  return found;
}

describe("the full XSS fixture (issue 5)", () => {
  const FULL = readFileSync(new URL("../fixtures/browser/xss-full.trig", import.meta.url), "utf8");
  const TEXT = readFileSync(new URL("../fixtures/browser/xss-full.txt", import.meta.url), "utf8");
  const X = "https://orgraph.dev/data/xss-full/";
  const el = "orgraph-explorer";
  let xssPage: Page;
  const dialogs: string[] = [];
  const offHost: string[] = [];
  const errors: string[] = [];
  let origin: string;

  /** The whole element's text (shadow roots pierced). */
  const shownText = (selector = el): Promise<string> =>
    xssPage
      .locator(selector)
      .allInnerTexts()
      .then((texts) => texts.join("\n"));

  async function clean(step: string): Promise<void> {
    await xssPage.evaluate(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer).updateComplete.then(
        () => new Promise((resolve) => requestAnimationFrame(resolve)),
      ),
    );
    expect({ step, found: await xssPage.evaluate(scanPage) }).toEqual({ step, found: [] });
    expect({ step, dialogs, offHost, errors }).toEqual({
      step,
      dialogs: [],
      offHost: [],
      errors: [],
    });
    expect(
      await xssPage.evaluate(() => (window as unknown as { __xss?: unknown }).__xss ?? null),
    ).toBeNull();
  }

  /** Runs `fn` on the element in the page. */
  function explorer<R, A>(fn: (e: OrgraphExplorer, arg: A) => R, arg: A): Promise<R> {
    return xssPage
      .locator(el)
      .first()
      .evaluate(fn as unknown as (e: HTMLElement, arg: unknown) => R, arg);
  }

  beforeAll(async () => {
    origin = new URL(inject("baseUrl")).origin;
    xssPage = await browser.context.newPage();
    xssPage.on("dialog", (dialog) => {
      dialogs.push(`${dialog.type()}: ${dialog.message()}`);
      void dialog.dismiss();
    });
    xssPage.on("pageerror", (error) => errors.push(error.message));
    xssPage.on("request", (request) => {
      const url = request.url();
      if (!url.startsWith(`${origin}/`) && !/^(blob|data):/.test(url)) offHost.push(url);
    });
    // Nothing leaves the host (an injected image would be recorded, then refused); the fixture
    // is served on the host under a name that is itself a payload.
    await xssPage.route(
      (url) => url.origin !== origin,
      (route) => route.abort(),
    );
    await xssPage.route(`${origin}/xss/**`, (route) => {
      const text = route.request().url().endsWith("/xss-full.txt") ? TEXT : FULL;
      return route.fulfill({ status: 200, contentType: "text/plain; charset=utf-8", body: text });
    });
    await xssPage.addInitScript(() => {
      window.__orgraphEvents = [];
      for (const type of ["orgraph-load", "orgraph-error"]) {
        document.addEventListener(type, (event) => {
          window.__orgraphEvents.push({ type, detail: (event as CustomEvent).detail });
        });
      }
    });
    await xssPage.goto(inject("baseUrl"));
    await waitForEvents(xssPage, "orgraph-load");
  });

  afterAll(async () => {
    await xssPage?.close();
  });

  it("loads it; panels, tooltips, search, legend, caption, table, paths and exports show it as text", async () => {
    const name = encodeURIComponent(`"><img src=x onerror=alert(1)>.trig`);
    await xssPage.evaluate((src) => {
      const e = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      e.setAttribute("format", "trig");
      e.setAttribute("src", src);
    }, `${origin}/xss/${name}`);
    const loads = await waitForEvents(xssPage, "orgraph-load", 2);
    expect(loads.at(-1)!.detail).toMatchObject({ warnings: 0 });
    const nodes = await explorer((e) => e.graph!.nodes(), 0);
    for (const key of [`${X}chief`, `${X}office`, `${X}statement`, "javascript:alert(2)"]) {
      expect(nodes).toContain(key);
    }
    await clean("load");

    // The caption: the title and the sources, as text; links only for http(s).
    const caption = await shownText(`${el} .caption`);
    expect(caption).toContain('<script>alert(1)</script>Rapport "><svg onload=alert(1)>');
    await clean("caption");

    // Details of every node (each literal, IRI, language tag and datatype).
    for (const key of nodes) {
      await explorer((e, k) => e.select(k), key);
      await clean(`details of ${key}`);
    }
    await explorer((e, k) => e.select(k), `${X}chief`);
    await explorer((e) => e.updateComplete, 0);
    const details = await panelText(xssPage);
    expect(details).toContain("<img src=https://evil.example/a onerror=alert(1)>Chef");
    expect(details).toContain("<script>alert(1)</script><b>gras</b>");
    expect(details).toContain("<img src=https://evil.example/h onerror=alert(1)>html");
    expect(details).toContain('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>xml');
    expect(details).toContain("url(javascript:alert(1))");
    expect(details).toContain("javascript:alert(1)");

    // The statements and source tabs (the span's mark, the source text).
    for (const tab of ["statements", "source", "details"] as const) {
      await xssPage.locator(`${el} .panel-tab[data-tab="${tab}"]`).click();
      await clean(`tab ${tab}`);
      if (tab === "statements") {
        expect(await shownText(`${el} .panel`)).toContain('"><svg onload=alert(1)> est partout');
      }
      if (tab === "source") {
        expect(await shownText(`${el} .panel`)).toContain(
          "Le chef <img src=https://evil.example/t onerror=alert(1)>",
        );
      }
    }
    expect(await explorer((e, k) => e.selectStatement(k), `${X}statement`)).toBe(true);
    await clean("statement selected");

    // Edge tooltips.
    const edges = await explorer((e) => e.graph!.edges(), 0);
    expect(edges.length).toBeGreaterThan(0);
    for (const key of edges) {
      expect(await explorer((e, k) => e.hoverEdge(k), key)).toBe(true);
      await clean(`edge tooltip ${key}`);
    }
    await explorer((e) => e.hoverEdge(null), 0);

    // Search results.
    for (const query of ["<img", "<script", "svg onload", "display:none"]) {
      await xssPage.locator(`${el} input[aria-controls="og-search-results"]`).fill(query);
      await clean(`search ${query}`);
    }
    await xssPage.locator(`${el} input[aria-controls="og-search-results"]`).fill("Chef");
    await expect
      .poll(() => shownText(`${el} .search-results`))
      .toContain("<img src=https://evil.example/a onerror=alert(1)>Chef");
    await xssPage.locator(`${el} input[aria-controls="og-search-results"]`).fill("");

    // The legend (on the details tab).
    await xssPage.locator(`${el} .panel-tab[data-tab="details"]`).click();
    await expect.poll(() => xssPage.locator(`${el} .legend`).count()).toBeGreaterThan(0);
    await clean("legend");

    // The filters drawer (predicates, among them one whose IRI is javascript:, and sources).
    await xssPage.locator(`${el} [data-tool="filters"]`).click();
    await expect.poll(() => xssPage.locator(`${el} .drawer`).count()).toBe(1);
    await clean("filters");
    await xssPage.locator(`${el} [data-tool="filters"]`).click();

    // The table view.
    await xssPage.locator(`${el} [data-tool="table"]`).click();
    await expect.poll(() => xssPage.locator(`${el} .table-pane`).count()).toBe(1);
    expect(await shownText(`${el} .table-pane`)).toContain('"><svg onload=alert(1)>Bureau');
    await clean("table");
    await xssPage.locator(`${el} [data-tool="table"]`).click();

    // The path panel between two payload nodes.
    await explorer(
      (e, ends) => e.setViewState({ path: { from: ends[0]!, to: ends[1]! } }),
      [`${X}chief`, "javascript:alert(2)"],
    );
    await expect.poll(() => xssPage.locator(`${el} .path`).count()).toBeGreaterThan(0);
    expect(await shownText(`${el} .path-ends`)).toContain("<script>alert(2)</script>");
    await clean("path");
    await explorer((e) => e.setViewState({ path: null }), 0);

    // Exports: safe file names, nothing runs.
    for (const format of [
      "png",
      "gexf",
      "graphml",
      "turtle",
      "n-triples",
      "nodes-csv",
      "edges-csv",
    ] as const) {
      const file = await explorer((e, f) => e.exportFile(f).then((x) => x.fileName), format);
      // The source's name is a payload: only its letters, digits, dots and dashes are left.
      expect(file).toMatch(/^orgraph-[a-z0-9._-]+$/);
    }
    const [download] = await Promise.all([
      xssPage.waitForEvent("download"),
      explorer((e) => e.download("turtle"), 0),
    ]);
    expect(download.suggestedFilename()).toMatch(/^orgraph-[a-z0-9._-]+\.ttl$/);
    await clean("exports");
  });
});
