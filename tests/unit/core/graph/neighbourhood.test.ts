// Ego networks and hidden neighbours grouped by relation type, with counts.
import { describe, expect, it } from "vitest";
import {
  egoNetwork,
  hiddenNeighbours,
  revealNeighbours,
} from "../../../../src/core/graph/neighbourhood";
import { OrgraphError } from "../../../../src/core/index";
import { DATA, releaseGraph, SMALL, smallGraph } from "./load";

const ORG = "http://www.w3.org/ns/org#";

describe("egoNetwork", () => {
  const graph = smallGraph();

  it("depth 0 is the node alone; depth 1 its neighbours and the edges among them", () => {
    expect(egoNetwork(graph, `${SMALL}lonely`, 0)).toEqual({
      nodes: new Set([`${SMALL}lonely`]),
      edges: new Set(),
    });
    const one = egoNetwork(graph, `${SMALL}unit`, 1);
    expect([...one.nodes].sort()).toEqual([`${SMALL}acme`, `${SMALL}unit`]);
    expect(one.edges.size).toBe(2); // hasUnit and unitOf, both ways
  });

  it("walks only what `within` allows", () => {
    const within = { nodes: new Set(graph.nodes()), edges: new Set<string>() };
    expect(egoNetwork(graph, `${SMALL}acme`, 3, within).nodes.size).toBe(1);
  });

  it("rejects an unknown node and a bad depth with OrgraphError", () => {
    expect(() => egoNetwork(graph, "nope", 1)).toThrow(OrgraphError);
    expect(() => egoNetwork(graph, `${SMALL}acme`, -1)).toThrow(/integer ≥ 0/);
    expect(() => egoNetwork(graph, `${SMALL}acme`, 1.5)).toThrow(OrgraphError);
  });

  it("on the release graph grows with depth", () => {
    const release = releaseGraph();
    const sizes = [1, 2, 3].map((d) => egoNetwork(release, `${DATA}lagon`, d).nodes.size);
    expect(sizes[0]).toBeGreaterThan(1);
    expect(sizes[1]).toBeGreaterThan(sizes[0] ?? 0);
    expect(sizes[2]).toBeGreaterThanOrEqual(sizes[1] ?? 0);
  });
});

describe("hiddenNeighbours", () => {
  const graph = smallGraph();

  it("groups hidden neighbours by predicate, label and direction, with counts (ties by label)", () => {
    const visible = egoNetwork(graph, `${SMALL}acme`, 0);
    const groups = hiddenNeighbours(graph, `${SMALL}acme`, visible);
    expect(groups.map((g) => [g.predicate.replace(ORG, "org:"), g.direction, g.count])).toEqual([
      ["org:hasUnit", "out", 1],
      ["org:memberOf", "in", 1],
      ["org:subOrganizationOf", "in", 1],
      ["org:unitOf", "in", 1],
    ]);
    expect(groups[1]).toMatchObject({ label: "membre de", keys: [`${SMALL}alice`] });
  });

  it("a visible neighbour is not hidden; revealing a group shows it", () => {
    const visible = egoNetwork(graph, `${SMALL}acme`, 1);
    expect(hiddenNeighbours(graph, `${SMALL}acme`, visible)).toEqual([]);
    const bob = hiddenNeighbours(graph, `${SMALL}min`, visible);
    expect(bob).toHaveLength(1);
    const group = bob[0];
    if (!group) throw new Error("no group");
    const more = revealNeighbours(visible, `${SMALL}min`, group);
    expect(more.nodes.has(`${SMALL}bob`)).toBe(true);
    expect(visible.nodes.has(`${SMALL}bob`)).toBe(false);
  });

  it("on the release graph: Mark Lagon's relations, by type", () => {
    const release = releaseGraph();
    const lagon = `${DATA}lagon`;
    const groups = hiddenNeighbours(release, lagon, egoNetwork(release, lagon, 0));
    const total = groups.reduce((a, g) => a + g.edges.length, 0);
    expect(total).toBe(release.degree(lagon));
    expect(groups.some((g) => g.predicate === "https://orgraph.dev/ns#speaker")).toBe(true);
  });
});
