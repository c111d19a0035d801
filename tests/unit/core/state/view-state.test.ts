// View state: defaults, pure actions (new object on change, same object otherwise, never a
// mutation) and validation with readable errors.
import { describe, expect, it } from "vitest";
import {
  clearEgo,
  DEFAULT_VIEW_STATE,
  resetFilters,
  select,
  setCamera,
  setDataLanguages,
  setDataSource,
  setEndpoint,
  setEgo,
  setEgoDepth,
  setPath,
  setSearch,
  setSeed,
  showOnlyCategory,
  toggleCategory,
  togglePredicate,
  toggleSource,
  toggleGraph,
  showAllGraphs,
  hiddenGraphs,
  validateViewState,
  viewStateProblems,
  type ViewState,
} from "../../../../src/core/state/view-state";
import { CATEGORIES, OrgraphError } from "../../../../src/core/index";

const P = "http://schema.org/about";

describe("DEFAULT_VIEW_STATE", () => {
  it("is valid and frozen", () => {
    expect(viewStateProblems(DEFAULT_VIEW_STATE)).toEqual([]);
    expect(Object.isFrozen(DEFAULT_VIEW_STATE)).toBe(true);
    expect(Object.isFrozen(DEFAULT_VIEW_STATE.hiddenCategories)).toBe(true);
  });
});

describe("actions", () => {
  const s0 = DEFAULT_VIEW_STATE;

  it("return a new state on change and the same object otherwise", () => {
    const s1 = select(s0, "https://example.org/a");
    expect(s1).not.toBe(s0);
    expect(s1.selection).toBe("https://example.org/a");
    expect(select(s1, "https://example.org/a")).toBe(s1);
    expect(s0.selection).toBeNull();
  });

  it("keep lists canonical: categories in legend order, predicates sorted", () => {
    let s = toggleCategory(s0, "role");
    s = toggleCategory(s, "person");
    expect(s.hiddenCategories).toEqual(["person", "role"]);
    expect(toggleCategory(s, "person").hiddenCategories).toEqual(["role"]);
    s = togglePredicate(togglePredicate(s, P), "http://a.example/p");
    expect(s.hiddenPredicates).toEqual(["http://a.example/p", P]);
    s = toggleSource(s, "other");
    s = toggleSource(s, "release-body");
    expect(s.hiddenSources).toEqual(["release-body", "other"]);
    expect(showOnlyCategory(s0, "person").hiddenCategories).toEqual(
      CATEGORIES.filter((c) => c !== "person"),
    );
    const reset = resetFilters(s);
    expect(reset.hiddenCategories).toEqual([]);
    expect(reset.hiddenPredicates).toEqual([]);
    expect(reset.hiddenSources).toEqual([]);
    expect(resetFilters(s0)).toBe(s0);
  });

  it("ego: set, change depth, clear", () => {
    const s = setEgo(s0, "k", 2);
    expect(s.ego).toEqual({ key: "k", depth: 2 });
    expect(setEgo(s, "k", 2)).toBe(s);
    expect(setEgoDepth(s, 3).ego).toEqual({ key: "k", depth: 3 });
    expect(setEgoDepth(s0, 3)).toBe(s0);
    expect(clearEgo(s).ego).toBeNull();
  });

  it("camera merges, seed is an unsigned integer, search is cut", () => {
    const s = setCamera(s0, { ratio: 0.5 });
    expect(s.camera).toEqual({ x: 0.5, y: 0.5, ratio: 0.5, angle: 0 });
    expect(setCamera(s, { ratio: 0.5 })).toBe(s);
    expect(setSeed(s0, -1).seed).toBe(0xffffffff);
    expect(setSearch(s0, "x".repeat(500)).search).toHaveLength(200);
  });

  it("changing the data source resets what named the old data", () => {
    let s = setPath(select(setEgo(s0, "k"), "k"), "a", "b");
    s = togglePredicate(toggleCategory(s, "role"), P);
    const t = setDataSource(s, "https://example.org/data.ttl");
    expect(t).toMatchObject({ selection: null, ego: null, path: null, hiddenPredicates: [] });
    expect(t.hiddenCategories).toEqual(["role"]);
  });

  it("data languages: lower-cased, no repeats, never empty", () => {
    expect(setDataLanguages(s0, ["EN", "fr", "en"]).dataLanguages).toEqual(["en", "fr"]);
    expect(setDataLanguages(s0, [])).toBe(s0);
  });

  it("never mutate their input", () => {
    const s = JSON.parse(JSON.stringify(s0)) as ViewState;
    const frozen = Object.freeze({
      ...s,
      hiddenCategories: Object.freeze([...s.hiddenCategories]),
    });
    expect(() => toggleCategory(frozen, "person")).not.toThrow();
    expect(frozen.hiddenCategories).toEqual([]);
  });
});

describe("validateViewState", () => {
  it("returns a canonical copy of a valid state", () => {
    const v = validateViewState({ ...DEFAULT_VIEW_STATE, hiddenCategories: ["role", "person"] });
    expect(v.hiddenCategories).toEqual(["person", "role"]);
  });

  it("lists every problem, readably", () => {
    const bad = {
      ...DEFAULT_VIEW_STATE,
      hiddenCategories: ["person", "robot"],
      ego: { key: "k", depth: 7 },
      camera: { x: 0, y: 0, ratio: 0, angle: 0 },
      dataSource: "javascript:alert(1)",
      uiLanguage: "de",
      extra: 1,
    };
    const problems = viewStateProblems(bad);
    expect(problems).toEqual([
      "extra is not a field",
      'hiddenCategories[1]: "robot" is not one of "person", "role", "organisation", "ministry", "country", "place", "event", "statement", "document", "other"',
      "ego.depth must be one of 1, 2, 3, not 7",
      "camera.ratio must be between 0.000001 and 1000000, not 0",
      'uiLanguage must be one of "fr", "en", not "de"',
      'data source "javascript:alert(1)" must be "builtin" or an http(s) URL',
    ]);
    expect(() => validateViewState(bad)).toThrow(OrgraphError);
    try {
      validateViewState(bad);
    } catch (e) {
      expect((e as OrgraphError).code).toBe("invalid");
      expect((e as Error).message).toMatch(/^Invalid view state: extra is not a field; /);
    }
    expect(viewStateProblems(null)).toEqual(["a view state must be an object, not null"]);
    const noSeed: Record<string, unknown> = { ...DEFAULT_VIEW_STATE };
    delete noSeed.seed;
    expect(viewStateProblems(noSeed)).toEqual(["seed is missing"]);
  });
});

describe("named graphs in the filter by source", () => {
  const G = "https://example.org/g1";
  it("toggleGraph hides then shows a graph; keys stay canonical after the kinds", () => {
    const a = toggleSource(toggleGraph(DEFAULT_VIEW_STATE, G), "other");
    expect(a.hiddenSources).toEqual(["other", `graph:${G}`]);
    const b = toggleGraph(a, "");
    expect(b.hiddenSources).toEqual(["other", "graph:", `graph:${G}`]);
    expect(hiddenGraphs(b)).toEqual(["", G]);
    expect(toggleGraph(b, G).hiddenSources).toEqual(["other", "graph:"]);
    expect(a).toEqual({ ...DEFAULT_VIEW_STATE, hiddenSources: ["other", `graph:${G}`] });
  });

  it("showAllGraphs keeps the other source filters; same object when none is hidden", () => {
    const s = toggleGraph(toggleSource(DEFAULT_VIEW_STATE, "page-template"), G);
    expect(showAllGraphs(s).hiddenSources).toEqual(["page-template"]);
    const none = toggleSource(DEFAULT_VIEW_STATE, "other");
    expect(showAllGraphs(none)).toBe(none);
  });

  it("another data source forgets the hidden graphs, not the source kinds", () => {
    const s = toggleGraph(toggleSource(DEFAULT_VIEW_STATE, "other"), G);
    expect(setDataSource(s, "https://example.org/x.ttl").hiddenSources).toEqual(["other"]);
  });

  it("an endpoint forgets what named the data shown (hidden graphs, selection), not the source kinds", () => {
    const s = setSearch(toggleGraph(toggleSource(DEFAULT_VIEW_STATE, "other"), G), "lagon");
    const t = setEndpoint(s, "https://example.org/sparql");
    expect(t.hiddenSources).toEqual(["other"]);
    expect(t.search).toBe("");
    expect(t.endpoint).toBe("https://example.org/sparql");
  });

  it("validation accepts graph keys and rejects one with white space", () => {
    const good = { ...DEFAULT_VIEW_STATE, hiddenSources: [`graph:${G}`, "graph:"] };
    expect(viewStateProblems(good)).toEqual([]);
    const bad = { ...DEFAULT_VIEW_STATE, hiddenSources: ["graph:a b"] };
    expect(viewStateProblems(bad)).toHaveLength(1);
  });
});
