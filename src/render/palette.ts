/**
 * Category colours. Every colour has at least 3:1 contrast against the white canvas (WCAG 1.4.11,
 * non-text contrast; CATEGORY_COLORS_DARK are their lighter twins for the dark canvas) and hues that stay apart for the common colour-vision deficiencies as far as
 * ten categories allow. Each category also has a shape (CATEGORY_SHAPES). The UI's legend reads
 * `legendEntries`.
 */
import { CATEGORIES, type Category, type OrgraphGraph } from "../core/model/types";

export const CATEGORY_COLORS = {
  person: "#1565c0",
  role: "#8e44ad",
  organisation: "#c62828",
  ministry: "#6d4c41",
  country: "#00838f",
  place: "#2e7d32",
  event: "#b35c00",
  statement: "#ad1457",
  document: "#455a64",
  other: "#6b6b6b",
} as const satisfies Record<Category, string>;

/**
 * Category colours on the dark canvas and panels (theme dark): the same hues, lighter, each at
 * least 3:1 against the dark stage and panel backgrounds.
 */
export const CATEGORY_COLORS_DARK = {
  person: "#6ea8fe",
  role: "#c39bd3",
  organisation: "#ef6b6b",
  ministry: "#b08d7e",
  country: "#26c6da",
  place: "#66bb6a",
  event: "#f0a04b",
  statement: "#f06292",
  document: "#90a4ae",
  other: "#a0a0a0",
} as const satisfies Record<Category, string>;

/** The node shapes (sigma 4 SDF shapes the renderer declares). */
export const NODE_SHAPES = ["circle", "square", "triangle", "diamond", "rectangle"] as const;
export type NodeShape = (typeof NODE_SHAPES)[number];

/**
 * Category shapes, so that a category reads without its colour: people round, organisations
 * square, events diamonds, statements triangles, roles and documents bars.
 */
export const CATEGORY_SHAPES = {
  person: "circle",
  role: "rectangle",
  organisation: "square",
  ministry: "square",
  country: "circle",
  place: "circle",
  event: "diamond",
  statement: "triangle",
  document: "rectangle",
  other: "circle",
} as const satisfies Record<Category, NodeShape>;

export function categoryShape(category: string): NodeShape {
  return (CATEGORY_SHAPES as Record<string, NodeShape>)[category] ?? CATEGORY_SHAPES.other;
}

/** The canvas themes (the element's `theme`). */
export const CANVAS_THEMES = ["light", "dark"] as const;
export type CanvasTheme = (typeof CANVAS_THEMES)[number];

/** The colours of the canvas that are not data (category or community) colours. */
export interface CanvasColours {
  /** The stage behind the graph (also the PNG export's fill). */
  background: string;
  /** Node labels: at least 4.5:1 against `background`, `backdrop` and `highlightBackdrop`. */
  label: string;
  /** Edge (predicate) labels: at least 4.5:1 against `background`. */
  edgeLabel: string;
  edge: string;
  /** Edges of the focused neighbourhood. */
  activeEdge: string;
  /** Nodes and edges outside the focused neighbourhood. */
  fadedNode: string;
  fadedEdge: string;
  /** Edges of a highlighted path. */
  pathEdge: string;
  /** The box behind a hovered, selected or on-path node and its label. */
  backdrop: string;
  /** The box behind a highlighted node (e.g. a statement's speaker) and its label. */
  highlightBackdrop: string;
}

/**
 * Canvas colours by theme. Dark matches the widget's dark `--og-background` (widget-styles.ts),
 * so that the canvas and the panels read as one surface.
 */
export const CANVAS_COLOURS = {
  light: {
    background: "#ffffff",
    label: "#1f2933",
    edgeLabel: "#374151",
    edge: "#b4bcc7",
    activeEdge: "#4b5563",
    fadedNode: "#dde1e6",
    fadedEdge: "#eef0f3",
    pathEdge: "#d97706",
    backdrop: "#ffffff",
    highlightBackdrop: "#fff8e1",
  },
  dark: {
    background: "#12161c",
    label: "#e3e8ef",
    edgeLabel: "#c3cad5",
    edge: "#5b6675",
    activeEdge: "#cbd5e1",
    fadedNode: "#2a313b",
    fadedEdge: "#1f252d",
    pathEdge: "#f59e0b",
    backdrop: "#1f2630",
    highlightBackdrop: "#3a2f12",
  },
} as const satisfies Record<CanvasTheme, CanvasColours>;

/** The canvas colours of `theme` (light for anything else). */
export function canvasColours(theme: string | null | undefined): CanvasColours {
  return theme === "dark" ? CANVAS_COLOURS.dark : CANVAS_COLOURS.light;
}

/** The light stage background (the PNG export's fill when no renderer says otherwise). */
export const STAGE_BACKGROUND = CANVAS_COLOURS.light.background;

/**
 * Community colours (Louvain colour mode), biggest community first. Each has at least 3:1
 * contrast against white; after the twelfth, communities share the last colour (grey).
 */
export const COMMUNITY_COLORS = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#9467bd",
  "#e6550d",
  "#00838f",
  "#c2185b",
  "#6d4c41",
  "#5e7d00",
  "#3949ab",
  "#ad5a00",
  "#7a7a7a",
] as const;

/**
 * Community colours on the dark canvas (theme dark), the same order and hues, lighter: each at
 * least 3:1 against the dark stage (and panel), and as far apart from each other as the light
 * ones (CIE L*a*b* distance, tests/unit/render/palette.test.ts).
 */
export const COMMUNITY_COLORS_DARK = [
  "#4ea1e0",
  "#f06a6a",
  "#4cbb4c",
  "#c49be0",
  "#ff8a3d",
  "#22b8c8",
  "#f06292",
  "#c48a6e",
  "#9ccc3c",
  "#7b8cf5",
  "#e0a030",
  "#9e9e9e",
] as const satisfies { length: (typeof COMMUNITY_COLORS)["length"] };

/**
 * The colour of community number `index` (0 = biggest) on the canvas of `theme` (default
 * light); grey for none (-1).
 */
export function communityColor(index: number, theme: CanvasTheme = "light"): string {
  const colours = theme === "dark" ? COMMUNITY_COLORS_DARK : COMMUNITY_COLORS;
  const last = colours.length - 1;
  if (!Number.isInteger(index) || index < 0) return colours[last] as string;
  return colours[Math.min(index, last)] as string;
}

/** The colour of `category` on the canvas of `theme` (default light). */
export function categoryColor(category: string, theme: CanvasTheme = "light"): string {
  const colours = theme === "dark" ? CATEGORY_COLORS_DARK : CATEGORY_COLORS;
  return (colours as Record<string, string>)[category] ?? colours.other;
}

export interface LegendEntry {
  category: Category;
  color: string;
  shape: NodeShape;
  count: number;
}

/** The categories present in `graph`, in legend order (CATEGORIES), with their node counts. */
export function legendEntries(graph: OrgraphGraph): LegendEntry[] {
  const counts = new Map<Category, number>();
  graph.forEachNode((_key, attributes) => {
    counts.set(attributes.category, (counts.get(attributes.category) ?? 0) + 1);
  });
  return CATEGORIES.filter((category) => (counts.get(category) ?? 0) > 0).map((category) => ({
    category,
    color: CATEGORY_COLORS[category],
    shape: CATEGORY_SHAPES[category],
    count: counts.get(category) ?? 0,
  }));
}
