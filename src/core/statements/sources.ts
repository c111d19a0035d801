/**
 * Orgraph core: every source of a relation or an entity, and whether they corroborate it.
 *
 * A source is a span's part (release body, page template) or its file when it has no part, or
 * the source of a span-less named graph (a news report, an official profile). Labels come from
 * the document nodes when the graph has them. Two or more distinct sources: corroborated.
 * Differences between sources need the quads (see claims.ts): pass `claims` to get them.
 */
import { OrgraphError } from "../errors";
import { fallbackLabel } from "../model/labels";
import type { OrgraphGraph, SourceRef, Span } from "../model/types";
import { compareStrings } from "../rdf/terms";
import { differencesOf, type ClaimIndex, type SourceDifference } from "./claims";
import { labelIn } from "./refs";

export interface SourceInfo {
  /** Key of the source (a document IRI). */
  key: string;
  label: string;
  /** The spans from this source (empty for a span-less source). */
  spans: Span[];
  /** Named graphs (or annotations) through which the source supports the item. */
  graphs: string[];
}

export interface Corroboration {
  key: string;
  sources: SourceInfo[];
  /** At least two distinct sources. */
  corroborated: boolean;
  /** Where sources give different values (only with `claims`; empty otherwise). */
  differences: SourceDifference[];
}

export interface SourceOptions {
  languages?: readonly string[];
  /** The quads' claims (`indexClaims(quads)`), to find differences between sources. */
  claims?: ClaimIndex;
}

function sourceLabel(graph: OrgraphGraph, key: string, languages?: readonly string[]): string {
  return graph.hasNode(key)
    ? labelIn(graph, key, languages)
    : fallbackLabel(key, graph.getAttribute("prefixes"));
}

/** Distinct sources of a set of spans and span-less sources, ordered by key. */
export function distinctSources(
  graph: OrgraphGraph,
  spans: readonly Span[],
  refs: readonly SourceRef[],
  languages?: readonly string[],
): SourceInfo[] {
  const byKey = new Map<string, SourceInfo>();
  const entry = (key: string): SourceInfo => {
    let info = byKey.get(key);
    if (!info) {
      info = { key, label: sourceLabel(graph, key, languages), spans: [], graphs: [] };
      byKey.set(key, info);
    }
    return info;
  };
  for (const span of spans) {
    const info = entry(span.part ?? span.source);
    info.spans.push(span);
    if (!info.graphs.includes(span.annotation)) info.graphs.push(span.annotation);
  }
  for (const ref of refs) {
    const info = entry(ref.source);
    if (!info.graphs.includes(ref.graph)) info.graphs.push(ref.graph);
  }
  for (const info of byKey.values()) info.graphs.sort(compareStrings);
  return [...byKey.values()].sort((a, b) => compareStrings(a.key, b.key));
}

/** The distinct sources of an edge. Throws OrgraphError ("invalid") for an unknown edge. */
export function sourcesOfEdge(
  graph: OrgraphGraph,
  edge: string,
  options: { languages?: readonly string[] } = {},
): SourceInfo[] {
  if (!graph.hasEdge(edge)) throw new OrgraphError("invalid", `No edge "${edge}" in the graph.`);
  const a = graph.getEdgeAttributes(edge);
  return distinctSources(graph, a.spans, a.sources, options.languages);
}

/** The distinct sources of a node. Throws OrgraphError ("invalid") for an unknown node. */
export function sourcesOfNode(
  graph: OrgraphGraph,
  node: string,
  options: { languages?: readonly string[] } = {},
): SourceInfo[] {
  if (!graph.hasNode(node)) throw new OrgraphError("invalid", `No node "${node}" in the graph.`);
  const a = graph.getNodeAttributes(node);
  return distinctSources(graph, a.spans, a.sources, options.languages);
}

/**
 * Sources of an edge or a node (`key` is looked up as an edge first), whether they corroborate
 * it, and, given `claims`, where they differ (for a collapsed membership edge: about the
 * membership it stands for, e.g. its term's dates).
 */
export function corroboration(
  graph: OrgraphGraph,
  key: string,
  options: SourceOptions = {},
): Corroboration {
  let sources: SourceInfo[];
  let subject: string | undefined;
  if (graph.hasEdge(key)) {
    sources = sourcesOfEdge(graph, key, options);
    subject = graph.getEdgeAttribute(key, "via");
  } else if (graph.hasNode(key)) {
    sources = sourcesOfNode(graph, key, options);
    subject = key;
  } else {
    throw new OrgraphError("invalid", `No node or edge "${key}" in the graph.`);
  }
  const differences =
    options.claims && subject !== undefined ? differencesOf(options.claims, subject) : [];
  return { key, sources, corroborated: sources.length >= 2, differences };
}
