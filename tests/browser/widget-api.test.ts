/**
 * The widget's configuration and API (issue 5): attributes (controls, height, theme, select,
 * readonly, bad values), focus / setFilters / fit / destroy / orgraph-ready, and the caption
 * (title, sources, version, "cite this view").
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { OrgraphExplorer } from "../../src/embed/explorer-element";
import { CATEGORY_COLORS, CATEGORY_COLORS_DARK } from "../../src/render/palette";
import { launchChromium, type LaunchedBrowser } from "./setup/chromium";

const RELEASE = readFileSync(new URL("../../data/release.trig", import.meta.url), "utf8");
const VERSION = createHash("sha256").update(RELEASE, "utf8").digest("hex").slice(0, 12);
const LAGON = "https://orgraph.dev/data/iom-pk-2008/lagon";

let browser: LaunchedBrowser;
let page: Page;
const warnings: string[] = [];

/** Adds a widget to the page; resolves once it fired orgraph-ready. */
async function addWidget(p: Page, id: string, attributes: Record<string, string>): Promise<void> {
  await p.evaluate(
    ([id, attributes]) =>
      new Promise<void>((resolve, reject) => {
        const el = document.createElement("orgraph-explorer");
        el.id = id;
        for (const [k, v] of Object.entries(attributes)) el.setAttribute(k, v);
        el.addEventListener("orgraph-ready", () => resolve(), { once: true });
        el.addEventListener("orgraph-error", (e) =>
          reject(new Error(JSON.stringify((e as CustomEvent).detail))),
        );
        document.querySelector("article")!.append(el);
      }),
    [id, attributes] as const,
  );
}

const shown = (p: Page, id: string, selector: string) =>
  p.evaluate(
    ([id, selector]) => {
      const el = document.getElementById(id)!.shadowRoot!.querySelector(selector);
      return !!el && getComputedStyle(el).display !== "none";
    },
    [id, selector] as const,
  );

beforeAll(async () => {
  browser = await launchChromium({ locale: "en-GB" });
  page = await browser.context.newPage();
  page.on("console", (m) => {
    if (m.type() === "warning") warnings.push(m.text());
  });
  const ready = page.evaluate(() => undefined);
  await ready;
  await page.goto(new URL("examples.html", inject("baseUrl")).href);
  await page.waitForFunction(() =>
    [...document.querySelectorAll("orgraph-explorer")].every(
      (el) => (el as OrgraphExplorer).graph && (el as OrgraphExplorer).layout.status === "done",
    ),
  );
});

afterAll(async () => {
  await browser?.close();
});

const DARK_BACKGROUND = [0x12, 0x16, 0x1c];
const WHITE = [255, 255, 255];

/** The colour of the top-left corner of a widget's stage on screen (stage padding). */
async function corner(id: string): Promise<number[]> {
  const png = await page.locator(`#${id} .sigma`).screenshot();
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
    ctx.drawImage(bitmap, 0, 0);
    return [...ctx.getImageData(3, 3, 1, 1).data.slice(0, 3)];
  }, png.toString("base64"));
}

/** A "#rrggbb" colour as getComputedStyle writes it. */
const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16)).join(", ")})`;

describe("attributes", () => {
  it("the example page holds two independent widgets with different data", async () => {
    const counts = await page.evaluate(() =>
      [...document.querySelectorAll("orgraph-explorer")].map(
        (el) => (el as OrgraphExplorer).graph!.order,
      ),
    );
    expect(counts).toHaveLength(2);
    expect(counts[0]).not.toBe(counts[1]);
  });

  it("controls: the listed panels show, the others do not; none is a bare picture", async () => {
    expect(await shown(page, "shapes", ".legend")).toBe(true);
    expect(await shown(page, "shapes", ".toolbar")).toBe(false);
    expect(await shown(page, "shapes", ".panel-tab[data-tab='statements']")).toBe(false);
    expect(await shown(page, "release", ".toolbar")).toBe(true);
    expect(await shown(page, "release", ".toolbar .search")).toBe(true);
    expect(await shown(page, "release", "[data-tool='filters']")).toBe(false);

    await addWidget(page, "bare", {
      src: "release.trig",
      format: "trig",
      controls: "none",
      select: LAGON,
      height: "300px",
    });
    expect(await shown(page, "bare", ".toolbar")).toBe(false);
    expect(await shown(page, "bare", ".panel")).toBe(false);
    expect(await shown(page, "bare", ".sigma canvas")).toBe(true);
    // select: selected after the load.
    expect(
      await page.evaluate(() => (document.getElementById("bare") as OrgraphExplorer).selected),
    ).toBe(LAGON);
  });

  it("height: the given length; without it at least 400 px", async () => {
    const heights = await page.evaluate(() => {
      // The widget's box on the page (border-box: a partner's border stays inside the height).
      const h = (id: string) => (document.getElementById(id) as HTMLElement).offsetHeight;
      return { release: h("release"), shapes: h("shapes"), bare: h("bare") };
    });
    expect(heights).toEqual({ release: 560, shapes: 420, bare: 300 });
    await addWidget(page, "plain", { src: "shapes.ttl", format: "turtle" });
    const plain = await page.evaluate(
      () => (document.getElementById("plain") as HTMLElement).offsetHeight,
    );
    expect(plain).toBeGreaterThanOrEqual(400);
  });

  it("theme dark changes the computed colours; --orgraph-* properties theme it", async () => {
    const colours = await page.evaluate(() => {
      const c = (id: string) => {
        const style = getComputedStyle(document.getElementById(id)!);
        return {
          bg: style.backgroundColor,
          text: getComputedStyle(
            document.getElementById(id)!.shadowRoot!.querySelector(".caption")!,
          ).color,
        };
      };
      return { light: c("release"), dark: c("shapes") };
    });
    expect(colours.dark.bg).not.toBe(colours.light.bg);
    expect(colours.dark.bg).toBe("rgb(18, 22, 28)");
    expect(colours.dark.text).not.toBe(colours.light.text);
    const custom = await page.evaluate(() => {
      const el = document.getElementById("release")!;
      el.style.setProperty("--orgraph-background", "rgb(1, 2, 3)");
      const bg = getComputedStyle(el).backgroundColor;
      el.style.removeProperty("--orgraph-background");
      return bg;
    });
    expect(custom).toBe("rgb(1, 2, 3)");
  });

  it("theme dark: the canvas is dark, its labels light; it follows a change of theme", async () => {
    const DARK_LABEL = [0xe3, 0xe8, 0xef];
    const LIGHT_LABEL = [0x1f, 0x29, 0x33];
    /**
     * The canvas alone (the PNG export: sigma's canvases, no HTML overlay), zoomed in so that
     * labels show: its corner and how many pixels lie within 24 of `label` (a label colour).
     */
    const canvas = (id: string, label: number[]) =>
      page.evaluate(
        async ([id, label]) => {
          const el = document.getElementById(id) as OrgraphExplorer;
          el.camera = { x: 0.5, y: 0.5, ratio: 0.3, angle: 0 };
          await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
          const { blob } = await el.exportFile("png");
          const bitmap = await createImageBitmap(blob);
          const ctx = new OffscreenCanvas(bitmap.width, bitmap.height).getContext("2d")!;
          ctx.drawImage(bitmap, 0, 0);
          const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
          let labelInk = 0;
          for (let i = 0; i < data.length; i += 4) {
            const d = Math.max(...[0, 1, 2].map((c) => Math.abs(data[i + c]! - label[c]!)));
            if (d <= 24) labelInk++;
          }
          return { corner: [...data.slice(0, 3)], labelInk };
        },
        [id, label] as const,
      );

    expect(await corner("shapes")).toEqual(DARK_BACKGROUND);
    expect(await corner("release")).toEqual(WHITE);
    // The legend's swatches take the dark canvas's category colours.
    const swatch = await page.evaluate(() => {
      const el = document.getElementById("shapes")!.shadowRoot!.querySelector(".swatch")!;
      const category = [...el.classList].find((c) => c.startsWith("cat-"))!.slice(4);
      return { category, background: getComputedStyle(el).backgroundColor };
    });
    const hex = CATEGORY_COLORS_DARK[swatch.category as keyof typeof CATEGORY_COLORS_DARK];
    expect(swatch.background).toBe(rgb(hex));
    const dark = await canvas("shapes", DARK_LABEL);
    expect(dark.corner).toEqual(DARK_BACKGROUND);
    // Labels are drawn in the light label colour (its contrast: tests/unit/render/palette).
    expect(dark.labelInk).toBeGreaterThan(50);

    // A change of the attribute recolours the canvas in place (same graph, no reload).
    const same = await page.evaluate(() => {
      const el = document.getElementById("shapes") as OrgraphExplorer;
      const graph = el.graph;
      el.setAttribute("theme", "light");
      return graph === el.graph;
    });
    expect(same).toBe(true);
    const light = await canvas("shapes", LIGHT_LABEL);
    expect(light.corner).toEqual(WHITE);
    expect(light.labelInk).toBeGreaterThan(50);
    expect(await corner("shapes")).toEqual(WHITE);
    await page.evaluate(() => {
      const el = document.getElementById("shapes") as OrgraphExplorer;
      el.setAttribute("theme", "dark");
      el.fit();
    });
    expect((await canvas("shapes", DARK_LABEL)).corner).toEqual(DARK_BACKGROUND);
  });

  it("theme auto follows the user's colour scheme, live: the stage and the panels", async () => {
    /** The widget's background and its first legend swatch (colour and category). */
    const panels = () =>
      page.evaluate(() => {
        const el = document.getElementById("shapes")!;
        const swatch = el.shadowRoot!.querySelector(".swatch")!;
        return {
          background: getComputedStyle(el).backgroundColor,
          category: [...swatch.classList].find((c) => c.startsWith("cat-"))!.slice(4),
          swatch: getComputedStyle(swatch).backgroundColor,
        };
      });
    type Category = keyof typeof CATEGORY_COLORS;
    const graph = () =>
      page.evaluate(() => {
        const el = document.getElementById("shapes") as OrgraphExplorer & { __graph?: unknown };
        const same = el.__graph === undefined || el.__graph === el.graph;
        el.__graph = el.graph;
        return same;
      });
    try {
      await page.emulateMedia({ colorScheme: "dark" });
      await page.evaluate(() => document.getElementById("shapes")!.setAttribute("theme", "auto"));
      expect(await graph()).toBe(true);
      await expect.poll(() => corner("shapes")).toEqual(DARK_BACKGROUND);
      let p = await panels();
      expect(p.background).toBe("rgb(18, 22, 28)");
      expect(p.swatch).toBe(rgb(CATEGORY_COLORS_DARK[p.category as Category]));

      // The user switches to a light scheme: the canvas and the panels follow, no reload.
      await page.emulateMedia({ colorScheme: "light" });
      await expect.poll(() => corner("shapes")).toEqual(WHITE);
      p = await panels();
      expect(p.background).toBe("rgb(255, 255, 255)");
      expect(p.swatch).toBe(rgb(CATEGORY_COLORS[p.category as Category]));
      expect(await graph()).toBe(true);

      await page.emulateMedia({ colorScheme: "dark" });
      await expect.poll(() => corner("shapes")).toEqual(DARK_BACKGROUND);
      expect((await panels()).background).toBe("rgb(18, 22, 28)");
      expect(await graph()).toBe(true);
    } finally {
      await page.evaluate(() => document.getElementById("shapes")!.setAttribute("theme", "dark"));
      await page.emulateMedia({ colorScheme: null });
    }

    // The colour-scheme listener lives while theme is auto, and goes with destroy().
    const listeners = await page.evaluate(() => {
      const proto = MediaQueryList.prototype;
      const { addEventListener: add, removeEventListener: remove } = proto;
      let live = 0;
      const count = (list: MediaQueryList, type: string, by: number) => {
        if (type === "change" && list.media === "(prefers-color-scheme: dark)") live += by;
      };
      proto.addEventListener = function (this: MediaQueryList, ...args: [never, never]) {
        count(this, args[0], 1);
        return add.apply(this, args);
      };
      proto.removeEventListener = function (this: MediaQueryList, ...args: [never, never]) {
        count(this, args[0], -1);
        return remove.apply(this, args);
      };
      try {
        const el = document.createElement("orgraph-explorer") as OrgraphExplorer;
        el.setAttribute("theme", "auto");
        document.querySelector("article")!.append(el);
        const auto = live;
        el.setAttribute("theme", "light");
        const light = live;
        el.setAttribute("theme", "auto");
        const again = live;
        el.destroy();
        const destroyed = live;
        el.remove();
        return { auto, light, again, destroyed };
      } finally {
        proto.addEventListener = add;
        proto.removeEventListener = remove;
      }
    });
    expect(listeners).toEqual({ auto: 1, light: 0, again: 1, destroyed: 0 });
  });

  it("readonly hides the layout tools; bad values warn, name the attribute and fall back", async () => {
    expect(await shown(page, "release", ".layout-tools")).toBe(true);
    await page.evaluate(() => document.getElementById("release")!.setAttribute("readonly", ""));
    expect(await shown(page, "release", ".layout-tools")).toBe(false);
    await page.evaluate(() => document.getElementById("release")!.removeAttribute("readonly"));

    const result = await page.evaluate(() => {
      const el = document.getElementById("plain") as OrgraphExplorer;
      el.setAttribute("theme", "purple");
      el.setAttribute("controls", "legend, sparkles");
      el.setAttribute("height", "100px; color: red");
      return {
        theme: el.settings.theme,
        controls: el.settings.controls.length,
        height: el.settings.height,
      };
    });
    expect(result).toEqual({ theme: "light", controls: 7, height: null });
    expect(warnings.some((w) => w.includes('"theme"') && w.includes("light, dark"))).toBe(true);
    expect(warnings.some((w) => w.includes('"controls"') && w.includes("sparkles"))).toBe(true);
    expect(warnings.some((w) => w.includes('"height"'))).toBe(true);
  });
});

describe("API", () => {
  it("orgraph-ready fired once per widget with the version", async () => {
    const detail = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const el = document.createElement("orgraph-explorer");
          el.id = "ready";
          el.setAttribute("src", "release.trig");
          el.setAttribute("format", "trig");
          el.addEventListener("orgraph-ready", (e) => resolve((e as CustomEvent).detail), {
            once: true,
          });
          document.querySelector("article")!.append(el);
        }),
    );
    expect(detail).toMatchObject({ version: VERSION });
    expect((detail as { nodes: number }).nodes).toBeGreaterThan(50);
  });

  it("focus(key) flies to the node; focus() still focuses the element", async () => {
    const result = await page.evaluate(async (key) => {
      const el = document.getElementById("ready") as OrgraphExplorer;
      const before = el.camera!;
      el.focus(key);
      await new Promise((r) => setTimeout(r, 500));
      const after = el.camera!;
      el.tabIndex = 0;
      el.focus();
      return {
        before,
        after,
        active: document.activeElement === el,
        unknown: el.focusNode("nope"),
      };
    }, LAGON);
    expect(result.after.ratio).toBeLessThanOrEqual(0.71);
    expect(result.after.x).not.toBeCloseTo(result.before.x, 5);
    expect(result.active).toBe(true);
    expect(result.unknown).toBe(false);
  });

  it("setFilters goes through the view state; fit frames what is visible", async () => {
    const result = await page.evaluate(async () => {
      const el = document.getElementById("ready") as OrgraphExplorer;
      el.setFilters({ hiddenCategories: ["place"], hideIsolated: true });
      const places = [...el.visibleSubgraph!.nodes].filter(
        (k) => el.graph!.getNodeAttribute(k, "category") === "place",
      ).length;
      el.camera = { x: 3, y: 3, ratio: 5, angle: 0 };
      el.fit();
      await new Promise((r) => setTimeout(r, 500));
      return { state: el.viewState, places, camera: el.camera! };
    });
    expect(result.state.hiddenCategories).toEqual(["place"]);
    expect(result.state.hideIsolated).toBe(true);
    expect(result.places).toBe(0);
    expect(result.camera.ratio).toBeLessThanOrEqual(1.1);
    expect(Math.abs(result.camera.x - 0.5)).toBeLessThan(0.5);
  });

  it("destroy() frees the widget and is safe twice", async () => {
    const result = await page.evaluate(async () => {
      const el = document.getElementById("ready") as OrgraphExplorer;
      el.destroy();
      el.destroy();
      await el.updateComplete;
      let rejected = false;
      await el.load({ url: "release.trig", format: "trig" }).catch(() => (rejected = true));
      return {
        canvases: el.shadowRoot!.querySelectorAll("canvas").length,
        graph: el.graph,
        destroyed: el.destroyed,
        inert: el.inert,
        rejected,
        focus: el.focusNode("x"),
      };
    });
    expect(result).toEqual({
      canvases: 0,
      graph: null,
      destroyed: true,
      inert: true,
      rejected: true,
      focus: false,
    });
  });
});

describe("caption", () => {
  it("shows the title, the sources as safe links and the version", async () => {
    const caption = await page.evaluate(() => {
      const root = document.getElementById("release")!.shadowRoot!;
      const c = root.querySelector(".caption")!;
      return {
        title: c.querySelector(".caption-title")?.textContent,
        version: c.querySelector(".caption-version code")?.textContent,
        links: [...c.querySelectorAll("a.caption-source")].map((a) => ({
          href: a.getAttribute("href"),
          rel: a.getAttribute("rel"),
        })),
        cite: c.querySelector("a.caption-cite")?.getAttribute("href"),
      };
    });
    expect(caption.title).toBe("L'OIM accueille une conférence sur la lutte contre la traite");
    expect(caption.version).toBe(VERSION);
    expect(caption.links.length).toBeGreaterThanOrEqual(2);
    for (const l of caption.links) {
      expect(l.href).toMatch(/^https?:\/\//);
      expect(l.rel).toBe("noopener noreferrer");
    }
    expect(caption.links.map((l) => l.href)).toContain(
      "https://www.iom.int/news/iom-pakistan-hosts-counter-trafficking-conference-briefs-us-aide",
    );
    expect(caption.cite).toContain(`v=${VERSION}`);
    // The caption attribute names the data for the page.
    expect(
      await page.evaluate(
        () =>
          document.getElementById("shapes")!.shadowRoot!.querySelector(".caption-title")
            ?.textContent,
      ),
    ).toBe("Orgraph SHACL shapes");
  });

  it('"cite this view" reopens the same view pinned to the version; another version warns', async () => {
    const app = await browser.context.newPage();
    await app.goto(inject("baseUrl"));
    await app.waitForFunction(
      () => (document.querySelector("orgraph-explorer") as OrgraphExplorer)?.graph,
    );
    const cited = await app.evaluate(async (key) => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      el.select(key);
      el.setFilters({ hiddenCategories: ["event"] });
      await el.updateComplete;
      return {
        url: el.shadowRoot!.querySelector("a.caption-cite")!.getAttribute("href")!,
        state: el.viewState,
      };
    }, LAGON);
    expect(cited.url).toContain(`v=${VERSION}`);
    const reopened = await browser.context.newPage();
    await reopened.goto(cited.url);
    await reopened.waitForFunction(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return el?.graph && el.datasetVersion;
    });
    const again = await reopened.evaluate(() => {
      const el = document.querySelector("orgraph-explorer") as OrgraphExplorer;
      return {
        selected: el.selected,
        hidden: el.viewState.hiddenCategories,
        version: el.datasetVersion,
        notice: !!el.shadowRoot!.querySelector(".caption-notice"),
      };
    });
    expect(again).toEqual({
      selected: LAGON,
      hidden: ["event"],
      version: VERSION,
      notice: false,
    });

    await reopened.goto(cited.url.replace(`v=${VERSION}`, "v=000000000000"));
    await reopened.waitForFunction(() =>
      (document.querySelector("orgraph-explorer") as OrgraphExplorer)?.shadowRoot?.querySelector(
        ".caption-notice",
      ),
    );
    const notice = await reopened.evaluate(
      () =>
        (document.querySelector("orgraph-explorer") as OrgraphExplorer).shadowRoot!.querySelector(
          ".caption-notice",
        )!.textContent,
    );
    expect(notice).toContain("000000000000");
    await app.screenshot({ path: "/tmp/orgraph-caption.png" });
    await reopened.close();
    await app.close();
  });
});
