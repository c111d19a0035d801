/**
 * What changes on screen with the size of the graph (src/render/scale.ts): past the thresholds,
 * edges leave the picture while the camera moves, edges are not hoverable, labels thin out; below
 * them, nothing changes from the renderer settings.
 */
import { describe, expect, it } from "vitest";
import {
  LARGE_GRAPH_EDGES,
  LARGE_GRAPH_LABEL_DENSITY,
  LARGE_GRAPH_LABEL_SIZE,
  LARGE_GRAPH_NODES,
  hoverFades,
  scaleSettings,
} from "../../../src/render/scale";
import { DEFAULT_RENDERER_SETTINGS } from "../../../src/render/settings";

describe("scaleSettings", () => {
  it("leaves a small graph as the settings say: edges while moving, edge hover, every label", () => {
    expect(scaleSettings(500, 2_000, DEFAULT_RENDERER_SETTINGS)).toEqual({
      hideEdgesOnMove: false,
      enableEdgeEvents: true,
      labelDensity: DEFAULT_RENDERER_SETTINGS.labelDensity,
      labelRenderedSizeThreshold: DEFAULT_RENDERER_SETTINGS.labelRenderedSizeThreshold,
    });
  });

  it("at 100k nodes / 500k edges: edges hidden while moving, no edge hover, fewer labels", () => {
    const s = scaleSettings(100_000, 500_000, DEFAULT_RENDERER_SETTINGS);
    expect(s.hideEdgesOnMove).toBe(true);
    expect(s.enableEdgeEvents).toBe(false);
    expect(s.labelDensity).toBeLessThan(DEFAULT_RENDERER_SETTINGS.labelDensity);
    expect(s.labelRenderedSizeThreshold).toBeGreaterThan(
      DEFAULT_RENDERER_SETTINGS.labelRenderedSizeThreshold,
    );
  });

  it("switches at the thresholds, edges and nodes apart", () => {
    expect(scaleSettings(10, LARGE_GRAPH_EDGES, DEFAULT_RENDERER_SETTINGS).hideEdgesOnMove).toBe(
      false,
    );
    expect(
      scaleSettings(10, LARGE_GRAPH_EDGES + 1, DEFAULT_RENDERER_SETTINGS).hideEdgesOnMove,
    ).toBe(true);
    const manyNodes = scaleSettings(LARGE_GRAPH_NODES + 1, 0, DEFAULT_RENDERER_SETTINGS);
    expect(manyNodes.enableEdgeEvents).toBe(true);
    expect(manyNodes.labelDensity).toBe(LARGE_GRAPH_LABEL_DENSITY);
    expect(manyNodes.labelRenderedSizeThreshold).toBe(LARGE_GRAPH_LABEL_SIZE);
  });

  it("never shows more labels than the settings ask for", () => {
    const sparse = { labelDensity: 0.1, labelRenderedSizeThreshold: 20 };
    expect(scaleSettings(1_000_000, 5_000_000, sparse)).toMatchObject(sparse);
  });
});

describe("hoverFades", () => {
  it("fades the rest on hover up to LARGE_GRAPH_EDGES edges, not past them", () => {
    expect(hoverFades(2_000)).toBe(true);
    expect(hoverFades(LARGE_GRAPH_EDGES)).toBe(true);
    expect(hoverFades(LARGE_GRAPH_EDGES + 1)).toBe(false);
    expect(hoverFades(500_000)).toBe(false);
  });
});
