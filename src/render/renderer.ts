/**
 * The sigma 4 renderer of an Orgraph graph.
 *
 * Meaning stays in the graph; everything visual comes from sigma styles driven by state:
 * - colour by `category` (CATEGORY_COLORS), size by degree (computed here, never written back);
 * - hovering a node keeps its neighbourhood and fades the rest, clicking selects it (the
 *   selected node keeps its neighbourhood in focus while nothing is hovered);
 * - arrows on every edge (the graph is directed), curved parallel edges, loops for self-edges;
 * - edge (predicate) labels on the focused neighbourhood.
 */
import Sigma from "sigma";
import { extremityArrow, layerPlain, pathCurved, pathLine, pathLoop } from "sigma/rendering";
import type {
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes,
  OrgraphGraph,
} from "../core/model/types";
import {
  ACTIVE_EDGE_COLOR,
  CATEGORY_COLORS,
  EDGE_COLOR,
  FADED_EDGE_COLOR,
  FADED_NODE_COLOR,
  LABEL_COLOR,
  STAGE_BACKGROUND,
} from "./palette";
import { degreeSizes } from "./layout";
import { resolveRendererSettings, type RendererSettings } from "./settings";

export interface RendererOptions {
  settings?: Partial<RendererSettings>;
  /** Called when the user clicks a node (its key) or the empty stage (null). */
  onSelect?: (key: string | null) => void;
  /** Called when the pointer enters (key) or leaves (null) a node. */
  onHover?: (key: string | null) => void;
}

export interface OrgraphRenderer {
  readonly graph: OrgraphGraph;
  readonly settings: Readonly<RendererSettings>;
  /** The underlying sigma instance (null once destroyed). */
  readonly sigma: OrgraphSigma | null;
  readonly selected: string | null;
  readonly hovered: string | null;
  /** Selects a node (or clears the selection with null); unknown keys clear it. No callback. */
  select(key: string | null, options?: { center?: boolean }): void;
  /** Resets the camera to show the whole graph. */
  resetCamera(): void;
  /** Kills sigma and forgets the graph; safe to call more than once. */
  destroy(): void;
}

export interface NodeState {
  isActive: boolean;
  isSelected: boolean;
}
export interface EdgeState {
  isActive: boolean;
}
export interface GraphState {
  hasFocus: boolean;
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

export function createRenderer(
  container: HTMLElement,
  graph: OrgraphGraph,
  options: RendererOptions = {},
): OrgraphRenderer {
  const settings = resolveRendererSettings(options.settings);
  const sizes = degreeSizes(graph, settings.minNodeSize, settings.maxNodeSize);
  const sizeOf = (attributes: NodeAttributes): number =>
    sizes.get(attributes.iri) ?? settings.minNodeSize;

  const sigma: OrgraphSigma = new Sigma<
    NodeAttributes,
    EdgeAttributes,
    GraphAttributes,
    NodeState,
    EdgeState,
    GraphState
  >(graph, container, {
    customNodeState: { isActive: false, isSelected: false },
    customEdgeState: { isActive: false },
    customGraphState: { hasFocus: false },
    primitives: {
      edges: {
        paths: [pathLine(), pathCurved(), pathLoop()],
        extremities: [extremityArrow()],
        layers: [layerPlain()],
      },
    },
    styles: {
      stage: { background: STAGE_BACKGROUND },
      nodes: [
        {
          x: { attribute: "x" },
          y: { attribute: "y" },
          // Long labels are shortened on the canvas (the full label shows on hover/selection
          // and in the details panel), so that they do not run over their neighbours.
          label: (attributes, state) =>
            state.isHovered || state.isSelected
              ? attributes.label
              : shorten(attributes.label, settings.maxLabelLength),
          color: {
            attribute: "category",
            dict: CATEGORY_COLORS,
            defaultValue: CATEGORY_COLORS.other,
          },
          size: (attributes, state) =>
            sizeOf(attributes) * (state.isSelected || state.isHovered ? 1.35 : 1),
          labelColor: LABEL_COLOR,
          labelSize: settings.labelSize,
          labelVisibility: "auto",
          visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
          depth: "nodes",
          cursor: "pointer",
        },
        {
          when: (_attributes, state, graphState) => graphState.hasFocus && !state.isActive,
          then: { color: FADED_NODE_COLOR, labelVisibility: "hidden" },
        },
        { whenState: "isActive", then: { labelVisibility: "visible", depth: "topNodes" } },
        {
          whenState: "isSelected",
          then: {
            backdropVisibility: "visible",
            backdropColor: "#ffffff",
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
            backdropColor: "#ffffff",
            backdropShadowColor: "rgba(0, 0, 0, 0.45)",
            backdropShadowBlur: 12,
            backdropPadding: 5,
            depth: "topNodes",
          },
        },
      ],
      edges: [
        {
          color: EDGE_COLOR,
          size: 1,
          head: "arrow",
          path: "straight",
          parallelPath: "curved",
          selfLoopPath: "loop",
          label: { attribute: "label" },
          labelColor: "#374151",
          labelSize: Math.max(9, settings.labelSize - 2),
          labelVisibility: "hidden",
          visibility: { whenState: "isHidden", then: "hidden", else: "visible" },
          depth: "edges",
        },
        {
          when: (_attributes, state, graphState) => graphState.hasFocus && !state.isActive,
          then: { color: FADED_EDGE_COLOR },
        },
        {
          whenState: "isActive",
          then: {
            color: ACTIVE_EDGE_COLOR,
            size: 1.6,
            labelVisibility: settings.edgeLabels ? "visible" : "hidden",
            depth: "topEdges",
          },
        },
      ],
    },
    settings: {
      renderLabels: true,
      renderEdgeLabels: settings.edgeLabels,
      labelDensity: settings.labelDensity,
      labelGridCellSize: settings.labelGridCellSize,
      labelRenderedSizeThreshold: settings.labelRenderedSizeThreshold,
      stagePadding: 30,
      autoRescaleContent: "labels",
      enableEdgeEvents: false,
      // The explorer lives inside pages: plain wheel scrolls the page only when asked.
      gestureTarget: "graph",
    },
  });

  let destroyed = false;
  let selected: string | null = null;
  let hovered: string | null = null;
  let activeNodes: string[] = [];
  let activeEdges: string[] = [];

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
    sigma.setGraphState({ hasFocus: true });
  };

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
    resetCamera() {
      if (!destroyed) void sigma.getCamera().reset({ duration: 300 });
    },
    destroy() {
      if (destroyed) return;
      destroyed = true;
      sigma.kill();
    },
  };
  return renderer;
}
