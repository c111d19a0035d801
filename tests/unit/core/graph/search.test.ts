// Search: labels in every language, alternative labels and statement text; accent- and
// case-insensitive, prefix and fuzzy; stable order.
import { describe, expect, it } from "vitest";
import {
  createSearchIndex,
  createSearchIndexSliced,
  foldText,
  searchGraph,
} from "../../../../src/core/graph/search";
import { DATA, releaseGraph, SMALL, smallGraph } from "./load";

describe("foldText", () => {
  it("removes accents, lower-cases and spells out ligatures", () => {
    expect(foldText("Ministère de l'Intérieur")).toBe("ministere de l'interieur");
    expect(foldText("ŒUVRE Île")).toBe("oeuvre ile");
  });
});

describe("search on the release graph", () => {
  const graph = releaseGraph();
  const index = createSearchIndex(graph);

  it("indexes every node", () => {
    expect(index.size).toBe(graph.order);
  });

  it('"ministere" finds both ministries', () => {
    const results = index.search("ministere");
    const keys = results.map((r) => r.key);
    expect(keys).toContain(`${DATA}ministry-interior`);
    expect(keys).toContain(`${DATA}ministry-women-development`);
    const interior = results.find((r) => r.key === `${DATA}ministry-interior`);
    expect(interior).toMatchObject({ label: "Ministère de l'Intérieur", category: "ministry" });
    expect(interior?.match.fields).toContain("label");
    console.info(
      `"ministere": ${results.length} results: ${results.map((r) => r.label).join(" / ")}`,
    );
  });

  it("is case- and accent-insensitive", () => {
    expect(index.search("MINISTÈRE")).toEqual(index.search("ministere"));
    expect(index.search("Ministère")).toEqual(index.search("ministere"));
  });

  it('"lagon" gives Mark Lagon first; prefix and fuzzy find him too', () => {
    for (const q of ["lagon", "Lagon", "lago", "lagoon", "mark lagon"]) {
      expect(index.search(q)[0]?.key, q).toBe(`${DATA}lagon`);
    }
    const results = index.search("lagon");
    expect(results.filter((r) => r.category === "statement").length).toBeGreaterThanOrEqual(4);
  });

  it("finds English labels too", () => {
    const results = index.search("ministry of interior");
    expect(results[0]?.key).toBe(`${DATA}ministry-interior`);
    expect(results[0]?.match.text).toBe("Ministry of Interior");
  });

  it("searches statement text (schema:text)", () => {
    const [first] = index.search("disparites");
    expect(first?.category).toBe("statement");
    expect(first?.match.fields).toContain("text");
  });

  it("is stable and honours the limit and `within`", () => {
    const a = index.search("traite", { limit: 50 });
    expect(index.search("traite", { limit: 50 })).toEqual(a);
    for (let i = 1; i < a.length; i++) {
      const prev = a[i - 1];
      const cur = a[i];
      if (!prev || !cur) continue;
      expect(prev.score >= cur.score).toBe(true);
    }
    expect(index.search("traite", { limit: 3 })).toEqual(a.slice(0, 3));
    const within = new Set([`${DATA}lagon`]);
    expect(index.search("lagon", { within }).map((r) => r.key)).toEqual([`${DATA}lagon`]);
  });

  it("returns nothing for an empty query or one that matches nothing", () => {
    expect(index.search("")).toEqual([]);
    expect(index.search("   ")).toEqual([]);
    expect(index.search("zzzzqqq")).toEqual([]);
  });
});

describe("search on the small fixture", () => {
  const graph = smallGraph();

  it("finds alternative labels (skos:altLabel)", () => {
    const [first] = searchGraph(graph, "moh");
    expect(first?.key).toBe(`${SMALL}min`);
    expect(first?.match).toMatchObject({ fields: ["labels"], text: "MoH" });
  });

  it("finds statement text and shows the matching excerpt", () => {
    const [first] = searchGraph(graph, "etres humains");
    expect(first?.key).toBe(`${SMALL}s1`);
    expect(first?.match.fields).toEqual(["text"]);
    expect(first?.match.text).toContain("êtres humains");
  });

  it("shows labels in the preferred language", () => {
    expect(searchGraph(graph, "acme", { languages: ["en"] })[0]?.label).toBe("Acme");
    expect(searchGraph(graph, "acme")[0]?.label).toBe("Acmé");
  });
});

describe("the search index built in time slices", () => {
  const graph = releaseGraph();

  it("gives the same results as the one built at once, yielding between slices", async () => {
    let yields = 0;
    let clock = 0;
    const sliced = await createSearchIndexSliced(graph, {
      languages: ["fr"],
      sliceMs: 0,
      now: () => clock++,
      yieldTo: async () => void yields++,
    });
    const whole = createSearchIndex(graph, { languages: ["fr"] });
    expect(sliced.size).toBe(graph.order);
    // A yield every 16 nodes once the (0 ms) slice is spent.
    expect(yields).toBe(Math.floor(graph.order / 16));
    for (const query of ["ministere", "lagon", "traite", "Pakistan"]) {
      expect(sliced.search(query)).toEqual(whole.search(query));
    }
  });

  it("stops at the next slice once its signal is aborted (a cancelled load)", async () => {
    const signal = { aborted: false };
    const build = createSearchIndexSliced(graph, {
      signal,
      sliceMs: 0,
      yieldTo: async () => void (signal.aborted = true),
    });
    await expect(build).rejects.toMatchObject({ code: "cancelled" });
  });
});
