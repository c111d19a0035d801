// "Expand": nodes brought back into view are kept in the view state (sorted, no repeats), in the
// URL (`rev`, repeated), and the visible subgraph shows them with their edges to what is visible.
import { describe, expect, it } from "vitest";
import {
  clearRevealed,
  DEFAULT_VIEW_STATE,
  resetFilters,
  revealNodes,
  setDataSource,
  setEgo,
  validateViewState,
  viewStateProblems,
} from "../../../../src/core/state/view-state";
import { decodeViewState, encodeViewState } from "../../../../src/core/state/url";
import {
  hiddenNeighbours,
  NO_FILTERS,
  visibleSubgraph,
  type FilterState,
} from "../../../../src/core/index";
import { DATA, releaseGraph } from "../graph/load";

const filters = (over: Partial<FilterState>): FilterState => ({ ...NO_FILTERS, ...over });

describe("revealed nodes in the view state", () => {
  const s0 = DEFAULT_VIEW_STATE;

  it("defaults to none; revealNodes sorts and drops repeats; clearRevealed forgets", () => {
    expect(s0.revealed).toEqual([]);
    const s = revealNodes(s0, ["b", "a", "b"]);
    expect(s.revealed).toEqual(["a", "b"]);
    expect(revealNodes(s, ["a"])).toBe(s);
    expect(clearRevealed(s).revealed).toEqual([]);
    expect(clearRevealed(s0)).toBe(s0);
    expect(s0.revealed).toEqual([]);
  });

  it("reset filters, a new ego centre and a new data source forget them", () => {
    const s = revealNodes(setEgo(s0, "k", 1), ["a"]);
    expect(resetFilters(s).revealed).toEqual([]);
    expect(setEgo(s, "k", 2).revealed).toEqual(["a"]);
    expect(setEgo(s, "other", 1).revealed).toEqual([]);
    expect(setDataSource(s, "https://example.org/x.ttl").revealed).toEqual([]);
  });

  it("is validated", () => {
    expect(viewStateProblems({ ...s0, revealed: "a" })).toEqual([
      'revealed must be an array, not "a"',
    ]);
    expect(viewStateProblems({ ...s0, revealed: [""] })).toEqual([
      "revealed[0]: a node key must not be empty",
    ]);
    expect(validateViewState({ ...s0, revealed: ["b", "a"] }).revealed).toEqual(["a", "b"]);
  });

  it("round-trips through the URL as repeated rev parameters", () => {
    const s = revealNodes(s0, [`${DATA}lagon`, "_:b1"]);
    const query = encodeViewState(s);
    expect(query).toBe(
      `rev=${encodeURIComponent("_:b1").replace("%3A", ":")}&rev=https://orgraph.dev/data/iom-pk-2008/lagon`,
    );
    const { state, warnings } = decodeViewState(query);
    expect(warnings).toEqual([]);
    expect(state.revealed).toEqual(s.revealed);
    expect(encodeViewState(s0)).toBe("");
    const bad = decodeViewState("rev=&rev=a");
    expect(bad.state.revealed).toEqual(["a"]);
  });
});

describe("visibleSubgraph with revealed nodes", () => {
  const graph = releaseGraph();

  it("brings back hidden neighbours of an ego centre with their edges", () => {
    const lagon = `${DATA}lagon`;
    expect(graph.hasNode(lagon)).toBe(true);
    const ego = filters({ ego: { key: lagon, depth: 1 } });
    const v = visibleSubgraph(graph, ego);
    // Every neighbour of Lagon is in his depth-1 ego network: pick one of theirs to reveal.
    const neighbour = [...v.nodes].find((n) => n !== lagon && hiddenNeighbours(graph, n, v).length);
    expect(neighbour).toBeDefined();
    const [group] = hiddenNeighbours(graph, neighbour!, v);
    const w = visibleSubgraph(graph, { ...ego, revealed: group!.keys });
    for (const k of group!.keys) expect(w.nodes.has(k)).toBe(true);
    for (const e of group!.edges) expect(w.edges.has(e)).toBe(true);
    for (const e of w.edges) {
      expect(w.nodes.has(graph.source(e)) && w.nodes.has(graph.target(e))).toBe(true);
    }
    expect(hiddenNeighbours(graph, neighbour!, w).some((g) => g.label === group!.label)).toBe(
      group!.keys.length === 0,
    );
  });

  it("shows a revealed node even in a hidden category; unknown keys are ignored", () => {
    const v = visibleSubgraph(
      graph,
      filters({ hiddenCategories: ["ministry"], revealed: [`${DATA}ministry-interior`, "nope"] }),
    );
    expect(v.nodes.has(`${DATA}ministry-interior`)).toBe(true);
    expect(v.nodes.has(`${DATA}ministry-women-development`)).toBe(false);
    expect(v.nodes.has("nope")).toBe(false);
  });
});
