/** Unit tests: QuadStore, the compact form a load keeps its quads in (term table + indices). */
import { describe, expect, it } from "vitest";
import { loadRdf, parseRdf, QuadStore, quadAt, termKey } from "../../../../src/core/index";
import { decodeQuads, encodeQuads } from "../../../../src/core/load/protocol";
import type { RdfQuad } from "../../../../src/core/rdf/terms";
import { rdfToGraph } from "../../../../src/core/model/rdf-to-graph";
import { parseRdfToStore } from "../../../../src/core/rdf/parse";
import { repoFile } from "../fixtures";

const key = (q: RdfQuad) => [q.subject, q.predicate, q.object, q.graph].map(termKey).join(" ");

describe("QuadStore", () => {
  const text = repoFile("data/release.trig");
  const parsed = parseRdf(text, { format: "trig", sourceName: "release.trig" }).quads;

  it("gives back every quad in order, by index and by iteration", () => {
    const store = QuadStore.from(parsed);
    expect(store.length).toBe(parsed.length);
    expect(Array.from(store, key)).toEqual(parsed.map(key));
    expect(store.toArray().map(key)).toEqual(parsed.map(key));
    expect(key(store.get(7))).toBe(key(parsed[7]!));
    expect(key(quadAt(store, 3))).toBe(key(quadAt(parsed, 3)));
  });

  it("holds each term once: the parser's terms are shared", () => {
    const store = QuadStore.from(parsed);
    const distinct = new Set(parsed.flatMap((q) => [q.subject, q.predicate, q.object, q.graph]));
    expect(store.terms.length).toBe(distinct.size);
    // Far fewer terms than quad positions: the store is smaller than one object a quad.
    expect(store.terms.length).toBeLessThan(parsed.length * 2);
    expect(store.indices.length).toBe(parsed.length * 4);
  });

  it("is what loadRdf keeps, and reads a worker's encoded quads as posted", () => {
    const loaded = loadRdf(text, { format: "trig", sourceName: "release.trig" });
    expect(loaded.quads).toBeInstanceOf(QuadStore);
    expect(loaded.quads.length).toBe(loaded.triples);
    const encoded = encodeQuads(loaded.quads);
    const posted = new QuadStore(encoded.terms, encoded.indices);
    expect(Array.from(posted, key)).toEqual(decodeQuads(encoded).map(key));
    expect(Array.from(posted, key)).toEqual(parsed.map(key));
  });

  it("refuses an index out of range and a malformed index array", () => {
    const store = QuadStore.from(parsed.slice(0, 2));
    expect(() => store.get(2)).toThrow(RangeError);
    expect(() => store.get(-1)).toThrow(RangeError);
    expect(() => quadAt([], 0)).toThrow(RangeError);
    expect(() => new QuadStore([], new Int32Array(3))).toThrow(RangeError);
    expect(QuadStore.from([]).length).toBe(0);
  });

  it("reads a store made by another copy of the class (the widget's lazily loaded parser)", () => {
    // What the library build does: the first chunk and the parser chunk each hold a QuadStore.
    const source = new Function("return " + QuadStore.toString())() as typeof QuadStore;
    const other = new source(...storeParts(QuadStore.from(parsed.slice(0, 3))));
    expect(other).not.toBeInstanceOf(QuadStore);
    expect(key(quadAt(other, 2))).toBe(key(parsed[2]!));
  });
});

function storeParts(store: QuadStore): [QuadStore["terms"], QuadStore["indices"]] {
  return [store.terms, store.indices];
}

describe("QuadStore built while parsing", () => {
  // Blank nodes (labelled, anonymous, in a list, inside a triple term, as a graph name): the
  // store the parser builds quad by quad names them in order of first use, as the parser did
  // quad by quad before (expected keys written down from that parser).
  const text = [
    "@prefix : <http://x/> .",
    ":a :b [ :c _:x ], _:b1, [] .",
    "_:x :d ( :e [ :f :g ] ) .",
    "<< _:x :p [] >> :q _:b1 .",
    "[] { :a :b [] . _:y :h [ :i _:x ] . }",
    ":g { _:y :h [] . }",
  ].join("\n");
  const expected = [
    "_:b2 http://x/c _:x ",
    "http://x/a http://x/b _:b2 ",
    "http://x/a http://x/b _:b1 ",
    "http://x/a http://x/b _:b3 ",
    "_:b4 http://www.w3.org/1999/02/22-rdf-syntax-ns#first http://x/e ",
    "_:b4 http://www.w3.org/1999/02/22-rdf-syntax-ns#rest _:b5 ",
    "_:b5 http://www.w3.org/1999/02/22-rdf-syntax-ns#first _:b6 ",
    "_:b6 http://x/f http://x/g ",
    "_:b5 http://www.w3.org/1999/02/22-rdf-syntax-ns#rest http://www.w3.org/1999/02/22-rdf-syntax-ns#nil ",
    "_:x http://x/d _:b4 ",
    "_:b7 http://www.w3.org/1999/02/22-rdf-syntax-ns#reifies <<_:x http://x/p _:b8>> ",
    "_:b7 http://x/q _:b1 ",
    "http://x/a http://x/b _:b9 _:b10",
    "_:b11 http://x/i _:x _:b10",
    "_:y http://x/h _:b11 _:b10",
    "_:y http://x/h _:b12 http://x/g",
  ];

  it("names blank nodes in order of first use, object before graph, as quad by quad", () => {
    const { quads: store } = parseRdfToStore(text, { format: "trig" });
    expect(store).toBeInstanceOf(QuadStore);
    expect(Array.from(store, key)).toEqual(expected);
    expect(parseRdf(text, { format: "trig" }).quads.map(key)).toEqual(expected);
  });

  it("loads to the same graph and quads as a load from the quad array", () => {
    const release = repoFile("data/release.trig");
    const viaStore = loadRdf(release, { format: "trig" });
    const parsed = parseRdf(release, { format: "trig" });
    const viaArray = rdfToGraph(parsed.quads, { prefixes: parsed.prefixes });
    expect(viaStore.graph.export()).toEqual(viaArray.export());
    expect(viaStore.quads).toBeInstanceOf(QuadStore);
  });

  it("concat puts two stores end to end; withTerms replaces the term table", () => {
    const a = QuadStore.from(
      parseRdf("<http://x/s> <http://x/p> <http://x/o> .", { format: "turtle" }).quads,
    );
    const b = parseRdfToStore("<http://x/t> <http://x/p> _:n .", { format: "turtle" }).quads;
    const both = QuadStore.concat(a, b);
    expect(Array.from(both, key)).toEqual([...Array.from(a, key), ...Array.from(b, key)]);
    const renamed = b.withTerms(
      b.terms.map((t) => (t.termType === "BlankNode" ? { termType: "BlankNode", value: "z" } : t)),
    );
    expect(Array.from(renamed, key)).toEqual(["http://x/t http://x/p _:z "]);
    expect(() => b.withTerms([])).toThrow(RangeError);
  });
});
