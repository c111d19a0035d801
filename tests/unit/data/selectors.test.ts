// Every span of data/release.trig selects what it claims in data/release-fr.txt, and every named
// graph has exactly one source; text-derived graphs carry an annotation on the right part.
import { describe, it, expect } from "vitest";
import { DataFactory, type Term } from "n3";
import {
  BODY_START_TEXT,
  NS,
  RDF_TYPE,
  instances,
  iri,
  one,
  releaseQuads,
  releaseText,
  unionStore,
} from "./load";

const { namedNode } = DataFactory;

const text = releaseText();
const quads = releaseQuads();
const store = unionStore(quads);
const RELEASE_FR = NS.data + "release-fr";
const BODY = NS.data + "release-body";
const TEMPLATE = NS.data + "page-template";

const selectorsOf = (target: Term) =>
  store.getObjects(target, namedNode(iri("oa", "hasSelector")), null);
const isA = (node: Term, type: string) => store.countQuads(node, RDF_TYPE, type, null) > 0;
const int = (node: Term, p: string) => Number(one(store, node, iri("oa", p)).value);
const str = (node: Term, p: string) => one(store, node, iri("oa", p)).value;

interface Span {
  annotation: string;
  body: string;
  start: number;
  end: number;
  exact: string;
  prefix: string;
  suffix: string;
}

const spans: Span[] = instances(store, iri("oa", "Annotation")).map((annotation) => {
  const target = one(store, annotation, iri("oa", "hasTarget"));
  const selectors = selectorsOf(target);
  const position = selectors.find((s) => isA(s, iri("oa", "TextPositionSelector")));
  const quote = selectors.find((s) => isA(s, iri("oa", "TextQuoteSelector")));
  if (!position || !quote) throw new Error(`${annotation.value}: missing selector`);
  return {
    annotation: annotation.value,
    body: one(store, annotation, iri("oa", "hasBody")).value,
    start: int(position, "start"),
    end: int(position, "end"),
    exact: str(quote, "exact"),
    prefix: store.getObjects(quote, namedNode(iri("oa", "prefix")), null)[0]?.value ?? "",
    suffix: store.getObjects(quote, namedNode(iri("oa", "suffix")), null)[0]?.value ?? "",
  };
});

const namedGraphs = [...new Set(quads.map((q) => q.graph))].filter(
  (g) => g.termType === "NamedNode",
);
const bodyStart = text.indexOf(BODY_START_TEXT);

describe("data/release-fr.txt", () => {
  it("is the captured release: 4,054 characters, body starting after the template", () => {
    expect(text).toHaveLength(4054);
    expect(bodyStart).toBe(1212);
    expect(text.slice(0, bodyStart).endsWith("- 2030 AGENDA\n")).toBe(true);
    expect(text.endsWith('"mailto:mqazi@iom.int">mqazi@iom.int')).toBe(true);
    expect(text).toContain("mettre en uvre");
  });
});

describe("text selectors", () => {
  it("there are annotations to check", () => {
    expect(spans.length).toBeGreaterThanOrEqual(40);
  });

  it.each(spans.map((s) => [s.annotation.replace(NS.data, ":"), s] as const))(
    "%s: position and quote selectors agree",
    (_, s) => {
      expect(s.exact.length).toBeGreaterThan(0);
      expect(Number.isInteger(s.start) && Number.isInteger(s.end)).toBe(true);
      expect(s.start).toBeGreaterThanOrEqual(0);
      expect(s.end).toBeLessThanOrEqual(text.length);
      expect(s.start).toBeLessThan(s.end);
      expect(text.slice(s.start, s.end)).toBe(s.exact);
      const whole = s.prefix + s.exact + s.suffix;
      const at = text.indexOf(whole);
      expect(at).toBe(s.start - s.prefix.length);
      expect(text.indexOf(whole, at + 1)).toBe(-1);
    },
  );

  it("every annotation targets release-fr through one specific resource", () => {
    for (const annotation of instances(store, iri("oa", "Annotation"))) {
      const target = one(store, annotation, iri("oa", "hasTarget"));
      expect(isA(target, iri("oa", "SpecificResource"))).toBe(true);
      expect(one(store, target, iri("oa", "hasSource")).value).toBe(RELEASE_FR);
    }
  });
});

describe("named graphs", () => {
  const derivedFrom = (g: Term) =>
    store.getObjects(g, namedNode(iri("prov", "wasDerivedFrom")), null).map((o) => o.value);

  it("every named graph has exactly one prov:wasDerivedFrom", () => {
    expect(namedGraphs.length).toBeGreaterThan(40);
    for (const g of namedGraphs) {
      expect(derivedFrom(g), g.value).toHaveLength(1);
    }
  });

  it("every annotation body is a named graph, and text-derived graphs have one annotation", () => {
    const graphIris = new Set(namedGraphs.map((g) => g.value));
    for (const s of spans) expect(graphIris.has(s.body), s.body).toBe(true);
    for (const g of namedGraphs) {
      const source = derivedFrom(g)[0];
      const annotated = spans.filter((s) => s.body === g.value);
      if (source === BODY || source === TEMPLATE) {
        expect(annotated, g.value).toHaveLength(1);
      } else {
        expect(annotated, g.value).toHaveLength(0);
      }
    }
  });

  it("template spans lie before the body, body spans after it", () => {
    for (const s of spans) {
      const [source] = derivedFrom(namedNode(s.body));
      if (source === TEMPLATE) expect(s.end, s.body).toBeLessThanOrEqual(bodyStart);
      else if (source === BODY) expect(s.start, s.body).toBeGreaterThanOrEqual(bodyStart);
      else throw new Error(`${s.body}: annotated graph derived from ${source}`);
    }
  });

  it("graphs not derived from the text are derived from a described document", () => {
    for (const g of namedGraphs) {
      const [source] = derivedFrom(g);
      if (source === BODY || source === TEMPLATE) continue;
      expect(isA(namedNode(source!), iri("foaf", "Document")), `${g.value} <- ${source}`).toBe(
        true,
      );
    }
  });

  it("the template and the body are parts of release-fr", () => {
    for (const part of [BODY, TEMPLATE]) {
      expect(
        store.getObjects(namedNode(part), namedNode("http://purl.org/dc/terms/isPartOf"), null),
      ).toEqual([namedNode(RELEASE_FR)]);
    }
  });
});
