/**
 * The layout computations, as plain data in and out, so that the same code runs in the layout
 * Web Worker, in the main-thread fallback and in Node (tests, `layoutGraph`).
 *
 * - `createForceStepper`: a seeded start (each node placed from a hash of its key and the seed),
 *   then ForceAtlas2 (settings inferred from the graph) for a fixed number of iterations, then
 *   noverlap, cut into small fixed steps. A step is the unit of work: the worker posts positions
 *   after each one and the fallback runs as many as fit in a time slice, so where the steps run
 *   never changes the result. Same keys, edges, sizes and seed: the same positions, bit for bit.
 * - `circularPositions` and `categoryPositions`: the alternatives, computed at once.
 *
 * Positions are a Float64Array of x, y pairs in the order of `keys`.
 */
import { MultiDirectedGraph } from "graphology";
import forceAtlas2 from "graphology-layout-forceatlas2";
import noverlap from "graphology-layout-noverlap";
import { seededRandom } from "../core/random";

export interface LayoutInput {
  /** Node keys, in graph order. */
  keys: readonly string[];
  /** Display radius of each node in pixels (same order as keys). */
  sizes: readonly number[];
  /** Edges as source/target index pairs into `keys`, in graph order: [s0, t0, s1, t1, …]. */
  edges: readonly number[];
  /** Layout seed, an unsigned 32-bit integer. */
  seed: number;
  /** ForceAtlas2 iterations. */
  iterations: number;
  /** Most noverlap passes. */
  noverlapIterations: number;
}

export type LayoutPhase = "forceatlas2" | "noverlap" | "done";

export interface LayoutProgress {
  phase: LayoutPhase;
  /** Steps done and the most steps there can be (noverlap may stop early, when nothing moves). */
  done: number;
  total: number;
}

export interface ForceStepper {
  /** Runs one step; returns false once the layout is complete (then steps do nothing). */
  step(): boolean;
  /** The current positions (a copy): x, y pairs in the order of `keys`. */
  positions(): Float64Array;
  readonly progress: LayoutProgress;
}

/** ForceAtlas2 iterations per step. Part of the determinism contract: do not vary it at run time. */
export const FA2_ITERATIONS_PER_STEP = 10;
/** Noverlap passes per step. */
export const NOVERLAP_ITERATIONS_PER_STEP = 25;
/** The layout extent is assumed to fill about this many pixels (to turn node sizes into units). */
const VIEWPORT_PIXELS = 700;

/** FNV-1a, 32 bits: a stable hash of a node key. */
export function hashKey(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** The seeded start of one node: the same key and seed always give the same point. */
export function seededPoint(key: string, seed: number, radius: number): { x: number; y: number } {
  const random = seededRandom(hashKey(key) ^ Math.imul(seed >>> 0, 0x9e3779b1));
  const angle = random() * 2 * Math.PI;
  const distance = radius * Math.sqrt(random());
  return { x: Math.cos(angle) * distance, y: Math.sin(angle) * distance };
}

function buildGraph(input: LayoutInput): MultiDirectedGraph<{ x: number; y: number }> {
  const graph = new MultiDirectedGraph<{ x: number; y: number }>();
  const radius = Math.sqrt(input.keys.length) * 10;
  for (const key of input.keys) graph.addNode(key, seededPoint(key, input.seed, radius));
  for (let i = 0; i + 1 < input.edges.length; i += 2) {
    const source = input.keys[input.edges[i]!];
    const target = input.keys[input.edges[i + 1]!];
    if (source !== undefined && target !== undefined) graph.addDirectedEdge(source, target);
  }
  return graph;
}

function readPositions(graph: MultiDirectedGraph<{ x: number; y: number }>): Float64Array {
  const out = new Float64Array(graph.order * 2);
  let i = 0;
  graph.forEachNode((_key, { x, y }) => {
    out[i++] = x;
    out[i++] = y;
  });
  return out;
}

/** Seeded ForceAtlas2 then noverlap, in steps. */
export function createForceStepper(input: LayoutInput): ForceStepper {
  const graph = buildGraph(input);
  const n = graph.order;
  const fa2Steps = n > 1 ? Math.ceil(Math.max(0, input.iterations) / FA2_ITERATIONS_PER_STEP) : 0;
  const noverlapSteps =
    n > 1 ? Math.ceil(Math.max(0, input.noverlapIterations) / NOVERLAP_ITERATIONS_PER_STEP) : 0;
  const total = fa2Steps + noverlapSteps;
  const fa2Settings = {
    ...forceAtlas2.inferSettings(graph),
    // Barnes-Hut is approximate but deterministic; exact forces are affordable on small graphs.
    barnesHutOptimize: n > 2000,
    linLogMode: false,
    adjustSizes: false,
    outboundAttractionDistribution: true,
  };
  const sizeOf = new Map<string, number>();
  input.keys.forEach((key, i) => sizeOf.set(key, input.sizes[i] ?? 1));

  let done = 0;
  let fa2Left = Math.max(0, input.iterations);
  let noverlapLeft = Math.max(0, input.noverlapIterations);
  let unitsPerPixel = 0;
  const progress: LayoutProgress = { phase: total > 0 ? "forceatlas2" : "done", done: 0, total };

  const finish = (): false => {
    progress.phase = "done";
    progress.done = done;
    progress.total = done;
    return false;
  };

  return {
    progress,
    positions: () => readPositions(graph),
    step() {
      if (progress.phase === "done") return false;
      if (progress.phase === "forceatlas2") {
        if (fa2Left > 0 && n > 1) {
          const iterations = Math.min(FA2_ITERATIONS_PER_STEP, fa2Left);
          forceAtlas2.assign(graph, { iterations, getEdgeWeight: null, settings: fa2Settings });
          fa2Left -= iterations;
          done++;
          progress.done = done;
          if (fa2Left > 0) return true;
        }
        progress.phase = "noverlap";
        if (noverlapLeft <= 0 || n < 2) return finish();
        return true;
      }
      // Noverlap works in graph units: convert pixel sizes with the layout's extent, measured once
      // when it starts; labels need more room than discs, hence the margin.
      if (unitsPerPixel === 0) {
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
        unitsPerPixel = Math.max(maxX - minX, maxY - minY, 1) / VIEWPORT_PIXELS;
      }
      const before = readPositions(graph);
      const iterations = Math.min(NOVERLAP_ITERATIONS_PER_STEP, noverlapLeft);
      noverlap.assign(graph, {
        maxIterations: iterations,
        inputReducer: (key, attributes) => ({
          x: attributes.x,
          y: attributes.y,
          size: (sizeOf.get(key) ?? 1) * unitsPerPixel,
        }),
        settings: { margin: 12 * unitsPerPixel, ratio: 1.2, speed: 3 },
      });
      noverlapLeft -= iterations;
      done++;
      progress.done = done;
      const after = readPositions(graph);
      const moved = after.some((v, i) => v !== before[i]);
      if (noverlapLeft <= 0 || !moved) return finish();
      return true;
    },
  };
}

/** Runs a stepper to the end, synchronously. */
export function runForceLayout(input: LayoutInput): Float64Array {
  const stepper = createForceStepper(input);
  while (stepper.step());
  return stepper.positions();
}

/**
 * Nodes on a circle, grouped by category (in `categoryOrder`), then by label; the circle is wide
 * enough for the nodes not to touch (at the ~700 px extent noverlap assumes).
 */
export function circularPositions(
  keys: readonly string[],
  categories: readonly string[],
  labels: readonly string[],
  categoryOrder: readonly string[],
  sizes: readonly number[],
): Float64Array {
  const n = keys.length;
  const out = new Float64Array(n * 2);
  if (n === 0) return out;
  const order = sortedIndices(keys, categories, labels, categoryOrder);
  const radius = Math.max(100, (n * 30) / (2 * Math.PI), Math.max(0, ...sizes) * 4);
  order.forEach((index, rank) => {
    const angle = (2 * Math.PI * rank) / n - Math.PI / 2;
    out[index * 2] = Math.cos(angle) * radius;
    out[index * 2 + 1] = -Math.sin(angle) * radius;
  });
  return out;
}

/**
 * One column per category present (in `categoryOrder`), the nodes of a category stacked by label
 * (a tall category wraps into several sub-columns).
 */
export function categoryPositions(
  keys: readonly string[],
  categories: readonly string[],
  labels: readonly string[],
  categoryOrder: readonly string[],
): Float64Array {
  const out = new Float64Array(keys.length * 2);
  const order = sortedIndices(keys, categories, labels, categoryOrder);
  const groups = new Map<string, number[]>();
  for (const index of order) {
    const category = categories[index] ?? "";
    const list = groups.get(category) ?? [];
    list.push(index);
    groups.set(category, list);
  }
  const cell = 40;
  const tallest = Math.max(1, ...[...groups.values()].map((g) => g.length));
  // Columns hold at most ~sqrt(n)*2 rows; bigger groups wrap into sub-columns.
  const maxRows = Math.max(6, Math.ceil(Math.sqrt(keys.length) * 1.5), Math.ceil(tallest / 4));
  let column = 0;
  for (const members of groups.values()) {
    const subColumns = Math.ceil(members.length / maxRows);
    members.forEach((index, i) => {
      const sub = Math.floor(i / maxRows);
      const row = i % maxRows;
      out[index * 2] = (column + sub) * cell * 1.6;
      out[index * 2 + 1] = -row * cell;
    });
    column += subColumns + 1;
  }
  return out;
}

function sortedIndices(
  keys: readonly string[],
  categories: readonly string[],
  labels: readonly string[],
  categoryOrder: readonly string[],
): number[] {
  const rank = (c: string | undefined): number => {
    const i = categoryOrder.indexOf(c ?? "");
    return i < 0 ? categoryOrder.length : i;
  };
  const text = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return keys
    .map((_k, i) => i)
    .sort(
      (a, b) =>
        rank(categories[a]) - rank(categories[b]) ||
        text(categories[a] ?? "", categories[b] ?? "") ||
        text((labels[a] ?? "").toLowerCase(), (labels[b] ?? "").toLowerCase()) ||
        text(keys[a]!, keys[b]!),
    );
}
