/**
 * Orgraph core: small references to graph nodes ({ key, label }) with labels in a chosen language.
 */
import type { OrgraphGraph } from "../model/types";

/** A node named by key and its label. */
export interface Ref {
  key: string;
  label: string;
}

/**
 * The label of a node in the first of `languages` it has one for; the graph's own label (built
 * for the graph's language preference) when `languages` is absent or none matches.
 */
export function labelIn(graph: OrgraphGraph, key: string, languages?: readonly string[]): string {
  const attrs = graph.getNodeAttributes(key);
  for (const lang of languages ?? []) {
    const wanted = lang.toLowerCase();
    const hit = attrs.labels[wanted]?.[0];
    if (hit !== undefined) return hit;
  }
  return attrs.label;
}

/** A reference to a node; falls back to the key as label when the node is absent. */
export function refOf(graph: OrgraphGraph, key: string, languages?: readonly string[]): Ref {
  return { key, label: graph.hasNode(key) ? labelIn(graph, key, languages) : key };
}

/** The label of an edge in the first of `languages` it has one for, else its own label. */
export function edgeLabelIn(
  graph: OrgraphGraph,
  edge: string,
  languages?: readonly string[],
): string {
  const attrs = graph.getEdgeAttributes(edge);
  for (const lang of languages ?? []) {
    const hit = attrs.labels[lang.toLowerCase()];
    if (hit !== undefined) return hit;
  }
  return attrs.label;
}

/** Targets of the out-edges of `node` with this predicate, in edge order. */
export function targetsOf(graph: OrgraphGraph, node: string, predicate: string): string[] {
  if (!graph.hasNode(node)) return [];
  return graph
    .filterOutEdges(node, (_e, a) => a.predicate === predicate)
    .map((e) => graph.target(e));
}
