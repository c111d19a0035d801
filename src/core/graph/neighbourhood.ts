/**
 * Orgraph core: neighbourhoods of a node.
 *
 * `egoNetwork` is the set of nodes within `depth` hops of a node, direction ignored (a
 * breadth-first search), with every edge among them (the induced subgraph, as Gephi's ego
 * filter). `hiddenNeighbours` groups a node's neighbours that the view does not show by relation
 * type and direction, with counts, so the UI can offer "expand: 3 × attendee" as Reactodia does;
 * `revealNeighbours` adds one such group to a visible set. All pure: the graph is not changed.
 */
import { OrgraphError } from "../errors";
import type { OrgraphGraph } from "../model/types";
import { compareStrings } from "../rdf/terms";
import type { VisibleSubgraph } from "./filters";

function requireNode(graph: OrgraphGraph, key: string): void {
  if (!graph.hasNode(key)) {
    throw new OrgraphError("invalid", `No node "${key}" in the graph; pick an existing node.`);
  }
}

/**
 * Nodes within `depth` hops of `key` (direction ignored) and the edges among them. With
 * `within`, only its nodes and edges are walked (the centre is always included).
 * Throws OrgraphError("invalid") when `key` is not a node or `depth` is not an integer ≥ 0.
 */
export function egoNetwork(
  graph: OrgraphGraph,
  key: string,
  depth: number,
  within?: VisibleSubgraph,
): VisibleSubgraph {
  requireNode(graph, key);
  if (!Number.isInteger(depth) || depth < 0) {
    throw new OrgraphError("invalid", `Ego depth must be an integer ≥ 0, not ${depth}.`);
  }
  const nodeAllowed = (n: string): boolean => !within || within.nodes.has(n);
  const edgeAllowed = (e: string): boolean => !within || within.edges.has(e);

  const nodes = new Set<string>([key]);
  let frontier = [key];
  for (let level = 0; level < depth && frontier.length > 0; level++) {
    const next: string[] = [];
    for (const node of frontier) {
      graph.forEachEdge(node, (edge, _attributes, source, target) => {
        if (!edgeAllowed(edge)) return;
        const other = source === node ? target : source;
        if (nodes.has(other) || !nodeAllowed(other)) return;
        nodes.add(other);
        next.push(other);
      });
    }
    frontier = next;
  }
  const edges = new Set<string>();
  for (const node of nodes) {
    graph.forEachOutEdge(node, (edge, _attributes, _source, target) => {
      if (nodes.has(target) && edgeAllowed(edge)) edges.add(edge);
    });
  }
  return { nodes, edges };
}

export const DIRECTIONS = ["out", "in"] as const;
/** "out": the node is the edge's subject; "in": its object. */
export type Direction = (typeof DIRECTIONS)[number];

/** Neighbours the view hides, reached by one relation type in one direction. */
export interface NeighbourGroup {
  predicate: string;
  /** The edges' label (for a collapsed membership, its roles). */
  label: string;
  direction: Direction;
  /** Number of hidden neighbours. */
  count: number;
  /** Their keys, sorted. */
  keys: string[];
  /** The edges that lead to them, sorted. */
  edges: string[];
}

/**
 * `key`'s neighbours outside `visible.nodes`, grouped by predicate, label and direction; the
 * biggest group first. Self-loops are left out. Throws when `key` is not a node.
 */
export function hiddenNeighbours(
  graph: OrgraphGraph,
  key: string,
  visible: VisibleSubgraph,
): NeighbourGroup[] {
  requireNode(graph, key);
  const groups = new Map<string, { group: NeighbourGroup; keys: Set<string> }>();
  graph.forEachEdge(key, (edge, attributes, source, target) => {
    if (source === target) return;
    const direction: Direction = source === key ? "out" : "in";
    const other = direction === "out" ? target : source;
    if (visible.nodes.has(other)) return;
    const id = JSON.stringify([attributes.predicate, attributes.label, direction]);
    let entry = groups.get(id);
    if (!entry) {
      entry = {
        group: {
          predicate: attributes.predicate,
          label: attributes.label,
          direction,
          count: 0,
          keys: [],
          edges: [],
        },
        keys: new Set(),
      };
      groups.set(id, entry);
    }
    entry.keys.add(other);
    entry.group.edges.push(edge);
  });
  const out = [...groups.values()].map(({ group, keys }) => ({
    ...group,
    count: keys.size,
    keys: [...keys].sort(compareStrings),
    edges: [...group.edges].sort(compareStrings),
  }));
  return out.sort(
    (a, b) =>
      b.count - a.count ||
      compareStrings(a.label, b.label) ||
      compareStrings(a.direction, b.direction) ||
      compareStrings(a.predicate, b.predicate),
  );
}

/** `visible` plus `key`, a group's neighbours and the edges to them (a new object). */
export function revealNeighbours(
  visible: VisibleSubgraph,
  key: string,
  group: Pick<NeighbourGroup, "keys" | "edges">,
): VisibleSubgraph {
  const nodes = new Set(visible.nodes).add(key);
  for (const k of group.keys) nodes.add(k);
  const edges = new Set(visible.edges);
  for (const e of group.edges) edges.add(e);
  return { nodes, edges };
}
