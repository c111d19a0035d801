/** Unit tests: QuadStore, the compact form a load keeps its quads in (term table + indices). */
import { describe, expect, it } from "vitest";
import { loadRdf, parseRdf, QuadStore, quadAt, termKey } from "../../../../src/core/index";
import { decodeQuads, encodeQuads } from "../../../../src/core/load/protocol";
import type { RdfQuad } from "../../../../src/core/rdf/terms";
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
