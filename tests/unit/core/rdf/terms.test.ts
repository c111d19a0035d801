/** Unit tests: term keys, quoted triples nested any depth included (no recursion). */
import { describe, expect, it } from "vitest";
import { termKey, type RdfTerm } from "../../../../src/core/rdf/terms";

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
