/**
 * Category colours. Every colour has at least 3:1 contrast against the white canvas (WCAG 1.4.11,
 * non-text contrast) and hues that stay apart for the common colour-vision deficiencies as far as
 * ten categories allow. The UI's legend reads `legendEntries`.
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

/** Colour of nodes and edges outside the focused neighbourhood. */
export const FADED_NODE_COLOR = "#dde1e6";
export const FADED_EDGE_COLOR = "#eef0f3";
export const EDGE_COLOR = "#b4bcc7";
export const ACTIVE_EDGE_COLOR = "#4b5563";
export const LABEL_COLOR = "#1f2933";
export const STAGE_BACKGROUND = "#ffffff";

export function categoryColor(category: string): string {
  return (CATEGORY_COLORS as Record<string, string>)[category] ?? CATEGORY_COLORS.other;
}

export interface LegendEntry {
  category: Category;
  color: string;
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
    count: counts.get(category) ?? 0,
  }));
}
