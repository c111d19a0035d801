// The filters panel's list of named graphs: the text box narrows it by label, short name or
// IRI (case-insensitive); the default graph matches by its displayed name.
import { describe, expect, it } from "vitest";
import type { GraphCount } from "../../../src/core/graph/filters";
import { matchingGraphs } from "../../../src/ui/filters";

const row = (graph: string, label: string, short: string): GraphCount => ({
  graph,
  label,
  short,
  count: 1,
  visible: 1,
});

const GRAPHS = [
  row("", "", ""),
  row("https://orgraph.dev/data/g-title", "Corps du communiqué", ":g-title"),
  row("https://orgraph.dev/data/g-dawn", "Dawn, 11 septembre 2008", ":g-dawn"),
];

describe("matchingGraphs", () => {
  it("an empty or blank query keeps every graph", () => {
    expect(matchingGraphs(GRAPHS, "  ", "Graphe par défaut")).toEqual(GRAPHS);
  });

  it("matches the label, the short name or the IRI, ignoring case", () => {
    const graphs = (q: string) => matchingGraphs(GRAPHS, q, "Default graph").map((g) => g.graph);
    expect(graphs("CORPS")).toEqual(["https://orgraph.dev/data/g-title"]);
    expect(graphs(":g-dawn")).toEqual(["https://orgraph.dev/data/g-dawn"]);
    expect(graphs("orgraph.dev/data")).toHaveLength(2);
    expect(graphs("default")).toEqual([""]);
    expect(graphs("nothing like it")).toEqual([]);
  });
});
