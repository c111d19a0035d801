// Literal facts keep the named graphs (and loaded sources) that give them: the model records
// them compactly, the filter by source hides a fact only its hidden graphs give, search follows.
import { describe, expect, it } from "vitest";
import {
  factGraphs,
  factsOf,
  visibleFacts,
  visibleProperties,
  factFilter,
} from "../../../../src/core/graph/facts";
import { toNQuads, toTrig, toTurtle } from "../../../../src/core/graph/export";
import { graphCounts } from "../../../../src/core/graph/filters";
import { createSearchIndex } from "../../../../src/core/graph/search";
import { graphSourceKey, loadedSourceKey } from "../../../../src/core/graph/sources";
import { rdfToGraph } from "../../../../src/core/model/rdf-to-graph";
import { parseRdf } from "../../../../src/core/rdf/parse";
import { releaseGraph } from "./load";
import { attributeSources } from "../../../../src/embed/loader";

const EX = "https://example.org/facts/";
const TITLE = "http://purl.org/dc/terms/title";
const DESCRIPTION = "http://purl.org/dc/terms/description";
const GA = `${EX}g-a`;
const GB = `${EX}g-b`;

/** One report described in two graphs: one title in both, the rest in one of them. */
export const TWO_GRAPHS = `
@prefix ex: <${EX}> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
ex:g-a {
  ex:report a ex:Report ; dct:title "Shared title" , "Rapport annuel"@fr ;
    ex:pages "12"^^xsd:integer .
}
ex:g-b {
  ex:report dct:title "Shared title" ; dct:description "Budget lagoon figures" ;
    ex:cites ex:other .
  ex:other a ex:Report ; rdfs:label "Other report" .
}
ex:plain a ex:Report ; rdfs:label "Plain report" ; ex:cites ex:report .
ex:g-a rdfs:label "Document A" .
ex:g-b prov:wasDerivedFrom ex:source-b .
ex:source-b rdfs:label "Source B" .
`;

function build(text: string) {
  const { quads, prefixes } = parseRdf(text, { format: "trig" });
  return { quads, graph: rdfToGraph(quads, { prefixes }) };
}

const { quads, graph } = build(TWO_GRAPHS);
const report = graph.getNodeAttributes(`${EX}report`);

function graphsOfValue(predicate: string, value: string): readonly string[] {
  const at = (report.properties[predicate] ?? []).findIndex((v) => v.value === value);
  expect(at).toBeGreaterThanOrEqual(0);
  return factGraphs(report, predicate, at);
}

describe("the model records the graphs of each literal fact", () => {
  it("a fact in two graphs has both; the others their own", () => {
    expect(graphsOfValue(TITLE, "Shared title")).toEqual([GA, GB]);
    expect(graphsOfValue(TITLE, "Rapport annuel")).toEqual([GA]);
    expect(graphsOfValue(DESCRIPTION, "Budget lagoon figures")).toEqual([GB]);
    expect(graphsOfValue(`${EX}pages`, "12")).toEqual([GA]);
    // Aligned with properties: one list per value.
    for (const [p, values] of Object.entries(report.properties)) {
      expect(typeof report.factGraphs === "object" && report.factGraphs[p]?.length).toBe(
        values.length,
      );
    }
  });

  it("stores one string when every fact is in one named graph, nothing for the default graph", () => {
    expect(graph.getNodeAttribute(`${EX}other`, "factGraphs")).toBe(GB);
    expect(factGraphs(graph.getNodeAttributes(`${EX}other`), `${EX}x`, 0)).toEqual([GB]);
    const plain = graph.getNodeAttributes(`${EX}plain`);
    expect("factGraphs" in plain).toBe(false);
    expect(factGraphs(plain, "http://www.w3.org/2000/01/rdf-schema#label", 0)).toEqual([""]);
  });

  it("is the same whatever the order of the quads", () => {
    const reversed = rdfToGraph([...quads].reverse(), {});
    expect(JSON.stringify(reversed.getNodeAttributes(`${EX}report`).factGraphs)).toBe(
      JSON.stringify(report.factGraphs),
    );
    expect(JSON.stringify(reversed.export())).toBe(JSON.stringify(rdfToGraph(quads, {}).export()));
  });

  it("never puts the graph on the shared literal values", () => {
    for (const values of Object.values(report.properties)) {
      for (const v of values) expect(Object.keys(v).sort()).not.toContain("graphs");
    }
  });

  it("folded OWL-Time dates carry the graph of their link", () => {
    const { graph: g } = build(`
      @prefix ex: <${EX}> . @prefix time: <http://www.w3.org/2006/time#> .
      @prefix xsd: <http://www.w3.org/2001/XMLSchema#> . @prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
      ex:g-a { ex:event a ex:Event ; rdfs:label "Event" . }
      ex:g-b { ex:event ex:on ex:instant . }
      ex:instant a time:Instant ; time:inXSDDate "2024-01-02"^^xsd:date .
    `);
    const event = g.getNodeAttributes(`${EX}event`);
    expect(event.properties[`${EX}on`]).toEqual([
      { value: "2024-01-02", datatype: "http://www.w3.org/2001/XMLSchema#date" },
    ]);
    expect(factGraphs(event, `${EX}on`, 0)).toEqual([GB]);
    expect(factGraphs(event, "http://www.w3.org/2000/01/rdf-schema#label", 0)).toEqual([GA]);
  });
});

describe("the filter by source hides the facts only hidden graphs give", () => {
  it("nothing hidden: every fact, with its graphs", () => {
    const facts = visibleFacts(graph, `${EX}report`);
    expect(facts.map((f) => f.value.value).sort()).toEqual([
      "12",
      "Budget lagoon figures",
      "Rapport annuel",
      "Shared title",
    ]);
    expect(facts).toEqual(factsOf(report));
  });

  it("hiding one graph hides its own facts; a fact also in a shown graph stays", () => {
    const shown = visibleFacts(graph, `${EX}report`, [graphSourceKey(GB)]);
    expect(shown.map((f) => f.value.value).sort()).toEqual([
      "12",
      "Rapport annuel",
      "Shared title",
    ]);
    const other = visibleFacts(graph, `${EX}report`, [graphSourceKey(GA)]);
    expect(other.map((f) => f.value.value).sort()).toEqual([
      "Budget lagoon figures",
      "Shared title",
    ]);
    expect(visibleFacts(graph, `${EX}report`, [graphSourceKey(GA), graphSourceKey(GB)])).toEqual(
      [],
    );
  });

  it("the default graph is a graph like the others; other filter keys change nothing", () => {
    expect(visibleFacts(graph, `${EX}plain`, [graphSourceKey("")])).toEqual([]);
    expect(visibleFacts(graph, `${EX}plain`, [graphSourceKey(GA), "release-body"])).toHaveLength(1);
    expect(visibleProperties(report, factFilter(["page-template"]))).toBe(report.properties);
    expect(visibleProperties(report, factFilter([graphSourceKey(GB)]))).toEqual({
      [`${EX}pages`]: report.properties[`${EX}pages`],
      [TITLE]: report.properties[TITLE],
    });
  });

  it("a graph that asserts only facts is listed in the graph counts", () => {
    const counts = graphCounts(graph);
    expect(counts.find((c) => c.graph === GA)).toMatchObject({
      label: "Document A",
      count: 0,
      visible: 0,
    });
    expect(counts.find((c) => c.graph === GB)).toMatchObject({ label: "Source B", count: 1 });
  });
});

describe("search finds a node only by the facts shown", () => {
  const index = createSearchIndex(graph);

  it("a fact only a hidden graph gives is not matched", () => {
    expect(index.search("lagoon").map((r) => r.key)).toContain(`${EX}report`);
    expect(
      index.search("lagoon", { hiddenSources: [graphSourceKey(GB)] }).map((r) => r.key),
    ).not.toContain(`${EX}report`);
    expect(
      index.search("lagoon", { hiddenSources: [graphSourceKey(GA)] }).map((r) => r.key),
    ).toContain(`${EX}report`);
  });

  it("a label also said in a shown graph still finds it", () => {
    const hit = index
      .search("shared title", { hiddenSources: [graphSourceKey(GB)] })
      .find((r) => r.key === `${EX}report`);
    expect(hit?.match.text).toBe("Shared title");
    expect(
      index
        .search("shared title", { hiddenSources: [graphSourceKey(GA), graphSourceKey(GB)] })
        .map((r) => r.key),
    ).not.toContain(`${EX}report`);
  });
});

describe("with several loaded sources, each fact carries the sources that give it", () => {
  const first = parseRdf(
    `@prefix ex: <${EX}> . @prefix dct: <http://purl.org/dc/terms/> .
     ex:report a ex:Report ; dct:title "Shared title" , "First only" .`,
    { format: "turtle" },
  ).quads;
  const second = parseRdf(
    `@prefix ex: <${EX}> . @prefix dct: <http://purl.org/dc/terms/> .
     ex:report dct:title "Shared title" , "Second only" ; ex:cites ex:plain .
     ex:plain dct:title "Plain" .`,
    { format: "turtle" },
  ).quads;
  const all = [...first, ...second];
  const ranges = [
    { name: "first.ttl", start: 0, end: first.length },
    { name: "second.ttl", start: first.length, end: all.length },
  ];

  it("records them, and the filter by loaded source hides what only a hidden one gives", async () => {
    const merged = rdfToGraph(all, {});
    await attributeSources(merged, all, ranges);
    const a = merged.getNodeAttributes(`${EX}report`);
    expect(a.origin).toEqual(["first.ttl", "second.ttl"]);
    const byValue = Object.fromEntries(factsOf(a).map((f) => [f.value.value, f.origin]));
    expect(byValue).toEqual({
      "Shared title": ["first.ttl", "second.ttl"],
      "First only": ["first.ttl"],
      "Second only": ["second.ttl"],
    });
    const shown = visibleFacts(merged, `${EX}report`, [loadedSourceKey("first.ttl")]);
    expect(shown.map((f) => f.value.value).sort()).toEqual(["Second only", "Shared title"]);
    // A node whose facts all come from its own sources keeps no list per fact.
    expect(merged.getNodeAttribute(`${EX}plain`, "factOrigins")).toBeUndefined();
  });
});

describe("TriG and N-Quads put each fact back in its graphs", () => {
  for (const [name, write, format] of [
    ["TriG", toTrig, "trig"],
    ["N-Quads", toNQuads, "n-quads"],
  ] as const) {
    it(`${name} re-imports with the same facts, each in the same graphs, and the same edges`, () => {
      const text = write(graph);
      const back = rdfToGraph(parseRdf(text, { format }).quads, {});
      expect(back.nodes().sort()).toEqual(graph.nodes().sort());
      graph.forEachNode((key, a) => {
        const b = back.getNodeAttributes(key);
        expect(b.properties, key).toEqual(a.properties);
        expect(JSON.stringify(factsOf(b).map((f) => f.graphs)), key).toBe(
          JSON.stringify(factsOf(a).map((f) => f.graphs)),
        );
      });
      graph.forEachEdge((key, a) => expect(back.getEdgeAttribute(key, "graphs")).toEqual(a.graphs));
    });
  }

  it("on the release graph, every node's facts come back in their graphs", () => {
    const release = releaseGraph();
    const back = rdfToGraph(parseRdf(toTrig(release), { format: "trig" }).quads, {});
    let mixed = 0;
    release.forEachNode((key, a) => {
      if (typeof a.factGraphs === "object") mixed++;
      const b = back.getNodeAttributes(key);
      expect(JSON.stringify(factsOf(b)), key).toBe(JSON.stringify(factsOf(a)));
    });
    expect(mixed).toBeGreaterThan(0);
  });

  it("leaves out what the filter by source hides: facts only hidden graphs give, hidden graphs", () => {
    const hiddenSources = [graphSourceKey(GB)];
    for (const [write, format] of [
      [toTrig, "trig"],
      [toTurtle, "turtle"],
    ] as const) {
      const quads = parseRdf(write(graph, { hiddenSources }), { format }).quads;
      const values = quads
        .filter((q) => q.subject.value === `${EX}report`)
        .map((q) => q.object.value);
      expect(values).toContain("Shared title");
      expect(values).toContain("Rapport annuel");
      expect(values).not.toContain("Budget lagoon figures");
      if (format === "trig") {
        expect(quads.some((q) => q.graph.value === GB && q.object.termType === "Literal")).toBe(
          false,
        );
      }
    }
  });

  it("Turtle (no graphs) still writes every fact once, in the default graph", () => {
    const back = rdfToGraph(parseRdf(toTurtle(graph), { format: "turtle" }).quads, {});
    const b = back.getNodeAttributes(`${EX}report`);
    expect(b.properties).toEqual(report.properties);
    expect(b.factGraphs).toBeUndefined();
  });
});
