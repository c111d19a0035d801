// Degree, betweenness, PageRank and seeded Louvain communities: maps, deterministic, and the
// data graph left unchanged.
import { describe, expect, it } from "vitest";
import {
  betweennessMap,
  degreeMap,
  louvainCommunities,
  metricMap,
  pagerankMap,
  seededRandom,
} from "../../../../src/core/graph/metrics";
import { NO_FILTERS, visibleSubgraph } from "../../../../src/core/graph/filters";
import { DATA, releaseGraph, SMALL, smallGraph, snapshot } from "./load";

describe("metrics on the small fixture", () => {
  const graph = smallGraph();

  it("degree counts every edge at a node, parallel ones included", () => {
    const degree = degreeMap(graph);
    expect(degree.get(`${SMALL}acme`)).toBe(4);
    expect(degree.get(`${SMALL}unit`)).toBe(2);
    expect(degree.get(`${SMALL}lonely`)).toBe(0);
    expect(degree.size).toBe(graph.order);
  });

  it("degree within the visible subgraph", () => {
    const v = visibleSubgraph(graph, { ...NO_FILTERS, hiddenCategories: ["person"] });
    const degree = degreeMap(graph, v);
    expect(degree.has(`${SMALL}alice`)).toBe(false);
    expect(degree.get(`${SMALL}acme`)).toBe(3);
  });

  it("betweenness: acme and min lie on paths, leaves do not", () => {
    const b = betweennessMap(graph);
    expect(b.get(`${SMALL}acme`)).toBeGreaterThan(0);
    expect(b.get(`${SMALL}min`)).toBeGreaterThan(0);
    expect(b.get(`${SMALL}unit`)).toBe(0);
    expect(b.get(`${SMALL}lonely`)).toBe(0);
  });

  it("PageRank sums to 1", () => {
    const pr = pagerankMap(graph);
    const sum = [...pr.values()].reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 6);
    expect(metricMap(graph, "pagerank")).toEqual(pr);
  });

  it("seededRandom is a deterministic generator in [0, 1)", () => {
    const a = seededRandom(42);
    const b = seededRandom(42);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});

describe("metrics on the release graph", () => {
  const graph = releaseGraph();

  it("are deterministic and leave the graph unchanged", () => {
    const before = snapshot(graph);
    for (const metric of ["degree", "betweenness", "pagerank"] as const) {
      const a = metricMap(graph, metric);
      expect(a.size).toBe(graph.order);
      expect(metricMap(graph, metric)).toEqual(a);
    }
    expect(snapshot(graph)).toBe(before);
  });

  it("Louvain with a seed gives the same communities every time", () => {
    const before = snapshot(graph);
    const a = louvainCommunities(graph, { seed: 7 });
    const b = louvainCommunities(graph, { seed: 7 });
    expect(b).toEqual(a);
    expect(a.communities.size).toBe(graph.order);
    expect(a.count).toBeGreaterThan(1);
    expect(a.modularity).toBeGreaterThan(0.2);
    // Community 0 is the biggest.
    const sizes = new Map<number, number>();
    for (const c of a.communities.values()) sizes.set(c, (sizes.get(c) ?? 0) + 1);
    expect(Math.max(...sizes.values())).toBe(sizes.get(0));
    expect(snapshot(graph)).toBe(before);
    console.info(
      `release: ${a.count} Louvain communities (seed 7), modularity ${a.modularity.toFixed(3)}; ` +
        `top betweenness: ${[...metricMap(graph, "betweenness")].sort((x, y) => y[1] - x[1])[0]?.[0]}`,
    );
  });

  it("Mark Lagon has a positive betweenness and PageRank", () => {
    expect(betweennessMap(graph).get(`${DATA}lagon`)).toBeGreaterThan(0);
    expect(pagerankMap(graph).get(`${DATA}lagon`)).toBeGreaterThan(0);
  });
});
