/**
 * Deterministic layout: a seeded initial placement, then synchronous ForceAtlas2 for a fixed number
 * of iterations, then noverlap. No Math.random anywhere: the same graph gives the same picture.
 *
 * Positions go into the `x`/`y` node attributes, which the graph contract reserves for the layout;
 * no other attribute is touched.
 */
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import type { OrgraphGraph } from "../core/model/types";
import { DEFAULT_RENDERER_SETTINGS, type RendererSettings } from "./settings";

/** FNV-1a, 32 bits: a stable hash of a node key. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: a small seeded PRNG. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether the graph already carries usable, spread-out positions (e.g. from core). */
function hasSpreadPositions(graph: OrgraphGraph): boolean {
  const seen = new Set<string>();
  let ok = true;
  graph.forEachNode((_key, { x, y }) => {
    if (!Number.isFinite(x) || !Number.isFinite(y)) ok = false;
    else seen.add(`${x},${y}`);
  });
  return ok && seen.size === graph.order;
}

/** Places every node from a hash of its key: stable whatever the insertion order. */
export function seedPositions(graph: OrgraphGraph): void {
  const radius = Math.sqrt(graph.order) * 10;
  graph.forEachNode((key) => {
    const random = prng(hash(key));
    const angle = random() * 2 * Math.PI;
    const distance = radius * Math.sqrt(random());
    graph.mergeNodeAttributes(key, {
      x: Math.cos(angle) * distance,
      y: Math.sin(angle) * distance,
    });
  });
}

/** Node display radius (pixels) from its degree, between minSize and maxSize. */
export function degreeSizes(
  graph: OrgraphGraph,
  minSize = DEFAULT_RENDERER_SETTINGS.minNodeSize,
  maxSize = DEFAULT_RENDERER_SETTINGS.maxNodeSize,
): Map<string, number> {
  let maxDegree = 1;
  graph.forEachNode((key) => {
    maxDegree = Math.max(maxDegree, graph.degree(key));
  });
  const sizes = new Map<string, number>();
  graph.forEachNode((key) => {
    const ratio = Math.sqrt(graph.degree(key) / maxDegree);
    sizes.set(key, minSize + (maxSize - minSize) * ratio);
  });
  return sizes;
}

/** Lays the graph out in place (x/y only). */
export function layoutGraph(
  graph: OrgraphGraph,
  settings: Pick<
    RendererSettings,
    "layoutIterations" | "noverlapIterations" | "minNodeSize" | "maxNodeSize"
  > = DEFAULT_RENDERER_SETTINGS,
): void {
  if (graph.order === 0) return;
  if (!hasSpreadPositions(graph)) seedPositions(graph);
  if (graph.order === 1) return;

  if (settings.layoutIterations > 0) {
    forceAtlas2.assign(graph, {
      iterations: settings.layoutIterations,
      getEdgeWeight: null,
      settings: {
        ...forceAtlas2.inferSettings(graph),
        // Barnes-Hut is approximate but deterministic; exact forces are affordable on small graphs.
        barnesHutOptimize: graph.order > 2000,
        linLogMode: false,
        adjustSizes: false,
        outboundAttractionDistribution: true,
      },
    });
  }

  if (settings.noverlapIterations > 0) {
    // Noverlap works in graph units: convert pixel sizes with the layout's extent, assuming the
    // extent maps to a ~700 px viewport; labels need more room than discs, hence the margin.
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    graph.forEachNode((_key, { x, y }) => {
      minX = Math.min(minX, x);
      maxX = Math.max(maxX, x);
      minY = Math.min(minY, y);
      maxY = Math.max(maxY, y);
    });
    const unitsPerPixel = Math.max(maxX - minX, maxY - minY, 1) / 700;
    const sizes = degreeSizes(graph, settings.minNodeSize, settings.maxNodeSize);
    noverlap.assign(graph, {
      maxIterations: settings.noverlapIterations,
      inputReducer: (key, attributes) => ({
        x: attributes.x,
        y: attributes.y,
        size: (sizes.get(key) ?? settings.minNodeSize) * unitsPerPixel,
      }),
      settings: { margin: 12 * unitsPerPixel, ratio: 1.2, speed: 3 },
    });
  }
}
