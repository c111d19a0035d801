/**
 * Unit tests: term keys, quoted triples nested any depth included (no recursion), and n3
 * literals read from their ids.
 */
import { describe, expect, it } from "vitest";
import { DataFactory, Literal as N3Literal } from "n3";
import { literalValue } from "../../../../src/core/model/rdf-to-graph";
import { n3LiteralParts, termKey, type RdfTerm } from "../../../../src/core/rdf/terms";

const iri = (value: string): RdfTerm => ({ termType: "NamedNode", value });
const triple = (s: RdfTerm, p: RdfTerm, o: RdfTerm): RdfTerm => ({
  termType: "Quad",
  value: "",
  subject: s,
  predicate: p,
  object: o,
});

describe("termKey", () => {
  it("quotes triples as <<s p o>>, nested", () => {
    const lit: RdfTerm = { termType: "Literal", value: "x", language: "fr" };
    const inner = triple({ termType: "BlankNode", value: "b1" }, iri("http://p"), lit);
    expect(termKey(triple(iri("http://s"), iri("http://p"), inner))).toBe(
      '<<http://s http://p <<_:b1 http://p "x"@fr>>>>',
    );
  });

  it("keys triple terms nested 100,000 deep without overflowing the stack", () => {
    let term = iri("http://o");
    for (let i = 0; i < 100_000; i++) term = triple(iri("http://a"), iri("http://b"), term);
    const key = termKey(term);
    expect(key.startsWith("<<http://a http://b <<")).toBe(true);
    expect(key.length).toBe(100_000 * "<<http://a http://b >>".length + "http://o".length);
  });
});

describe("n3 literals read from their ids", () => {
  // The same literals as n3 makes them and as plain RDF/JS objects (what the getters give):
  // keys and stored values must not depend on which one is read.
  const XSD = "http://www.w3.org/2001/XMLSchema#";
  const made: [N3Literal, string][] = [
    [DataFactory.literal("plain"), '"plain"'],
    [DataFactory.literal("Bonjour", "FR-ca"), '"Bonjour"@fr-ca'],
    // A base direction (RDF 1.2; not in n3's types), as n3's factory writes it.
    [new N3Literal('"right"@ar--rtl'), '"right"@ar'],
    [DataFactory.literal("42", DataFactory.namedNode(`${XSD}integer`)), `"42"^^${XSD}integer`],
    [DataFactory.literal("s", DataFactory.namedNode(`${XSD}string`)), '"s"'],
    [new N3Literal(`"explicit"^^${XSD}string`), '"explicit"'],
    [DataFactory.literal('say "a--b"', "en"), '"say "a--b""@en'],
    [DataFactory.literal(""), '""'],
  ];
  const plain = (l: N3Literal): RdfTerm => ({
    termType: "Literal",
    value: l.value,
    language: l.language,
    datatype: { value: l.datatype.value },
  });

  it.each(made)("keys %s as its plain form does", (literal, key) => {
    expect(termKey(literal)).toBe(key);
    expect(termKey(plain(literal))).toBe(key);
  });

  it.each(made)("stores %s as its plain form does", (literal) => {
    expect(literalValue(literal)).toEqual(literalValue(plain(literal)));
    expect(n3LiteralParts(literal)?.value).toBe(literal.value);
  });

  it("reads no parts from a term that is not an n3 literal", () => {
    expect(n3LiteralParts(iri("http://s"))).toBeUndefined();
    expect(n3LiteralParts({ termType: "Literal", value: "x" })).toBeUndefined();
  });
});
