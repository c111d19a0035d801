/**
 * The fast reader (src/core/rdf/fast-turtle.ts) against n3: for any input and any chunking,
 * `createRdfParser` (fast reader first, n3 reading the whole input again where it stops) gives
 * exactly what `createRdfParser({ fast: false })` (n3 alone) gives: the same term table, quad
 * indices, `distinct` flag and prefixes, or the same RdfParseError. Checked on every Turtle,
 * TriG, N-Triples and N-Quads file of the W3C suites, on targeted inputs the reader must read
 * to the end or must leave to n3, on generated and mutated documents (fast-check, seeded), and
 * through `loadRdfChunked` where the reader stops after 300 KB.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { DataFactory, Literal } from "n3";
import { afterAll, describe, expect, it, vi } from "vitest";
import { RdfParseError } from "../../../../src/core/errors";
import { loadRdfChunked, type LoadProgress } from "../../../../src/core/load/load";
import { FastRdfReader, type FastSyntax } from "../../../../src/core/rdf/fast-turtle";
import { createRdfParser, n3IriResolver } from "../../../../src/core/rdf/parse";
import { termKey, type RdfTerm } from "../../../../src/core/rdf/terms";
import { readW3cManifest, W3C_ROOT, W3C_SUITES } from "../w3c-manifests";

const BASE = "http://example.org/base/doc";
// The time limit of each test, in ms: the W3C and property tests take seconds, more on a busy
// machine.
vi.setConfig({ testTimeout: 60_000 });

// ---------------------------------------------------------------------------------------------
// Running both paths

interface ParseRun {
  /** Code units per write; undefined: the whole text in one write. */
  chunk?: number;
  /** Cut points (code unit offsets), instead of `chunk`. */
  cuts?: number[];
  /** Whether the parser gets `text` (else it keeps the chunks itself). */
  withText?: boolean;
  baseIRI?: string;
}

type Outcome =
  | {
      terms: string[];
      indices: number[];
      distinct: boolean;
      prefixes: [string, string][];
    }
  | {
      error: {
        name: string;
        message: string;
        line: number | undefined;
        column: number | undefined;
        token: string | undefined;
        reason: string;
      };
    };

/** A term as the comparison sees it: kind, value, language, datatype, and n3's key. */
function describeTerm(term: RdfTerm): string {
  const lang = term.language ?? "";
  const datatype = term.datatype?.value ?? "";
  return `${term.termType}|${term.value}|${lang}|${datatype}|${termKey(term)}`;
}

function parse(text: string, format: FastSyntax, fast: boolean, run: ParseRun = {}): Outcome {
  try {
    const parser = createRdfParser({
      format,
      baseIRI: run.baseIRI ?? BASE,
      sourceName: "doc",
      fast,
      ...(run.withText ? { text: () => text } : {}),
    });
    if (run.cuts) {
      let from = 0;
      for (const cut of [...run.cuts, text.length]) {
        parser.write(text.slice(from, cut));
        from = cut;
      }
    } else {
      const size = run.chunk ?? Math.max(1, text.length);
      for (let at = 0; at < text.length; at += size) parser.write(text.slice(at, at + size));
    }
    // Drain as loadRdfChunked does: `write("")` while n3 reads the backlog.
    while (parser.backlog > 0) parser.write("");
    const { quads, prefixes } = parser.endStore();
    return {
      terms: quads.terms.map(describeTerm),
      indices: Array.from(quads.indices),
      distinct: quads.distinct,
      prefixes: Object.entries(prefixes),
    };
  } catch (e) {
    if (!(e instanceof RdfParseError)) throw e;
    return {
      error: {
        name: e.constructor.name,
        message: e.message,
        line: e.line,
        column: e.column,
        token: e.token,
        reason: e.reason,
      },
    };
  }
}

/** The chunkings every input is compared in. */
const RUNS: ParseRun[] = [
  { withText: true },
  { chunk: 7 },
  { chunk: 64, withText: true },
  { chunk: 1 },
];

/**
 * Asserts fast == n3-only for `text` in every chunking (n3 alone fed the same chunks: without
 * `text`, an error found while writing quotes the offending text only up to the end of the
 * chunks given so far); returns n3's outcome on the whole text.
 */
function expectSame(text: string, format: FastSyntax, baseIRI = BASE, runs = RUNS): Outcome {
  const whole = parse(text, format, false, { baseIRI, withText: true });
  for (const run of runs) {
    const label = `${format}, chunk ${run.chunk ?? "whole"}${run.withText ? ", text" : ""}`;
    const reference = parse(text, format, false, { ...run, baseIRI });
    expect(parse(text, format, true, { ...run, baseIRI }), label).toEqual(reference);
    // Given the whole text, the outcome does not depend on the chunks.
    if (run.withText) expect(reference, label).toEqual(whole);
  }
  return whole;
}

/** Whether the fast reader alone reads `text` to the end (in chunks of `chunk` code units). */
function fastReads(
  text: string,
  format: FastSyntax,
  chunk = Math.max(1, text.length),
  baseIRI = BASE,
): boolean {
  const reader = new FastRdfReader({
    syntax: format,
    terms: {
      namedNode: (iri) => DataFactory.namedNode(iri),
      blankNode: (name) => DataFactory.blankNode(name),
      newBlankNode: () => DataFactory.blankNode(),
      newLiteral: (id) => new Literal(id),
      defaultGraph: () => DataFactory.defaultGraph(),
    },
    sink: { add: () => undefined },
    blankLabelPrefix: "",
    resolver: n3IriResolver(baseIRI),
  });
  for (let at = 0; at < text.length; at += chunk) {
    if (!reader.write(text.slice(at, at + chunk))) return false;
  }
  return reader.end();
}

// ---------------------------------------------------------------------------------------------
// a. The W3C suites

const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const SUITES = W3C_SUITES;

const W3C = SUITES.flatMap((suite) => readW3cManifest(join(W3C_ROOT, suite)));
/** Inputs of the suites the fast reader read to the end on its own. */
let w3cFastRead = 0;

/**
 * The floor for `w3cFastRead`: about 80% of the count observed when this test was written
 * (printed at the end of the run).
 */
const W3C_FAST_FLOOR = 460;

afterAll(() => {
  console.log(`fast reader: read ${w3cFastRead} of ${W3C.length} W3C inputs to the end on its own`);
});

describe("fast reader vs n3 on the W3C suites", () => {
  it("has the suites' inputs", () => expect(W3C.length).toBeGreaterThan(900));

  for (const suite of SUITES.map((s) => s.replace("/manifest.ttl", ""))) {
    it(`gives n3's result or error on every input of ${suite}, whole and in chunks`, () => {
      for (const t of W3C.filter((x) => x.suite === suite)) {
        const text = readFileSync(t.action, "utf8");
        const read = fastReads(text, t.format, text.length || 1, t.base);
        if (read) w3cFastRead++;
        // Whether the reader reads an input does not depend on how it is cut.
        expect(fastReads(text, t.format, 7, t.base), `${t.name}: fast read in chunks of 7`).toBe(
          read,
        );
        for (const run of [{ withText: true }, { chunk: 7 }, { chunk: 64, withText: true }]) {
          expect(
            parse(text, t.format, true, { ...run, baseIRI: t.base }),
            `${t.name} (${t.action}), chunk ${run.chunk ?? "whole"}`,
          ).toEqual(parse(text, t.format, false, { ...run, baseIRI: t.base }));
        }
      }
    });
  }

  it("reads a substantial part of the suites itself", () => {
    expect(w3cFastRead).toBeGreaterThanOrEqual(W3C_FAST_FLOOR);
  });
});

// ---------------------------------------------------------------------------------------------
// b. Inputs the fast reader reads to the end

const P = "@prefix : <http://example.org/> .\n";
const XSD = "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

/** Asserts the reader reads `text` to the end, whole and a code unit at a time, as n3 does. */
function expectRead(text: string, format: FastSyntax): Outcome {
  expect(fastReads(text, format), "fast reader, whole").toBe(true);
  expect(fastReads(text, format, 1), "fast reader, by code unit").toBe(true);
  const outcome = expectSame(text, format);
  expect(outcome).not.toHaveProperty("error");
  return outcome;
}

/** The quads of a successful outcome as lines of term keys. */
function quadLines(outcome: Outcome): string[] {
  if ("error" in outcome) throw new Error(outcome.error.message);
  const keys = outcome.terms.map((t) => t.slice(t.lastIndexOf("|") + 1));
  const lines: string[] = [];
  for (let i = 0; i < outcome.indices.length; i += 4) {
    lines.push(
      outcome.indices
        .slice(i, i + 4)
        .map((n) => keys[n])
        .join(" ")
        .trimEnd(),
    );
  }
  return lines;
}

const EX = "http://example.org/";

describe("inputs the fast reader reads to the end", () => {
  it("prefixed names with dots inside, and statements ending in a dot right after a name", () => {
    const out = expectRead(`${P}:a.b :p.q :o.\n:s :p :o.\n:c :d :e.f.\n`, "turtle");
    expect(quadLines(out)).toEqual([
      `${EX}a.b ${EX}p.q ${EX}o`,
      `${EX}s ${EX}p ${EX}o`,
      `${EX}c ${EX}d ${EX}e.f`,
    ]);
    expect(quadLines(expectRead(`${P}:s :p :o.5 .\n`, "turtle"))).toEqual([
      `${EX}s ${EX}p ${EX}o.5`,
    ]);
    // Unlike a blank node label, a local name may hold dots in a row.
    expect(quadLines(expectRead(`${P}:a..b :p _:c.d .\n`, "turtle"))).toEqual([
      `${EX}a..b ${EX}p _:c.d`,
    ]);
  });

  it("names followed directly by ; , and .", () => {
    const out = expectRead(`${P}:s :p :o,:o2;:q :o3;.\n:t :p :o;:q :o4,:o5.\n`, "turtle");
    expect(quadLines(out)).toHaveLength(6);
  });

  it("`a` as predicate", () => {
    const out = expectRead(`${P}:s a :C ; a :D .\n<http://x/s> a <http://x/C>.\n`, "turtle");
    expect(quadLines(out)[0]).toBe(`${EX}s ${RDF}type ${EX}C`);
  });

  it("local names past U+007F: letters, combining marks and a middle dot inside, astral letters", () => {
    const out = expectRead(
      `${P}:Comit\u00e9 :pr\u00e9f\u00e8re :caf\u00e9 , :a\u00b7b , :e\u0301t\u00e9 , :x\u{10000}y , :\u00c9tat. :\u4e2d :p :o .\n`,
      "turtle",
    );
    expect(quadLines(out)).toHaveLength(6);
    expect(quadLines(out).join("\n")).toContain("http://example.org/Comit\u00e9");
  });

  it("doubles: exponents with and without a sign, after an integer, a decimal or `1.`", () => {
    const out = expectRead(
      `${P}:s :p 1e5 , -2.5E-3 , +3.e+2 , 4E0 , 5.0e1. :t :p 6e2 .\n`,
      "turtle",
    );
    expect(quadLines(out)).toHaveLength(6);
    expect(quadLines(out).join("\n")).toContain("3.e+2");
  });

  it("integers, decimals, signed numbers and booleans", () => {
    expectRead(`${P}:s :p 1, -2, +3, 4.5, -0.25, +0.0, 007, true, false .\n`, "turtle");
    expectRead(`${P}:s :p 12 ; :q -3.5 ; :r true ; :t false.\n`, "turtle");
    expectRead(`${P}:s :p 12 .\n:s :q 3.25 .\n`, "turtle");
  });

  it("short strings with escapes, double and single quotes", () => {
    const out = expectRead(
      `${P}:s :p "a\\tb\\nc\\"d\\\\e", 'single', 'it\\'s', "", '', "x'y", 'x"y', "\\b\\f\\r" .\n`,
      "turtle",
    );
    expect(quadLines(out)).toHaveLength(8);
  });

  it("\\u and \\U escapes in strings and IRIs, one term however an IRI is written", () => {
    const out = expectRead(
      `${P}:s :p "caf\\u00e9", "\\U0001F600", "caf\u00e9" ; :q <http://example.org/\\u00e9>, <http://example.org/\u00e9>, <\\u0068ttp://example.org/x> .\n`,
      "turtle",
    );
    const lines = quadLines(out);
    // "café" written with an escape and without is one literal; so is the IRI.
    expect(lines).toHaveLength(6);
    expect(new Set(lines).size).toBe(4);
    expect(lines.join("\n")).toContain("\u{1F600}");
    expect(lines.join("\n")).toContain("http://example.org/x");
    expectRead(`<http://a/s> <http://a/p> "\\u00e9\\U0001F600" .\n`, "n-triples");
    expectRead(`<http://a/\\u00e9> <http://a/p> <http://a/o> <http://a/g\\u0031> .\n`, "n-quads");
  });

  it("relative IRIs against the given base and after @base and BASE, as n3 resolves them", () => {
    const out = expectRead(
      `${P}<rel> :p <../o>, <#frag>, <?q>, <//host/x>, <>, <\\u0072el2> .\n` +
        `@base <http://example.org/a/b/> .\n<rel> :p <../o> .\nBASE <c/>\n<rel> :p <./d> .\n` +
        `@prefix r: <rel/> .\nr:x :p <rel> .\n`,
      "turtle",
    );
    const lines = quadLines(out).join("\n");
    expect(lines).toContain("http://example.org/base/rel");
    expect(lines).toContain("http://example.org/a/b/rel");
    expect(lines).toContain("http://example.org/a/b/c/rel");
    expect(lines).toContain("http://example.org/a/b/c/rel/x");
    expectRead(`${P}GRAPH <g> { :s :p :o }\n<h> { <s> <p> <o> }\n`, "trig");
  });

  it("long strings: line breaks, one or two quotes inside, escapes, tags", () => {
    const out = expectRead(
      `${P}${XSD}:s :p """long\nstring with " and "" inside""" , '''single\r\n'' too''' ;\n` +
        `  :q """tag"""@en , """esc\\t\\u00e9\\"""" , """""" , ''''''^^xsd:string .\n`,
      "turtle",
    );
    expect(quadLines(out)).toHaveLength(6);
    expect(quadLines(out).join("\n")).toContain('long\nstring with " and "" inside');
  });

  it("blank node property lists: as object, as subject, empty, nested, in a graph", () => {
    const out = expectRead(
      `${P}:s :p [ :q :r ; :q2 "x"@en , [ :deep 1 ] ] , :o2 .\n` +
        `[ :a :b ] :c :d .\n[ :only :this ] .\n[] :e :f .\n:s :g [] , [ ] .\n` +
        `:s :h [ :i :j ; ] .\n`,
      "turtle",
    );
    // Inner triples come before the triple that holds their node, as n3 emits them.
    expect(quadLines(out)).toHaveLength(14);
    expectRead(`${P}:g { :s :p [ :q :r ] . [ :a :b ] }\n{ [] :c :d }\n`, "trig");
    expectRead(`${P}:s :p ${"[ :q ".repeat(64)}:o${" ]".repeat(64)} .\n`, "turtle");
  });

  it('language tags with subtags and in upper case ("EN" and "en" give one literal)', () => {
    const out = expectRead(
      `${P}:s :p "x"@en, "x"@EN, "x"@en-GB, "x"@zh-Hant-TW, "y"@De-CH-1996 .\n`,
      "turtle",
    );
    if ("error" in out) throw new Error("unexpected error");
    expect(out.terms.filter((t) => t.startsWith("Literal|x|en|"))).toHaveLength(1);
    expect(quadLines(out)).toHaveLength(5);
  });

  it("datatypes in angle brackets and prefixed", () => {
    const out = expectRead(
      `${P}${XSD}:s :p "1"^^<http://www.w3.org/2001/XMLSchema#int>, "1"^^xsd:int, "d"^^:dt .\n`,
      "turtle",
    );
    if ("error" in out) throw new Error("unexpected error");
    expect(out.terms.filter((t) => t.startsWith("Literal|1|"))).toHaveLength(1);
  });

  it("PREFIX and prefix (SPARQL style) and @prefix", () => {
    const out = expectRead(
      "PREFIX ex: <http://example.org/>\nprefix ex2: <http://example.org/2/>\n" +
        "@prefix ex3: <http://example.org/3/> .\nex:s ex2:p ex3:o .\n",
      "turtle",
    );
    if ("error" in out) throw new Error("unexpected error");
    expect(out.prefixes).toEqual([
      ["ex", EX],
      ["ex2", `${EX}2/`],
      ["ex3", `${EX}3/`],
    ]);
  });

  it("a prefix redefined in the middle of the document", () => {
    const out = expectRead(
      "@prefix : <http://a.example/> .\n:x :p :y .\n@prefix : <http://b.example/> .\n" +
        ":x :p :y .\nPREFIX : <http://a.example/>\n:x :p :z .\n",
      "turtle",
    );
    expect(quadLines(out)).toEqual([
      "http://a.example/x http://a.example/p http://a.example/y",
      "http://b.example/x http://b.example/p http://b.example/y",
      "http://a.example/x http://a.example/p http://a.example/z",
    ]);
  });

  it("TriG graph blocks: GRAPH <g> { }, <g> { }, { }, a last triple without a dot", () => {
    const out = expectRead(
      `${P}GRAPH <http://g/1> { :s :p :o . :s :q :r }\n<http://g/2> { :s :p :o }\n` +
        `{ :s :p :d }\n:g3 { :s :p :o ; :q :r , :t . }\ngraph :g4 {}\n{}\n:s :p :top .\n`,
      "trig",
    );
    expect(quadLines(out)).toEqual([
      `${EX}s ${EX}p ${EX}o http://g/1`,
      `${EX}s ${EX}q ${EX}r http://g/1`,
      `${EX}s ${EX}p ${EX}o http://g/2`,
      `${EX}s ${EX}p ${EX}d`,
      `${EX}s ${EX}p ${EX}o ${EX}g3`,
      `${EX}s ${EX}q ${EX}r ${EX}g3`,
      `${EX}s ${EX}q ${EX}t ${EX}g3`,
      `${EX}s ${EX}p ${EX}top`,
    ]);
  });

  it("comments everywhere and CRLF line ends", () => {
    expectRead(
      "# head\r\n@prefix : <http://example.org/> . # after\r\n:s # s\r\n :p # p\r\n :o # o\r\n" +
        " , :o2 # comma\r\n ; # semi\r\n :q 1 # num\r\n . # end\r\n# tail",
      "turtle",
    );
    expectRead(`${P}# a\n{ # b\n:s :p :o # c\n} # d\n<http://g/> # e\n{ :s :p :o } # f`, "trig");
  });

  it("N-Triples with blank nodes, language tags and datatypes", () => {
    const out = expectRead(
      '<http://a/s> <http://a/p> _:b1 .\n_:b1 <http://a/p> "x"@en-GB .\n' +
        '<http://a/s> <http://a/q> "1"^^<http://www.w3.org/2001/XMLSchema#integer> . # c\n' +
        '_:b1\t<http://a/r>\t"a\\"b" .\r\n',
      "n-triples",
    );
    expect(quadLines(out)).toHaveLength(4);
  });

  it("N-Quads with and without graph terms", () => {
    const out = expectRead(
      "<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n" +
        "<http://a/s> <http://a/p> <http://a/o> .\n" +
        '_:x <http://a/p> "v"@fr _:g .\n<http://a/s> <http://a/p> "w" <http://a/g> .\n',
      "n-quads",
    );
    expect(quadLines(out)).toEqual([
      "http://a/s http://a/p http://a/o http://a/g",
      "http://a/s http://a/p http://a/o",
      '_:x http://a/p "v"@fr _:g',
      'http://a/s http://a/p "w" http://a/g',
    ]);
  });

  it("empty input, only whitespace, only comments", () => {
    for (const format of ["turtle", "trig", "n-triples", "n-quads"] as const) {
      expect(quadLines(expectRead("", format))).toEqual([]);
      expect(quadLines(expectRead(" \n\t\r\n", format))).toEqual([]);
      expect(quadLines(expectRead("# only a comment", format))).toEqual([]);
    }
  });

  it("input ending without a line break", () => {
    expectRead(`${P}:s :p :o .`, "turtle");
    expectRead(`${P}:s :p "x"@en .`, "turtle");
    expectRead(`${P}{ :s :p :o }`, "trig");
    expectRead("<http://a/s> <http://a/p> <http://a/o> .", "n-triples");
    expectRead("<http://a/s> <http://a/p> <http://a/o> <http://a/g> .", "n-quads");
  });
});

// ---------------------------------------------------------------------------------------------
// c. Inputs the fast reader leaves to n3

/** Asserts the reader stops on `text` and the fast path still gives n3's outcome. */
function expectStop(text: string, format: FastSyntax): Outcome {
  expect(fastReads(text, format), "fast reader, whole").toBe(false);
  expect(fastReads(text, format, 1), "fast reader, by code unit").toBe(false);
  return expectSame(text, format);
}

/** A large document in the subset: `lines` statements, one a line after the prefix. */
function bigTurtle(lines: number): string {
  const out = [P.trimEnd()];
  for (let i = 0; i < lines; i++) {
    out.push(`:s${i} :p${i % 7} "v${i}"@en , ${i} ; a :C${i % 3} .`);
  }
  return `${out.join("\n")}\n`;
}

describe("inputs the fast reader leaves to n3 (same result or error)", () => {
  it.each([
    ["relative IRI with a colon in its first segment", `${P}<a/:b> :p <:c> .\n`],
    ["@base without its dot", `@base <http://example.org/>\n${P}<s> :p :o .\n`],
    ["BASE with a dot", `BASE <http://example.org/> .\n${P}:s :p :o .\n`],
    ["@base inside a graph block", `${P}:g { @base <http://example.org/> . }\n`],
    ["empty blank node alone", `${P}[] .\n`],
    ["empty blank node as a graph name", `${P}[] { :s :p :o }\n`],
    ["blank node property list as a graph name", `${P}[ :q :r ] { :s :p :o }\n`],
    ["blank node property list without its ]", `${P}:s :p [ :q :r .\n`],
    ["blank node property list ending in a comma", `${P}:s :p [ :q :r , ] .\n`],
    [
      "blank node property list nested past 64 deep",
      `${P}:s :p ${"[ :q ".repeat(65)}:o${" ]".repeat(65)} .\n`,
    ],
    ["collection", `${P}:s :p ( 1 2 :x ) .\n`],
    ["empty collection", `${P}:s :p () .\n`],
    ["triple term", `${P}<< :a :b :c >> :p :o .\n`],
    ["triple term object", `${P}:s :p <<( :a :b :c )>> .\n`],
    ["long string not closed", `${P}:s :p """long\nstring .\n`],
    ["long string with four quotes at its end", `${P}:s :p """a"""" .\n`],
    ["long string with a bad escape", `${P}:s :p """a\\x""" .\n`],
    ["\\u escape of a surrogate", `${P}:s :p "\\uD800" .\n`],
    ["\\u escape with a digit that is not hexadecimal", `${P}:s :p "\\u00G0" .\n`],
    ["\\U escape past U+10FFFF", `${P}:s :p "\\U00110000" .\n`],
    ["\\u escape of a space in an IRI", `${P}:s :p <http://example.org/\\u0020b> .\n`],
    ["\\u escape of a quote in an IRI", `${P}:s :p <http://example.org/\\u0022b> .\n`],
    ["escape other than \\u in an IRI", `${P}:s :p <http://example.org/\\n> .\n`],
    ["base direction", `${P}:s :p "x"@en--ltr .\n`],
    ["double without exponent digits", `${P}:s :p 1e .\n`],
    ["double with a sign and no digits", `${P}:s :p 1.5E+ .\n`],
    ["double starting with a dot", `${P}:s :p .5e3 .\n`],
    ["double followed by a letter", `${P}:s :p 1e5x .\n`],
    ["decimal without integer part", `${P}:s :p .5 .\n`],
    ["signed decimal without integer part", `${P}:s :p -.5 .\n`],
    ["undefined prefix", `${P}u:x :p :o .\n`],
    ["undefined prefix as object", `${P}:x :p u:o .\n`],
    ["local name starting with a middle dot", `${P}:\u00b7a :p :o .\n`],
    ["local name with a multiplication sign", `${P}:a\u00d7b :p :o .\n`],
    ["local name followed by a non-breaking space", `${P}:caf\u00e9\u00a0:p :o .\n`],
    ["blank node label with a letter past U+007F", `${P}_:caf\u00e9 :p :o .\n`],
    ["non-ASCII prefix", `@prefix \u00e9: <http://example.org/> .\n\u00e9:s \u00e9:p \u00e9:o .\n`],
    ["%20 in a local name", `${P}:a%20b :p :o .\n`],
    ["escaped local name", `${P}:a\\-b :p :o .\n`],
    ["colon in a local name", `${P}:a:b :p :o .\n`],
    // n3 reads a blank node label's dots one at a time: `_:a..b` is its error.
    ["two dots in a row in a blank node label", `${P}_:a..b :p :o .\n`],
    ["two dots in a row in a blank node label (object)", `${P}:s :p _:a..b .\n`],
    ["blank node label ending in two dots", `${P}:s :p _:b..\n`],
    ["missing final dot", `${P}:s :p :o\n`],
    ["missing final dot, no line break", `${P}:s :p :o`],
    ["unterminated string", `${P}:s :p "abc .\n`],
    ["unterminated string at the end", `${P}:s :p "abc`],
    ["string across a line break", `${P}:s :p "a\nb" .\n`],
    ["unknown escape", `${P}:s :p "a\\qb" .\n`],
    ["whitespace before a language tag", `${P}:s :p "x" @en .\n`],
    ["graph block in Turtle", `${P}{ :s :p :o }\n`],
    ["named graph block in Turtle", `${P}<http://g/> { :s :p :o }\n`],
    ["GRAPH in Turtle", `${P}GRAPH <http://g/> { :s :p :o }\n`],
    ["`a` as subject", `${P}a :p :o .\n`],
    ["`a` as object", `${P}:s :p a .\n`],
    ["BOM at the start", `\uFEFF${P}:s :p :o .\n`],
    ["@keywords", `@keywords a .\n${P}:s :p :o .\n`],
    ["VERSION", `VERSION "1.2"\n${P}:s :p :o .\n`],
    ["@version", `@version "1.2" .\n${P}:s :p :o .\n`],
    ["rdf:langString datatype", `${P}:s :p "x"^^<${RDF}langString> .\n`],
    ["annotation", `${P}:s :p :o {| :q :r |} .\n`],
    ["reifier", `${P}:s :p :o ~ :r .\n`],
    ["predicate `a` followed by a name character", `${P}:s ab:c :o .\n`],
    ["trailing `;` `;` at the end", `${P}:s :p :o ;;\n`],
    ["`.` instead of an object", `${P}:s :p . \n`],
    ["stray }", `${P}:s :p :o . }\n`],
  ])("turtle: %s", (_, text) => {
    expectStop(text, "turtle");
  });

  it.each([
    ["nested graph", `${P}{ { :s :p :o } }\n`],
    ["unclosed graph", `${P}<http://g/> { :s :p :o .\n`],
    ["unclosed graph at the end", `${P}{ :s :p :o }\n{ :s :p :o`],
    ["@prefix inside a graph", `{ @prefix : <http://example.org/> . }\n`],
    ["PREFIX inside a graph", `{ PREFIX : <http://example.org/> }\n`],
    ["GRAPH inside a graph", `${P}{ GRAPH :g { } }\n`],
    ["blank node property list as graph", `${P}[] { :s :p :o }\n`],
    ["triples after a graph name", `${P}:g :p :o { }\n`],
    ["`.` after `}`", `${P}{ :s :p :o } .\n`],
  ])("trig: %s", (_, text) => {
    expectStop(text, "trig");
  });

  it.each([
    ["prefixed name", `<http://a/s> <http://a/p> ex:o .\n`],
    ["relative IRI", `<s> <http://a/p> <http://a/o> .\n`],
    [
      "two statements on a line",
      `<http://a/s> <http://a/p> <http://a/o> . <http://a/s> <http://a/p> <http://a/o> .\n`,
    ],
    ["single-quoted string", `<http://a/s> <http://a/p> 'x' .\n`],
    ["long string", `<http://a/s> <http://a/p> """long""" .\n`],
    ["number", `<http://a/s> <http://a/p> 1 .\n`],
    ["missing dot", `<http://a/s> <http://a/p> <http://a/o>\n`],
    ["\\u escape of a surrogate", `<http://a/s> <http://a/p> "\\uDFFF" .\n`],
    ["prefixed datatype", `<http://a/s> <http://a/p> "1"^^xsd:int .\n`],
    ["statement across lines", `<http://a/s>\n<http://a/p> <http://a/o> .\n`],
    ["graph term in N-Triples", `<http://a/s> <http://a/p> <http://a/o> <http://a/g> .\n`],
    ["triple term", `<http://a/s> <http://a/p> <<( <http://a/s> <http://a/p> <http://a/o> )>> .\n`],
    ["two dots in a row in a blank node label", `_:a..b <http://a/p> <http://a/o> .\n`],
  ])("n-triples: %s", (_, text) => {
    expectStop(text, "n-triples");
  });

  it.each([
    ["literal as graph", `<http://a/s> <http://a/p> <http://a/o> "g" .\n`],
    ["relative graph", `<http://a/s> <http://a/p> <http://a/o> <g> .\n`],
    ["five terms", `<http://a/s> <http://a/p> <http://a/o> <http://a/g> <http://a/h> .\n`],
  ])("n-quads: %s", (_, text) => {
    expectStop(text, "n-quads");
  });

  it("a syntax error in the middle of a large valid document: n3's error, line and column", () => {
    const lines = bigTurtle(3000).split("\n");
    lines[1500] = `:bad :p :o :extra .`;
    const text = lines.join("\n");
    const outcome = expectStop(text, "turtle");
    if (!("error" in outcome)) throw new Error("expected a syntax error");
    expect(outcome.error.line).toBe(1501);
    expect(outcome.error.column).toBeGreaterThan(1);
  });

  it("a large valid document read to the end, then the same with a collection at its end", () => {
    const text = bigTurtle(3000);
    expect(fastReads(text, "turtle")).toBe(true);
    expectSame(text, "turtle");
    expectStop(`${text}:s :p ( 1 ) .\n`, "turtle");
  });
});

describe("edge cases, read by the reader or left to n3: n3's result or error either way", () => {
  it.each([
    ["turtle", `${P}:s :p true.\n`],
    ["turtle", `${P}:s :p true.:x :p :o .\n`],
    ["turtle", `${P}:s :p 1.\n`],
    ["turtle", `${P}:s :p 1.:x :p :o .\n`],
    ["turtle", `${P}:s :p -1.5.\n`],
    ["turtle", `${P}:s :p 1:x .\n`],
    ["turtle", `${P}:s a;:p :o .\n`],
    ["turtle", `${P}:s a,:o .\n`],
    ["turtle", `${P}:s a"x" .\n`],
    ["turtle", `${P}:s a<http://x/C> .\n`],
    ["turtle", `${P}:s a#c\n:C .\n`],
    ["turtle", `${P}:s a:b :c .\n`],
    ["turtle", `${P}<http://x/s><http://x/p><http://x/o>.\n`],
    ["turtle", `${P}:s :p "x"@en1 .\n`],
    ["turtle", `${P}:s :p "x"@en- .\n`],
    ["turtle", `${P}:s :p "x"@VERSION .\n`],
    ["turtle", `${P}:s :p "x"@Version .\n`],
    ["turtle", `${P}:s :p "x"@version .\n`],
    ["turtle", `${P}:s :p "x"@abcdefghi .\n`],
    ["turtle", `${P}:s :p "x"@en-abcdefghi .\n`],
    ["turtle", `${P}:s :p "x"^^:dt@en .\n`],
    ["turtle", `${P}:s :p "x"^^ :dt .\n`],
    ["turtle", `${P}:s :p "x"^^<${"http://www.w3.org/2001/XMLSchema#"}string>, "x" .\n`],
    ["turtle", `${P}:s :p "x""y" .\n`],
    ["turtle", `${P}:s :p ""'' .\n`],
    ["turtle", `${P}:s :p "a\u0000b" .\n`],
    ["turtle", `${P}:s :p "\ud800" .\n`],
    ["turtle", `${P}:s :p <http://x/\ud800> .\n`],
    ["turtle", `${P}:s :p <http://x/a\u007fb> .\n`],
    ["turtle", `${P}:s :p <HTTP://x/> .\n`],
    ["turtle", `${P}:s :p <a+b-c.d:x> .\n`],
    ["turtle", `${P}:s :p <1a:x> .\n`],
    ["turtle", `${P}:s :p <:x> .\n`],
    ["turtle", `@prefix : <http://x/>.\n:s :p :o .\n`],
    ["turtle", `@prefix :<http://x/> .\n:s :p :o .\n`],
    ["turtle", `@prefix : <http://x/> # c\n . :s :p :o .\n`],
    ["turtle", `@prefix p.q: <http://x/> .\np.q:s p.q:p p.q:o .\n`],
    ["turtle", `@prefix p: <http://x/>\n:s :p :o .\n`],
    ["turtle", `PREFIX p: <http://x/> .\np:s p:p p:o .\n`],
    ["turtle", `PREFIX\tp:\t<http://x/>\np:s p:p p:o .\n`],
    ["turtle", `PREFIX\u000bp: <http://x/>\np:s p:p p:o .\n`],
    ["turtle", `@PREFIX p: <http://x/> .\np:s p:p p:o .\n`],
    ["turtle", `@prefix p: <http://x/> .\n@prefix p: <http://x/> .\np:s p:p p:o .\n`],
    ["turtle", `@prefix base: <http://x/> .\nbase:s base:p base:o .\n`],
    ["turtle", `@prefix graph: <http://x/> .\ngraph:s graph:p graph:o .\n`],
    ["turtle", `@prefix prefix: <http://x/> .\nprefix:s prefix:p prefix:o .\n`],
    ["turtle", `@prefix true: <http://x/> .\ntrue:s true:p true:o .\n`],
    ["turtle", `@prefix a: <http://x/> .\na:s a a:o .\n`],
    ["turtle", `${P}:s :p :o\u00a0.\n`],
    ["turtle", `${P}:s :p :o\v.\n`],
    ["turtle", `${P}:s :p :o ;; :q :r ;.\n`],
    ["turtle", `${P}:s :p :o , .\n`],
    ["turtle", `${P}:s :p :o .. \n`],
    ["turtle", `${P}:s :p :o .\r:t :p :o .\r`],
    ["turtle", `${P}:s :p _:b.c, _:b-c, _:b_c, _:9 .\n`],
    ["turtle", `${P}:s :p _:b:c .\n`],
    ["turtle", `${P}:s :p _:-b .\n`],
    ["turtle", `${P}:s :p _:.b .\n`],
    ["turtle", `${P}:s :p :-b .\n`],
    ["turtle", `${P}:s :p :_b, :9, :b- .\n`],
    ["turtle", `${P}:s :p :b\\.c .\n`],
    ["turtle", `${P}:s :p :b.\n`],
    ["turtle", `${P}:s :p :.b .\n`],
    ["trig", `${P}_:g { :s :p :o }\n`],
    ["trig", `${P}GRAPH _:g { :s :p :o }\n`],
    ["trig", `${P}:g{:s :p :o}\n`],
    ["trig", `${P}GRAPH<http://g/>{:s :p :o}\n`],
    ["trig", `${P}{ :s :p :o ; }\n`],
    ["trig", `${P}{ :s :p :o , }\n`],
    ["trig", `${P}{ :s :p :o . . }\n`],
    ["trig", `${P}{ :s :p :o }.\n`],
    ["trig", `${P}{ }{ }\n`],
    ["trig", `${P}:g { } :h { :s :p :o }\n`],
    ["trig", `${P}GRAPH :g :h { }\n`],
    ["trig", `${P}true { }\n`],
    ["trig", `${P}:s :p :o }\n`],
    ["n-triples", `<http://a/s> <http://a/p> "x"@en.\n`],
    ["n-triples", `<http://a/s><http://a/p><http://a/o>.\n`],
    ["n-triples", `<http://a/s> <http://a/p> "x"^^<http://a/dt>.\n`],
    ["n-triples", `  <http://a/s> <http://a/p> <http://a/o> .  \n\n`],
    [
      "n-triples",
      `<http://a/s> <http://a/p> <http://a/o> .\r<http://a/s> <http://a/p> <http://a/o> .`,
    ],
    ["n-triples", `<http://a/s> <http://a/p> "a\\'b" .\n`],
    ["n-triples", `<http://a/s> <http://a/p> _:a.b .\n`],
    ["n-triples", `<http://a/s> <http://a/p> _:a. .\n`],
    ["n-triples", `<http://a/s> <http://a/p> <http://a/o> . .\n`],
    [
      "n-triples",
      `<http://a/s> <http://a/p> <http://a/o> .<http://a/s> <http://a/p> <http://a/o> .\n`,
    ],
    ["n-quads", `<http://a/s> <http://a/p> "x"<http://a/g> .\n`],
    ["n-quads", `<http://a/s> <http://a/p> "x"_:g .\n`],
    ["n-quads", `<http://a/s> <http://a/p> "x"@en_:g .\n`],
    ["n-quads", `<http://a/s> <http://a/p> "x"@en<http://a/g>.\n`],
    ["n-quads", `<http://a/s> <http://a/p> <http://a/o> _:g.\n`],
    ["n-quads", `<http://a/s> <http://a/p> <http://a/o> <http://a/g> <http://a/h> .\n`],
  ] as const)("%s: %j", (format, text) => {
    expectSame(text, format);
  });
});

// ---------------------------------------------------------------------------------------------
// d. Generated and mutated documents (fast-check, seeded as in chunked.property.test.ts)

const SEED = 20_260_601;
const PROPERTY_RUNS = 1500;
const SOUP_RUNS = 1000;

/** Mostly `inside` (the reader's subset), now and then `outside` (left to n3). */
function mostly<T>(inside: readonly T[], outside: readonly T[]): fc.Arbitrary<T> {
  return fc.oneof(
    { weight: 24, arbitrary: fc.constantFrom(...inside) },
    { weight: 1, arbitrary: fc.constantFrom(...outside) },
  );
}

const ws = fc.constantFrom(" ", " ", "\n", "\r\n", "\t", "  ", " # c\n", "\n# a comment\n", "");
const prefixName = mostly(["", "ex", "p1", "a", "b-c", "xsd"], ["Ab.c", "undefined"]);
const namespace = fc.constantFrom(
  "http://example.org/",
  "http://example.org/ns#",
  "urn:x:",
  "http://www.w3.org/2001/XMLSchema#",
);
const local = mostly(
  ["a", "b.c", "x_1", "y-z", "1a", "", "a.b.c", "_u", "Ab9", "a..b"],
  ["é", "a%20"],
);
const pname = fc.tuple(prefixName, local).map(([p, l]) => `${p}:${l}`);
const iriRef = mostly(
  ["<http://example.org/x>", "<urn:y:z>", "<http://example.org/a#b>", "<http://example.org/é>"],
  ["<rel>", "<#frag>"],
);
const blankLabel = mostly(["_:b1", "_:x.y", "_:c", "_:1"], ["_:a..b"]);
const stringChar = mostly(
  ["a", "b", " ", "\\t", "\\n", '\\"', "\\\\", "'", "é"],
  ["\\u00e9", "\\x"],
);
const suffix = fc.constantFrom(
  "",
  "",
  "@en",
  "@EN",
  "@en-GB",
  "@fr-be",
  "^^<http://www.w3.org/2001/XMLSchema#date>",
  "^^xsd:int",
  "^^ex:dt",
);
const literalText = fc
  .tuple(fc.constantFrom('"', "'"), fc.array(stringChar, { maxLength: 6 }), suffix)
  .map(([q, chars, sfx]) => {
    // A quote of the string's own kind, escaped (the escapes themselves are in `chars`).
    const body = chars.map((c) => (c === q ? `\\${q}` : c)).join("");
    return `${q}${body}${q}${sfx}`;
  });
/** Long strings: line breaks and quotes inside (a quote at the end makes n3's error). */
const longLiteralText = fc
  .tuple(
    fc.constantFrom('"""', "'''"),
    fc.array(fc.oneof(stringChar, fc.constantFrom("\n", "\r\n", '"', "'", '""', "''")), {
      maxLength: 6,
    }),
    suffix,
  )
  .map(([q, chars, sfx]) => `${q}${chars.join("")}${q}${sfx}`);
const numberText = mostly(["1", "-2", "+3", "4.5", "-0.5", "0", "007"], ["1e5", ".5"]);
const booleanText = fc.constantFrom("true", "false");
const verbText = fc.oneof(pname, iriRef, fc.constant("a"));
const plainObject = fc.oneof(
  pname,
  iriRef,
  blankLabel,
  literalText,
  longLiteralText,
  numberText,
  booleanText,
);
/** `[]`, or `[ verb objects ; ... ]` one level deep (its objects may hold another). */
const blankList = fc.oneof(
  fc.constantFrom("[]", "[ ]"),
  fc
    .tuple(
      ws,
      fc.array(
        fc.tuple(
          verbText,
          ws,
          fc.array(fc.oneof(plainObject, fc.constant("[ a :C ]")), {
            minLength: 1,
            maxLength: 2,
          }),
        ),
        { minLength: 1, maxLength: 2 },
      ),
      mostly([""], [" ;"]),
    )
    .map(
      ([w, pos, end]) =>
        `[${w}${pos.map(([v, w2, os]) => `${v} ${w2}${os.join(" , ")}`).join(" ; ")}${end} ]`,
    ),
);
const subjectText = fc.oneof(pname, iriRef, blankLabel, blankList);
const objectText = fc.oneof(
  { weight: 6, arbitrary: plainObject },
  { weight: 1, arbitrary: blankList },
);

const objects = fc
  .tuple(fc.array(objectText, { minLength: 1, maxLength: 3 }), ws)
  .map(([os, w]) => os.join(`${w},${w}`));
const predicateObjects = fc
  .tuple(fc.array(fc.tuple(verbText, ws, objects), { minLength: 1, maxLength: 3 }), ws)
  .map(([pos, w]) => pos.map(([v, w2, o]) => `${v} ${w2}${o}`).join(`${w};${w} `));
const triples = fc
  .tuple(subjectText, ws, predicateObjects, ws, mostly([".", " .", "\n."], [""]))
  .map(([s, w, po, w2, dot]) => `${s} ${w}${po}${w2}${dot}`);
const prefixDecl = fc
  .tuple(prefixName, namespace, fc.constantFrom("@prefix", "PREFIX", "prefix"))
  .map(([p, ns, kw]) => (kw === "@prefix" ? `@prefix ${p}: <${ns}> .` : `${kw} ${p}: <${ns}>`));
const turtleStatement = fc.oneof(
  { weight: 1, arbitrary: prefixDecl },
  { weight: 4, arbitrary: triples },
);
const graphBlock = fc
  .tuple(
    fc.constantFrom("GRAPH <http://g/1> ", "<http://g/2> ", "ex:g ", "", "graph _:g "),
    fc.array(triples, { maxLength: 3 }),
    ws,
  )
  .map(([head, ts, w]) => `${head}{${w}${ts.join(`${w}`)}${w}}`);
const trigStatement = fc.oneof(
  { weight: 1, arbitrary: prefixDecl },
  { weight: 2, arbitrary: triples },
  { weight: 2, arbitrary: graphBlock },
);
/** Declarations of the usual prefixes first, so that most names are defined. */
const HEAD =
  "@prefix : <http://example.org/> .\n@prefix ex: <http://example.org/ns#> .\n" +
  "PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>\nprefix p1: <urn:p1:>\n" +
  "@prefix a: <http://example.org/a/> .\n@prefix b-c: <http://example.org/ns#> .\n";
const withHead = mostly([true], [false]);
const turtleDoc = fc
  .tuple(withHead, fc.array(fc.tuple(turtleStatement, ws), { maxLength: 6 }))
  .map(([head, ss]) => (head ? HEAD : "") + ss.map(([st, w]) => `${st}${w}\n`).join(""));
const trigDoc = fc
  .tuple(withHead, fc.array(fc.tuple(trigStatement, ws), { maxLength: 5 }))
  .map(([head, ss]) => (head ? HEAD : "") + ss.map(([st, w]) => `${st}${w}\n`).join(""));

const lineTerm = fc.oneof(mostly(["<http://a/s>", "<urn:x:o>"], ["<rel>"]), blankLabel);
const lineObject = fc.oneof(
  lineTerm,
  literalText.map((l) => l.replace(/^'(.*)'/, '"$1"').replace("^^xsd:int", "")),
);
const lineEnd = fc.constantFrom(" .\n", ".\n", " . # c\n", " .\r\n", "\t.\n", " .");
const nTriplesDoc = fc
  .array(
    fc
      .tuple(lineTerm, fc.constantFrom("<http://a/p>", "<urn:p>"), lineObject, lineEnd)
      .map(([s, p, o, e]) => `${s} ${p} ${o}${e}`),
    { maxLength: 6 },
  )
  .map((lines) => lines.map((l) => (l.endsWith("\n") ? l : `${l}\n`)).join(""));
const nQuadsDoc = fc
  .array(
    fc
      .tuple(
        lineTerm,
        fc.constantFrom("<http://a/p>", "<urn:p>"),
        lineObject,
        fc.constantFrom("", " <http://g/1>", " _:g", "\t<urn:g>"),
        lineEnd,
      )
      .map(([s, p, o, g, e]) => `${s} ${p} ${o}${g}${e}`),
    { maxLength: 6 },
  )
  .map((lines) => lines.map((l) => (l.endsWith("\n") ? l : `${l}\n`)).join(""));

const document = fc.oneof(
  turtleDoc.map((text) => ({ format: "turtle" as const, text })),
  trigDoc.map((text) => ({ format: "trig" as const, text })),
  nTriplesDoc.map((text) => ({ format: "n-triples" as const, text })),
  nQuadsDoc.map((text) => ({ format: "n-quads" as const, text })),
);

/** Mutations: characters deleted, inserted (in and outside the subset) or replaced. */
const inserted = fc.oneof(
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 127 }).map((c) => String.fromCharCode(c)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom("!", "^", "|", "~", "\v", "\u00a0", "'''", "..", "e", "5"),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom(
      "[",
      "]",
      "(",
      ")",
      "<<",
      ">>",
      '"""',
      "\\u00e9",
      "é",
      "@base <http://b/> .",
      "BASE <http://b/>",
      "1e5",
      ".",
      ";",
      ",",
      "{",
      "}",
      " ",
      "\n",
      "\r",
      "#",
      ":",
      "_:",
      "a ",
      '"',
      "'",
      "\\",
      "\uFEFF",
      "%",
      "^^",
      "@",
      "-",
      "0",
      "x",
      "@en--ltr",
      "GRAPH ",
      "\u0000",
    ),
  },
);
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant("delete" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant("insert" as const), at: fc.nat(), text: inserted }),
  fc.record({ kind: fc.constant("replace" as const), at: fc.nat(), text: inserted }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(input: string, mutations: readonly Mutation[]): string {
  let s = input;
  for (const m of mutations) {
    const at = s.length === 0 ? 0 : m.at % s.length;
    if (m.kind === "delete") s = s.slice(0, at) + s.slice(at + m.length);
    else if (m.kind === "insert") s = s.slice(0, at) + m.text + s.slice(at);
    else s = s.slice(0, at) + m.text + s.slice(at + 1);
  }
  return s;
}

/** Sorted, distinct cut points inside `text` from arbitrary numbers. */
function cutsOf(text: string, numbers: number[]): number[] {
  if (text.length === 0) return [];
  return [...new Set(numbers.map((n) => n % text.length))].sort((a, b) => a - b);
}

describe("fast reader vs n3 on generated documents (property)", () => {
  it("gives n3's result or error for generated and mutated documents in random chunks", () => {
    let read = 0;
    let runs = 0;
    fc.assert(
      fc.property(
        document,
        fc.oneof(fc.constant([]), fc.array(mutation, { minLength: 1, maxLength: 3 })),
        fc.array(fc.nat(), { maxLength: 10 }),
        fc.boolean(),
        ({ format, text: generated }, mutations, numbers, withText) => {
          const text = mutate(generated, mutations);
          runs++;
          if (fastReads(text, format)) read++;
          const cuts = cutsOf(text, numbers);
          const reference = parse(text, format, false, { cuts, withText });
          expect(parse(text, format, true, { cuts, withText }), JSON.stringify(text)).toEqual(
            reference,
          );
          if (withText) expect(reference).toEqual(parse(text, format, false, { withText }));
        },
      ),
      { seed: SEED, numRuns: PROPERTY_RUNS },
    );
    console.log(`fast reader: read ${read} of ${runs} generated documents to the end on its own`);
    // The generator stays mostly in the subset: the reader must read a good part itself.
    expect(read).toBeGreaterThan(runs / 4);
  });
});

/** Tokens of the subset and a few beyond it, to be put together in any order. */
const token = fc.constantFrom(
  ":a",
  "ex:b.c",
  "a:",
  "_:b",
  "<http://x/y>",
  "<rel>",
  '"s"',
  "'t'",
  '""',
  '"e\\n"',
  "@en",
  "@EN-gb",
  "^^",
  "xsd:int",
  "a",
  "1",
  "-2.5",
  "true",
  "false",
  ".",
  ";",
  ",",
  "{",
  "}",
  "GRAPH",
  "PREFIX",
  "@prefix",
  "BASE",
  "[",
  "]",
  "(",
  ")",
  "<<",
  ">>",
  "#c\n",
  " ",
  " ",
  "\n",
  "\r\n",
  "\t",
);

describe("fast reader vs n3 on token soup (property)", () => {
  it("gives n3's result or error for tokens in any order, in random chunks", () => {
    let read = 0;
    fc.assert(
      fc.property(
        fc.constantFrom(...(["turtle", "trig", "n-triples", "n-quads"] as const)),
        fc.array(token, { maxLength: 30 }),
        fc.array(fc.nat(), { maxLength: 6 }),
        (format, tokens, numbers) => {
          const text = HEAD + tokens.join("");
          if (fastReads(text, format)) read++;
          const cuts = cutsOf(text, numbers);
          expect(parse(text, format, true, { cuts }), JSON.stringify(text)).toEqual(
            parse(text, format, false, { cuts }),
          );
        },
      ),
      { seed: SEED, numRuns: SOUP_RUNS },
    );
    console.log(`fast reader: read ${read} of ${SOUP_RUNS} token soups to the end on its own`);
    expect(read).toBeGreaterThan(0);
  });
});

// ---------------------------------------------------------------------------------------------
// e. The replay: the reader stops after 300 KB, n3 reads it all again in steps

describe("fallback replay through loadRdfChunked", () => {
  /** About 300 KB in the subset, then `tail` (a collection, outside it). */
  function longDocument(tail: string): string {
    let text = bigTurtle(8000);
    expect(text.length).toBeGreaterThan(300_000);
    expect(fastReads(text, "turtle")).toBe(true);
    text += tail;
    return text;
  }

  async function load(text: string, progress: LoadProgress[]) {
    return loadRdfChunked(text, {
      format: "turtle",
      baseIRI: BASE,
      sourceName: "doc",
      chunkSize: 16 * 1024,
      sliceMs: 0,
      yieldTo: () => Promise.resolve(),
      onProgress: (p) => progress.push(p),
    });
  }

  it("gives n3's quads when a collection near the end sends the input to n3", async () => {
    const text = longDocument(`:z :p ( :q :r ) .\n:z :p :last .\n`);
    expect(fastReads(text, "turtle")).toBe(false);
    const progress: LoadProgress[] = [];
    const result = await load(text, progress);
    const reference = parse(text, "turtle", false, { withText: true });
    if ("error" in reference) throw new Error(reference.error.message);
    expect(result.quads.terms.map(describeTerm)).toEqual(reference.terms);
    expect(Array.from(result.quads.indices)).toEqual(reference.indices);
    expect(result.quads.distinct).toBe(reference.distinct);
    // The backlog was drained a step at a time after the last chunk.
    const parse_ = progress.filter((p) => p.phase === "parse");
    expect(parse_.filter((p) => p.bytes === text.length).length).toBeGreaterThan(2);
    for (let i = 1; i < parse_.length; i++) {
      expect(parse_[i]!.triples).toBeGreaterThanOrEqual(parse_[i - 1]!.triples);
    }
    expect(progress.at(-1)!.triples).toBe(reference.indices.length / 4);
  });

  it("counts quads without going back while n3 reads the backlog (createRdfParser)", () => {
    const text = longDocument(`:z :p ( :q :r ) .\n`);
    const parser = createRdfParser({ format: "turtle", baseIRI: BASE, text: () => text });
    const counts: number[] = [];
    for (let at = 0; at < text.length; at += 16 * 1024) {
      parser.write(text.slice(at, at + 16 * 1024));
      counts.push(parser.quadCount);
    }
    expect(parser.backlog).toBeGreaterThan(0);
    while (parser.backlog > 0) {
      parser.write("");
      counts.push(parser.quadCount);
    }
    const { quads } = parser.endStore();
    counts.push(quads.length);
    for (let i = 1; i < counts.length; i++)
      expect(counts[i]).toBeGreaterThanOrEqual(counts[i - 1]!);
    // 3 a line, then the collection: two rdf:first, two rdf:rest, and :z :p to its head.
    expect(quads.length).toBe(8000 * 3 + 5);
  });

  it("gives n3's error, chunked with or without the text, when a large input ends in an error", () => {
    const head = bigTurtle(2500); // more than one replay step (64 Ki)
    expect(head.length).toBeGreaterThan(64 * 1024);
    for (const tail of [
      ':s :p "\\x"^^<http://www.w3.org/2001/XMLSchema#date> .\n',
      ":s :p :o :q .\n",
      ':s :p "abc\n :q :r .\n',
      ":s :p u:x .\n",
      ":s :p [ :q ] :r .\n",
      ":s :p :o ;\n",
    ]) {
      const outcome = expectSame(head + tail, "turtle", BASE, [
        { chunk: 7 },
        { chunk: 333 },
        { chunk: 4096, withText: true },
        { chunk: 65_537 },
      ]);
      expect(outcome).toHaveProperty("error");
    }
  });

  it("leaves a statement longer than 256 Ki code units cut by chunks to n3", () => {
    const text = `${P}:s :p "${"x".repeat(300_000)}" .\n:s :p :o .\n`;
    expect(fastReads(text, "turtle")).toBe(true);
    expect(fastReads(text, "turtle", 16 * 1024)).toBe(false);
    expectSame(text, "turtle", BASE, [{ chunk: 16 * 1024 }, { chunk: 16 * 1024, withText: true }]);
  });

  it("rejects with n3's error when a syntax error near the end sends the input to n3", async () => {
    const text = longDocument(`:z :p :o :extra .\n:z :p :last .\n`);
    const progress: LoadProgress[] = [];
    const reference = parse(text, "turtle", false, { withText: true });
    if (!("error" in reference)) throw new Error("expected an error");
    const error: unknown = await load(text, progress).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RdfParseError);
    const e = error as RdfParseError;
    expect([e.message, e.line, e.column, e.token]).toEqual([
      reference.error.message,
      reference.error.line,
      reference.error.column,
      reference.error.token,
    ]);
    const triples = progress.map((p) => p.triples);
    for (let i = 1; i < triples.length; i++) {
      expect(triples[i]).toBeGreaterThanOrEqual(triples[i - 1]!);
    }
  });
});
