/**
 * The sigma 4 renderer of an Orgraph graph.
 *
 * Meaning stays in the graph; everything visual comes from sigma styles driven by state:
 * - colour and shape by `category` (CATEGORY_COLORS, CATEGORY_SHAPES: sigma's SDF shapes), size
 *   by degree (computed here, never written back);
 * - hovering a node keeps its neighbourhood and fades the rest (past LARGE_GRAPH_EDGES edges it
 *   brings the neighbourhood forward without fading: scale.ts), clicking selects it (the
 *   selected node keeps its neighbourhood in focus, the rest faded, while nothing is hovered);
 * - past the large-graph thresholds (scale.ts): edges hidden while the camera moves, no edge
 *   hover, fewer labels; restyles touch only what changed (gateRestyles);
 * - arrows on every edge (the graph is directed), curved parallel edges, loops for self-edges;
 * - edge (predicate) labels on the focused neighbourhood, and on every edge between labelled
 *   nodes once the camera is zoomed in past `EDGE_LABEL_ZOOM_RATIO` (graph state `zoomedIn`);
 * - hovering an edge (sigma edge events) reports it with the pointer position (`onEdgeHover`),
 *   for the tooltip that shows its label and supporting sentence (`edgeHoverText`);
 * - a highlighted set of nodes (e.g. a statement's speaker and what it mentions) stays in colour
 *   with its label and an amber halo, whatever else is in focus;
 * - edges out of date (an "as of" date outside their period) leave the picture (hidden by
 *   state, never removed from the graph);
 * - a display state (`setDisplay`): the visible nodes and edges (what the filters leave; the
 *   rest is hidden by state), the paths to highlight, the colour mode (category, or Louvain
 *   community from a palette) and the size metric (degree, betweenness, PageRank). Changing it
 *   updates states or bumps a graph-state version that restyles in place: no attribute of the
 *   graph is written and nothing is re-indexed;
 * - a canvas theme (`theme` option, `setTheme`): the stage, label, backdrop and edge colours of
 *   palette.ts's CANVAS_COLOURS, read by the styles; a change restyles in place.
 */
import Sigma from "sigma";
import {
  extremityArrow,
  layerFill,
  layerPlain,
  pathCurved,
  pathLine,
  pathLoop,
  sdfCircle,
  sdfDiamond,
  sdfRectangle,
  sdfSquare,
  sdfTriangle,
} from "sigma/rendering";
import type {
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes,
  OrgraphGraph,
} from "../core/model/types";
import {
  canvasColours,
  categoryColor,
  categoryShape,
  communityColor,
  type CanvasColours,
  type CanvasTheme,
} from "./palette";
import { degreeSizes } from "./layout";
import { labelIn } from "../core/model/labels";
import { resolveRendererSettings, type RendererSettings } from "./settings";
import { hoverFades, POSITION_UPDATE_NODES, scaleSettings } from "./scale";
import { measured } from "./measure";
import type { PositionCounts, PositionUpdates } from "./positions";

export interface RendererOptions {
  settings?: Partial<RendererSettings>;
  /** Called when the user clicks a node (its key) or the empty stage (null). */
  onSelect?: (key: string | null) => void;
  /** Called when the pointer enters (key) or leaves (null) a node. */
  onHover?: (key: string | null) => void;
  /**
   * Called when the pointer enters (key, with the pointer's position in the stage's pixels) or
   * leaves (null) an edge.
   */
  onEdgeHover?: (key: string | null, point: { x: number; y: number } | null) => void;
  /** The canvas theme (background, label and edge colours); default light. */
  theme?: CanvasTheme;
  /**
   * The display state to start with (e.g. the view's data languages): every item is styled with
   * it from the start, so that the view's first setDisplay finds nothing to restyle.
   */
  display?: Partial<Pick<DisplayState, "languages">>;
}

/** Edge labels show on every edge between labelled nodes below this camera ratio (zoomed in). */
export const EDGE_LABEL_ZOOM_RATIO = 0.5;

/**
 * Segments of a curved (parallel) edge and of a self-loop. Every edge is drawn with this many
 * (sigma's one edge program), so it is a per-frame cost on every edge: enough for smooth curves
 * at the sizes edges are drawn, no more.
 */
export const EDGE_CURVE_SEGMENTS = 8;

/** The longest sentence a tooltip shows (characters). */
const TOOLTIP_SENTENCE_LENGTH = 280;

/**
 * What the tooltip of a hovered edge says: its label and the sentence it comes from (the first
 * span's exact text, in source order), else the label of the source that states it (a node of
 * the graph, or the source IRI). Plain text, for text nodes only.
 */
export function edgeHoverText(
  graph: OrgraphGraph,
  edge: string,
): { label: string; sentence: string | null; source: string | null } | null {
  if (!graph.hasEdge(edge)) return null;
  const a = graph.getEdgeAttributes(edge);
  const spans = [...a.spans].sort((x, y) => (x.start ?? 0) - (y.start ?? 0));
  const exact = spans.map((s) => s.exact?.replace(/\s+/g, " ").trim() ?? "").find((t) => t);
  const sentence = exact ? shorten(exact, TOOLTIP_SENTENCE_LENGTH) : null;
  let source: string | null = null;
  if (!sentence) {
    const ref = a.sources[0]?.source ?? a.spans[0]?.source;
    if (ref !== undefined) source = graph.hasNode(ref) ? graph.getNodeAttribute(ref, "label") : ref;
  }
  return { label: a.label, sentence, source };
}

export interface OrgraphRenderer {
  readonly graph: OrgraphGraph;
  readonly settings: Readonly<RendererSettings>;
  /** The underlying sigma instance (null once destroyed). */
  readonly sigma: OrgraphSigma | null;
  readonly selected: string | null;
  readonly hovered: string | null;
  /** The edge under the pointer, or null. */
  readonly hoveredEdge: string | null;
  /**
   * Hovers an edge as the pointer would (null leaves it), reporting it to `onEdgeHover` with
   * `point` (default: the middle of the edge on screen).
   */
  hoverEdge(key: string | null, point?: { x: number; y: number }): void;
  /** Selects a node (or clears the selection with null); unknown keys clear it. No callback. */
  select(key: string | null, options?: { center?: boolean }): void;
  /** The highlighted nodes (display state only). */
  readonly highlighted: readonly string[];
  /** Highlights these nodes (unknown keys are ignored); an empty list clears the highlight. */
  highlight(keys: Iterable<string>): void;
  /** The edges hidden as out of date. */
  readonly outOfDate: readonly string[];
  /** Hides these edges as out of date (unknown keys are ignored); an empty list shows them all. */
  setOutOfDate(edges: Iterable<string>): void;
  /** What the view shows and how (display state only; the graph is never written). */
  readonly display: Readonly<DisplayState>;
  /** Changes part of the display state and refreshes what changed. */
  setDisplay(display: Partial<DisplayState>): void;
  /** The canvas theme. */
  readonly theme: CanvasTheme;
  /** Recolours the stage, labels and edges for `theme` (restyle only; the graph is not written). */
  setTheme(theme: CanvasTheme): void;
  /** Moves the camera to a node (no selection change). */
  focusNode(key: string): void;
  /** Resets the camera to show the whole graph. */
  resetCamera(): void;
  /**
   * Position updates (x/y written into the graph, e.g. a layout's tick) past
   * POSITION_UPDATE_NODES nodes: written on screen without restyling (positions.ts), or left
   * to sigma; null where sigma's internals do not allow it.
   */
  readonly positionUpdates: Readonly<PositionCounts> | null;
  /**
   * Frames the graph again for the stage's new size (after a resize): past
   * POSITION_UPDATE_NODES nodes as a layout's tick (positions.ts, in slices), else sigma's
   * refresh of the nodes.
   */
  reframe(): void;
  /** Resolves once the positions last written into the graph are on screen. */
  positionsSettled(): Promise<void>;
  /** Kills sigma and forgets the graph; safe to call more than once. */
  destroy(): void;
}

/** Keys of the nodes and edges a view shows. */
export interface DisplaySubgraph {
  readonly nodes: ReadonlySet<string>;
  readonly edges: ReadonlySet<string>;
}

export type DisplayColourMode = "category" | "community";
export type DisplaySizeMode = "degree" | "betweenness" | "pagerank";

export interface DisplayState {
  /** What the view shows; null shows everything. */
  visible: DisplaySubgraph | null;
  /** Nodes and edges of the highlighted paths (empty sets: none). */
  path: DisplaySubgraph;
  colourMode: DisplayColourMode;
  /** Node key -> community number (0 = biggest), read in colour mode "community". */
  communities: ReadonlyMap<string, number> | null;
  sizeMode: DisplaySizeMode;
  /** Node key -> metric value for the size; null: degree in the whole graph. */
  metric: ReadonlyMap<string, number> | null;
  /**
   * Data-label languages, most preferred first: node and edge labels are read from their
   * `labels` in these languages (else their `label`); null: their `label`.
   */
  languages: readonly string[] | null;
}

const NO_PATH: DisplaySubgraph = Object.freeze({
  nodes: new Set<string>(),
  edges: new Set<string>(),
});

export const DEFAULT_DISPLAY_STATE: Readonly<DisplayState> = Object.freeze({
  visible: null,
  path: NO_PATH,
  colourMode: "category",
  communities: null,
  sizeMode: "degree",
  metric: null,
  languages: null,
});

export interface NodeState {
  isActive: boolean;
  isSelected: boolean;
  isOnPath: boolean;
}
export interface EdgeState {
  isActive: boolean;
  isOutOfDate: boolean;
  isOnPath: boolean;
}
export interface GraphState {
  hasFocus: boolean;
  hasPath: boolean;
  /** The camera is zoomed in past EDGE_LABEL_ZOOM_RATIO: edge labels show between labels. */
  zoomedIn: boolean;
  /** Bumped when colours or sizes change, so that every node is restyled in place. */
  displayVersion: number;
}

/** Node radius from metric values: min..max by the square root of value / max value. */
export function metricSizes(
  values: ReadonlyMap<string, number>,
  minSize: number,
  maxSize: number,
): Map<string, number> {
  let max = 0;
  for (const v of values.values()) if (Number.isFinite(v) && v > max) max = v;
  const sizes = new Map<string, number>();
  for (const [key, v] of values) {
    const ratio = max > 0 && Number.isFinite(v) && v > 0 ? Math.sqrt(v / max) : 0;
    sizes.set(key, minSize + (maxSize - minSize) * ratio);
  }
  return sizes;
}

/** `text` cut at a word boundary to at most `max` characters, with "…" when cut. */
export function shorten(text: string, max: number): string {
  const chars = Array.from(text);
  if (chars.length <= max) return text;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.(«"'-]+$/u, "")}…`;
}

export type OrgraphSigma = Sigma<
  NodeAttributes,
  EdgeAttributes,
  GraphAttributes,
  NodeState,
  EdgeState,
  GraphState
>;

/** The graph-state fields Orgraph's styles read (sigma's own flags are not among them). */
const STYLED_GRAPH_STATE = ["hasFocus", "hasPath", "zoomedIn", "displayVersion"] as const;

interface StyleAnalysis {
  dependency: string;
}

/**
 * Incremental restyles. Sigma restyles every node and edge on any change of the graph state,
 * its own flags included (hovered, panning, zooming, dragging): with function styles it cannot
 * tell which fields they read. At 100k nodes / 500k edges that is a long frame at the start and
 * the end of every gesture and hover. Orgraph's styles read only STYLED_GRAPH_STATE: before each
 * frame, sigma is told to restyle everything only when one of those changed since the last
 * frame, else only the items whose own state changed (its dirty sets). Reaches into sigma 4's
 * style analysis (pinned version); if that is not where expected, sigma keeps its full restyles.
 */
function gateRestyles(sigma: OrgraphSigma): void {
  const internal = sigma as unknown as {
    internals?: { nodeStyleAnalysis?: StyleAnalysis };
    edgeStyleAnalysis?: StyleAnalysis;
  };
  const analyses = [internal.internals?.nodeStyleAnalysis, internal.edgeStyleAnalysis];
  if (!analyses.every((a) => a?.dependency === "graph-state")) return;
  const pick = (state: GraphState): unknown[] => STYLED_GRAPH_STATE.map((k) => state[k]);
  let styled = pick(sigma.getGraphState());
  sigma.on("beforeRender", () => {
    const now = pick(sigma.getGraphState());
    const changed = now.some((v, i) => v !== styled[i]);
    styled = now;
    for (const a of analyses) a!.dependency = changed ? "graph-state" : "item-state";
  });
}

/**
 * Sigma set up in slices (issue 6): sigma's constructor ends with a full refresh (every node's
 * and edge's style evaluated, then the first render) in one task, seconds on a big graph. With
 * `deferNextRefresh` set, the constructor's refresh is skipped and the instance is "building":
 * it neither refreshes nor renders until `buildInSlices` has evaluated every item, a slice at a
 * time, and rendered once. Reaches into sigma 4's internals (pinned version), as gateRestyles.
 */
const building = new WeakSet<object>();
let deferNextRefresh = false;

class OrgraphSigmaImpl extends Sigma<
  NodeAttributes,
  EdgeAttributes,
  GraphAttributes,
  NodeState,
  EdgeState,
  GraphState
> {
  override refresh(opts?: Parameters<OrgraphSigma["refresh"]>[0]): this {
    if (deferNextRefresh) {
      deferNextRefresh = false;
      building.add(this);
    }
    if (building.has(this)) return this;
    return super.refresh(opts);
  }
}

/** The scale kit's module (scale-kit.ts): loaded on demand, for big graphs. */
type ScaleKit = typeof import("./scale-kit");
let scaleKit: ScaleKit | null = null;
let scaleKitLoading: Promise<ScaleKit> | null = null;

/**
 * A graph this big (nodes and edges) has its renderer made with the scale kit: the sliced
 * set-up, incremental hover and filter updates, layout ticks without restyles. Below it sigma's
 * own handling is quick enough, and the kit is not loaded.
 */
export const SCALE_KIT_ITEMS = 2000;

/** Whether `graph` is big enough for the scale kit (SCALE_KIT_ITEMS nodes and edges). */
export function needsScaleKit(graph: OrgraphGraph): boolean {
  return graph.order + graph.size >= SCALE_KIT_ITEMS;
}

/**
 * Loads the scale kit (once; a failed load is tried again on the next call). The renderers
 * made once it is there use it; createRendererInSlices awaits it.
 */
export function loadScaleKit(): Promise<ScaleKit> {
  scaleKitLoading ??= import("./scale-kit").then(
    (kit) => (scaleKit = kit),
    (error: unknown) => {
      scaleKitLoading = null;
      throw error;
    },
  );
  return scaleKitLoading;
}

/**
 * A renderer for `graph`, set up at once. A big graph's renderer uses the scale kit when it is
 * loaded already (createRendererInSlices loads it; so does a first big graph here, for the
 * next renderers: this one keeps sigma's own handling).
 */
export function createRenderer(
  container: HTMLElement,
  graph: OrgraphGraph,
  options: RendererOptions = {},
): OrgraphRenderer {
  return makeRenderer(container, graph, options, false);
}

/**
 * createRenderer with sigma's set-up in slices (see buildInSlices): resolves with the renderer
 * once sigma has drawn the whole graph once; if `pause` rejects (a cancel), the renderer is
 * destroyed and the rejection passes on.
 */
export async function createRendererInSlices(
  container: HTMLElement,
  graph: OrgraphGraph,
  pause: () => Promise<void>,
  options: RendererOptions = {},
): Promise<OrgraphRenderer> {
  // A small graph (the release's) is set up at once, without the kit: one short task. A kit
  // that cannot load (a network error) leaves sigma's own set-up, at once.
  // Already loaded (the explorer loads it first), it is used without a wait.
  const kit =
    scaleKit ??
    (needsScaleKit(graph)
      ? await loadScaleKit().catch((error: unknown) => {
          console.error("Orgraph: the renderer's scale kit could not load", error);
          return null;
        })
      : null);
  const renderer = measured("sigma-constructor", () =>
    makeRenderer(container, graph, options, true),
  );
  const sigma = renderer.sigma!;
  try {
    if (kit) {
      await kit.buildInSlices(sigma, graph, pause, () => building.delete(sigma));
    } else {
      building.delete(sigma);
      sigma.refresh();
    }
  } catch (error) {
    renderer.destroy();
    throw error;
  }
  return renderer;
}

function makeRenderer(
  container: HTMLElement,
  graph: OrgraphGraph,
  options: RendererOptions,
  deferRefresh: boolean,
): OrgraphRenderer {
  const settings = resolveRendererSettings(options.settings);
  const degreeSizeMap = degreeSizes(graph, settings.minNodeSize, settings.maxNodeSize);
  let sizes: Map<string, number> = degreeSizeMap;
  let display: DisplayState = { ...DEFAULT_DISPLAY_STATE, ...options.display };
  let theme: CanvasTheme = options.theme === "dark" ? "dark" : "light";
  /** The theme's colours, read by the styles below (a theme change bumps displayVersion). */
  let colours: CanvasColours = canvasColours(theme);
  /** The label in the display languages (the graph's own label without them). */
  const labelOf = (attributes: NodeAttributes | EdgeAttributes): string =>
    (display.languages ? labelIn(attributes.labels, display.languages) : undefined) ??
    attributes.label;
  /** Shortened canvas labels, by full label (restyles at scale must not re-cut every label). */
  const shortLabels = new Map<string, string>();
  const shortLabelOf = (attributes: NodeAttributes): string => {
    const full = labelOf(attributes);
    let short = shortLabels.get(full);
    if (short === undefined) {
      short = shorten(full, settings.maxLabelLength);
      shortLabels.set(full, short);
    }
    return short;
  };
  const sizeOf = (attributes: NodeAttributes): number =>
    sizes.get(attributes.iri) ?? settings.minNodeSize;
  const colorOf = (attributes: NodeAttributes): string =>
    display.colourMode === "community" && display.communities
      ? communityColor(display.communities.get(attributes.iri) ?? -1, theme)
      : categoryColor(attributes.category, theme);

  deferNextRefresh = deferRefresh;
  let sigma: OrgraphSigma;
  try {
    sigma = new OrgraphSigmaImpl(graph, container, {
      customNodeState: { isActive: false, isSelected: false, isOnPath: false },
      customEdgeState: { isActive: false, isOutOfDate: false, isOnPath: false },
      customGraphState: { hasFocus: false, hasPath: false, zoomedIn: false, displayVersion: 0 },
      primitives: {
        nodes: {
          shapes: [
            sdfCircle(),
            sdfSquare({ cornerRadius: 0.1 }),
            sdfTriangle(),
            sdfDiamond(),
            sdfRectangle({ aspectRatio: 1.7, cornerRadius: 0.1 }),
          ],
          layers: [layerFill()],
        },
        edges: {
          // Sigma draws every edge with the vertex count of the finest path on offer: with its
          // defaults (a 32-segment loop), a straight edge costs dozens of vertices per frame.
          paths: [
            pathLine(),
            pathCurved({ segments: EDGE_CURVE_SEGMENTS }),
            pathLoop({ segments: EDGE_CURVE_SEGMENTS }),
          ],
          extremities: [extremityArrow()],
          layers: [layerPlain()],
        },
      },
      styles: {
        stage: { background: () => colours.background },
        nodes: [
          {
            x: { attribute: "x" },
            y: { attribute: "y" },
            // Long labels are shortened on the canvas (the full label shows on hover/selection
            // and in the details panel), so that they do not run over their neighbours.
            label: (attributes, state) =>
              state.isHovered || state.isSelected ? labelOf(attributes) : shortLabelOf(attributes),
            color: (attributes) => colorOf(attributes),
            shape: (attributes) => categoryShape(attributes.category),
            size: (attributes, state) =>
              sizeOf(attributes) * (state.isSelected || state.isHovered ? 1.35 : 1),
            labelColor: () => colours.label,
            labelSize: settings.labelSize,
            labelVisibility: "auto",
            visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
            depth: "nodes",
            cursor: "pointer",
          },
          {
            when: (_attributes, state, graphState) =>
              (graphState.hasFocus || graphState.hasPath) && !state.isActive && !state.isOnPath,
            then: { color: () => colours.fadedNode, labelVisibility: "hidden" },
          },
          { whenState: "isActive", then: { labelVisibility: "visible", depth: "topNodes" } },
          {
            whenState: "isOnPath",
            then: {
              color: (attributes) => colorOf(attributes),
              labelVisibility: "visible",
              backdropVisibility: "visible",
              backdropColor: () => colours.backdrop,
              backdropShadowColor: "rgba(217, 119, 6, 0.9)",
              backdropShadowBlur: 14,
              backdropPadding: 5,
              depth: "topNodes",
            },
          },
          {
            whenState: "isHighlighted",
            then: {
              color: (attributes) => colorOf(attributes),
              labelVisibility: "visible",
              backdropVisibility: "visible",
              backdropColor: () => colours.highlightBackdrop,
              backdropShadowColor: "rgba(230, 145, 0, 0.85)",
              backdropShadowBlur: 16,
              backdropPadding: 6,
              depth: "topNodes",
            },
          },
          {
            whenState: "isSelected",
            then: {
              backdropVisibility: "visible",
              backdropColor: () => colours.backdrop,
              backdropShadowColor: "rgba(21, 101, 192, 0.55)",
              backdropShadowBlur: 14,
              backdropPadding: 5,
              depth: "topNodes",
            },
          },
          {
            whenState: "isHovered",
            then: {
              labelVisibility: "visible",
              backdropVisibility: "visible",
              backdropColor: () => colours.backdrop,
              backdropShadowColor: "rgba(0, 0, 0, 0.45)",
              backdropShadowBlur: 12,
              backdropPadding: 5,
              depth: "topNodes",
            },
          },
        ],
        edges: [
          {
            color: () => colours.edge,
            size: 1,
            head: "arrow",
            path: "straight",
            parallelPath: "curved",
            selfLoopPath: "loop",
            label: (attributes) => labelOf(attributes),
            labelColor: () => colours.edgeLabel,
            labelSize: Math.max(9, settings.labelSize - 2),
            labelVisibility: "hidden",
            visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
            depth: "edges",
          },
          {
            // Zoomed in: labels on the edges between labelled nodes (sigma's "auto").
            when: (_attributes, _state, graphState) => graphState.zoomedIn && settings.edgeLabels,
            then: { labelVisibility: "auto" },
          },
          {
            when: (_attributes, state, graphState) =>
              (graphState.hasFocus || graphState.hasPath) && !state.isActive && !state.isOnPath,
            then: { color: () => colours.fadedEdge, labelVisibility: "hidden" },
          },
          {
            whenState: "isActive",
            then: {
              color: () => colours.activeEdge,
              size: 1.6,
              labelVisibility: settings.edgeLabels ? "visible" : "hidden",
              depth: "topEdges",
            },
          },
          {
            whenState: "isOnPath",
            then: {
              color: () => colours.pathEdge,
              size: 3,
              labelVisibility: "visible",
              depth: "topEdges",
            },
          },
          { whenState: "isOutOfDate", then: { visibility: "hidden" } },
        ],
      },
      settings: {
        renderLabels: true,
        renderEdgeLabels: settings.edgeLabels,
        labelGridCellSize: settings.labelGridCellSize,
        stagePadding: 30,
        autoRescaleContent: "labels",
        // At scale: edges hidden while moving, no edge picking, fewer labels (see scale.ts).
        ...scaleSettings(graph.order, graph.size, settings),
        // The explorer lives inside pages: plain wheel scrolls the page only when asked.
        gestureTarget: "graph",
      },
    });
  } finally {
    deferNextRefresh = false;
  }

  gateRestyles(sigma);
  // A big graph: the scale kit, when loaded (else loaded for the next renderers).
  const kit = scaleKit;
  if (!kit && needsScaleKit(graph)) void loadScaleKit().catch(() => {});
  // A hover or a filter then walks and uploads only the items it changes (incremental.ts).
  kit?.incrementalUpdates(sigma, {
    flag: "isHidden",
    // What the styles above make of the states, for the visibility alone (the "visibility"
    // fields of the first node and edge rules, and the out-of-date rule).
    node: (state) => (state.isHidden ? "hidden" : "visible"),
    edge: (state) => (state.isHidden || state.isOutOfDate ? "hidden" : "visible"),
  });
  // The layout's ticks move nodes without restyling them (positions.ts).
  const positions: PositionUpdates | null =
    kit?.positionUpdates(sigma, {
      minNodes: POSITION_UPDATE_NODES,
      isBuilding: () => building.has(sigma),
      measure: (name, start) => measured(name, () => undefined, start),
    }) ?? null;
  // Each pass of sigma over the whole graph ("orgraph:sigma-reprocess": a profile names it).
  let processStart = 0;
  sigma.on("beforeProcess", () => (processStart = performance.now()));
  sigma.on("afterProcess", () => measured("sigma-reprocess", () => undefined, processStart));

  let destroyed = false;
  let selected: string | null = null;
  let hovered: string | null = null;
  let hoveredEdge: string | null = null;
  let activeNodes: string[] = [];
  let activeEdges: string[] = [];
  let highlighted: string[] = [];
  let outOfDate: string[] = [];
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  let displayVersion = 0;
  const fadeOnHover = hoverFades(graph.size);

  /**
   * Hides what `visible` leaves out, touching only the items whose visibility changes (one pass
   * over the graph, no copy of the hidden sets).
   */
  const applyVisible = (visible: DisplaySubgraph | null): void => {
    const hideNodes: string[] = [];
    const showNodes: string[] = [];
    const hideEdges: string[] = [];
    const showEdges: string[] = [];
    graph.forEachNode((key) => {
      const hide = visible !== null && !visible.nodes.has(key);
      if (hide !== hiddenNodes.has(key)) (hide ? hideNodes : showNodes).push(key);
    });
    graph.forEachEdge((key) => {
      const hide = visible !== null && !visible.edges.has(key);
      if (hide !== hiddenEdges.has(key)) (hide ? hideEdges : showEdges).push(key);
    });
    for (const k of hideNodes) hiddenNodes.add(k);
    for (const k of showNodes) hiddenNodes.delete(k);
    for (const k of hideEdges) hiddenEdges.add(k);
    for (const k of showEdges) hiddenEdges.delete(k);
    if (hideNodes.length) sigma.setNodesState(hideNodes, { isHidden: true });
    if (showNodes.length) sigma.setNodesState(showNodes, { isHidden: false });
    if (hideEdges.length) sigma.setEdgesState(hideEdges, { isHidden: true });
    if (showEdges.length) sigma.setEdgesState(showEdges, { isHidden: false });
  };

  const applyPath = (before: DisplaySubgraph, after: DisplaySubgraph): void => {
    const offNodes = [...before.nodes].filter((k) => !after.nodes.has(k) && graph.hasNode(k));
    const offEdges = [...before.edges].filter((k) => !after.edges.has(k) && graph.hasEdge(k));
    if (offNodes.length) sigma.setNodesState(offNodes, { isOnPath: false });
    if (offEdges.length) sigma.setEdgesState(offEdges, { isOnPath: false });
    const onNodes = [...after.nodes].filter((k) => graph.hasNode(k));
    const onEdges = [...after.edges].filter((k) => graph.hasEdge(k));
    if (onNodes.length) sigma.setNodesState(onNodes, { isOnPath: true });
    if (onEdges.length) sigma.setEdgesState(onEdges, { isOnPath: true });
    sigma.setGraphState({ hasPath: onNodes.length > 0 });
  };

  const refreshFocus = (): void => {
    if (destroyed) return;
    if (activeNodes.length) sigma.setNodesState(activeNodes, { isActive: false });
    if (activeEdges.length) sigma.setEdgesState(activeEdges, { isActive: false });
    const focus = hovered ?? selected;
    if (focus === null || !graph.hasNode(focus)) {
      activeNodes = [];
      activeEdges = [];
      sigma.setGraphState({ hasFocus: false });
      return;
    }
    activeNodes = [focus, ...graph.neighbors(focus)];
    activeEdges = graph.edges(focus);
    sigma.setNodesState(activeNodes, { isActive: true });
    if (activeEdges.length) sigma.setEdgesState(activeEdges, { isActive: true });
    // At scale a hover only brings the neighbourhood forward (see scale.ts): no fade.
    sigma.setGraphState({ hasFocus: selected !== null || fadeOnHover });
  };

  // Zoomed in past the threshold: edge labels between labelled nodes (graph state, restyled).
  const camera = sigma.getCamera();
  const onCamera = (): void => {
    const zoomedIn = camera.ratio < EDGE_LABEL_ZOOM_RATIO;
    if (zoomedIn !== sigma.getGraphState().zoomedIn) sigma.setGraphState({ zoomedIn });
  };
  camera.on("updated", onCamera);
  onCamera();

  sigma.on("enterNode", ({ node }) => {
    hovered = node;
    refreshFocus();
    options.onHover?.(node);
  });
  sigma.on("leaveNode", () => {
    hovered = null;
    refreshFocus();
    options.onHover?.(null);
  });
  const edgeMiddle = (key: string): { x: number; y: number } | null => {
    const [s, t] = graph.extremities(key);
    const a = sigma.getNodeDisplayData(s);
    const b = sigma.getNodeDisplayData(t);
    if (!a || !b) return null;
    const p = sigma.framedGraphToViewport({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });
    return { x: p.x, y: p.y };
  };
  const setHoveredEdge = (key: string | null, point: { x: number; y: number } | null): void => {
    if (hoveredEdge !== null && graph.hasEdge(hoveredEdge) && hoveredEdge !== key) {
      sigma.setEdgeState(hoveredEdge, { isActive: activeEdges.includes(hoveredEdge) });
    }
    hoveredEdge = key !== null && graph.hasEdge(key) ? key : null;
    if (hoveredEdge !== null) sigma.setEdgeState(hoveredEdge, { isActive: true });
    options.onEdgeHover?.(hoveredEdge, hoveredEdge === null ? null : point);
  };
  sigma.on("enterEdge", ({ edge, event }) => setHoveredEdge(edge, { x: event.x, y: event.y }));
  sigma.on("leaveEdge", () => setHoveredEdge(null, null));
  sigma.on("clickNode", ({ node }) => options.onSelect?.(node));
  sigma.on("clickStage", () => options.onSelect?.(null));

  const renderer: OrgraphRenderer = {
    graph,
    settings,
    get sigma() {
      return destroyed ? null : sigma;
    },
    get selected() {
      return selected;
    },
    get hovered() {
      return hovered;
    },
    get hoveredEdge() {
      return hoveredEdge;
    },
    hoverEdge(key, point) {
      if (destroyed) return;
      setHoveredEdge(key, key === null ? null : (point ?? edgeMiddle(key)));
    },
    select(key, { center = false } = {}) {
      if (destroyed) return;
      const next = key !== null && graph.hasNode(key) ? key : null;
      if (selected !== null && graph.hasNode(selected)) {
        sigma.setNodeState(selected, { isSelected: false });
      }
      selected = next;
      if (next !== null) {
        sigma.setNodeState(next, { isSelected: true });
        if (center) {
          const display = sigma.getNodeDisplayData(next);
          if (display) {
            void sigma
              .getCamera()
              .animate(
                { x: display.x, y: display.y, ratio: Math.min(sigma.getCamera().ratio, 0.7) },
                { duration: 300 },
              )
              .catch(() => undefined);
          }
        }
      }
      refreshFocus();
    },
    get highlighted() {
      return highlighted;
    },
    highlight(keys) {
      if (destroyed) return;
      if (highlighted.length) sigma.setNodesState(highlighted, { isHighlighted: false });
      highlighted = [...new Set(keys)].filter((k) => graph.hasNode(k));
      if (highlighted.length) sigma.setNodesState(highlighted, { isHighlighted: true });
    },
    get outOfDate() {
      return outOfDate;
    },
    setOutOfDate(edges) {
      if (destroyed) return;
      if (outOfDate.length) sigma.setEdgesState(outOfDate, { isOutOfDate: false });
      outOfDate = [...new Set(edges)].filter((k) => graph.hasEdge(k));
      if (outOfDate.length) sigma.setEdgesState(outOfDate, { isOutOfDate: true });
    },
    get display() {
      return display;
    },
    setDisplay(next) {
      if (destroyed) return;
      const before = display;
      display = { ...display, ...next, path: next.path ?? display.path };
      if (next.visible !== undefined && next.visible !== before.visible) {
        applyVisible(display.visible);
      }
      if (next.path !== undefined && next.path !== before.path)
        applyPath(before.path, display.path);
      const restyle =
        display.colourMode !== before.colourMode ||
        display.communities !== before.communities ||
        display.sizeMode !== before.sizeMode ||
        display.metric !== before.metric ||
        (display.languages ?? []).join() !== (before.languages ?? []).join();
      if (restyle) {
        sizes = display.metric
          ? metricSizes(display.metric, settings.minNodeSize, settings.maxNodeSize)
          : degreeSizeMap;
        sigma.setGraphState({ displayVersion: ++displayVersion });
      }
    },
    get theme() {
      return theme;
    },
    setTheme(next) {
      if (destroyed || next === theme) return;
      theme = next === "dark" ? "dark" : "light";
      colours = canvasColours(theme);
      sigma.setGraphState({ displayVersion: ++displayVersion });
    },
    focusNode(key) {
      if (destroyed || !graph.hasNode(key)) return;
      const data = sigma.getNodeDisplayData(key);
      if (!data) return;
      void sigma
        .getCamera()
        .animate(
          { x: data.x, y: data.y, ratio: Math.min(sigma.getCamera().ratio, 0.7) },
          { duration: 300 },
        )
        .catch(() => undefined);
    },
    resetCamera() {
      if (!destroyed) void sigma.getCamera().reset({ duration: 300 });
    },
    get positionUpdates() {
      return positions?.counts ?? null;
    },
    reframe() {
      if (destroyed) return;
      if (!positions?.reframe()) sigma.scheduleRefresh({ partialGraph: { nodes: [] } });
    },
    positionsSettled() {
      return positions?.settled() ?? Promise.resolve();
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      positions?.kill();
      sigma.kill();
    },
  };
  return renderer;
}
