/**
 * The canvas themes' colours (palette.ts CANVAS_COLOURS, which the renderer's styles read): text
 * on the canvas is readable (WCAG 1.4.3, at least 4.5:1) in both themes.
 */
import { describe, expect, it } from "vitest";
import { CANVAS_COLOURS, CANVAS_THEMES, canvasColours } from "../../../src/render/palette";

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
