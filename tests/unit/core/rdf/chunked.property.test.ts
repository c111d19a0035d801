/**
 * Property tests (fast-check, seeded): for generated documents (random quads written by n3's
 * Writer in each format) and mutated ones (characters deleted, inserted, swapped), parsing in
 * random chunks gives the same quads, or the same error, as parsing in one piece; and loading
 * (`loadRdf`, `loadRdfChunked`) never throws anything but the typed errors.
 */
import fc from "fast-check";
import { DataFactory, Writer, type Quad } from "n3";
import { describe, expect, it } from "vitest";
import { loadRdf, OrgraphError, RdfParseError, termKey } from "../../../../src/core/index";
import { loadRdfChunked } from "../../../../src/core/load/load";
import {
  createRdfParser,
  parseRdf,
  type ParsedQuad,
  type ParseResult,
} from "../../../../src/core/rdf/parse";
import { RDF_FORMATS, type RdfFormat } from "../../../../src/core/rdf/formats";

const SEED = 20_260_601;
const RUNS = 300;
const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;
const FORMATS: RdfFormat[] = ["turtle", "trig", "n-triples", "n-quads"];

const EX = "http://example.org/";
const iri = fc
  .constantFrom("a", "b", "c", "d.e", "f-g", "h_1", "é", "k%20l")
  .map((s) => namedNode(EX + s));
const bnode = fc.constantFrom("x", "y", "z1").map((s) => blankNode(s));
const text = fc.string({
  unit: fc.constantFrom(
    "a",
    "b",
    " ",
    '"',
    "'",
    "\\",
    "\n",
    "\r",
    "\t",
    "é",
    "😀",
    ".",
    ";",
    "#",
    ">",
    "<",
    "@",
  ),
  maxLength: 12,
});
const lit = fc.oneof(
  text.map((s) => literal(s)),
  fc.tuple(text, fc.constantFrom("en", "fr", "en-GB")).map(([s, l]) => literal(s, l)),
  fc
    .integer()
    .map((n) => literal(String(n), namedNode("http://www.w3.org/2001/XMLSchema#integer"))),
  fc
    .tuple(text, fc.constantFrom("date", "decimal", "boolean"))
    .map(([s, d]) => literal(s, namedNode(`http://www.w3.org/2001/XMLSchema#${d}`))),
);
const graph = fc.oneof(fc.constant(defaultGraph()), iri);
const quadArb = fc
  .tuple(fc.oneof(iri, bnode), iri, fc.oneof(iri, bnode, lit), graph)
  .map(([s, p, o, g]) => quad(s, p, o, g));

function write(quads: Quad[], format: RdfFormat): string {
  const triplesOnly = !RDF_FORMATS[format].quads;
  const writer = new Writer({
    format: RDF_FORMATS[format].n3Format,
    prefixes: format === "turtle" || format === "trig" ? { ex: EX } : {},
  });
  for (const q of quads) writer.addQuad(triplesOnly ? quad(q.subject, q.predicate, q.object) : q);
  let out = "";
  writer.end((error, result: string) => {
    if (error) throw error;
    out = result;
  });
  return out;
}

/** A mutation: delete, insert or swap characters. */
const mutation = fc.oneof(
  fc.record({
    kind: fc.constant("delete" as const),
    at: fc.nat(),
    length: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant("insert" as const),
    at: fc.nat(),
    text: fc.constantFrom(
      "<",
      ">",
      '"',
      "'",
      ".",
      ";",
      ",",
      "[",
      "]",
      "(",
      ")",
      "{",
      "}",
      "@",
      "^^",
      "_:",
      ":",
      "#",
      "\n",
      " ",
      "\\",
      "\\u00",
      "x",
      "<<",
      ">>",
      "\r",
      "\u0000",
    ),
  }),
  fc.record({ kind: fc.constant("swap" as const), at: fc.nat(), with: fc.nat() }),
);
type Mutation = typeof mutation extends fc.Arbitrary<infer M> ? M : never;

function mutate(input: string, mutations: Mutation[]): string {
  let s = input;
  for (const m of mutations) {
    if (s.length === 0) {
      if (m.kind === "insert") s = m.text;
      continue;
    }
    const at = m.at % s.length;
    if (m.kind === "delete") s = s.slice(0, at) + s.slice(at + m.length);
    else if (m.kind === "insert") s = s.slice(0, at) + m.text + s.slice(at);
    else {
      const other = m.with % s.length;
      const chars = s.split("");
      [chars[at], chars[other]] = [chars[other]!, chars[at]!];
      s = chars.join("");
    }
  }
  return s;
}

/** Cut points of `input` (sorted, distinct, inside the text) from arbitrary numbers. */
function chunksOf(input: string, cuts: number[]): string[] {
  const points = [...new Set(cuts.map((c) => (input.length === 0 ? 0 : c % input.length)))].sort(
    (a, b) => a - b,
  );
  const out: string[] = [];
  let from = 0;
  for (const p of points) {
    out.push(input.slice(from, p));
    from = p;
  }
  out.push(input.slice(from));
  return out;
}

type Outcome = { quads: string[]; prefixes: Record<string, string> } | { error: string };

function outcome(run: () => ParseResult): Outcome {
  try {
    const { quads, prefixes } = run();
    return {
      quads: quads.map((q) => [q.subject, q.predicate, q.object, q.graph].map(termKey).join(" ")),
      prefixes,
    };
  } catch (e) {
    if (!(e instanceof RdfParseError)) throw e;
    return { error: `${e.message} | ${e.line}:${e.column} | ${e.token}` };
  }
}

const documents = fc.tuple(
  fc.array(quadArb, { maxLength: 8 }),
  fc.constantFrom(...FORMATS),
  fc.array(mutation, { maxLength: 4 }),
);

describe("chunked parsing (property)", () => {
  it("gives the same quads or the same error as parsing in one piece", () => {
    fc.assert(
      fc.property(
        documents,
        fc.array(fc.nat(), { maxLength: 12 }),
        ([quads, format, mutations], cuts) => {
          const input = mutate(write(quads, format), mutations);
          const whole = outcome(() => parseRdf(input, { format, sourceName: "doc" }));
          const chunked = outcome(() => {
            const parser = createRdfParser({ format, sourceName: "doc", text: () => input });
            for (const chunk of chunksOf(input, cuts)) parser.write(chunk);
            return parser.end();
          });
          expect(chunked).toEqual(whole);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("parses unmutated documents back to the quads written", () => {
    fc.assert(
      fc.property(
        fc.array(quadArb, { maxLength: 8 }),
        fc.constantFrom(...FORMATS),
        (quads, format) => {
          const parsed = parseRdf(write(quads, format), { format }).quads;
          const triplesOnly = !RDF_FORMATS[format].quads;
          const key = (q: ParsedQuad) =>
            [q.subject, q.predicate, q.object, triplesOnly ? defaultGraph() : q.graph]
              .map(termKey)
              .join(" ");
          expect(new Set(parsed.map(key))).toEqual(new Set(quads.map(key)));
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("loading never throws anything but the typed errors, whole or chunked", async () => {
    await fc.assert(
      fc.asyncProperty(
        documents,
        fc.integer({ min: 1, max: 64 }),
        async ([quads, format, mutations], chunkSize) => {
          const input = mutate(write(quads, format), mutations);
          let whole: string;
          try {
            const r = loadRdf(input, { format, sourceName: "doc" });
            whole = `${r.triples} ${r.nodes} ${r.edges}`;
          } catch (e) {
            expect(e).toBeInstanceOf(RdfParseError);
            whole = (e as Error).message;
          }
          let chunked: string;
          try {
            const r = await loadRdfChunked(input, {
              format,
              sourceName: "doc",
              chunkSize,
              yieldTo: () => Promise.resolve(),
            });
            chunked = `${r.triples} ${r.nodes} ${r.edges}`;
          } catch (e) {
            expect(e).toBeInstanceOf(OrgraphError);
            chunked = (e as Error).message;
          }
          expect(chunked).toBe(whole);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });

  it("fuzzes bytes: arbitrary strings never throw anything but RdfParseError", () => {
    fc.assert(
      fc.property(
        fc.string({ unit: "binary", maxLength: 60 }),
        fc.constantFrom(...FORMATS),
        (input, format) => {
          try {
            loadRdf(input, { format });
          } catch (e) {
            expect(e).toBeInstanceOf(RdfParseError);
          }
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
