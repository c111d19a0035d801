/**
 * Sigma's first full refresh in slices (issue 6), for the renderer's big graphs: every node's and
 * edge's style evaluated, the edge groups rebuilt and sigma's processing of the data done a
 * slice at a time (see renderer.ts, createRendererInSlices). Part of the scale kit
 * (scale-kit.ts), loaded on demand: a small graph never needs it. Reaches into sigma 4's
 * internals (pinned version); without them, one plain refresh.
 */
import type { OrgraphGraph } from "../core/model/types";
import { measured } from "./measure";
import { fittedExtentSteps } from "./positions";
import {
  processInSlices as processDataInSlices,
  slicedProcessSupported,
  type Extent,
  type SigmaProcessInternals,
} from "./sigma-process";

/** The sigma 4 internals that its full refresh and first render use (private in its types). */
interface SigmaRefreshInternals {
  clearNodeIndices(): void;
  clearEdgeIndices(): void;
  addNode(key: string): void;
  addEdge(key: string): void;
  edgeGroups: { rebuild(): void };
  pendingProcess: string;
  renderFrame: number | null;
  render(): unknown;
  processData(): void;
  internals: {
    nodeDataCache: Record<string, unknown>;
    settings?: {
      autoRescale?: boolean | "once";
      autoRescaleContent?: string;
      zoomToSizeRatioFunction?: (ratio: number) => number;
      itemSizesReference?: string;
    };
  };
  computeNodeExtent?(): Extent;
  getDimensions?(): { width: number; height: number };
  getStagePadding?(): number;
  nodeGraphCoords?: Record<string, { x: number; y: number }>;
  customBBox: Extent | null;
  nodeExtent: Extent;
  autoRescaleFrozen?: boolean;
  labelRenderer?: {
    labelsDirty?: boolean;
    processWebGLLabels?(nodes: string[]): void;
    measureNodeLabel?(data: unknown): unknown;
    nodeLabelBox?(data: unknown, radius: number): unknown;
  };
}

/** The sigma methods a sliced set-up calls (see buildInSlices); all or none are relied on. */
export const SIGMA_SLICED_METHODS = [
  "clearNodeIndices",
  "clearEdgeIndices",
  "addNode",
  "addEdge",
  "render",
  "processData",
  "addNodeToProgram",
  "addEdgeToProgram",
] as const;

/**
 * Whether a sigma instance (or sigma's prototype) has the internals a sliced set-up relies on:
 * sigma 4.0.4's, private in its types. False after a sigma upgrade that moved them (the set-up
 * then falls back to one plain refresh; tests/unit/render/sigma-internals.test.ts fails).
 */
export function sigmaSlicesSupported(sigma: object): boolean {
  const s = sigma as Record<string, unknown>;
  return SIGMA_SLICED_METHODS.every((k) => typeof s[k] === "function");
}

/** The longest stretch of style evaluation between two pauses (ms). */
export const SIGMA_SLICE_MS = 8;

/**
 * Does sigma's first full refresh (what its constructor does at once) in slices of about
 * SIGMA_SLICE_MS, awaiting `pause` between two (a rejection stops it: the caller destroys the
 * renderer), then renders once. Without the expected internals, one plain refresh.
 */
export async function buildInSlices(
  sigma: { refresh(): unknown },
  graph: OrgraphGraph,
  pause: () => Promise<void>,
  built: () => void,
): Promise<void> {
  const internals = sigma as unknown as Partial<SigmaRefreshInternals>;
  const complete =
    sigmaSlicesSupported(sigma) && typeof internals.edgeGroups?.rebuild === "function";
  if (!complete) {
    built();
    sigma.refresh();
    return;
  }
  const s = internals as SigmaRefreshInternals;
  // Meanwhile a frame sigma schedules (camera, state) draws nothing: it is forgotten, and the
  // prototype's render() comes back at the end, for the first frame.
  s.render = function skipped(this: SigmaRefreshInternals) {
    this.renderFrame = null;
    return this;
  };
  try {
    await evaluateAll(s, graph, pause);
    await processInSlices(s, pause);
  } finally {
    delete (s as Partial<SigmaRefreshInternals>).render;
    built();
  }
  measured("sigma-first-render", () => s.render());
}

/** `pause` once SIGMA_SLICE_MS have passed since the last one (or now, when `now`). */
function pauseEverySlice(pause: () => Promise<void>): (now?: boolean) => Promise<void> {
  let start = performance.now();
  return async (now = false) => {
    if (!now && performance.now() - start < SIGMA_SLICE_MS) return;
    await pause();
    start = performance.now();
  };
}

/**
 * Sigma's processing of the data for the first render (its `processData`: the extent, the label
 * grid, the depth order, then every node and edge written into its programs' buffers) in slices
 * of about SIGMA_SLICE_MS (sigma-process.ts), with the fit of the camera computed apart
 * (fitExtentInSlices). Without the internals either relies on, sigma's processData at once. The
 * first render then finds nothing left to process.
 */
async function processInSlices(
  s: SigmaRefreshInternals,
  pause: () => Promise<void>,
): Promise<void> {
  const maybePause = pauseEverySlice(pause);
  const start = performance.now();
  const fitted = await fitExtentInSlices(s, maybePause);
  measured("sigma-fit", () => undefined, start);
  await pause();
  if (fitted && slicedProcessSupported(s)) {
    await processDataInSlices(
      s as unknown as SigmaProcessInternals,
      fitted,
      maybePause,
      (name, start) => measured(name, () => undefined, start),
    );
  } else {
    s.pendingProcess = "full";
    measured("sigma-process", () => s.processData());
  }
  if (s.labelRenderer) s.labelRenderer.labelsDirty = true;
  await pause();
}

/**
 * The extent sigma's processData frames the graph with ("fitted extent": the nodes' positions
 * widened to their sizes and labels at the default camera), computed as sigma 4.0.4's private
 * computeFittedExtent does (same rounds, same formulas), a node at a time in slices: its up to
 * 8 rounds over every node are a long task on a big graph. Null where sigma would not fit
 * (autoRescale off or frozen, "positions" content, a custom box) or lacks the internals: then
 * processData fits as usual.
 */
async function fitExtentInSlices(
  s: SigmaRefreshInternals,
  maybePause: () => Promise<void>,
): Promise<Extent | null> {
  const settings = s.internals.settings;
  const labels = s.labelRenderer;
  if (
    !settings ||
    settings.autoRescale === false ||
    (settings.autoRescale === "once" && s.autoRescaleFrozen) ||
    settings.autoRescaleContent === "positions" ||
    s.customBBox ||
    typeof s.computeNodeExtent !== "function" ||
    typeof s.getDimensions !== "function" ||
    typeof s.getStagePadding !== "function" ||
    typeof settings.zoomToSizeRatioFunction !== "function" ||
    !s.nodeGraphCoords ||
    typeof labels?.nodeLabelBox !== "function"
  ) {
    return null;
  }
  const coords = s.nodeGraphCoords;
  const keys = Object.keys(coords);
  const xs = new Float64Array(keys.length);
  const ys = new Float64Array(keys.length);
  keys.forEach((key, i) => {
    xs[i] = coords[key]!.x;
    ys[i] = coords[key]!.y;
  });
  const steps = fittedExtentSteps({
    keys,
    xs,
    ys,
    extent: s.computeNodeExtent(),
    nodeData: s.internals.nodeDataCache as Record<string, { size: number }>,
    labelBox:
      settings.autoRescaleContent === "labels"
        ? (data, radius) => labels.nodeLabelBox!(data, radius)
        : null,
    zoomToSizeRatio: settings.zoomToSizeRatioFunction,
    sizesInPositions: settings.itemSizesReference === "positions",
    dimensions: s.getDimensions(),
    stagePadding: s.getStagePadding(),
  });
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    await maybePause();
  }
}

/** Sigma's index of parallel edges (private in its types). */
interface SigmaEdgeGroups {
  rebuild(): void;
  groups?: Map<string, string[]>;
  edgeToGroupKey?: Map<string, string>;
  getGroupKey?(edge: string): string;
  sortGroup?(group: string[], key: string): void;
  onGroupChanged?(group: string[], count: number): void;
}

/** Every node's and edge's style evaluated into sigma's caches, in slices (see buildInSlices). */
async function evaluateAll(
  s: SigmaRefreshInternals,
  graph: OrgraphGraph,
  pause: () => Promise<void>,
): Promise<void> {
  const maybePause = pauseEverySlice(pause);
  let start = performance.now();
  s.clearEdgeIndices();
  s.clearNodeIndices();
  const nodes = graph.nodes();
  for (let i = 0; i < nodes.length; i++) {
    s.addNode(nodes[i]!);
    if ((i & 127) === 127) await maybePause();
  }
  await maybePause();
  measured("sigma-node-styles", () => undefined, start);
  start = performance.now();
  await rebuildEdgeGroups(s.edgeGroups as SigmaEdgeGroups, graph, maybePause);
  await maybePause();
  measured("sigma-edge-groups", () => undefined, start);
  start = performance.now();
  const edges = graph.edges();
  for (let i = 0; i < edges.length; i++) {
    s.addEdge(edges[i]!);
    if ((i & 127) === 127) await maybePause();
  }
  measured("sigma-edge-styles", () => undefined, start);
  // The labels' glyphs (SDF atlas) and sizes (the camera's fit to the labels), cached by sigma:
  // the first render's processing of the labels then finds them ready.
  const labels = s.labelRenderer;
  if (
    typeof labels?.processWebGLLabels === "function" &&
    typeof labels.measureNodeLabel === "function"
  ) {
    start = performance.now();
    const cache = s.internals.nodeDataCache;
    for (let i = 0; i < nodes.length; i += 32) {
      const chunk = nodes.slice(i, i + 32);
      labels.processWebGLLabels(chunk);
      for (const key of chunk) if (cache[key]) labels.measureNodeLabel(cache[key]);
      await maybePause();
    }
    measured("sigma-labels", () => undefined, start);
  }
  await pause();
}

/**
 * Sigma's index of parallel edges rebuilt as its `rebuild` does, in slices; without the
 * expected internals, its `rebuild` at once.
 */
async function rebuildEdgeGroups(
  index: SigmaEdgeGroups,
  graph: OrgraphGraph,
  maybePause: () => Promise<void>,
): Promise<void> {
  const { groups, edgeToGroupKey } = index;
  if (
    !(groups instanceof Map) ||
    !(edgeToGroupKey instanceof Map) ||
    typeof index.getGroupKey !== "function" ||
    typeof index.sortGroup !== "function" ||
    typeof index.onGroupChanged !== "function"
  ) {
    measured("sigma-edge-groups", () => index.rebuild());
    return;
  }
  groups.clear();
  edgeToGroupKey.clear();
  const edges = graph.edges();
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    const key = index.getGroupKey(edge);
    let group = groups.get(key);
    if (!group) {
      group = [];
      groups.set(key, group);
    }
    group.push(edge);
    edgeToGroupKey.set(edge, key);
    if ((i & 255) === 255) await maybePause();
  }
  let i = 0;
  for (const [key, group] of groups) {
    if (group.length > 1) index.sortGroup(group, key);
    index.onGroupChanged(group, group.length);
    if ((++i & 255) === 0) await maybePause();
  }
}
