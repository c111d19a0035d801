// The endpoint source's pure parts (src/embed/endpoint-source.ts): telling a start query from
// an IRI, and placing the nodes a merge brings next to those already shown.
import { describe, expect, it } from "vitest";
import { MultiDirectedGraph } from "graphology";
import { isQueryText, placeNewNodes } from "../../../src/embed/endpoint-source";
import type { OrgraphGraph } from "../../../src/core/model/types";

function graph(nodes: Record<string, [number, number]>, edges: [string, string][]): OrgraphGraph {
  const g = new MultiDirectedGraph() as unknown as OrgraphGraph;
  for (const [key, [x, y]] of Object.entries(nodes)) {
    (g as unknown as MultiDirectedGraph).addNode(key, { x, y });
  }
  for (const [s, t] of edges) (g as unknown as MultiDirectedGraph).addEdge(s, t);
  return g;
}

describe("isQueryText", () => {
  it("tells CONSTRUCT and DESCRIBE queries (with prefixes) from IRIs", () => {
    expect(isQueryText("CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o } LIMIT 10")).toBe(true);
    expect(isQueryText("PREFIX ex: <http://ex/>\n describe ex:a")).toBe(true);
    expect(isQueryText("https://orgraph.dev/data/iom-pk-2008/lagon")).toBe(false);
    expect(isQueryText("SELECT * WHERE { ?s ?p ?o }")).toBe(false);
  });
});

describe("placeNewNodes", () => {
  it("keeps the shown positions and rings the new neighbours around the anchor", () => {
    const prev = graph({ a: [0, 0], b: [10, 0] }, [["a", "b"]]);
    const next = graph({ a: [99, 99], b: [99, 99], c: [0, 0], d: [0, 0], e: [0, 0] }, [
      ["a", "b"],
      ["a", "c"],
      ["d", "a"],
      ["c", "e"],
    ]);
    placeNewNodes(prev, next, "a");
    expect(next.getNodeAttributes("a")).toMatchObject({ x: 0, y: 0 });
    expect(next.getNodeAttributes("b")).toMatchObject({ x: 10, y: 0 });
    for (const key of ["c", "d"]) {
      const { x, y } = next.getNodeAttributes(key);
      expect(Math.hypot(x, y)).toBeCloseTo(10);
    }
    const c = next.getNodeAttributes("c");
    const e = next.getNodeAttributes("e");
    expect(Math.hypot(e.x - c.x, e.y - c.y)).toBeCloseTo(5);
    // Deterministic.
    const again = graph({ a: [0, 0], b: [0, 0], c: [0, 0], d: [0, 0], e: [0, 0] }, [
      ["a", "b"],
      ["a", "c"],
      ["d", "a"],
      ["c", "e"],
    ]);
    placeNewNodes(prev, again, "a");
    expect(again.getNodeAttributes("e")).toEqual(next.getNodeAttributes("e"));
  });
});
