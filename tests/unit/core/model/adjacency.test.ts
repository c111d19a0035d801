/** Unit tests: dictionary-mode adjacency leaves graphology's neighbour queries as they were. */
import { MultiDirectedGraph } from "graphology";
import { describe, expect, it } from "vitest";
import { useDictionaryAdjacency } from "../../../../src/core/model/adjacency";

/** A small multigraph (parallel edges, a loop), with or without dictionary-mode adjacency. */
function sample(dictionary: boolean): MultiDirectedGraph {
  const graph = new MultiDirectedGraph();
  for (const key of ["c", "a", "b", "d"]) {
    graph.addNode(key);
    if (dictionary) useDictionaryAdjacency(graph, key);
  }
  graph.addEdgeWithKey("a>b 1", "a", "b");
  graph.addEdgeWithKey("a>c", "a", "c");
  graph.addEdgeWithKey("a>b 2", "a", "b");
  graph.addEdgeWithKey("d>a", "d", "a");
  graph.addEdgeWithKey("b>b", "b", "b");
  return graph;
}

/** What a view reads of the graph's neighbourhoods. */
function queries(graph: MultiDirectedGraph): unknown {
  return graph.mapNodes((key) => ({
    key,
    out: graph.outNeighbors(key),
    in: graph.inNeighbors(key),
    edges: graph.edges(key),
    toB: graph.hasDirectedEdge(key, "b"),
    edgesToB: graph.directedEdges(key, "b"),
  }));
}

describe("useDictionaryAdjacency", () => {
  it("gives the same neighbours, in the same order, as graphology's own objects", () => {
    const plain = sample(false);
    const dictionary = sample(true);
    expect(queries(dictionary)).toEqual(queries(plain));
    expect(dictionary.export()).toEqual(plain.export());
  });

  it("keeps dropping and re-adding edges and nodes working", () => {
    const graphs = [sample(false), sample(true)];
    for (const graph of graphs) {
      graph.dropEdge("a>b 1");
      graph.dropNode("c");
      graph.addEdgeWithKey("b>a", "b", "a");
    }
    expect(queries(graphs[1]!)).toEqual(queries(graphs[0]!));
    expect(graphs[1]!.outNeighbors("a")).toEqual(["b"]);
    expect(graphs[1]!.outEdges("a", "b")).toEqual(["a>b 2"]);
  });

  it("leaves a node that already has edges, or an unknown key, as it is", () => {
    const graph = sample(false);
    useDictionaryAdjacency(graph, "a");
    useDictionaryAdjacency(graph, "nowhere");
    expect(graph.outNeighbors("a")).toEqual(["b", "c"]);
  });
});
