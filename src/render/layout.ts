/**
 * Deterministic layout: a seeded initial placement, then ForceAtlas2 for a fixed number of
 * iterations, then noverlap (see layout-steps.ts). No Math.random anywhere: the same graph and
 * seed give the same picture, whether the steps run here, in the layout worker or in the
 * main-thread fallback (layout-runner.ts).
 *
 * Positions go into the `x`/`y` node attributes, which the graph contract reserves for the layout;
 * no other attribute is touched.
 */
import { CATEGORIES, type OrgraphGraph } from "../core/model/types";
import {
  categoryPositions,
  circularPositions,
  runForceLayout,
  seededPoint,
  type LayoutInput,
} from "./layout-steps";
import { DEFAULT_RENDERER_SETTINGS, type RendererSettings } from "./settings";

/** The layouts on offer. */
export const LAYOUT_MODES = ["force", "circular", "category"] as const;
export type LayoutMode = (typeof LAYOUT_MODES)[number];

export function isLayoutMode(value: unknown): value is LayoutMode {
  return typeof value === "string" && (LAYOUT_MODES as readonly string[]).includes(value);
}

/** The default layout seed (the view state's default). */
export const DEFAULT_LAYOUT_SEED = 1;

export type LayoutSettings = Pick<
  RendererSettings,
  "layoutIterations" | "noverlapIterations" | "minNodeSize" | "maxNodeSize"
>;

/** Places every node from a hash of its key and the seed: stable whatever the insertion order. */
export function seedPositions(graph: OrgraphGraph, seed = DEFAULT_LAYOUT_SEED): void {
  const radius = Math.sqrt(graph.order) * 10;
  graph.forEachNode((key) => graph.mergeNodeAttributes(key, seededPoint(key, seed, radius)));
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

/** Past this many nodes the force layout runs fewer iterations (see `layoutBudget`). */
export const LAYOUT_FULL_ITERATIONS_NODES = 5000;

/**
 * The iterations a graph of `nodes` nodes gets: all of them up to
 * LAYOUT_FULL_ITERATIONS_NODES nodes, then fewer in proportion (each costs more), never under a
 * tenth. Depends on the size only: the same graph and seed always give the same positions.
 */
export function layoutBudget(
  nodes: number,
  iterations: number,
  noverlapIterations: number,
): { iterations: number; noverlapIterations: number } {
  if (nodes <= LAYOUT_FULL_ITERATIONS_NODES) return { iterations, noverlapIterations };
  const scale = Math.max(0.1, LAYOUT_FULL_ITERATIONS_NODES / nodes);
  return {
    iterations: Math.ceil(iterations * scale),
    noverlapIterations: Math.ceil(noverlapIterations * scale),
  };
}

/** The plain-data input of a force layout of `graph` (what the worker receives). */
export function layoutInput(
  graph: OrgraphGraph,
  seed = DEFAULT_LAYOUT_SEED,
  settings: LayoutSettings = DEFAULT_RENDERER_SETTINGS,
): LayoutInput {
  const keys = graph.nodes();
  const index = new Map<string, number>();
  keys.forEach((key, i) => index.set(key, i));
  const sizes = degreeSizes(graph, settings.minNodeSize, settings.maxNodeSize);
  const edges: number[] = [];
  graph.forEachEdge((_edge, _attributes, source, target) => {
    edges.push(index.get(source)!, index.get(target)!);
  });
  return {
    keys,
    sizes: keys.map((key) => sizes.get(key) ?? settings.minNodeSize),
    edges,
    seed: seed >>> 0,
    ...layoutBudget(keys.length, settings.layoutIterations, settings.noverlapIterations),
  };
}

/** Writes positions (x, y pairs in `keys` order) into the graph's x/y; unknown keys are skipped. */
export function applyPositions(
  graph: OrgraphGraph,
  keys: readonly string[],
  positions: ArrayLike<number>,
): void {
  const at = new Map<string, number>();
  keys.forEach((key, i) => at.set(key, i));
  // One event for the whole update (sigma refreshes once).
  graph.updateEachNodeAttributes(
    (key, attributes) => {
      const i = at.get(key);
      if (i === undefined) return attributes;
      const x = positions[i * 2];
      const y = positions[i * 2 + 1];
      if (x === undefined || y === undefined || !Number.isFinite(x) || !Number.isFinite(y)) {
        return attributes;
      }
      return { ...attributes, x, y };
    },
    { attributes: ["x", "y"] },
  );
}

/** Positions of an instant layout (circular or by category), x, y pairs in graph order. */
export function instantLayout(
  graph: OrgraphGraph,
  mode: Exclude<LayoutMode, "force">,
  settings: LayoutSettings = DEFAULT_RENDERER_SETTINGS,
): { keys: string[]; positions: Float64Array } {
  const keys = graph.nodes();
  const categories = keys.map((k) => graph.getNodeAttribute(k, "category") as string);
  const labels = keys.map((k) => graph.getNodeAttribute(k, "label"));
  if (mode === "circular") {
    const sizes = degreeSizes(graph, settings.minNodeSize, settings.maxNodeSize);
    return {
      keys,
      positions: circularPositions(
        keys,
        categories,
        labels,
        CATEGORIES,
        keys.map((k) => sizes.get(k) ?? settings.minNodeSize),
      ),
    };
  }
  return { keys, positions: categoryPositions(keys, categories, labels, CATEGORIES) };
}

/** Lays the graph out in place (x/y only), synchronously: seeded ForceAtlas2, then noverlap. */
export function layoutGraph(
  graph: OrgraphGraph,
  settings: LayoutSettings = DEFAULT_RENDERER_SETTINGS,
  seed = DEFAULT_LAYOUT_SEED,
): void {
  if (graph.order === 0) return;
  const input = layoutInput(graph, seed, settings);
  applyPositions(graph, input.keys, runForceLayout(input));
}
