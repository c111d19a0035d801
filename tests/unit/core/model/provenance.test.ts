/** Unit tests: annotations and named-graph derivations folded into spans and sources. */
import { describe, expect, it } from "vitest";
import { readProvenance, spansOf, sourcesOf } from "../../../../src/core/model/provenance";
import { rdfToGraph } from "../../../../src/core/model/rdf-to-graph";
import { parseRdf } from "../../../../src/core/rdf/parse";
import { fixture } from "../fixtures";

const EX = "https://example.org/mini/";
const { quads, prefixes } = parseRdf(fixture("mini.trig"), { format: "trig" });

const lagonSpan = {
  annotation: `${EX}a-lagon`,
  source: `${EX}text`,
  part: `${EX}body`,
  start: 10,
  end: 20,
  exact: "Mark Lagon",
  prefix: "par ",
  suffix: ", dir",
};
const ministrySpan = {
  annotation: `${EX}a-ministry`,
  source: `${EX}text`,
  part: `${EX}body`,
  start: 30,
  end: 54,
};
const officeSpan = { annotation: `${EX}a-office`, source: `${EX}text`, exact: "Bureau" };
const newsSource = { graph: `${EX}g-term`, source: `${EX}news` };

describe("readProvenance", () => {
  const prov = readProvenance(quads);

  it("gives each annotated named graph its spans, with the part it derives from", () => {
    expect(prov.graphSpans.get(`${EX}g-lagon`)).toEqual([lagonSpan]);
    expect(prov.graphSpans.get(`${EX}g-ministry`)).toEqual([ministrySpan]);
  });

  it("gives an annotation whose body is a resource spans on that resource", () => {
    expect(prov.resourceSpans.get(`${EX}office`)).toEqual([officeSpan]);
  });

  it("gives derived graphs without annotation a source", () => {
    expect(prov.graphSources.get(`${EX}g-term`)).toEqual([newsSource]);
    expect(prov.graphSources.has(`${EX}g-lagon`)).toBe(false);
  });

  it("marks annotations, targets, selectors and graphs as machinery", () => {
    expect(prov.machinery.has(`${EX}a-lagon`)).toBe(true);
    expect(prov.machinery.has(`${EX}g-lagon`)).toBe(true);
    expect([...prov.machinery].filter((k) => k.startsWith("_:")).length).toBe(7); // 3 targets, 4 selectors
    expect(prov.machinery.has(`${EX}text`)).toBe(false);
    expect(prov.machinery.has(`${EX}office`)).toBe(false);
  });
});

describe("provenance on the graph", () => {
  const graph = rdfToGraph(quads, { prefixes });

  it("puts spans on nodes: every triple about the node, plus annotations on it", () => {
    // ex:lagon is named in g-lagon and chairs the agency in g-ministry.
    expect(spansOf(graph, { node: `${EX}lagon` })).toEqual([lagonSpan, ministrySpan]);
    expect(spansOf(graph, { node: `${EX}office` })).toEqual([officeSpan, lagonSpan]); // no position sorts first
    expect(spansOf(graph, { node: `${EX}agency` })).toEqual([ministrySpan]);
    expect(sourcesOf(graph, { node: `${EX}lagon` })).toEqual([]);
  });

  it("puts spans on edges from the graphs asserting them", () => {
    expect(
      spansOf(graph, { edge: `${EX}lagon http://www.w3.org/ns/org#holds ${EX}post-director` }),
    ).toEqual([lagonSpan]);
    expect(spansOf(graph, { edge: `${EX}lagon ${EX}chairs ${EX}agency` })).toEqual([ministrySpan]);
  });

  it("draws no annotation, target, selector or graph node", () => {
    for (const key of [`${EX}a-lagon`, `${EX}a-office`, `${EX}g-lagon`, `${EX}g-term`]) {
      expect(graph.hasNode(key)).toBe(false);
    }
    graph.forEachNode((_key, a) => {
      expect(a.types.some((t) => t.startsWith("http://www.w3.org/ns/oa#"))).toBe(false);
    });
    graph.forEachEdge((_key, a) => {
      expect(a.predicate.startsWith("http://www.w3.org/ns/oa#")).toBe(false);
      expect(a.predicate).not.toBe("http://www.w3.org/ns/prov#wasDerivedFrom");
    });
  });

  it("keeps the sources as document nodes", () => {
    expect(graph.getNodeAttribute(`${EX}text`, "category")).toBe("document");
    expect(graph.getNodeAttribute(`${EX}news`, "category")).toBe("document");
    expect(graph.hasEdge(`${EX}body http://purl.org/dc/terms/isPartOf ${EX}text`)).toBe(true);
  });
});
