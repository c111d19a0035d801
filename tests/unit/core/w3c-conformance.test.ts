/**
 * W3C conformance: every positive syntax test of the Turtle, TriG, N-Triples and N-Quads
 * suites (RDF 1.1 and 1.2) must parse, every negative one must be rejected with a typed error,
 * and every eval test must give a graph isomorphic to the expected result. The suites are copied
 * in tests/fixtures/w3c-rdf-tests with their licence.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser, type Quad, type Term } from "n3";
import { isomorphic } from "rdf-isomorphic";
import { describe, expect, it } from "vitest";
import { parseRdf } from "../../../src/core/rdf/parse";
import { RdfParseError } from "../../../src/core/errors";
import type { RdfFormat } from "../../../src/core/rdf/formats";

const ROOT = fileURLToPath(new URL("../../fixtures/w3c-rdf-tests/rdf/", import.meta.url));
const MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const RDFT = "http://www.w3.org/ns/rdftest#";
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const PUBLISHED = "https://w3c.github.io/rdf-tests/rdf/";

interface W3cTest {
  suite: string;
  name: string;
  kind: "positive" | "negative" | "eval";
  format: RdfFormat;
  action: string;
  result?: string;
  base: string;
}

const FORMAT_OF: Record<string, RdfFormat> = {
  Turtle: "turtle",
  Trig: "trig",
  NTriples: "n-triples",
  NQuads: "n-quads",
};

function listOf(quads: Quad[], head: Term): Term[] {
  const items: Term[] = [];
  let node = head;
  while (node.value !== `${RDF}nil`) {
    const first = quads.find((q) => q.subject.equals(node) && q.predicate.value === `${RDF}first`);
    const rest = quads.find((q) => q.subject.equals(node) && q.predicate.value === `${RDF}rest`);
    if (!first || !rest) break;
    items.push(first.object);
    node = rest.object;
  }
  return items;
}

/** Reads a manifest (following mf:include) into a flat list of parser tests. */
function readManifest(file: string): W3cTest[] {
  const dir = dirname(file);
  const rel = relative(ROOT, dir).split("\\").join("/");
  const manifestUrl = `${PUBLISHED}${rel}/`;
  const quads = new Parser({ format: "text/turtle", baseIRI: `${manifestUrl}manifest.ttl` }).parse(
    readFileSync(file, "utf8"),
  );
  const valueOf = (s: Term, p: string) =>
    quads.find((q) => q.subject.equals(s) && q.predicate.value === p)?.object;
  const manifest = quads.find(
    (q) => q.predicate.value === `${RDF}type` && q.object.value === `${MF}Manifest`,
  )?.subject;
  if (!manifest) throw new Error(`no mf:Manifest in ${file}`);
  const base = valueOf(manifest, `${MF}assumedTestBase`)?.value ?? manifestUrl;
  const tests: W3cTest[] = [];
  const include = valueOf(manifest, `${MF}include`);
  if (include) {
    for (const sub of listOf(quads, include)) {
      tests.push(...readManifest(join(ROOT, sub.value.slice(PUBLISHED.length))));
    }
  }
  const entries = valueOf(manifest, `${MF}entries`);
  for (const entry of entries ? listOf(quads, entries) : []) {
    const type = valueOf(entry, `${RDF}type`)?.value.slice(RDFT.length) ?? "";
    const match =
      /^Test(Turtle|Trig|NTriples|NQuads)(PositiveSyntax|NegativeSyntax|NegativeEval|Eval)$/.exec(
        type,
      );
    if (!match) continue; // C14N tests check a serializer, not a parser.
    const action = valueOf(entry, `${MF}action`)!.value;
    const result = valueOf(entry, `${MF}result`)?.value;
    const fileName = action.slice(action.lastIndexOf("/") + 1);
    tests.push({
      suite: rel,
      name: valueOf(entry, `${MF}name`)?.value ?? entry.value,
      kind: match[2] === "PositiveSyntax" ? "positive" : match[2] === "Eval" ? "eval" : "negative",
      format: FORMAT_OF[match[1]!]!,
      action: join(dir, fileName),
      ...(result ? { result: join(dir, result.slice(result.lastIndexOf("/") + 1)) } : {}),
      base: base + fileName,
    });
  }
  return tests;
}

const SUITES = [
  "rdf11/rdf-turtle/manifest.ttl",
  "rdf11/rdf-trig/manifest.ttl",
  "rdf11/rdf-n-triples/manifest.ttl",
  "rdf11/rdf-n-quads/manifest.ttl",
  "rdf12/rdf-turtle/manifest.ttl",
  "rdf12/rdf-trig/manifest.ttl",
  "rdf12/rdf-n-triples/manifest.ttl",
  "rdf12/rdf-n-quads/manifest.ttl",
];

for (const suite of SUITES) {
  const tests = readManifest(join(ROOT, suite));
  describe(`W3C ${suite.replace("/manifest.ttl", "")} (${tests.length} tests)`, () => {
    it("has tests", () => expect(tests.length).toBeGreaterThan(10));
    for (const t of tests) {
      const input = () => readFileSync(t.action, "utf8");
      const parse = () =>
        parseRdf(input(), { format: t.format, baseIRI: t.base, sourceName: t.name });
      if (t.kind === "negative") {
        it(`rejects ${t.name}`, () => {
          expect(parse).toThrow(RdfParseError);
        });
      } else if (t.kind === "positive") {
        it(`parses ${t.name}`, () => {
          expect(parse).not.toThrow();
        });
      } else {
        it(`evaluates ${t.name}`, () => {
          const actual = parse().quads;
          const expected = parseRdf(readFileSync(t.result!, "utf8"), {
            format: "n-quads",
            baseIRI: t.base,
            sourceName: t.result!,
          }).quads;
          expect(isomorphic(actual, expected)).toBe(true);
        });
      }
    }
  });
}
