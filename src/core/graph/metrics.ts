/**
 * Orgraph core: node metrics for sizing and colouring.
 *
 * Degree, betweenness and PageRank (graphology-metrics) and Louvain communities
 * (graphology-communities-louvain, with a seeded random generator so the same graph and seed
 * give the same communities). Metrics run on a copy of the (visible) graph, never on the data
 * graph: betweenness and Louvain on its undirected simple view, PageRank on its directed simple
 * view, parallel edges merged into a weight. Results are maps from node key to value.
 */
import { DirectedGraph, UndirectedGraph } from "graphology";
import louvain from "graphology-communities-louvain";
import betweenness from "graphology-metrics/centrality/betweenness";
import pagerank from "graphology-metrics/centrality/pagerank";
import type { OrgraphGraph } from "../model/types";
import { compareStrings } from "../rdf/terms";
import type { VisibleSubgraph } from "./filters";
import { seededRandom } from "../random";

export { seededRandom };

export const METRICS = ["degree", "betweenness", "pagerank"] as const;
export type Metric = (typeof METRICS)[number];

export type MetricMap = Map<string, number>;

interface WeightAttributes {
  weight: number;
}

function allowed(
  within: VisibleSubgraph | undefined,
): [(n: string) => boolean, (e: string) => boolean] {
  return [(n) => !within || within.nodes.has(n), (e) => !within || within.edges.has(e)];
}

/** Undirected simple copy: one edge per linked pair, weight = number of edges; no self-loops. */
export function undirectedSimpleCopy(
  graph: OrgraphGraph,
  within?: VisibleSubgraph,
): UndirectedGraph<Record<string, never>, WeightAttributes> {
  const [nodeOk, edgeOk] = allowed(within);
  const copy = new UndirectedGraph<Record<string, never>, WeightAttributes>();
  graph.forEachNode((key) => {
    if (nodeOk(key)) copy.addNode(key);
  });
  graph.forEachEdge((key, _a, source, target) => {
    if (!edgeOk(key) || source === target || !copy.hasNode(source) || !copy.hasNode(target)) return;
    copy.updateEdge(source, target, (attr) => ({ weight: (attr.weight ?? 0) + 1 }));
  });
  return copy;
}

/** Directed simple copy: one edge per ordered pair, weight = number of edges; no self-loops. */
export function directedSimpleCopy(
  graph: OrgraphGraph,
  within?: VisibleSubgraph,
): DirectedGraph<Record<string, never>, WeightAttributes> {
  const [nodeOk, edgeOk] = allowed(within);
  const copy = new DirectedGraph<Record<string, never>, WeightAttributes>();
  graph.forEachNode((key) => {
    if (nodeOk(key)) copy.addNode(key);
  });
  graph.forEachEdge((key, _a, source, target) => {
    if (!edgeOk(key) || source === target || !copy.hasNode(source) || !copy.hasNode(target)) return;
    copy.updateEdge(source, target, (attr) => ({ weight: (attr.weight ?? 0) + 1 }));
  });
  return copy;
}

function toMap(record: Record<string, number>, order: Iterable<string>): MetricMap {
  const map: MetricMap = new Map();
  for (const key of order) map.set(key, record[key] ?? 0);
  return map;
}

/** Number of (visible) edges at each node, both directions, parallel edges counted. */
export function degreeMap(graph: OrgraphGraph, within?: VisibleSubgraph): MetricMap {
  const [nodeOk, edgeOk] = allowed(within);
  const map: MetricMap = new Map();
  graph.forEachNode((key) => {
    if (nodeOk(key)) map.set(key, 0);
  });
  graph.forEachEdge((key, _a, source, target) => {
    if (!edgeOk(key) || !map.has(source) || !map.has(target)) return;
    map.set(source, (map.get(source) ?? 0) + 1);
    map.set(target, (map.get(target) ?? 0) + 1);
  });
  return map;
}

/** Normalised betweenness centrality over the undirected view (unweighted). */
export function betweennessMap(graph: OrgraphGraph, within?: VisibleSubgraph): MetricMap {
  const copy = undirectedSimpleCopy(graph, within);
  if (copy.order === 0) return new Map();
  return toMap(betweenness(copy, { normalized: true, getEdgeWeight: null }), copy.nodes());
}

/** PageRank over the directed view, parallel edges as weight; sums to 1. */
export function pagerankMap(graph: OrgraphGraph, within?: VisibleSubgraph): MetricMap {
  const copy = directedSimpleCopy(graph, within);
  if (copy.order === 0) return new Map();
  return toMap(pagerank(copy, { getEdgeWeight: "weight", maxIterations: 1000 }), copy.nodes());
}

/** The metric a size mode asks for. */
export function metricMap(
  graph: OrgraphGraph,
  metric: Metric,
  within?: VisibleSubgraph,
): MetricMap {
  switch (metric) {
    case "degree":
      return degreeMap(graph, within);
    case "betweenness":
      return betweennessMap(graph, within);
    case "pagerank":
      return pagerankMap(graph, within);
  }
}

export interface Communities {
  /** Node key -> community number: 0 is the biggest community, then by size, then smallest key. */
  communities: MetricMap;
  count: number;
  modularity: number;
}

/**
 * Louvain communities of the undirected view (parallel edges as weight), deterministic for a
 * given graph and seed. An isolated node is its own community.
 */
export function louvainCommunities(
  graph: OrgraphGraph,
  options: { seed?: number; within?: VisibleSubgraph; resolution?: number } = {},
): Communities {
  const copy = undirectedSimpleCopy(graph, options.within);
  if (copy.order === 0) return { communities: new Map(), count: 0, modularity: 0 };
  let raw: Record<string, number>;
  let modularity = 0;
  if (copy.size === 0) {
    raw = Object.fromEntries(copy.nodes().map((n, i) => [n, i]));
  } else {
    const detailed = louvain.detailed(copy, {
      getEdgeWeight: "weight",
      rng: seededRandom(options.seed ?? 1),
      resolution: options.resolution ?? 1,
    });
    raw = detailed.communities;
    modularity = detailed.modularity;
  }
  // Renumber: biggest first, ties by the smallest member key, so colours stay put.
  const members = new Map<number, string[]>();
  for (const node of copy.nodes()) {
    const c = raw[node] ?? -1;
    const list = members.get(c) ?? [];
    list.push(node);
    members.set(c, list);
  }
  const ordered = [...members.values()]
    .map((list) => list.sort(compareStrings))
    .sort((a, b) => b.length - a.length || compareStrings(a[0] ?? "", b[0] ?? ""));
  const communities: MetricMap = new Map();
  ordered.forEach((list, i) => {
    for (const node of list) communities.set(node, i);
  });
  const sorted: MetricMap = new Map();
  for (const node of copy.nodes()) sorted.set(node, communities.get(node) ?? 0);
  return { communities: sorted, count: ordered.length, modularity };
}
