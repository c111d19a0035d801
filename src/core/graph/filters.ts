/**
 * Orgraph core: which nodes and edges the view shows, and the counts the filter panels show.
 *
 * `visibleSubgraph` applies, in order: categories (a node of a hidden category goes, with its
 * edges), predicates (an edge of a hidden predicate goes), sources (an item goes when every
 * kind of source that supports it is hidden; see sources.ts), named graphs (an edge goes when
 * every named graph that asserts it is hidden; nodes stay, hide-isolated decides), the ego network (only what lies
 * within depth 1-3 of the centre over the remaining edges, direction ignored; the centre itself
 * always stays), then the nodes brought back by "expand" (`revealed`: they come back whatever the
 * filters say, with every edge between them and what is visible), then hide-isolated (a node
 * left without a visible edge goes). Filters read the
 * graph and never change it: the result is two sets of keys.
 */
import { fallbackLabel } from "../model/labels";
import type { Category, OrgraphGraph } from "../model/types";
import { CATEGORIES } from "../model/types";
import { compareStrings } from "../rdf/terms";
import { runSteps, runStepsInSlices, type Pause } from "../steps";
import { egoNetwork } from "./neighbourhood";
import {
  graphOfKey,
  graphsVisible,
  isGraphSourceKey,
  isLoadedSourceKey,
  isSourceKind,
  LOADED_SOURCE_PREFIX,
  originVisible,
  SOURCE_KINDS,
  sourceKindsOf,
  type SourceFilterKey,
  type SourceKind,
} from "./sources";

/** What the filters read: the matching fields of ViewState. */
export interface FilterState {
  readonly hiddenCategories: readonly Category[];
  readonly hiddenPredicates: readonly string[];
  readonly hiddenSources: readonly SourceFilterKey[];
  readonly hideIsolated: boolean;
  readonly ego: { readonly key: string; readonly depth: number } | null;
  /** Nodes brought back by "expand" (unknown keys are ignored). */
  readonly revealed?: readonly string[];
}

/** Keys of the nodes and edges a view shows. */
export interface VisibleSubgraph {
  nodes: Set<string>;
  edges: Set<string>;
}

/** No filter at all. */
export const NO_FILTERS: FilterState = Object.freeze({
  hiddenCategories: [],
  hiddenPredicates: [],
  hiddenSources: [],
  hideIsolated: false,
  ego: null,
});

/** Everything in the graph. */
export function wholeGraph(graph: OrgraphGraph): VisibleSubgraph {
  return { nodes: new Set(graph.nodes()), edges: new Set(graph.edges()) };
}

/** The nodes and edges that `state`'s filters leave visible. Pure: `graph` is not changed. */
export function visibleSubgraph(graph: OrgraphGraph, state: FilterState): VisibleSubgraph {
  return runSteps(visibleSteps(graph, state));
}

/**
 * `visibleSubgraph` in time slices of about `sliceMs`: `pause` is awaited between two (it
 * yields, and rejects to stop). The same result.
 */
export async function visibleSubgraphInSlices(
  graph: OrgraphGraph,
  state: FilterState,
  pause: Pause,
  sliceMs = 8,
): Promise<VisibleSubgraph> {
  return runStepsInSlices(visibleSteps(graph, state), pause, sliceMs);
}

/** Items between two steps of visibleSteps. */
const ITEMS_PER_STEP = 512;

/** visibleSubgraph's work, a step (ITEMS_PER_STEP items) between two yields. */
function* visibleSteps(graph: OrgraphGraph, state: FilterState): Generator<void, VisibleSubgraph> {
  const hiddenCategories = new Set<string>(state.hiddenCategories);
  const hiddenPredicates = new Set(state.hiddenPredicates);
  const hiddenSources = new Set<SourceKind>(state.hiddenSources.filter(isSourceKind));
  const hiddenLoaded = new Set(
    state.hiddenSources.filter(isLoadedSourceKey).map((k) => k.slice(LOADED_SOURCE_PREFIX.length)),
  );
  const hiddenGraphs = new Set(state.hiddenSources.filter(isGraphSourceKey).map(graphOfKey));
  const sourceVisible = (
    item: Parameters<typeof sourceKindsOf>[0] & { readonly origin?: readonly string[] },
  ): boolean =>
    (hiddenSources.size === 0 || sourceKindsOf(item).some((k) => !hiddenSources.has(k))) &&
    originVisible(item, hiddenLoaded);
  const edgeVisible = (
    item: Parameters<typeof sourceVisible>[0] & { readonly graphs?: readonly string[] },
  ): boolean => sourceVisible(item) && graphsVisible(item, hiddenGraphs);

  const nodes = new Set<string>();
  let n = 0;
  for (const { node: key, attributes } of graph.nodeEntries()) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    if (hiddenCategories.has(attributes.category)) continue;
    if (!sourceVisible(attributes)) continue;
    nodes.add(key);
  }
  const edges = new Set<string>();
  for (const { edge: key, attributes, source, target } of graph.edgeEntries()) {
    if (++n % ITEMS_PER_STEP === 0) yield;
    if (!nodes.has(source) || !nodes.has(target)) continue;
    if (hiddenPredicates.has(attributes.predicate)) continue;
    if (!edgeVisible(attributes)) continue;
    edges.add(key);
  }

  let visible: VisibleSubgraph = { nodes, edges };
  if (state.ego !== null && graph.hasNode(state.ego.key)) {
    const centre = state.ego.key;
    // The centre stays even when a filter hides it: it is what the user asked to look at.
    const allowedNodes = new Set(nodes).add(centre);
    const allowedEdges = new Set(edges);
    graph.forEachEdge(centre, (key, attributes, source, target) => {
      const other = source === centre ? target : source;
      if (
        nodes.has(other) &&
        !hiddenPredicates.has(attributes.predicate) &&
        edgeVisible(attributes)
      ) {
        allowedEdges.add(key);
      }
    });
    visible = egoNetwork(graph, centre, state.ego.depth, {
      nodes: allowedNodes,
      edges: allowedEdges,
    });
  } else if (state.ego !== null) {
    visible = { nodes: new Set(), edges: new Set() };
  }

  const revealed = (state.revealed ?? []).filter((k) => graph.hasNode(k));
  if (revealed.length > 0) {
    const added = new Set(revealed);
    for (const k of revealed) visible.nodes.add(k);
    for (const k of added) {
      graph.forEachEdge(k, (edge, _attributes, source, target) => {
        if (visible.nodes.has(source) && visible.nodes.has(target)) visible.edges.add(edge);
      });
    }
  }

  if (state.hideIsolated) {
    const touched = new Set<string>();
    for (const e of visible.edges) {
      if (++n % ITEMS_PER_STEP === 0) yield;
      touched.add(graph.source(e));
      touched.add(graph.target(e));
    }
    for (const key of visible.nodes) {
      if (++n % ITEMS_PER_STEP === 0) yield;
      if (!touched.has(key) && key !== state.ego?.key) visible.nodes.delete(key);
    }
  }
  return visible;
}

/** Per predicate: how many edges, in total and visible. */
export interface PredicateCount {
  predicate: string;
  /** Readable label (the first edge's, in the graph's language preference). */
  label: string;
  count: number;
  /** Edges in `visible` (equals count when no visible set is given). */
  visible: number;
}

/** Edge counts per predicate, most frequent first, then by label and IRI. */
export function predicateCounts(graph: OrgraphGraph, visible?: VisibleSubgraph): PredicateCount[] {
  const byPredicate = new Map<string, PredicateCount>();
  graph.forEachEdge((key, attributes) => {
    let entry = byPredicate.get(attributes.predicate);
    if (!entry) {
      entry = {
        predicate: attributes.predicate,
        label: attributes.via === undefined ? attributes.label : "",
        count: 0,
        visible: 0,
      };
      byPredicate.set(attributes.predicate, entry);
    }
    if (entry.label === "" && attributes.via === undefined) entry.label = attributes.label;
    entry.count++;
    if (!visible || visible.edges.has(key)) entry.visible++;
  });
  for (const entry of byPredicate.values()) {
    if (entry.label === "") entry.label = localLabel(entry.predicate);
  }
  return [...byPredicate.values()].sort(
    (a, b) =>
      b.count - a.count ||
      compareStrings(a.label, b.label) ||
      compareStrings(a.predicate, b.predicate),
  );
}

function localLabel(iri: string): string {
  const cut = Math.max(iri.lastIndexOf("#"), iri.lastIndexOf("/"));
  return iri.slice(cut + 1) || iri;
}

/** Node count per category (every category present, 0 when none), within `visible` if given. */
export function categoryCounts(
  graph: OrgraphGraph,
  visible?: VisibleSubgraph,
): Record<Category, number> {
  const counts = Object.fromEntries(CATEGORIES.map((c) => [c, 0])) as Record<Category, number>;
  graph.forEachNode((key, attributes) => {
    if (!visible || visible.nodes.has(key)) counts[attributes.category]++;
  });
  return counts;
}

/** Nodes and edges per source kind (an item supported by two kinds counts in both). */
export function sourceCounts(
  graph: OrgraphGraph,
  visible?: VisibleSubgraph,
): Record<SourceKind, { nodes: number; edges: number }> {
  const counts = Object.fromEntries(SOURCE_KINDS.map((k) => [k, { nodes: 0, edges: 0 }])) as Record<
    SourceKind,
    { nodes: number; edges: number }
  >;
  graph.forEachNode((key, attributes) => {
    if (visible && !visible.nodes.has(key)) return;
    for (const k of sourceKindsOf(attributes)) counts[k].nodes++;
  });
  graph.forEachEdge((key, attributes) => {
    if (visible && !visible.edges.has(key)) return;
    for (const k of sourceKindsOf(attributes)) counts[k].edges++;
  });
  return counts;
}

/** Per named graph: its label and how many relations (edges) it asserts, in total and visible. */
export interface GraphCount {
  /** The graph's IRI ("" for the default graph). */
  graph: string;
  /**
   * Its own label, else the labels of what it was derived from (prov:wasDerivedFrom), else its
   * IRI shortened; "" for the default graph (the UI names it).
   */
  label: string;
  /** The IRI shortened (prefixed name or last segment); "" for the default graph. */
  short: string;
  count: number;
  /** Edges in `visible` (equals count when no visible set is given). */
  visible: number;
}

/**
 * Relation counts per named graph (an edge asserted in two graphs counts in both), the default
 * graph first, then most relations first, then by label and IRI. A named graph that asserts
 * only literal facts (NodeAttributes.factGraphs) is listed with no relation.
 */
export function graphCounts(graph: OrgraphGraph, visible?: VisibleSubgraph): GraphCount[] {
  const byGraph = new Map<string, GraphCount>();
  const info = graph.getAttribute("namedGraphs") ?? {};
  const prefixes = graph.getAttribute("prefixes") ?? {};
  const entryOf = (g: string): GraphCount => {
    let entry = byGraph.get(g);
    if (!entry) {
      const about = Object.hasOwn(info, g) ? info[g] : undefined;
      const short = g === "" ? "" : fallbackLabel(g, prefixes);
      const derived = about?.derivedFrom?.map((d) => d.label).join(", ");
      const label = g === "" ? "" : (about?.label ?? (derived || short));
      entry = { graph: g, label, short, count: 0, visible: 0 };
      byGraph.set(g, entry);
    }
    return entry;
  };
  graph.forEachEdge((key, attributes) => {
    for (const g of attributes.graphs ?? []) {
      const entry = entryOf(g);
      entry.count++;
      if (!visible || visible.edges.has(key)) entry.visible++;
    }
  });
  // Graphs that assert only literal facts are listed too (no relation): hiding one hides them.
  graph.forEachNode((_key, attributes) => {
    const fg = attributes.factGraphs;
    if (typeof fg === "string") {
      if (!byGraph.has(fg)) entryOf(fg);
    } else if (fg !== undefined) {
      for (const lists of Object.values(fg)) {
        for (const list of lists) for (const g of list) if (!byGraph.has(g)) entryOf(g);
      }
    }
  });
  return [...byGraph.values()].sort(
    (a, b) =>
      Number(b.graph === "") - Number(a.graph === "") ||
      b.count - a.count ||
      compareStrings(a.label, b.label) ||
      compareStrings(a.graph, b.graph),
  );
}
