/**
 * How the renderer draws a large graph so that it stays explorable (100k nodes / 500k edges):
 * which sigma settings change with the size of the graph. Pure: the renderer reads it once per
 * graph, the tests read it directly.
 *
 * - Past LARGE_GRAPH_EDGES edges, edges leave the picture while the camera moves (pan, zoom,
 *   animation) and come back when it stops: a moving frame draws nodes and labels only.
 * - Past the same size, edges are not hoverable (no edge picking pass: with it, every frame
 *   draws every edge twice). An edge's label and sentence stay in its ends' details panel.
 * - Past the same size, hovering a node brings its neighbourhood forward (active edges, labels)
 *   without fading the rest: fading restyles every node and edge, too slow to follow the
 *   pointer. Selecting a node (a click) still fades the rest.
 * - Past POSITION_UPDATE_NODES nodes, the layout's position updates move the nodes without
 *   restyling or reprocessing them, in slices (positions.ts).
 * - Past LARGE_GRAPH_NODES nodes, labels thin out: fewer per grid cell, and only on nodes drawn
 *   at least LARGE_GRAPH_LABEL_SIZE pixels wide (the hovered, selected and highlighted nodes
 *   keep theirs).
 */
import type { RendererSettings } from "./settings";

/** Past this many edges: edges hidden while the camera moves, no edge hover. */
export const LARGE_GRAPH_EDGES = 20_000;
/** Past this many nodes: fewer labels (see `scaleSettings`). */
export const LARGE_GRAPH_NODES = 20_000;
/**
 * Past this many nodes, x/y updates (the layout's ticks) take positions.ts's path: no style
 * evaluated, the fit and label grids in slices, one write. Below, sigma's own (a few ms).
 */
export const POSITION_UPDATE_NODES = 2000;
/** Label density past LARGE_GRAPH_NODES (labels per grid cell; the default is 0.5). */
export const LARGE_GRAPH_LABEL_DENSITY = 0.25;
/** Nodes drawn smaller than this (pixels) get no label past LARGE_GRAPH_NODES. */
export const LARGE_GRAPH_LABEL_SIZE = 9;

export interface ScaleSettings {
  hideEdgesOnMove: boolean;
  enableEdgeEvents: boolean;
  labelDensity: number;
  labelRenderedSizeThreshold: number;
}

/** The sigma settings for a graph of `order` nodes and `size` edges. */
export function scaleSettings(
  order: number,
  size: number,
  settings: Pick<RendererSettings, "labelDensity" | "labelRenderedSizeThreshold">,
): ScaleSettings {
  const manyEdges = size > LARGE_GRAPH_EDGES;
  const manyNodes = order > LARGE_GRAPH_NODES;
  return {
    hideEdgesOnMove: manyEdges,
    enableEdgeEvents: !manyEdges,
    labelDensity: manyNodes
      ? Math.min(settings.labelDensity, LARGE_GRAPH_LABEL_DENSITY)
      : settings.labelDensity,
    labelRenderedSizeThreshold: manyNodes
      ? Math.max(settings.labelRenderedSizeThreshold, LARGE_GRAPH_LABEL_SIZE)
      : settings.labelRenderedSizeThreshold,
  };
}

/** Whether hovering a node fades the rest of a graph of `size` edges (selecting always does). */
export function hoverFades(size: number): boolean {
  return size <= LARGE_GRAPH_EDGES;
}
