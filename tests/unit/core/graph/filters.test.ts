// Filters: categories, predicates, sources, ego network and hide-isolated, on the small fixture
// and on the release graph; counts stay right and the data graph is never changed.
import { describe, expect, it } from "vitest";
import {
  categoryCounts,
  NO_FILTERS,
  predicateCounts,
  sourceCounts,
  visibleSubgraph,
  wholeGraph,
  type FilterState,
} from "../../../../src/core/graph/filters";
import { sourceKindOfPart, sourceKindsOf } from "../../../../src/core/graph/sources";
import { CATEGORIES, type Category } from "../../../../src/core/index";
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
