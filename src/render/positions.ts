/**
 * Positions-only updates of a sigma instance (issue 6: the force layout's ticks on a big graph).
 *
 * When the layout writes x/y into the graph (layout.ts `applyPositions`: one
 * "eachNodeAttributesUpdated" event, hinted x/y), sigma 4.0.4 re-evaluates every node's style
 * and reprocesses every node (extent, fit, label grid, programs) at its next frame: hundreds of
 * milliseconds in one task at 15k nodes. Positions change nothing else: here, per batch, the
 * new coordinates are read from the graph, the fitted extent and the label grids are computed
 * apart (in slices of about SLICE_MS, awaiting a macrotask between two), then everything is
 * written at once (sigma's graph coordinates, its display data's normalised x/y, the node data
 * texture's position texels, the new label grids) and one frame drawn: never a half-updated
 * frame, no style evaluated. Edges read their ends' positions from the node data texture: their
 * buffers stay. A new batch while one is in progress replaces it.
 * Any other update, a graph whose nodes changed meanwhile, or internals not where expected
 * (sigma upgraded: tests/unit/render/sigma-internals.test.ts says so) keep sigma's own handling.
 */
import { Camera } from "sigma";
import { createNormalizationFunction, matrixFromCamera, multiplyVec2 } from "sigma/utils";
import { macrotask } from "../core/load/macrotask";
import type { Extent } from "./sigma-process";

/** The longest stretch of work between two pauses (ms). */
export const POSITION_SLICE_MS = 8;

/** The graph event that batched attribute updates emit, and the attributes positions touch. */
const EACH_NODE_UPDATED = "eachNodeAttributesUpdated";
const POSITION_ATTRIBUTES = ["x", "y"] as const;

/** Sigma's label grid (private in its types). */
interface LabelGridInternals {
  resizeAndClear(dimensions: { width: number; height: number }, cellSize: number): void;
  add(key: string, size: number, position: { x: number; y: number }): void;
  organize(): void;
  cells: Record<string, unknown[]>;
}

interface NodeDataInternals {
  x: number;
  y: number;
  size: number;
  label?: unknown;
  visibility?: string;
  labelVisibility?: string;
}

interface GraphInternals {
  order: number;
  nodes(): string[];
  getNodeAttributes(key: string): Record<string, unknown>;
  on(
    event: string,
    listener: (payload: { hints?: { attributes?: string[] } | null }) => void,
  ): void;
  removeListener(event: string, listener: (...args: never[]) => void): void;
}

/** The sigma 4.0.4 internals a positions-only update reads and writes (private in its types). */
interface SigmaPositionInternals {
  internals: {
    graph: GraphInternals;
    settings: {
      autoRescale?: boolean | "once";
      autoRescaleContent?: string;
      zoomToSizeRatioFunction?: (ratio: number) => number;
      itemSizesReference?: string;
      labelGridCellSize: number;
      renderEdgeLabels?: boolean;
      edgeLabelAnchors?: string;
    };
    nodeDataCache: Record<string, NodeDataInternals>;
    nodeDataTexture: {
      data: Float32Array;
      getIndex(key: string): number;
      markDirty(i: number): void;
    };
  };
  activeListeners: Record<string, unknown>;
  nodeReducer?: unknown;
  nodeGraphCoords: Record<string, { x: number; y: number }>;
  nodeExtent: Extent;
  customBBox: Extent | null;
  autoRescaleFrozen?: boolean;
  normalizationFunction: { applyTo(data: { x: number; y: number }): void };
  labelRenderer: {
    labelGrid: LabelGridInternals;
    edgeAnchorGrid: LabelGridInternals;
    labelsDirty: boolean;
    nodeLabelBox(data: unknown, radius: number): unknown;
  };
  getDimensions(): { width: number; height: number };
  getStagePadding(): number;
  framedGraphToViewport(
    point: { x: number; y: number },
    override: { matrix: Float32Array },
  ): { x: number; y: number };
  scheduleRender(): unknown;
  resize(): unknown;
}

/** The sigma methods a positions-only update calls (sigma 4.0.4's prototype). */
export const SIGMA_POSITION_METHODS = [
  "getDimensions",
  "getStagePadding",
  "framedGraphToViewport",
  "scheduleRender",
  "resize",
] as const;

/** Whether `sigma` has what `positionUpdates` relies on (false: sigma's own handling stays). */
export function positionUpdatesSupported(sigma: object): boolean {
  const s = sigma as Partial<SigmaPositionInternals> & Record<string, unknown>;
  const fn = (o: unknown, k: string): boolean =>
    typeof (o as Record<string, unknown> | undefined)?.[k] === "function";
  const grid = (g: unknown): boolean =>
    fn(g, "resizeAndClear") && fn(g, "add") && fn(g, "organize") && typeof g === "object";
  const texture = s.internals?.nodeDataTexture;
  return (
    SIGMA_POSITION_METHODS.every((k) => fn(s, k)) &&
    !s.nodeReducer &&
    fn(s.activeListeners, "eachNodeAttributesUpdatedGraphUpdate") &&
    fn(s.internals?.graph, "on") &&
    fn(s.internals?.graph, "removeListener") &&
    !!s.internals?.nodeDataCache &&
    !!s.nodeGraphCoords &&
    !!s.nodeExtent &&
    texture?.data instanceof Float32Array &&
    fn(texture, "getIndex") &&
    fn(texture, "markDirty") &&
    grid(s.labelRenderer?.labelGrid) &&
    grid(s.labelRenderer?.edgeAnchorGrid) &&
    fn(s.labelRenderer, "nodeLabelBox")
  );
}

/** Sigma's rounds of its fit of the camera to the nodes' sizes and labels, and their end. */
const FIT_ROUNDS = 8;
const FIT_CONVERGENCE = 1e-3;

/** What the fitted extent is computed from (sigma's computeFittedExtent's inputs). */
export interface FitInput {
  keys: readonly string[];
  xs: ArrayLike<number>;
  ys: ArrayLike<number>;
  /** The positions' own extent (sigma's computeNodeExtent). */
  extent: Extent;
  nodeData: Record<string, { size: number }>;
  /** Sigma's label box of a node (null without a label), or null: sizes only. */
  labelBox: ((data: unknown, radius: number) => unknown) | null;
  zoomToSizeRatio: (ratio: number) => number;
  sizesInPositions: boolean;
  dimensions: { width: number; height: number };
  stagePadding: number;
}

/** The positions' extent (sigma's computeNodeExtent): [0, 1] boxes when there are none. */
export function plainExtent(xs: ArrayLike<number>, ys: ArrayLike<number>): Extent {
  if (!xs.length) return { x: [0, 1], y: [0, 1] };
  let xMin = Infinity;
  let xMax = -Infinity;
  let yMin = Infinity;
  let yMax = -Infinity;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = ys[i]!;
    if (x < xMin) xMin = x;
    if (x > xMax) xMax = x;
    if (y < yMin) yMin = y;
    if (y > yMax) yMax = y;
  }
  return { x: [xMin, xMax], y: [yMin, yMax] };
}

/**
 * The extent sigma frames the graph with ("fitted extent": the positions widened to the nodes'
 * sizes and labels at the default camera), as sigma 4.0.4's private computeFittedExtent
 * computes it (same rounds, same formulas), yielding every 256 nodes.
 */
export function* fittedExtentSteps(input: FitInput): Generator<void, Extent> {
  const { keys, xs, ys, nodeData, labelBox, dimensions, stagePadding } = input;
  let extent = input.extent;
  if (!keys.length) return extent;
  const zoomAtDefault = input.zoomToSizeRatio(1) || 1;
  const { width, height } = dimensions;
  const camera = { x: 0.5, y: 0.5, angle: 0, ratio: 1 };
  for (let round = 0; round < FIT_ROUNDS; round++) {
    const normalize = createNormalizationFunction(extent);
    const graphDimensions = {
      width: extent.x[1] - extent.x[0] || 1,
      height: extent.y[1] - extent.y[0] || 1,
    };
    const matrix = matrixFromCamera(camera, dimensions, graphDimensions, stagePadding);
    const toViewport = (p: { x: number; y: number }): { x: number; y: number } => {
      const v = multiplyVec2(matrix, p);
      return { x: ((1 + v.x) * width) / 2, y: ((1 - v.y) * height) / 2 };
    };
    const o = toViewport(normalize({ x: 0, y: 0 }));
    const u = toViewport(normalize({ x: 1, y: 0 }));
    const pixelsPerUnit = Math.hypot(u.x - o.x, u.y - o.y) || 1;
    let xMin = Infinity;
    let xMax = -Infinity;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (let i = 0; i < keys.length; i++) {
      const data = nodeData[keys[i]!]!;
      const radius = (data.size / zoomAtDefault) * (input.sizesInPositions ? pixelsPerUnit : 1);
      let minX = -radius;
      let maxX = radius;
      let minY = -radius;
      let maxY = radius;
      if (labelBox) {
        const box = labelBox(data, radius) as {
          minX: number;
          maxX: number;
          minY: number;
          maxY: number;
        } | null;
        if (box) {
          if (box.minX < minX) minX = box.minX;
          if (box.maxX > maxX) maxX = box.maxX;
          if (box.minY < minY) minY = box.minY;
          if (box.maxY > maxY) maxY = box.maxY;
        }
      }
      const x = xs[i]!;
      const y = ys[i]!;
      xMin = Math.min(xMin, x + minX / pixelsPerUnit);
      xMax = Math.max(xMax, x + maxX / pixelsPerUnit);
      yMin = Math.min(yMin, y - maxY / pixelsPerUnit);
      yMax = Math.max(yMax, y - minY / pixelsPerUnit);
      if ((i & 255) === 255) yield;
    }
    const next: Extent = { x: [xMin, xMax], y: [yMin, yMax] };
    const span = Math.max(next.x[1] - next.x[0], next.y[1] - next.y[0]) || 1;
    const delta = Math.max(
      Math.abs(next.x[0] - extent.x[0]),
      Math.abs(next.x[1] - extent.x[1]),
      Math.abs(next.y[0] - extent.y[0]),
      Math.abs(next.y[1] - extent.y[1]),
    );
    extent = next;
    if (delta / span < FIT_CONVERGENCE) break;
  }
  return extent;
}

/** Thrown into a batch's steps when a newer batch (or the end of the renderer) replaces it. */
class Superseded extends Error {
  constructor() {
    super("positions update superseded");
    this.name = "Superseded";
  }
}

/** What `positionUpdates` counts (tests read it; the renderer's `positionBatches`). */
export interface PositionCounts {
  /** Batches written by the fast path. */
  applied: number;
  /** Batches left to sigma's own handling (not positions only, nodes changed, no internals). */
  delegated: number;
  /** Batches replaced by a newer one before they were written. */
  superseded: number;
}

export interface PositionUpdates {
  readonly counts: Readonly<PositionCounts>;
  /**
   * Frames the graph again for the stage's size (after a resize), as a batch of the positions
   * in the graph: false when sigma's own handling applies (small graph, set-up, killed).
   */
  reframe(): boolean;
  /** Resolves once the batch in progress (if any) is on screen, or was replaced. */
  settled(): Promise<void>;
  /** Stops the batch in progress (nothing more is written); idempotent. */
  kill(): void;
}

/**
 * Takes over sigma's handling of x/y-only node updates (see the banner) on graphs of more than
 * `minNodes` nodes; `isBuilding` says when sigma's set-up is still in slices (sigma's own
 * handling then). Null when the internals are not as expected (nothing changed then).
 * `measure` names the work ("orgraph:sigma-positions", "orgraph:sigma-positions-write").
 */
export function positionUpdates(
  sigma: object,
  options: {
    minNodes: number;
    isBuilding: () => boolean;
    measure?: (name: string, start: number) => void;
    pause?: () => Promise<void>;
  },
): PositionUpdates | null {
  if (!positionUpdatesSupported(sigma)) return null;
  const s = sigma as SigmaPositionInternals;
  const graph = s.internals.graph;
  const original = s.activeListeners.eachNodeAttributesUpdatedGraphUpdate as (
    payload: unknown,
  ) => void;
  const pause = options.pause ?? macrotask;
  const counts: PositionCounts = { applied: 0, delegated: 0, superseded: 0 };
  let batch = 0;
  let running: Promise<void> | null = null;
  let killed = false;

  /** Whether a batch may run now (else sigma's own handling). */
  const ours = (): boolean => !killed && graph.order > options.minNodes && !options.isBuilding();

  const listener = (payload: { hints?: { attributes?: string[] } | null }): void => {
    const attributes = payload?.hints?.attributes;
    const positionsOnly =
      !!attributes &&
      attributes.length > 0 &&
      attributes.every((a) => (POSITION_ATTRIBUTES as readonly string[]).includes(a));
    if (!positionsOnly || !ours()) {
      delegate(payload);
      return;
    }
    start();
  };

  /** Starts a batch of the positions now in the graph (a batch in progress is replaced). */
  const start = (): void => {
    const id = ++batch;
    const run: Promise<void> = runBatch(id)
      .catch((error: unknown) => {
        if (error instanceof Superseded) {
          counts.superseded++;
          return;
        }
        // A batch that failed midway: sigma's own handling puts the picture in line with the
        // graph again; the error goes on.
        if (!killed) fallback();
        throw error;
      })
      .finally(() => {
        if (running === run) running = null;
      });
    running = run;
  };

  /**
   * Sigma's own handling. A batch in progress goes on: its positions are the graph's latest
   * (a newer position update would have replaced it).
   */
  const delegate = (payload: unknown): void => {
    counts.delegated++;
    original.call(s.activeListeners, payload);
  };

  /** Runs a batch's steps in slices; each step only while the batch is still the latest. */
  const runBatch = async (id: number): Promise<void> => {
    const steps = batchSteps(s, (name, start) => options.measure?.(name, start));
    let start = performance.now();
    for (;;) {
      if (id !== batch || killed) throw new Superseded();
      if (steps.next().done) return;
      if (performance.now() - start >= POSITION_SLICE_MS) {
        await pause();
        start = performance.now();
      }
    }
  };

  /**
   * The batch as steps: read, fit, grids (yielding), then, once the caller has checked it is
   * still current, the write (the generator's last step, in one go).
   */
  function* batchSteps(
    self: SigmaPositionInternals,
    measure: (name: string, start: number) => void,
  ): Generator<void, void> {
    const begin = performance.now();
    const cache = self.internals.nodeDataCache;
    const keys = graph.nodes();
    const xs = new Float64Array(keys.length);
    const ys = new Float64Array(keys.length);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const a = graph.getNodeAttributes(key);
      if (!cache[key] || !self.nodeGraphCoords[key]) return fallback();
      xs[i] = typeof a.x === "number" ? a.x : self.nodeGraphCoords[key].x;
      ys[i] = typeof a.y === "number" ? a.y : self.nodeGraphCoords[key].y;
      if ((i & 1023) === 1023) yield;
    }
    yield;
    const extent = yield* frameExtent(self, keys, xs, ys);
    const normalization = createNormalizationFunction(self.customBBox ?? extent);
    // The label grids as sigma's processNodes fills them, with the new positions.
    const settings = self.internals.settings;
    const dimensions = self.getDimensions();
    const box = self.customBBox ?? extent;
    const matrix = matrixFromCamera(
      new Camera().getState(),
      dimensions,
      { width: box.x[1] - box.x[0] || 1, height: box.y[1] - box.y[0] || 1 },
      self.getStagePadding(),
    );
    const GridClass = self.labelRenderer.labelGrid.constructor as new () => LabelGridInternals;
    const labels = new GridClass();
    const anchors = new GridClass();
    labels.resizeAndClear(dimensions, settings.labelGridCellSize);
    anchors.resizeAndClear(dimensions, settings.labelGridCellSize);
    const fillAnchors = settings.renderEdgeLabels && settings.edgeLabelAnchors === "allNodes";
    const point = { x: 0, y: 0 };
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const data = cache[key]!;
      const shown = data.visibility !== "hidden";
      const labelled = typeof data.label === "string" && shown && data.labelVisibility !== "hidden";
      if (labelled || (fillAnchors && shown)) {
        point.x = xs[i]!;
        point.y = ys[i]!;
        normalization.applyTo(point);
        const at = self.framedGraphToViewport(point, { matrix });
        if (labelled) labels.add(key, data.size, at);
        if (fillAnchors && shown) anchors.add(key, data.size, at);
      }
      if ((i & 511) === 511) yield;
    }
    yield* organizeSteps(labels);
    yield* organizeSteps(anchors);
    measure("sigma-positions", begin);
    // The caller checks that the batch is still the latest before this step: the write.
    yield;
    const writeStart = performance.now();
    if (graph.order !== keys.length) return fallback();
    const texture = self.internals.nodeDataTexture;
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const data = cache[key];
      const coords = self.nodeGraphCoords[key];
      if (!data || !coords) return fallback();
      coords.x = xs[i]!;
      coords.y = ys[i]!;
      data.x = coords.x;
      data.y = coords.y;
      normalization.applyTo(data);
      const index = texture.getIndex(key);
      if (index >= 0) {
        // Texel 0 of the node: x, y, size, shape (sigma's NodeDataTexture.updateNode).
        texture.data[index * 8] = data.x;
        texture.data[index * 8 + 1] = data.y;
        texture.markDirty(index);
      }
    }
    self.nodeExtent = extent;
    if (settings.autoRescale === "once") self.autoRescaleFrozen = true;
    self.normalizationFunction = normalization;
    self.labelRenderer.labelGrid = labels;
    self.labelRenderer.edgeAnchorGrid = anchors;
    self.labelRenderer.labelsDirty = true;
    self.scheduleRender();
    counts.applied++;
    measure("sigma-positions-write", writeStart);
  }

  /** Sigma's own handling of the positions now in the graph (a whole-graph refresh). */
  function fallback(): void {
    counts.delegated++;
    original.call(s.activeListeners, { hints: { attributes: [...POSITION_ATTRIBUTES] } });
  }

  /** The extent sigma would frame the positions with (its processNodes' first part). */
  function* frameExtent(
    self: SigmaPositionInternals,
    keys: readonly string[],
    xs: Float64Array,
    ys: Float64Array,
  ): Generator<void, Extent> {
    const settings = self.internals.settings;
    if (settings.autoRescale === false) {
      const { width, height } = self.getDimensions();
      return { x: [-width / 2, width / 2], y: [-height / 2, height / 2] };
    }
    if (settings.autoRescale === "once" && self.autoRescaleFrozen) return self.nodeExtent;
    const extent = plainExtent(xs, ys);
    const fit =
      settings.autoRescaleContent !== "positions" &&
      !self.customBBox &&
      typeof settings.zoomToSizeRatioFunction === "function";
    if (!fit) return extent;
    const fitted = yield* fittedExtentSteps({
      keys,
      xs,
      ys,
      extent,
      nodeData: self.internals.nodeDataCache,
      labelBox:
        settings.autoRescaleContent === "labels"
          ? (data, radius) => self.labelRenderer.nodeLabelBox(data, radius)
          : null,
      zoomToSizeRatio: settings.zoomToSizeRatioFunction!,
      sizesInPositions: settings.itemSizesReference === "positions",
      dimensions: self.getDimensions(),
      stagePadding: self.getStagePadding(),
    });
    return fitted;
  }

  graph.removeListener(EACH_NODE_UPDATED, original);
  graph.on(EACH_NODE_UPDATED, listener);
  // Sigma's kill removes this listener as its own.
  s.activeListeners.eachNodeAttributesUpdatedGraphUpdate = listener;

  return {
    counts,
    reframe() {
      if (!ours()) return false;
      // The stage's new size first (sigma reads it at its next frame otherwise): the frames
      // until the batch is written show the old framing at the new size, as sigma's would.
      s.resize();
      s.scheduleRender();
      start();
      return true;
    },
    async settled() {
      while (running) await running;
    },
    kill() {
      if (killed) return;
      killed = true;
      batch++;
    },
  };
}

/** A label grid's cells sorted (its `organize`), a few at a time. */
function* organizeSteps(grid: LabelGridInternals): Generator<void, void> {
  const keys = Object.keys(grid.cells);
  for (let i = 0; i < keys.length; i += 16) {
    const cells: Record<string, unknown[]> = {};
    for (const k of keys.slice(i, i + 16)) cells[k] = grid.cells[k]!;
    grid.organize.call({ cells });
    yield;
  }
}
