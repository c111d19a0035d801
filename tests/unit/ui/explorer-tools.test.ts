// The explorer's tools, their pure parts: the table view's rows, sorting and filter, the
// community palette, the filter badge count and the sentences of a path hop.
import { describe, expect, it } from "vitest";
import {
  matchesFilter,
  nodeRows,
  relationRows,
  sortNodeRows,
  sortRelationRows,
  type NodeRow,
} from "../../../src/ui/table-view";
import { activeFilterCount } from "../../../src/ui/filters";
import { hopSentences } from "../../../src/ui/paths";
import { COMMUNITY_COLORS, communityColor } from "../../../src/render/palette";
import {
  DEFAULT_VIEW_STATE,
  shortestPaths,
  visibleSubgraph,
  NO_FILTERS,
} from "../../../src/core/index";
import { DATA, releaseGraph } from "../core/graph/load";

const row = (key: string, label: string, degree: number, category = "person"): NodeRow =>
  ({ key, label, degree, category }) as NodeRow;

describe("table view rows", () => {
  const graph = releaseGraph();

  it("lists exactly the visible nodes and edges, degree within the view", () => {
    const visible = visibleSubgraph(graph, { ...NO_FILTERS, hiddenCategories: ["person"] });
    const nodes = nodeRows(graph, visible);
    expect(nodes).toHaveLength(visible.nodes.size);
    expect(nodes.some((r) => r.category === "person")).toBe(false);
    const edges = relationRows(graph, visible);
    expect(edges).toHaveLength(visible.edges.size);
    const degreeSum = nodes.reduce((a, r) => a + r.degree, 0);
    expect(degreeSum).toBe(2 * visible.edges.size);
  });

  it("sorts by a column, ties by label then key, both directions", () => {
    const rows = [row("c", "Écho", 2), row("a", "alpha", 2), row("b", "Bravo", 5)];
    expect(
      sortNodeRows(rows, { column: "label", direction: "ascending" }).map((r) => r.key),
    ).toEqual(["a", "b", "c"]);
    expect(
      sortNodeRows(rows, { column: "degree", direction: "descending" }).map((r) => r.key),
    ).toEqual(["b", "c", "a"]);
    expect(
      sortNodeRows(rows, { column: "degree", direction: "ascending" }).map((r) => r.key),
    ).toEqual(["a", "c", "b"]);
    const rels = relationRows(graph, visibleSubgraph(graph, NO_FILTERS));
    const sorted = sortRelationRows(rels, { column: "relation", direction: "ascending" });
    for (let i = 1; i < sorted.length; i++) {
      expect(
        sorted[i - 1]!.relation.localeCompare(sorted[i]!.relation, undefined, {
          sensitivity: "base",
          numeric: true,
        }),
      ).toBeLessThanOrEqual(0);
    }
  });

  it("filters accent- and case-insensitively, every word", () => {
    expect(matchesFilter("ministere interieur", "Ministère de l'Intérieur")).toBe(true);
    expect(matchesFilter("ministere femmes", "Ministère de l'Intérieur")).toBe(false);
    expect(matchesFilter("  ", "anything")).toBe(true);
  });
});

describe("community colours", () => {
  it("are distinct for the first communities, grey for none or the rest", () => {
    const first = COMMUNITY_COLORS.slice(0, -1);
    expect(new Set(first).size).toBe(first.length);
    expect(communityColor(0)).toBe(COMMUNITY_COLORS[0]);
    expect(communityColor(-1)).toBe(COMMUNITY_COLORS.at(-1));
    expect(communityColor(999)).toBe(COMMUNITY_COLORS.at(-1));
    expect(communityColor(1.5)).toBe(COMMUNITY_COLORS.at(-1));
  });
});

describe("filter badge and path sentences", () => {
  it("counts the filters in effect", () => {
    expect(activeFilterCount(DEFAULT_VIEW_STATE)).toBe(0);
    expect(
      activeFilterCount({
        ...DEFAULT_VIEW_STATE,
        hiddenCategories: ["person", "role"],
        hideIsolated: true,
      }),
    ).toBe(3);
  });

  it("every hop of Lagon → Malik has a sentence", () => {
    const r = shortestPaths(releaseGraph(), `${DATA}lagon`, `${DATA}malik`);
    expect(r.distance).toBeGreaterThan(0);
    for (const hop of r.paths[0]!.hops) expect(hopSentences(hop).length).toBeGreaterThan(0);
  });
});
