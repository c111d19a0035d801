/**
 * Orgraph core: shortest paths between two nodes, with the evidence for every hop.
 *
 * Paths run over the undirected view of the graph (a relation links two entities whichever way
 * it was stated). Distances come from graphology-shortest-path's breadth-first search from both
 * ends; every shortest path is then enumerated (node sequences, in key order, up to `maxPaths`).
 * Each hop names the edge that supports it (one with a text span first, then one stated in the
 * walking direction, then by key), its predicate, label, direction and the spans whose `exact`
 * is the sentence to show; parallel edges between the same two nodes are the hop's alternatives.
 */
import { UndirectedGraph } from "graphology";
import { undirectedSingleSourceLength } from "graphology-shortest-path/unweighted";
import { OrgraphError } from "../errors";
import type { OrgraphGraph, SourceRef, Span } from "../model/types";
import { compareStrings } from "../rdf/terms";
import type { VisibleSubgraph } from "./filters";

/** "forward": the edge goes from the hop's `from` to its `to`; "backward": the other way. */
export const HOP_DIRECTIONS = ["forward", "backward"] as const;
export type HopDirection = (typeof HOP_DIRECTIONS)[number];

export interface HopEdge {
  edge: string;
  predicate: string;
  label: string;
  direction: HopDirection;
  spans: Span[];
  sources: SourceRef[];
}

export interface Hop extends HopEdge {
  from: string;
  to: string;
  /** Other edges between the same two nodes. */
  alternatives: HopEdge[];
}

export interface GraphPath {
  /** Node keys from start to end. */
  nodes: string[];
  hops: Hop[];
}

export interface ShortestPaths {
  /** Number of hops; -1 when the two nodes are not connected. */
  distance: number;
  /** Every shortest path (at most maxPaths), in a stable order; [] when not connected. */
  paths: GraphPath[];
  /** True when there were more shortest paths than maxPaths. */
  truncated: boolean;
}

export interface ShortestPathOptions {
  /** Most paths to return (default 10, at least 1). */
  maxPaths?: number;
  /** Walk only these nodes and edges (e.g. the visible subgraph). */
  within?: VisibleSubgraph;
}

export const DEFAULT_MAX_PATHS = 10;

/** The undirected simple graph of the allowed nodes and edges. */
function undirectedView(graph: OrgraphGraph, within?: VisibleSubgraph): UndirectedGraph {
  const view = new UndirectedGraph();
  graph.forEachNode((key) => {
    if (!within || within.nodes.has(key)) view.addNode(key);
  });
  graph.forEachEdge((key, _attributes, source, target) => {
    if (within && !within.edges.has(key)) return;
    if (source === target || !view.hasNode(source) || !view.hasNode(target)) return;
    view.mergeEdge(source, target);
  });
  return view;
}

function hopEdges(
  graph: OrgraphGraph,
  from: string,
  to: string,
  within?: VisibleSubgraph,
): HopEdge[] {
  const out: HopEdge[] = [];
  const add = (edge: string, direction: HopDirection): void => {
    if (within && !within.edges.has(edge)) return;
    const a = graph.getEdgeAttributes(edge);
    out.push({
      edge,
      predicate: a.predicate,
      label: a.label,
      direction,
      spans: a.spans,
      sources: a.sources,
    });
  };
  for (const e of graph.outEdges(from, to)) add(e, "forward");
  for (const e of graph.outEdges(to, from)) add(e, "backward");
  const evidence = (h: HopEdge): number => (h.spans.length > 0 ? 0 : h.sources.length > 0 ? 1 : 2);
  return out.sort(
    (a, b) =>
      evidence(a) - evidence(b) ||
      HOP_DIRECTIONS.indexOf(a.direction) - HOP_DIRECTIONS.indexOf(b.direction) ||
      compareStrings(a.edge, b.edge),
  );
}

/**
 * Shortest paths between `from` and `to`, direction ignored. Throws OrgraphError("invalid") when
 * either is not a node. `from === to` gives one path without hops.
 */
export function shortestPaths(
  graph: OrgraphGraph,
  from: string,
  to: string,
  options: ShortestPathOptions = {},
): ShortestPaths {
  for (const key of [from, to]) {
    if (!graph.hasNode(key)) {
      throw new OrgraphError("invalid", `No node "${key}" in the graph; pick an existing node.`);
    }
  }
  const maxPaths = Math.max(1, Math.floor(options.maxPaths ?? DEFAULT_MAX_PATHS));
  const { within } = options;
  const view = undirectedView(graph, within);
  if (!view.hasNode(from) || !view.hasNode(to))
    return { distance: -1, paths: [], truncated: false };

  const fromStart = undirectedSingleSourceLength(view, from);
  const distance = fromStart[to];
  if (distance === undefined) return { distance: -1, paths: [], truncated: false };
  const toEnd = undirectedSingleSourceLength(view, to);

  // Depth-first over the nodes that lie on a shortest path, in key order. Iterative (an explicit
  // stack of candidate lists), so that a path of any length cannot overflow the call stack.
  const sequences: string[][] = [];
  let truncated = false;
  const onPath = (n: string, step: number): boolean =>
    fromStart[n] === step && toEnd[n] === distance - step;
  const trail: string[] = [from];
  /** For each node of the trail, its next candidates (last first, so pop() gives key order). */
  const pending: string[][] = [];
  const candidates = (last: string, step: number): string[] =>
    view
      .neighbors(last)
      .filter((n) => onPath(n, step))
      .sort(compareStrings)
      .reverse();
  if (from === to) sequences.push([from]);
  else pending.push(candidates(from, 1));
  while (pending.length > 0) {
    const next = (pending[pending.length - 1] as string[]).pop();
    if (next === undefined) {
      pending.pop();
      trail.pop();
      continue;
    }
    trail.push(next);
    if (next === to) {
      if (sequences.length >= maxPaths) {
        truncated = true;
        break;
      }
      sequences.push([...trail]);
      trail.pop();
      continue;
    }
    pending.push(candidates(next, trail.length));
  }

  const paths = sequences.map((nodes) => {
    const hops: Hop[] = [];
    for (let i = 0; i + 1 < nodes.length; i++) {
      const a = nodes[i] as string;
      const b = nodes[i + 1] as string;
      const [primary, ...alternatives] = hopEdges(graph, a, b, within);
      if (primary) hops.push({ from: a, to: b, ...primary, alternatives });
    }
    return { nodes, hops };
  });
  return { distance, paths, truncated };
}
