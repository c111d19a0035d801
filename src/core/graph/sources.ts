/**
 * Orgraph core: which kind of source supports a node or an edge.
 *
 * Three kinds, as the source filter shows them: the release body, the page template around it,
 * and every other source. A span's kind comes from its `part` (the source part the fact is
 * derived from, prov:wasDerivedFrom): a part whose IRI ends in "body" is the release body, one
 * whose IRI ends in "template" the page template. A span without a part, a source without a
 * span (`SourceRef`, e.g. a news report) and an item with no provenance at all are "other".
 */
import type { SourceRef, Span } from "../model/types";

/** The source kinds, in filter order. */
export const SOURCE_KINDS = ["release-body", "page-template", "other"] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === "string" && (SOURCE_KINDS as readonly string[]).includes(value);
}

/**
 * The filter by source also takes the sources loaded into one graph (issue 6, "load more"): the
 * key `source:<name>` hides what only that loaded source says (items carry `origin`, the names
 * of the loaded sources their triples come from; items without it are not filtered by it).
 */
export const LOADED_SOURCE_PREFIX = "source:";
export type LoadedSourceKey = `source:${string}`;
/**
 * Named graphs are a source dimension too: the key `graph:<iri>` hides the relations (edges)
 * asserted only in that named graph (`graph:` alone is the default graph, "" in
 * `EdgeAttributes.graphs`). A relation asserted in another graph that is not hidden stays. The
 * same keys hide a node's literal facts asserted only in hidden graphs (see facts.ts).
 */
export const GRAPH_SOURCE_PREFIX = "graph:";
export type GraphSourceKey = `graph:${string}`;
/** A key of the filter by source: a source kind, a loaded source or a named graph. */
export type SourceFilterKey = SourceKind | LoadedSourceKey | GraphSourceKey;
const MAX_LOADED_SOURCE_KEY = 1024;
/** Longest named-graph key accepted (the prefix and an IRI of up to 2048 characters). */
const MAX_GRAPH_SOURCE_KEY = GRAPH_SOURCE_PREFIX.length + 2048;

export function isLoadedSourceKey(value: unknown): value is LoadedSourceKey {
  return (
    typeof value === "string" &&
    value.startsWith(LOADED_SOURCE_PREFIX) &&
    value.length > LOADED_SOURCE_PREFIX.length &&
    value.length <= MAX_LOADED_SOURCE_KEY
  );
}

export function isGraphSourceKey(value: unknown): value is GraphSourceKey {
  return (
    typeof value === "string" &&
    value.startsWith(GRAPH_SOURCE_PREFIX) &&
    value.length <= MAX_GRAPH_SOURCE_KEY &&
    !/\s/.test(value)
  );
}

export function isSourceFilterKey(value: unknown): value is SourceFilterKey {
  return isSourceKind(value) || isLoadedSourceKey(value) || isGraphSourceKey(value);
}

/** The filter key of a named graph ("" for the default graph). */
export function graphSourceKey(graph: string): GraphSourceKey {
  return `${GRAPH_SOURCE_PREFIX}${graph}`;
}

/** The named graph of a filter key ("" for the default graph). */
export function graphOfKey(key: GraphSourceKey): string {
  return key.slice(GRAPH_SOURCE_PREFIX.length);
}

/**
 * Whether a relation stays visible under the hidden named graphs: it does unless every graph
 * that asserts it is hidden (a relation with no recorded graph is not filtered by graph).
 */
export function graphsVisible(
  item: { readonly graphs?: readonly string[] },
  hidden: ReadonlySet<string>,
): boolean {
  const graphs = item.graphs;
  if (hidden.size === 0 || !graphs || graphs.length === 0) return true;
  return graphs.some((g) => !hidden.has(g));
}

/** The filter key of a loaded source's name. */
export function loadedSourceKey(name: string): LoadedSourceKey {
  return `${LOADED_SOURCE_PREFIX}${name}`;
}

/** Whether an item stays visible under the hidden loaded sources (names, without the prefix). */
export function originVisible(
  item: { readonly origin?: readonly string[] },
  hidden: ReadonlySet<string>,
): boolean {
  const origin = item.origin;
  if (hidden.size === 0 || !origin || origin.length === 0) return true;
  return origin.some((name) => !hidden.has(name));
}

/** The local name of an IRI: what follows the last "#", "/" or ":". */
function localName(iri: string): string {
  const cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"), iri.lastIndexOf(":"));
  return iri.slice(cut + 1).toLowerCase();
}

/** The kind of a source part IRI (e.g. `…/release-body` -> "release-body"). */
export function sourceKindOfPart(part: string | undefined): SourceKind {
  if (part === undefined) return "other";
  const name = localName(part);
  if (/(^|[-_.])body$/.test(name)) return "release-body";
  if (/(^|[-_.])template$/.test(name)) return "page-template";
  return "other";
}

/** Every kind of source that supports an item, in SOURCE_KINDS order; ["other"] when none. */
export function sourceKindsOf(item: {
  readonly spans: readonly Span[];
  readonly sources: readonly SourceRef[];
}): SourceKind[] {
  const kinds = new Set<SourceKind>();
  for (const span of item.spans) kinds.add(sourceKindOfPart(span.part));
  if (item.sources.length > 0) kinds.add("other");
  if (kinds.size === 0) kinds.add("other");
  return SOURCE_KINDS.filter((k) => kinds.has(k));
}
