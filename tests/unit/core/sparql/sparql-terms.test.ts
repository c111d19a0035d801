// Safe serialisation into SPARQL: hostile input stays inside its term.
import { describe, expect, it } from "vitest";
import {
  assertLanguageTag,
  escapeSparqlString,
  integer,
  iri,
  literal,
  raw,
  sparql,
  termToSparql,
} from "../../../../src/core/sparql/sparql-terms";

/**
 * Reads a STRING_LITERAL_QUOTE at the start of `text` as a SPARQL parser would; returns the
 * value and what follows the closing quote. Throws when the literal is not well formed.
 */
function readStringLiteral(text: string): { value: string; rest: string } {
  if (text[0] !== '"') throw new Error("no opening quote");
  let value = "";
  for (let i = 1; i < text.length; i++) {
    const c = text[i] ?? "";
    if (c === '"') return { value, rest: text.slice(i + 1) };
    if (c === "\n" || c === "\r") throw new Error("raw line break in a literal");
    if (c === "\\") {
      const e = text[++i] ?? "";
      const map: Record<string, string> = {
        t: "\t",
        b: "\b",
        n: "\n",
        r: "\r",
        f: "\f",
        '"': '"',
        "'": "'",
        "\\": "\\",
      };
      if (e === "u") {
        value += String.fromCodePoint(parseInt(text.slice(i + 1, i + 5), 16));
        i += 4;
      } else if (map[e] !== undefined) value += map[e];
      else throw new Error(`bad escape \\${e}`);
      continue;
    }
    value += c;
  }
  throw new Error("unterminated literal");
}

/** SPARQL 1.1 §19.2: \u escapes decoded over the whole query text before parsing. */
function decodeCodepointEscapes(text: string): string {
  return text.replace(/\\u([0-9A-Fa-f]{4})/g, (_, hex: string) =>
    String.fromCodePoint(parseInt(hex, 16)),
  );
}

const HOSTILE = [
  'a"b',
  "} ; DROP ALL ; SELECT * WHERE {",
  '" } ; DROP ALL ; INSERT DATA { <a> <b> "c',
  "line\nbreak\rreturn\ttab",
  "back\\slash\\",
  '\\"',
  "\\u0022 } DROP ALL #",
  "\\\\u0022 } DROP ALL #",
  "<script>alert(1)</script>",
  "{ } ( ) . ; , # ? $ @ ^^",
  "Ministère de l'Intérieur — 北京 — 🇵🇰 — \u0000\u0007\u001f\u007f\u2028",
  "'single' quotes",
];

describe("literal", () => {
  it.each(HOSTILE)("keeps %j inside one string literal", (input) => {
    const text = literal(input).text;
    const read = readStringLiteral(text);
    expect(read.value).toBe(input);
    expect(read.rest).toBe("");
    expect(text).not.toMatch(/[\n\r]/);
  });

  it.each(HOSTILE)("still keeps %j inside when \\u escapes are decoded first", (input) => {
    const read = readStringLiteral(decodeCodepointEscapes(literal(input).text));
    expect(read.rest).toBe("");
  });

  it("escapes per STRING_LITERAL_QUOTE", () => {
    expect(escapeSparqlString('a"b\\c\nd\re\tf\bg\fh')).toBe('a\\"b\\\\c\\nd\\re\\tf\\bg\\fh');
    expect(escapeSparqlString("\u0000\u001f\u007f")).toBe("\\u0000\\u001F\\u007F");
    expect(escapeSparqlString("é 北 🇵🇰")).toBe("é 北 🇵🇰");
  });

  it("adds a validated language tag or a datatype", () => {
    expect(literal("Lagon", { language: "en-GB" }).text).toBe('"Lagon"@en-GB');
    expect(literal("4", { datatype: "http://www.w3.org/2001/XMLSchema#integer" }).text).toBe(
      '"4"^^<http://www.w3.org/2001/XMLSchema#integer>',
    );
    expect(literal("x", { datatype: "http://www.w3.org/2001/XMLSchema#string" }).text).toBe('"x"');
    for (const tag of ["en } DROP ALL", "en\n", "", "-en", "en-", "é", "en_GB", 'fr"']) {
      if (tag === "") continue;
      expect(() => literal("x", { language: tag })).toThrow(/not a language tag/);
      expect(() => assertLanguageTag(tag)).toThrow();
    }
    expect(() => literal("x", { datatype: "http://x/> } DROP ALL { <y" })).toThrow(/IRI/);
  });

  it("rejects text with a lone surrogate", () => {
    expect(() => literal("a\uD800b")).toThrow(/lone surrogate/);
    expect(literal("😀").text).toBe('"😀"');
  });
});

describe("iri", () => {
  it("writes a valid absolute IRI as IRIREF", () => {
    expect(iri("https://orgraph.dev/data/iom-pk-2008/lagon").text).toBe(
      "<https://orgraph.dev/data/iom-pk-2008/lagon>",
    );
    expect(iri("urn:isbn:0451450523").text).toBe("<urn:isbn:0451450523>");
    expect(iri("http://example.org/É#x?y=1&z=%20").text).toBe("<http://example.org/É#x?y=1&z=%20>");
  });

  it.each([
    "http://x/> } ; DROP ALL ; SELECT * { <y",
    "http://x/a b",
    "http://x/a\nb",
    'http://x/"',
    "http://x/{a}",
    "http://x/a|b",
    "http://x/a^b",
    "http://x/a`b",
    "http://x/a\\u003E",
    "http://x/<",
    "http://x/\u0000",
  ])("rejects %j", (input) => {
    expect(() => iri(input)).toThrow(/cannot hold/);
  });

  it("rejects relative, empty and broken IRIs", () => {
    expect(() => iri("lagon")).toThrow(/not absolute/);
    expect(() => iri("")).toThrow(/non-empty/);
    expect(() => iri("http://x/\uDC00")).toThrow(/lone surrogate/);
  });
});

describe("sparql template", () => {
  it("accepts fragments, lists of fragments and whole numbers", () => {
    const q = sparql`SELECT * WHERE { ${iri("http://x/s")} ?p ${literal('"')} VALUES ?v { ${[
      iri("http://x/a"),
      iri("http://x/b"),
    ]} } } LIMIT ${10}`;
    expect(q).toBe(
      'SELECT * WHERE { <http://x/s> ?p "\\"" VALUES ?v { <http://x/a> <http://x/b> } } LIMIT 10',
    );
  });

  it("refuses raw strings and bad numbers", () => {
    const userText = "} DROP ALL {";
    expect(() => sparql`SELECT * WHERE { ${userText as never} }`).toThrow(/raw string/);
    expect(() => sparql`LIMIT ${-1}`).toThrow(/whole number/);
    expect(() => sparql`LIMIT ${1.5}`).toThrow(/whole number/);
    expect(() => integer(Number.NaN)).toThrow();
  });

  it("raw() takes keywords and variables only", () => {
    expect(raw("?label").text).toBe("?label");
    expect(() => raw('"x"')).toThrow();
    expect(() => raw("} DROP ALL {")).toThrow();
    expect(() => raw("<http://x>")).toThrow();
  });

  it("writes RDF terms, and refuses blank nodes", () => {
    expect(termToSparql({ termType: "NamedNode", value: "http://x/a" }).text).toBe("<http://x/a>");
    expect(
      termToSparql({
        termType: "Literal",
        value: "é",
        language: "fr",
        datatype: { value: "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString" },
      }).text,
    ).toBe('"é"@fr');
    expect(() => termToSparql({ termType: "BlankNode", value: "b1" })).toThrow(/blank node/);
  });
});
