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

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

describe("contrast helper", () => {
  it("gives the WCAG figures for known pairs", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#777777", "#ffffff")).toBeCloseTo(4.48, 2);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
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
