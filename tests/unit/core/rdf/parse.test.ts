/** Unit tests: parsing with n3 in an explicit format, and typed syntax errors. */
import { describe, expect, it } from "vitest";
import { OrgraphError, RdfParseError } from "../../../../src/core/errors";
import { parseRdf, parseRdfToStore } from "../../../../src/core/rdf/parse";
import { termKey } from "../../../../src/core/rdf/terms";
import type { RdfFormat } from "../../../../src/core/rdf/formats";
import { fixture } from "../fixtures";

function parseError(input: string, format: RdfFormat, sourceName?: string): RdfParseError {
  try {
    parseRdf(input, { format, sourceName });
  } catch (e) {
    expect(e).toBeInstanceOf(RdfParseError);
    expect(e).toBeInstanceOf(OrgraphError);
    return e as RdfParseError;
  }
  throw new Error("expected a parse error");
}

describe("parseRdf", () => {
  it("parses TriG with named graphs and returns the prefixes", () => {
    const { quads, prefixes } = parseRdf(fixture("mini.trig"), { format: "trig" });
    expect(quads.length).toBeGreaterThan(40);
    expect(prefixes.ex).toBe("https://example.org/mini/");
    expect(prefixes.og).toBe("https://orgraph.dev/ns#");
    expect(quads.some((q) => q.graph.value === "https://example.org/mini/g-lagon")).toBe(true);
  });

  it("parses N-Triples and N-Quads", () => {
    expect(parseRdf(fixture("simple.nt"), { format: "n-triples" }).quads).toHaveLength(3);
    const nq = parseRdf(fixture("simple.nq"), { format: "n-quads" }).quads;
    expect(nq.map((q) => q.graph.value)).toEqual([
      "https://example.org/g1",
      "https://example.org/g2",
      "",
    ]);
  });

  it("resolves relative IRIs against baseIRI", () => {
    const { quads } = parseRdf("<a> <b> <c> .", { format: "turtle", baseIRI: "https://x.org/d/" });
    expect(quads[0]?.subject.value).toBe("https://x.org/d/a");
  });

  it("reads a prefixed name with the prefix in force where it stands", () => {
    const text = [
      "@prefix a: <https://one.example/> .",
      "@prefix b: <https://two.example/> .",
      "a:x a:p b:x .",
      "@prefix a: <https://three.example/> .",
      'a:x b:p "1"^^a:t .',
      "<https://one.example/x> a:p a:x .",
    ].join("\n");
    const quads = parseRdf(text, { format: "turtle" }).quads;
    expect(quads.map((q) => [q.subject.value, q.predicate.value, q.object.value])).toEqual([
      ["https://one.example/x", "https://one.example/p", "https://two.example/x"],
      ["https://three.example/x", "https://two.example/p", "1"],
      ["https://one.example/x", "https://three.example/p", "https://three.example/x"],
    ]);
    expect(quads[1]!.object.termType === "Literal" && quads[1]!.object.datatype.value).toBe(
      "https://three.example/t",
    );
    // One term per IRI, however it was written.
    expect(quads[2]!.subject).toBe(quads[0]!.subject);
    expect(quads[2]!.object).toBe(quads[1]!.subject);
  });

  it("reads a name with a prefix redefined just after the same prefix was used", () => {
    // Prefixed names are interned by prefix IRI: a redefinition is seen at once, and a return
    // to the first IRI gives the first terms back.
    const text = [
      "@prefix a: <https://one.example/> .",
      "a:x a:p a:y .",
      "@prefix a: <https://two.example/> .",
      "a:x a:p a:y .",
      "@prefix a: <https://one.example/> .",
      "a:x a:p a:y .",
    ].join("\n");
    const quads = parseRdfToStore(text, { format: "turtle" }).quads.toArray();
    expect(quads.map((q) => q.subject.value)).toEqual([
      "https://one.example/x",
      "https://two.example/x",
      "https://one.example/x",
    ]);
    expect(quads[2]!.object).toBe(quads[0]!.object);
    expect(quads[1]!.object.value).toBe("https://two.example/y");
  });

  it("keeps one term per literal and IRI: tags in any case, xsd:string or none", () => {
    const { quads } = parseRdfToStore(
      `@prefix ex: <http://ex.org/> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
       ex:a ex:p "x"@EN, "x"@en, "y", "y"^^xsd:string, "1"^^xsd:integer ; <http://ex.org/q> ex:a .
       ex:b ex:p "1"^^xsd:integer, "1", "x"@fr .`,
      { format: "turtle" },
    );
    const ids = quads.terms.map((t) => (t.termType === "Literal" ? termKey(t) : t.value));
    // Every term once in the store's table, the same object wherever it is used.
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([
      "http://ex.org/a",
      "http://ex.org/p",
      '"x"@en',
      "",
      '"y"',
      '"1"^^http://www.w3.org/2001/XMLSchema#integer',
      "http://ex.org/q",
      "http://ex.org/b",
      '"1"',
      '"x"@fr',
    ]);
    expect(quads.length).toBe(9);
    expect(quads.get(0).object).toBe(quads.get(1).object);
    expect(quads.get(2).object).toBe(quads.get(3).object);
  });

  it("names blank nodes deterministically", () => {
    const text = "@prefix : <http://x/> .\n:a :b [ :c _:x ], _:b1, [] .\n";
    const ids = () =>
      parseRdf(text, { format: "turtle" }).quads.map((q) => `${q.subject.value} ${q.object.value}`);
    // Anonymous nodes are b1, b2… in document order, skipping labels the document uses.
    expect(ids()).toEqual(["b2 x", "http://x/a b2", "http://x/a b1", "http://x/a b3"]);
    expect(ids()).toEqual(ids());
  });

  it("pins the message, line, column, token and source of syntax errors", () => {
    const e = parseError(fixture("broken.ttl"), "turtle", "broken.ttl");
    expect(e.message).toBe(
      'Turtle syntax error in broken.ttl at line 3, column 11: unexpected "foo".',
    );
    expect([e.line, e.column, e.token, e.source, e.code]).toEqual([
      3,
      11,
      "foo",
      "broken.ttl",
      "parse",
    ]);

    const cases: [string, RdfFormat, string, number, number, string | undefined][] = [
      [
        '@prefix ex: <http://ex/> .\nex:a ex:b ex:c .\n   ex:a ex:b "x" ; ; ex:c ^ .\n',
        "turtle",
        'Turtle syntax error in text at line 3, column 27: unexpected "^".',
        3,
        27,
        "^",
      ],
      [
        "ex:a ex:b ex:c .\n",
        "turtle",
        'Turtle syntax error in text at line 1, column 1: undefined prefix "ex:".',
        1,
        1,
        "ex:a",
      ],
      [
        "@prefix ex: <http://ex/> .\nex:a ex:b ex:c\n",
        "turtle",
        'Turtle syntax error in text at line 2, column 15: expected punctuation to follow "http://ex/c".',
        2,
        15,
        undefined,
      ],
      [
        "<http://g> { <http://a> <http://b> <http://c> . \n",
        "trig",
        "TriG syntax error in text at line 1, column 48: unclosed graph.",
        1,
        48,
        undefined,
      ],
      [
        '<http://a> <http://b> "é" , é .\n',
        "turtle",
        'Turtle syntax error in text at line 1, column 29: unexpected "é".',
        1,
        29,
        "é",
      ],
    ];
    for (const [input, format, message, line, column, token] of cases) {
      const err = parseError(input, format);
      expect(err.message).toBe(message);
      expect([err.line, err.column, err.token]).toEqual([line, column, token]);
    }
  });

  it("quotes at most 80 characters of a long token", () => {
    const input = `<http://a> <http://b> <http://c> .\n<http://a> <http://b> ${"ab".repeat(100)}:x .\n`;
    const e = parseError(input, "turtle", "long.ttl");
    const cut = `${"ab".repeat(40).slice(0, 79)}…`;
    expect(e.message).toBe(
      `Turtle syntax error in long.ttl at line 2, column 23: undefined prefix "${cut}".`,
    );
    expect(e.token).toBe(cut);

    const unterminated = `<http://a> <http://b> "${"x".repeat(200)}\n`;
    const u = parseError(unterminated, "turtle");
    expect(u.message).toBe(
      `Turtle syntax error in text at line 1, column 23: unexpected "${`"${"x".repeat(78)}…`}".`,
    );
  });

  it("rejects Turtle given as N-Triples, and TriG given as Turtle", () => {
    const e = parseError(fixture("turtle-as-ntriples.nt"), "n-triples", "turtle-as-ntriples.nt");
    expect(e.message).toBe(
      'N-Triples syntax error in turtle-as-ntriples.nt at line 1, column 1: unexpected "@prefix".',
    );
    const g = parseError("<http://g> { <http://a> <http://b> <http://c> . }\n", "turtle");
    expect(g.message).toBe(
      "Turtle syntax error in text at line 1, column 12: expected entity but got {.",
    );
    const q = parseError("<http://a> <http://b> <http://c> <http://g> .\n", "n-triples");
    expect(q.message).toBe(
      'N-Triples syntax error in text at line 1, column 34: expected punctuation to follow "http://c".',
    );
  });

  it("counts columns in code points after a multi-line literal", () => {
    const e = parseError('<http://a> <http://b> """x\ny""" <http://c> .\n', "turtle");
    expect(e.message).toBe(
      'Turtle syntax error in text at line 2, column 6: expected punctuation to follow ""x\\ny"".',
    );
  });
});
