/**
 * Sigma's processing of a new graph for its first render, in slices (issue 6).
 *
 * Sigma 4.0.4's processData (private) runs, in one task, over every node (normalised position,
 * label grid, depth order, picking id, buffer write) and then over every edge (depth order,
 * picking id, buffer write): tens of milliseconds at 15k nodes / 40k edges, more on a bigger
 * graph. `processInSlices` does the same steps in the same order, a few hundred items at a
 * time, awaiting `maybePause` between two (it pauses once its slice of time is spent); sigma's
 * own processData then runs with its node and edge halves found done (what is left: the label
 * picking ids and its events). Only for a sigma instance set up afresh (its picking state
 * empty): `slicedProcessSupported` says whether the internals it relies on are where expected
 * (tests/unit/render/sigma-internals.test.ts guards them); without them the caller runs
 * sigma's processData at once.
 */
import { Camera } from "sigma";
import { createNormalizationFunction, matrixFromCamera } from "sigma/utils";

/** A box in graph coordinates, as sigma's extents. */
export interface Extent {
  x: [number, number];
  y: [number, number];
}

/** Sigma's grid of label candidates (private). */
interface LabelGridInternals {
  cells: Record<string, unknown[]>;
  resizeAndClear(dimensions: { width: number; height: number }, cellSize: number): void;
  add(key: string, size: number, position: { x: number; y: number }): void;
  organize(): void;
}

/** Sigma's per-depth sets of items (private). */
interface ItemBucketsInternals {
  getSorted(depth: string, zIndexOf: (key: string) => number): string[];
}

interface NodeDisplayInternals {
  x: number;
  y: number;
  size: number;
  zIndex: number;
  label?: unknown;
  visibility?: string;
  labelVisibility?: string;
}

/** The sigma 4.0.4 internals the sliced processing reads and writes (private in its types). */
export interface SigmaProcessInternals {
  internals: {
    graph: { nodes(): string[]; edges(): string[] };
    settings: {
      autoRescale?: boolean | "once";
      labelGridCellSize: number;
      renderEdgeLabels?: boolean;
      edgeLabelAnchors?: string;
    };
    nodeDataCache: Record<string, NodeDisplayInternals>;
    edgeDataCache: Record<string, { zIndex: number }>;
    hoverResolver?: { invalidate?(): void };
  };
  pendingProcess: string;
  processData(): void;
  processNodes?(): boolean;
  processEdges?(): void;
  addNodeToProgram(key: string, position: number): void;
  addEdgeToProgram(key: string, position: number): void;
  getDimensions(): { width: number; height: number };
  getGraphDimensions(): { width: number; height: number };
  getStagePadding(): number;
  framedGraphToViewport(
    point: { x: number; y: number },
    override: { matrix: Float32Array },
  ): { x: number; y: number };
  nodeGraphCoords: Record<string, { x: number; y: number }>;
  nodeExtent: Extent;
  customBBox: Extent | null;
  autoRescaleFrozen?: boolean;
  normalizationFunction: { applyTo(data: { x: number; y: number }): void };
  prevNodeVisibilities: Record<string, string | undefined>;
  pickingState: {
    lookup: unknown[];
    idsByKind: Record<string, Map<string, number>>;
    nextId: number;
  };
  depthLayers: string[];
  itemBuckets: { nodes: ItemBucketsInternals; edges: ItemBucketsInternals };
  depthRanges: { nodes: Record<string, unknown>; edges: Record<string, unknown> };
  nodeBaseDepth: Record<string, string>;
  edgeBaseDepth: Record<string, string>;
  customLayerPrograms: Map<unknown, { program: { cacheData?(): void } }>;
  nodeProgram: {
    reallocate(capacity: number): void;
    allocateNode(key: string): void;
    invalidateBuffers(): void;
  };
  edgeProgram: { reallocate(capacity: number): void; invalidateBuffers(): void };
  labelRenderer: { labelGrid: LabelGridInternals; edgeAnchorGrid: LabelGridInternals };
}

/** The sigma methods the sliced processing calls (sigma 4.0.4's prototype). */
export const SIGMA_PROCESS_METHODS = [
  "processData",
  "processNodes",
  "processEdges",
  "addNodeToProgram",
  "addEdgeToProgram",
  "getDimensions",
  "getGraphDimensions",
  "getStagePadding",
  "framedGraphToViewport",
] as const;

/** The picking kinds of sigma 4.0.4, in its allocation order (a label kind after its item). */
export const SIGMA_PICKING_KINDS = ["node", "edge", "nodeLabel", "edgeLabel"] as const;

/**
 * Whether `sigma` (an instance not yet processed) has what processInSlices relies on: sigma's
 * methods, its label grids, depth buckets and programs, and an empty picking state.
 */
export function slicedProcessSupported(sigma: object): boolean {
  const s = sigma as Partial<SigmaProcessInternals> & Record<string, unknown>;
  const fn = (o: unknown, k: string): boolean =>
    typeof (o as Record<string, unknown> | undefined)?.[k] === "function";
  const picking = s.pickingState;
  const grid = (g: unknown): boolean =>
    fn(g, "resizeAndClear") && fn(g, "add") && fn(g, "organize");
  return (
    SIGMA_PROCESS_METHODS.every((k) => fn(s, k)) &&
    !!s.internals?.nodeDataCache &&
    !!s.internals.edgeDataCache &&
    !!s.nodeGraphCoords &&
    !!s.prevNodeVisibilities &&
    Array.isArray(s.depthLayers) &&
    fn(s.itemBuckets?.nodes, "getSorted") &&
    fn(s.itemBuckets?.edges, "getSorted") &&
    !!s.depthRanges &&
    !!s.nodeBaseDepth &&
    !!s.edgeBaseDepth &&
    s.customLayerPrograms instanceof Map &&
    fn(s.nodeProgram, "reallocate") &&
    fn(s.nodeProgram, "allocateNode") &&
    fn(s.nodeProgram, "invalidateBuffers") &&
    fn(s.edgeProgram, "reallocate") &&
    fn(s.edgeProgram, "invalidateBuffers") &&
    grid(s.labelRenderer?.labelGrid) &&
    grid(s.labelRenderer?.edgeAnchorGrid) &&
    !!picking &&
    Array.isArray(picking.lookup) &&
    picking.nextId === 1 &&
    SIGMA_PICKING_KINDS.every(
      (k) => picking.idsByKind[k] instanceof Map && picking.idsByKind[k].size === 0,
    )
  );
}

/** Items between two looks at the clock. */
const NODES_PER_CHECK = 128;
const EDGES_PER_CHECK = 256;
const CELLS_PER_CHECK = 16;

/**
 * Sigma's processData for a graph seen for the first time, framed with `extent` (sigma's
 * fitted extent, computed apart), in slices: `maybePause` is awaited every few items (it
 * pauses once its time slice is spent, or at once with `true`; a rejection stops here, the
 * caller drops the instance).
 * Each phase shows as an "orgraph:sigma-…" performance measure (`measure`).
 */
export async function processInSlices(
  s: SigmaProcessInternals,
  extent: Extent,
  maybePause: (now?: boolean) => Promise<void>,
  measure: (name: string, start: number) => void,
): Promise<void> {
  let start = performance.now();
  const changed = await processNodes(s, extent, maybePause);
  measure("sigma-process-nodes", start);
  // Always a pause between the two halves: a cancel is honoured there whatever the graph's size.
  await maybePause(true);
  start = performance.now();
  await processEdges(s, maybePause);
  measure("sigma-process-edges", start);
  // Sigma's processData itself, its node and edge halves found done: the label picking ids,
  // the hover resolver's reset, its events.
  const own = s as Partial<SigmaProcessInternals>;
  own.processNodes = () => changed;
  own.processEdges = () => undefined;
  s.pendingProcess = "full";
  start = performance.now();
  try {
    s.processData();
  } finally {
    delete own.processNodes;
    delete own.processEdges;
  }
  s.internals.hoverResolver?.invalidate?.();
  measure("sigma-process", start);
}

/** Sigma's processNodes (a fresh instance): true when a node's visibility changed. */
async function processNodes(
  s: SigmaProcessInternals,
  extent: Extent,
  maybePause: () => Promise<void>,
): Promise<boolean> {
  const { graph, settings, nodeDataCache: cache } = s.internals;
  const dimensions = s.getDimensions();
  s.nodeExtent = extent;
  if (settings.autoRescale === "once") s.autoRescaleFrozen = true;
  s.normalizationFunction = createNormalizationFunction(s.customBBox ?? s.nodeExtent);
  // After the extent: the graph's dimensions are read from it.
  const matrix = matrixFromCamera(
    new Camera().getState(),
    dimensions,
    s.getGraphDimensions(),
    s.getStagePadding(),
  );
  const { labelGrid, edgeAnchorGrid } = s.labelRenderer;
  labelGrid.resizeAndClear(dimensions, settings.labelGridCellSize);
  edgeAnchorGrid.resizeAndClear(dimensions, settings.labelGridCellSize);
  const fillAnchors = settings.renderEdgeLabels && settings.edgeLabelAnchors === "allNodes";
  let changed = false;
  const nodes = graph.nodes();
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    const data = cache[node]!;
    const coords = s.nodeGraphCoords[node]!;
    data.x = coords.x;
    data.y = coords.y;
    s.normalizationFunction.applyTo(data);
    if (data.visibility !== s.prevNodeVisibilities[node]) changed = true;
    const shown = data.visibility !== "hidden";
    if (typeof data.label === "string" && shown && data.labelVisibility !== "hidden") {
      labelGrid.add(node, data.size, s.framedGraphToViewport(data, { matrix }));
    }
    if (fillAnchors && shown) {
      edgeAnchorGrid.add(node, data.size, s.framedGraphToViewport(data, { matrix }));
    }
    if (i % NODES_PER_CHECK === NODES_PER_CHECK - 1) await maybePause();
  }
  await organizeInSlices(labelGrid, maybePause);
  await organizeInSlices(edgeAnchorGrid, maybePause);
  s.nodeProgram.reallocate(nodes.length);
  s.depthRanges.nodes = {};
  s.nodeBaseDepth = {};
  const picking = resetKind(s, "node");
  let count = 0;
  for (const depth of s.depthLayers) {
    const items = await sortedInSlices(s.itemBuckets.nodes, depth, cache, maybePause);
    if (items.length === 0) continue;
    s.depthRanges.nodes[depth] = [{ offset: count, count: items.length }];
    await maybePause();
    for (let i = 0; i < items.length; i++) {
      const node = items[i]!;
      s.nodeBaseDepth[node] = depth;
      s.nodeProgram.allocateNode(node);
      picking.register("node", node);
      s.addNodeToProgram(node, count++);
      if (i % NODES_PER_CHECK === NODES_PER_CHECK - 1) await maybePause();
    }
  }
  s.nodeProgram.invalidateBuffers();
  for (let i = 0; i < nodes.length; i++) {
    s.prevNodeVisibilities[nodes[i]!] = cache[nodes[i]!]!.visibility;
  }
  // The labels' glyphs were made before (renderer.ts, evaluateAll): not looked at again.
  for (const { program } of s.customLayerPrograms.values()) program.cacheData?.();
  await maybePause();
  return changed;
}

/** Sigma's processEdges: every edge in depth order, its picking id and its buffer write. */
async function processEdges(
  s: SigmaProcessInternals,
  maybePause: () => Promise<void>,
): Promise<void> {
  const edges = s.internals.graph.edges();
  const cache = s.internals.edgeDataCache;
  s.edgeProgram.reallocate(edges.length);
  const picking = resetKind(s, "edge");
  s.depthRanges.edges = {};
  s.edgeBaseDepth = {};
  let count = 0;
  for (const depth of s.depthLayers) {
    const items = await sortedInSlices(s.itemBuckets.edges, depth, cache, maybePause);
    if (items.length === 0) continue;
    s.depthRanges.edges[depth] = [{ offset: count, count: items.length }];
    await maybePause();
    for (let i = 0; i < items.length; i++) {
      const edge = items[i]!;
      s.edgeBaseDepth[edge] = depth;
      picking.register("edge", edge);
      s.addEdgeToProgram(edge, count++);
      if (i % EDGES_PER_CHECK === EDGES_PER_CHECK - 1) await maybePause();
    }
  }
  s.edgeProgram.invalidateBuffers();
  await maybePause();
}

/**
 * The keys at `depth` in sigma's order (its getSorted: the bucket's order, stably sorted by
 * zIndex). The bucket's order is read with a constant comparator (one pass, no lookups), the
 * zIndexes in slices; sorted only when they differ (one sort, with the values read ahead).
 */
async function sortedInSlices(
  buckets: ItemBucketsInternals,
  depth: string,
  cache: Record<string, { zIndex: number }>,
  maybePause: () => Promise<void>,
): Promise<string[]> {
  const items = buckets.getSorted(depth, () => 0);
  const z = new Float64Array(items.length);
  let same = true;
  for (let i = 0; i < items.length; i++) {
    z[i] = cache[items[i]!]!.zIndex;
    if (z[i] !== z[0]) same = false;
    if (i % EDGES_PER_CHECK === EDGES_PER_CHECK - 1) await maybePause();
  }
  if (same) return items;
  // As sigma's comparator (a NaN difference counts as equal).
  const order = Array.from(items.keys()).sort((a, b) => z[a]! - z[b]! || 0);
  return order.map((i) => items[i]!);
}

/**
 * Sigma's label grid sorted cell by cell (its `organize`, run on a few cells at a time: it
 * reads nothing but `cells`).
 */
async function organizeInSlices(
  grid: LabelGridInternals,
  maybePause: () => Promise<void>,
): Promise<void> {
  const keys = Object.keys(grid.cells);
  for (let i = 0; i < keys.length; i += CELLS_PER_CHECK) {
    const cells: Record<string, unknown[]> = {};
    for (const k of keys.slice(i, i + CELLS_PER_CHECK)) cells[k] = grid.cells[k]!;
    grid.organize.call({ cells });
    await maybePause();
  }
}

/**
 * Sigma's picking ids of `kind` (and of its labels) cleared, the next id set to where the
 * kind's range begins (sigma's resetKind), and its registerItem for that kind.
 */
function resetKind(
  s: SigmaProcessInternals,
  kind: "node" | "edge",
): { register(kind: "node" | "edge", key: string): void } {
  const state = s.pickingState;
  for (const k of [kind, `${kind}Label`]) {
    for (const id of state.idsByKind[k]!.values()) state.lookup[id] = null;
    state.idsByKind[k] = new Map();
  }
  let next = 1;
  for (const k of SIGMA_PICKING_KINDS) {
    if (k === kind) break;
    next += state.idsByKind[k]!.size;
  }
  state.nextId = next;
  return {
    register(k, key) {
      const id = state.nextId++;
      state.idsByKind[k]!.set(key, id);
      state.lookup[id] = { kind: k, key };
    },
  };
}
