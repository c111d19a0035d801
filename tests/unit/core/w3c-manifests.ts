/**
 * The W3C RDF test suites copied in tests/fixtures/w3c-rdf-tests (Turtle, TriG, N-Triples and
 * N-Quads, RDF 1.1 and 1.2): their manifests read into a flat list of parser tests, for the
 * conformance run (w3c-conformance.test.ts) and the fast reader's comparison with n3
 * (rdf/fast-turtle.test.ts).
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser, type Term } from "n3";

export const W3C_ROOT = fileURLToPath(
  new URL("../../fixtures/w3c-rdf-tests/rdf/", import.meta.url),
);
const MF = "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#";
const RDFT = "http://www.w3.org/ns/rdftest#";
const RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
const PUBLISHED = "https://w3c.github.io/rdf-tests/rdf/";

export type W3cFormat = "turtle" | "trig" | "n-triples" | "n-quads";

export interface W3cTest {
  /** The suite's folder, e.g. "rdf11/rdf-turtle". */
  suite: string;
  name: string;
  /** "c14n": a canonical N-Triples or N-Quads test (it checks a serializer; its input parses). */
  kind: "positive" | "negative" | "eval" | "c14n";
  format: W3cFormat;
  /** The input file. */
  action: string;
  /** The expected result's file (eval tests). */
  result?: string;
  /** The base IRI the test assumes. */
  base: string;
}

const FORMAT_OF: Record<string, W3cFormat> = {
  Turtle: "turtle",
  Trig: "trig",
  NTriples: "n-triples",
  NQuads: "n-quads",
};

/** The manifests of the suites, relative to W3C_ROOT. */
export const W3C_SUITES = [
  "rdf11/rdf-turtle/manifest.ttl",
  "rdf11/rdf-trig/manifest.ttl",
  "rdf11/rdf-n-triples/manifest.ttl",
  "rdf11/rdf-n-quads/manifest.ttl",
  "rdf12/rdf-turtle/manifest.ttl",
  "rdf12/rdf-trig/manifest.ttl",
  "rdf12/rdf-n-triples/manifest.ttl",
  "rdf12/rdf-n-quads/manifest.ttl",
];

/** Reads a manifest (following mf:include) into a flat list of parser tests. */
export function readW3cManifest(file: string): W3cTest[] {
  const dir = dirname(file);
  const rel = relative(W3C_ROOT, dir).split("\\").join("/");
  const manifestUrl = `${PUBLISHED}${rel}/`;
  const quads = new Parser({ format: "text/turtle", baseIRI: `${manifestUrl}manifest.ttl` }).parse(
    readFileSync(file, "utf8"),
  );
  const valueOf = (s: Term, p: string) =>
    quads.find((q) => q.subject.equals(s) && q.predicate.value === p)?.object;
  const listOf = (head: Term | undefined): Term[] => {
    const items: Term[] = [];
    let node = head;
    while (node !== undefined && node.value !== `${RDF}nil`) {
      const first = valueOf(node, `${RDF}first`);
      if (first === undefined) break;
      items.push(first);
      node = valueOf(node, `${RDF}rest`);
    }
    return items;
  };
  const manifest = quads.find(
    (q) => q.predicate.value === `${RDF}type` && q.object.value === `${MF}Manifest`,
  )?.subject;
  if (!manifest) throw new Error(`no mf:Manifest in ${file}`);
  const base = valueOf(manifest, `${MF}assumedTestBase`)?.value ?? manifestUrl;
  const tests: W3cTest[] = [];
  for (const sub of listOf(valueOf(manifest, `${MF}include`))) {
    tests.push(...readW3cManifest(join(W3C_ROOT, sub.value.slice(PUBLISHED.length))));
  }
  for (const entry of listOf(valueOf(manifest, `${MF}entries`))) {
    const type = valueOf(entry, `${RDF}type`)?.value.slice(RDFT.length) ?? "";
    const match = /^Test(Turtle|Trig|NTriples|NQuads)(\w*)$/.exec(type);
    if (!match) continue;
    const action = valueOf(entry, `${MF}action`)!.value;
    const result = valueOf(entry, `${MF}result`)?.value;
    const fileName = action.slice(action.lastIndexOf("/") + 1);
    const kind =
      match[2] === "PositiveSyntax"
        ? "positive"
        : match[2] === "Eval"
          ? "eval"
          : match[2] === "NegativeSyntax" || match[2] === "NegativeEval"
            ? "negative"
            : "c14n";
    tests.push({
      suite: rel,
      name: valueOf(entry, `${MF}name`)?.value ?? entry.value,
      kind,
      format: FORMAT_OF[match[1]!]!,
      action: join(dir, fileName),
      ...(result ? { result: join(dir, result.slice(result.lastIndexOf("/") + 1)) } : {}),
      base: base + fileName,
    });
  }
  return tests;
}
