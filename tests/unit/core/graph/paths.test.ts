// Shortest paths over the undirected view, with the evidence of every hop.
import { describe, expect, it } from "vitest";
import { shortestPaths } from "../../../../src/core/graph/paths";
import { visibleSubgraph, NO_FILTERS } from "../../../../src/core/graph/filters";
import { OrgraphError, type OrgraphGraph } from "../../../../src/core/index";
import { MultiDirectedGraph } from "graphology";
import { DATA, releaseGraph, SMALL, smallGraph } from "./load";

const ORG = "http://www.w3.org/ns/org#";

describe("shortestPaths on the small fixture", () => {
  const graph = smallGraph();

  it("finds alice – acme – min – bob, with directions and spans", () => {
    const result = shortestPaths(graph, `${SMALL}alice`, `${SMALL}bob`);
    expect(result.distance).toBe(3);
    expect(result.truncated).toBe(false);
    expect(result.paths).toHaveLength(1);
    const path = result.paths[0];
    expect(path?.nodes.map((n) => n.replace(SMALL, ""))).toEqual(["alice", "acme", "min", "bob"]);
    expect(path?.hops.map((h) => [h.predicate.replace(ORG, "org:"), h.direction])).toEqual([
      ["org:memberOf", "forward"],
      ["org:subOrganizationOf", "backward"],
      ["org:memberOf", "backward"],
    ]);
    expect(path?.hops[0]?.spans[0]?.exact).toBe("Alice est membre d'Acme.");
  });

  it("parallel edges: the forward one first, the other as an alternative", () => {
    const hop = shortestPaths(graph, `${SMALL}acme`, `${SMALL}unit`).paths[0]?.hops[0];
    expect(hop?.predicate).toBe(`${ORG}hasUnit`);
    expect(hop?.alternatives.map((a) => [a.predicate, a.direction])).toEqual([
      [`${ORG}unitOf`, "backward"],
    ]);
  });

  it("not connected: distance -1; same node: one empty path", () => {
    expect(shortestPaths(graph, `${SMALL}alice`, `${SMALL}lonely`)).toEqual({
      distance: -1,
      paths: [],
      truncated: false,
    });
    const self = shortestPaths(graph, `${SMALL}alice`, `${SMALL}alice`);
    expect(self.distance).toBe(0);
    expect(self.paths).toEqual([{ nodes: [`${SMALL}alice`], hops: [] }]);
  });

  it("walks only the visible subgraph when asked", () => {
    const within = visibleSubgraph(graph, { ...NO_FILTERS, hiddenPredicates: [`${ORG}memberOf`] });
    expect(shortestPaths(graph, `${SMALL}alice`, `${SMALL}bob`, { within }).distance).toBe(-1);
  });

  it("rejects unknown nodes", () => {
    expect(() => shortestPaths(graph, "nope", `${SMALL}bob`)).toThrow(OrgraphError);
  });
});

describe("shortestPaths on the release graph", () => {
  const graph = releaseGraph();
  const lagon = `${DATA}lagon`;
  const malik = `${DATA}malik`;

  it("links Mark Lagon and Rehman Malik, every hop supported by a span or a source", () => {
    const result = shortestPaths(graph, lagon, malik, { maxPaths: 50 });
    expect(result.distance).toBeGreaterThan(0);
    expect(result.paths.length).toBeGreaterThan(0);
    for (const path of result.paths) {
      expect(path.nodes[0]).toBe(lagon);
      expect(path.nodes[path.nodes.length - 1]).toBe(malik);
      expect(path.hops).toHaveLength(result.distance);
      for (const hop of path.hops) {
        expect(hop.spans.length + hop.sources.length).toBeGreaterThan(0);
        expect(graph.hasEdge(hop.edge)).toBe(true);
      }
    }
    const first = result.paths[0];
    console.info(
      `Lagon–Malik: ${result.paths.length} shortest path(s) of ${result.distance} hops; first: ` +
        (first?.nodes.map((n) => graph.getNodeAttribute(n, "label")).join(" — ") ?? ""),
    );
    expect(first?.hops.every((h) => (h.spans[0]?.exact ?? "").length > 0)).toBe(true);
  });

  it("is stable and honours maxPaths", () => {
    const a = shortestPaths(graph, lagon, malik);
    const b = shortestPaths(graph, lagon, malik);
    expect(a).toEqual(b);
    const one = shortestPaths(graph, lagon, malik, { maxPaths: 1 });
    expect(one.paths).toHaveLength(1);
    expect(one.paths[0]).toEqual(a.paths[0]);
    expect(one.truncated).toBe(a.paths.length > 1 || a.truncated);
  });
});

describe("shortestPaths on long and branching graphs", () => {
  const node = (key: string) => ({
    iri: key,
    label: key,
    labels: {},
    types: [],
    category: "other" as const,
    properties: {},
    spans: [],
    sources: [],
    x: 0,
    y: 0,
  });
  const edge = (predicate: string) => ({
    predicate,
    label: predicate,
    labels: {},
    graphs: [""],
    spans: [],
    sources: [],
  });

  it("walks a chain of 100,000 nodes without overflowing the stack", { timeout: 60_000 }, () => {
    const graph: OrgraphGraph = new MultiDirectedGraph();
    const n = 100_000;
    for (let i = 0; i < n; i++) graph.addNode(`n${i}`, node(`n${i}`));
    for (let i = 0; i + 1 < n; i++) graph.addEdge(`n${i}`, `n${i + 1}`, edge("p"));
    const result = shortestPaths(graph, "n0", `n${n - 1}`);
    expect(result.distance).toBe(n - 1);
    expect(result.paths).toHaveLength(1);
    expect(result.paths[0]?.nodes).toHaveLength(n);
    expect(result.paths[0]?.hops).toHaveLength(n - 1);
  });

  it("enumerates every shortest path of a lattice in key order, and truncates at maxPaths", () => {
    // s -> {a, b} -> {c, d} -> t: four shortest paths of three hops.
    const graph: OrgraphGraph = new MultiDirectedGraph();
    for (const k of ["s", "a", "b", "c", "d", "t", "x"]) graph.addNode(k, node(k));
    for (const [u, v] of [
      ["s", "a"],
      ["s", "b"],
      ["a", "c"],
      ["a", "d"],
      ["b", "c"],
      ["b", "d"],
      ["c", "t"],
      ["d", "t"],
      ["s", "x"],
    ] as const)
      graph.addEdge(u, v, edge("p"));
    const all = shortestPaths(graph, "s", "t");
    expect(all.distance).toBe(3);
    expect(all.truncated).toBe(false);
    expect(all.paths.map((p) => p.nodes.join(""))).toEqual(["sact", "sadt", "sbct", "sbdt"]);
    const two = shortestPaths(graph, "s", "t", { maxPaths: 2 });
    expect(two.paths.map((p) => p.nodes.join(""))).toEqual(["sact", "sadt"]);
    expect(two.truncated).toBe(true);
  });
});
