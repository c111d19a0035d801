// Filters: categories, predicates, sources, ego network and hide-isolated, on the small fixture
// and on the release graph; counts stay right and the data graph is never changed.
import { describe, expect, it } from "vitest";
import {
  categoryCounts,
  graphCounts,
  NO_FILTERS,
  predicateCounts,
  sourceCounts,
  visibleSubgraph,
  visibleSubgraphInSlices,
  wholeGraph,
  type FilterState,
} from "../../../../src/core/graph/filters";
import {
  graphSourceKey,
  sourceKindOfPart,
  sourceKindsOf,
} from "../../../../src/core/graph/sources";
import { CATEGORIES, loadRdf, type Category } from "../../../../src/core/index";
import { DATA, releaseGraph, SMALL, smallGraph, snapshot } from "./load";

const ORG = "http://www.w3.org/ns/org#";
const filters = (over: Partial<FilterState>): FilterState => ({ ...NO_FILTERS, ...over });
const keys = (set: Set<string>): string[] => [...set].map((k) => k.replace(SMALL, "")).sort();

describe("source kinds", () => {
  it("reads the kind from the part IRI", () => {
    expect(sourceKindOfPart(`${DATA}release-body`)).toBe("release-body");
    expect(sourceKindOfPart(`${DATA}page-template`)).toBe("page-template");
    expect(sourceKindOfPart("https://example.org/news#article")).toBe("other");
    expect(sourceKindOfPart(undefined)).toBe("other");
  });

  it("an item without provenance is 'other'", () => {
    expect(sourceKindsOf({ spans: [], sources: [] })).toEqual(["other"]);
  });
});

describe("visibleSubgraph on the small fixture", () => {
  const graph = smallGraph();

  it("without filters shows everything", () => {
    const v = visibleSubgraph(graph, NO_FILTERS);
    expect(v.nodes.size).toBe(graph.order);
    expect(v.edges.size).toBe(graph.size);
    expect(v).toEqual(wholeGraph(graph));
  });

  it("a hidden category takes its nodes and their edges, and the graph is unchanged", () => {
    const before = snapshot(graph);
    const v = visibleSubgraph(graph, filters({ hiddenCategories: ["person"] }));
    expect(keys(v.nodes)).not.toContain("alice");
    expect(v.nodes.size).toBe(graph.order - 3);
    for (const e of v.edges) {
      expect(v.nodes.has(graph.source(e)) && v.nodes.has(graph.target(e))).toBe(true);
    }
    expect(v.edges.size).toBe(graph.size - 5);
    expect(categoryCounts(graph).person).toBe(3);
    expect(categoryCounts(graph, v).person).toBe(0);
    expect(categoryCounts(graph, v).organisation).toBe(categoryCounts(graph).organisation);
    expect(snapshot(graph)).toBe(before);
  });

  it("a hidden predicate takes only its edges", () => {
    const v = visibleSubgraph(graph, filters({ hiddenPredicates: [`${ORG}memberOf`] }));
    expect(v.nodes.size).toBe(graph.order);
    expect(v.edges.size).toBe(graph.size - 2);
    const counts = predicateCounts(graph, v);
    const memberOf = counts.find((c) => c.predicate === `${ORG}memberOf`);
    expect(memberOf).toMatchObject({ label: "membre de", count: 2, visible: 0 });
    expect(counts[0]?.count).toBeGreaterThanOrEqual(counts[counts.length - 1]?.count ?? 0);
  });

  it("hiding the release body hides what only it supports", () => {
    const v = visibleSubgraph(graph, filters({ hiddenSources: ["release-body"] }));
    expect(keys(v.nodes)).not.toContain("acme");
    expect(keys(v.nodes)).not.toContain("s1");
    expect(keys(v.nodes)).toContain("min");
    expect(keys(v.nodes)).toContain("lonely");
    const only = visibleSubgraph(graph, filters({ hiddenSources: ["page-template", "other"] }));
    expect(keys(only.nodes)).toEqual(["acme", "alice", "s1", "unit"]);
    expect(only.edges.size).toBe(4);
    const counts = sourceCounts(graph);
    expect(counts["release-body"]).toEqual({ nodes: 4, edges: 4 });
    expect(counts["page-template"]).toEqual({ nodes: 2, edges: 2 });
    expect(sourceCounts(graph, only)["page-template"]).toEqual({ nodes: 0, edges: 0 });
  });

  it("hideIsolated removes nodes left without a visible edge", () => {
    const v = visibleSubgraph(graph, filters({ hideIsolated: true }));
    expect(keys(v.nodes)).not.toContain("lonely");
    expect(keys(v.nodes)).not.toContain("news");
    expect(v.nodes.size).toBe(graph.order - 2);
    const w = visibleSubgraph(graph, filters({ hideIsolated: true, hiddenCategories: ["person"] }));
    expect(keys(w.nodes)).not.toContain("s1");
    expect(keys(w.nodes)).not.toContain("_:addr");
  });

  it("ego network at depth 1 and 2, direction ignored", () => {
    const one = visibleSubgraph(graph, filters({ ego: { key: `${SMALL}acme`, depth: 1 } }));
    expect(keys(one.nodes)).toEqual(["acme", "alice", "min", "unit"]);
    expect(one.edges.size).toBe(4);
    const two = visibleSubgraph(graph, filters({ ego: { key: `${SMALL}acme`, depth: 2 } }));
    expect(keys(two.nodes)).toEqual(["acme", "alice", "bob", "min", "s1", "unit"]);
    expect(two.edges.size).toBe(6);
  });

  it("the ego centre stays when a filter hides it; other filters still apply", () => {
    const v = visibleSubgraph(
      graph,
      filters({ hiddenCategories: ["organisation"], ego: { key: `${SMALL}acme`, depth: 1 } }),
    );
    expect(keys(v.nodes)).toEqual(["acme", "alice", "min"]);
    expect(visibleSubgraph(graph, filters({ ego: { key: "nope", depth: 1 } })).nodes.size).toBe(0);
  });
});

describe("visibleSubgraph on the release graph", () => {
  const graph = releaseGraph();

  it("each category filter hides exactly that category's nodes; counts stay right", () => {
    const totals = categoryCounts(graph);
    expect(Object.values(totals).reduce((a, b) => a + b, 0)).toBe(graph.order);
    for (const category of CATEGORIES) {
      const v = visibleSubgraph(graph, filters({ hiddenCategories: [category] }));
      const expected = graph.filterNodes((_k, a) => a.category !== category);
      expect([...v.nodes].sort()).toEqual(expected.sort());
      const visibleCounts = categoryCounts(graph, v);
      for (const c of CATEGORIES) {
        expect(visibleCounts[c]).toBe(c === category ? 0 : totals[c]);
      }
      expect(categoryCounts(graph)).toEqual(totals);
    }
  });

  it("hiding ministries removes both ministries and nothing else", () => {
    const hidden: Category[] = ["ministry"];
    const v = visibleSubgraph(graph, filters({ hiddenCategories: hidden }));
    expect(v.nodes.has(`${DATA}ministry-interior`)).toBe(false);
    expect(v.nodes.has(`${DATA}ministry-women-development`)).toBe(false);
    expect(v.nodes.size).toBe(graph.order - 2);
  });

  it("source counts cover every item", () => {
    const counts = sourceCounts(graph);
    expect(counts["release-body"].edges).toBeGreaterThan(100);
    expect(counts["page-template"].edges).toBe(20);
    const v = visibleSubgraph(graph, filters({ hiddenSources: ["page-template", "other"] }));
    for (const e of v.edges) {
      expect(graph.getEdgeAttribute(e, "spans").some((s) => s.part === `${DATA}release-body`)).toBe(
        true,
      );
    }
  });

  it("predicate counts add up to the number of edges", () => {
    const counts = predicateCounts(graph);
    expect(counts.reduce((a, c) => a + c.count, 0)).toBe(graph.size);
    expect(counts[0]?.predicate).toBe("http://schema.org/about");
  });
});

describe("named graphs as a source dimension (release graph)", () => {
  const graph = releaseGraph();
  const title = `${DATA}g-title`;
  const onlyTitle = graph.filterEdges((_k, a) => a.graphs.length === 1 && a.graphs[0] === title);
  const corroborated = graph.filterEdges(
    (_k, a) => a.graphs.length > 1 && a.graphs.includes(title),
  );

  it("hiding a graph hides the relations only it asserts; one asserted elsewhere too stays", () => {
    expect(onlyTitle.length).toBe(1);
    expect(corroborated).toEqual([`${DATA}conference http://schema.org/about ${DATA}trafficking`]);
    const before = snapshot(graph);
    const v = visibleSubgraph(graph, filters({ hiddenSources: [graphSourceKey(title)] }));
    expect(v.edges.has(onlyTitle[0]!)).toBe(false);
    expect(v.edges.has(corroborated[0]!)).toBe(true);
    expect(v.edges.size).toBe(graph.size - 1);
    // Nodes stay unless hide-isolated asks otherwise.
    expect(v.nodes.size).toBe(graph.order);
    expect(snapshot(graph)).toBe(before);
    // Both graphs of the corroborated relation hidden: it goes too.
    const both = visibleSubgraph(
      graph,
      filters({ hiddenSources: [graphSourceKey(title), graphSourceKey(`${DATA}g-conference`)] }),
    );
    expect(both.edges.has(corroborated[0]!)).toBe(false);
  });

  it("nodes left without a visible relation follow hide-isolated", () => {
    const g = `${DATA}g-later-centres`;
    const hidden = filters({ hiddenSources: [graphSourceKey(g)], hideIsolated: true });
    const v = visibleSubgraph(graph, hidden);
    const gone = graph.filterNodes((n) => !v.nodes.has(n));
    expect(gone.length).toBeGreaterThan(0);
    for (const n of gone) {
      expect(graph.edges(n).every((e) => graph.getEdgeAttribute(e, "graphs").includes(g))).toBe(
        true,
      );
    }
  });

  it("the default graph is a graph like any other", () => {
    const inDefault = graph.filterEdges((_k, a) => a.graphs.includes(""));
    expect(inDefault.length).toBeGreaterThan(0);
    const v = visibleSubgraph(graph, filters({ hiddenSources: [graphSourceKey("")] }));
    for (const e of inDefault) {
      const others = graph.getEdgeAttribute(e, "graphs").some((x) => x !== "");
      expect(v.edges.has(e)).toBe(others);
    }
  });

  it("counts relations per graph, labelled by the source they were derived from", () => {
    const counts = graphCounts(graph);
    expect(counts[0]).toMatchObject({ graph: "", label: "", count: 5 });
    const t = counts.find((c) => c.graph === title);
    expect(t).toMatchObject({
      label: "Corps du communiqué",
      short: ":g-title",
      count: 2,
      visible: 2,
    });
    const dawn = counts.find((c) => c.graph === `${DATA}g-lagon-term-allgov`);
    expect(dawn?.label).toBe("AllGov : profil officiel de Mark Lagon");
    const total = counts.reduce((a, c) => a + c.count, 0);
    expect(total).toBe(graph.reduceEdges((a, _k, attr) => a + attr.graphs.length, 0));
    const v = visibleSubgraph(graph, filters({ hiddenSources: [graphSourceKey(title)] }));
    expect(graphCounts(graph, v).find((c) => c.graph === title)).toMatchObject({
      count: 2,
      visible: 1,
    });
  });
});

describe("visibleSubgraphInSlices (before a load's graph is shown)", () => {
  // 600 persons in a ring, each with a label and a membership: several steps of 512 items.
  const ex = "https://example.org/ring/";
  const lines: string[] = [];
  for (let i = 0; i < 600; i++) {
    lines.push(
      `<${ex}p${i}> a <http://xmlns.com/foaf/0.1/Person> ; <http://www.w3.org/2000/01/rdf-schema#label> "P ${i}" ;`,
      `  <http://xmlns.com/foaf/0.1/knows> <${ex}p${(i + 1) % 600}> ; <${ORG}memberOf> <${ex}o${i % 7}> .`,
    );
  }
  for (let i = 0; i < 7; i++) lines.push(`<${ex}o${i}> a <${ORG}Organization> .`);
  const graph = loadRdf(lines.join("\n"), { format: "turtle", sourceName: "ring.ttl" }).graph;
  const sorted = (v: { nodes: Set<string>; edges: Set<string> }) => ({
    nodes: [...v.nodes].sort(),
    edges: [...v.edges].sort(),
  });

  it("finds what visibleSubgraph finds, with pauses between slices, under every kind of filter", async () => {
    // Big enough for several steps of 512 items.
    expect(graph.order + graph.size).toBeGreaterThan(1024);
    const someNode = `${ex}p3`;
    const states = [
      NO_FILTERS,
      filters({ hiddenCategories: ["person"], hideIsolated: true }),
      filters({ hiddenPredicates: [`${ORG}memberOf`], revealed: [someNode] }),
      filters({ ego: { key: someNode, depth: 2 } }),
    ];
    for (const state of states) {
      let pauses = 0;
      // A 0 ms slice: a pause at every step (every 512 items).
      const sliced = await visibleSubgraphInSlices(graph, state, async () => void pauses++, 0);
      expect(sorted(sliced)).toEqual(sorted(visibleSubgraph(graph, state)));
      expect(pauses).toBeGreaterThan(0);
    }
  });

  it("stops when a pause rejects (a cancelled load)", async () => {
    const stop = visibleSubgraphInSlices(
      graph,
      NO_FILTERS,
      () => Promise.reject(new Error("cancelled")),
      0,
    );
    await expect(stop).rejects.toThrow("cancelled");
  });
});
