/**
 * The canvas themes' colours (palette.ts CANVAS_COLOURS, which the renderer's styles read): text
 * on the canvas is readable (WCAG 1.4.3, at least 4.5:1) in both themes, and nodes stand out
 * (WCAG 1.4.11, at least 3:1) in their category colours.
 */
import { describe, expect, it } from "vitest";
import {
  CANVAS_COLOURS,
  CANVAS_THEMES,
  canvasColours,
  CATEGORY_COLORS,
  CATEGORY_COLORS_DARK,
  categoryColor,
  COMMUNITY_COLORS,
  COMMUNITY_COLORS_DARK,
  communityColor,
} from "../../../src/render/palette";
import { CATEGORIES } from "../../../src/core/model/types";

/** WCAG 2.x relative luminance of a #rrggbb colour. */
function luminance(hex: string): number {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** CIE L*a*b* (D65) of a #rrggbb colour. */
function lab(hex: string): [number, number, number] {
  const n = Number.parseInt(hex.slice(1), 16);
  const [r, g, b] = [n >> 16, (n >> 8) & 255, n & 255].map((c) => {
    const v = c / 255;
    return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** How far apart two colours look: the CIE76 distance (Delta E) of their L*a*b*. */
function distance(a: string, b: string): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** The smallest distance between two colours of `palette`, and that pair. */
function closestPair(palette: readonly string[]): { distance: number; pair: string[] } {
  let best = { distance: Infinity, pair: [] as string[] };
  palette.forEach((a, i) =>
    palette.slice(i + 1).forEach((b) => {
      const d = distance(a, b);
      if (d < best.distance) best = { distance: d, pair: [a, b] };
    }),
  );
  return best;
}

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("contrast and distance helpers", () => {
  it("give the WCAG and CIE figures for known pairs", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
    expect(distance("#000000", "#ffffff")).toBeCloseTo(100, 1);
    expect(lab("#ff0000").map((v) => Math.round(v))).toEqual([53, 80, 67]);
    expect(distance("#1f77b4", "#1f77b4")).toBe(0);
  });
});

describe.each(CANVAS_THEMES)("canvas theme %s", (theme) => {
  const c = CANVAS_COLOURS[theme];

  it("node labels: at least 4.5:1 on the stage and on the hover/selection/highlight boxes", () => {
    expect(contrast(c.label, c.background)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.label, c.backdrop)).toBeGreaterThanOrEqual(4.5);
    expect(contrast(c.label, c.highlightBackdrop)).toBeGreaterThanOrEqual(4.5);
  });

  it("edge labels: at least 4.5:1 on the stage", () => {
    expect(contrast(c.edgeLabel, c.background)).toBeGreaterThanOrEqual(4.5);
  });

  it("edges stand apart from the stage, a path's and the focus's more than faded ones", () => {
    expect(contrast(c.edge, c.background)).toBeGreaterThan(1.5);
    expect(contrast(c.pathEdge, c.background)).toBeGreaterThanOrEqual(3);
    expect(contrast(c.activeEdge, c.background)).toBeGreaterThan(contrast(c.edge, c.background));
    expect(contrast(c.fadedEdge, c.background)).toBeLessThan(contrast(c.edge, c.background));
  });
});

describe("canvasColours", () => {
  it("dark for dark, light for anything else", () => {
    expect(canvasColours("dark")).toBe(CANVAS_COLOURS.dark);
    expect(canvasColours("light")).toBe(CANVAS_COLOURS.light);
    expect(canvasColours(null)).toBe(CANVAS_COLOURS.light);
    expect(canvasColours("purple")).toBe(CANVAS_COLOURS.light);
    expect(CANVAS_COLOURS.dark.background).not.toBe(CANVAS_COLOURS.light.background);
  });
});

describe("category colours", () => {
  // The dark theme's side-panel background (--og-panel, src/ui/widget-styles.ts): the legend's
  // swatches sit on it.
  const DARK_PANEL = "#1b2129";

  it.each(CATEGORIES)(
    "%s: at least 3:1 on the light stage, and its dark twin on the dark one",
    (c) => {
      expect(contrast(CATEGORY_COLORS[c], CANVAS_COLOURS.light.background)).toBeGreaterThanOrEqual(
        3,
      );
      expect(
        contrast(CATEGORY_COLORS_DARK[c], CANVAS_COLOURS.dark.background),
      ).toBeGreaterThanOrEqual(3);
      expect(contrast(CATEGORY_COLORS_DARK[c], DARK_PANEL)).toBeGreaterThanOrEqual(3);
    },
  );

  it("categoryColor picks the theme's colour; unknown categories are `other`", () => {
    expect(categoryColor("person")).toBe(CATEGORY_COLORS.person);
    expect(categoryColor("person", "dark")).toBe(CATEGORY_COLORS_DARK.person);
    expect(categoryColor("nonsense", "dark")).toBe(CATEGORY_COLORS_DARK.other);
    expect(new Set(Object.values(CATEGORY_COLORS_DARK)).size).toBe(CATEGORIES.length);
  });
});

describe("community colours (Louvain colour mode)", () => {
  const DARK_PANEL = "#1b2129";

  it.each(COMMUNITY_COLORS.map((c, i) => [i, c, COMMUNITY_COLORS_DARK[i]!] as const))(
    "community %i: %s at least 3:1 on the light stage, its dark twin %s on the dark one",
    (_i, light, dark) => {
      expect(contrast(light, CANVAS_COLOURS.light.background)).toBeGreaterThanOrEqual(3);
      expect(contrast(dark, CANVAS_COLOURS.dark.background)).toBeGreaterThanOrEqual(3);
      expect(contrast(dark, DARK_PANEL)).toBeGreaterThanOrEqual(3);
    },
  );

  it("stay apart from each other in both themes (no two closer than Delta E 20)", () => {
    expect(COMMUNITY_COLORS_DARK).toHaveLength(COMMUNITY_COLORS.length);
    expect(closestPair(COMMUNITY_COLORS).distance).toBeGreaterThanOrEqual(20);
    expect(closestPair(COMMUNITY_COLORS_DARK).distance).toBeGreaterThanOrEqual(20);
  });

  it("communityColor picks the theme's colour; grey for none or past the last", () => {
    expect(communityColor(0, "dark")).toBe(COMMUNITY_COLORS_DARK[0]);
    expect(communityColor(3, "dark")).toBe(COMMUNITY_COLORS_DARK[3]);
    expect(communityColor(3, "light")).toBe(COMMUNITY_COLORS[3]);
    expect(communityColor(3)).toBe(COMMUNITY_COLORS[3]);
    expect(communityColor(-1, "dark")).toBe(COMMUNITY_COLORS_DARK.at(-1));
    expect(communityColor(999, "dark")).toBe(COMMUNITY_COLORS_DARK.at(-1));
  });
});
