/**
 * W3C conformance, through Orgraph's own load path: every test of the Turtle, TriG, N-Triples
 * and N-Quads suites (RDF 1.1 and 1.2) runs through `loadRdfChunked` (what the load worker runs:
 * chunked parse, then the graph build). Positive syntax tests must load, negative ones must be
 * rejected with a typed RdfParseError, and eval tests must give quads isomorphic to the expected
 * result. The input is fed in small chunks (CHUNK code units), so that tokens straddle chunk
 * boundaries everywhere. The suites are copied in tests/fixtures/w3c-rdf-tests with their
 * licence. Counts per suite are printed at the end.
 */
import { readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { Parser, type Quad, type Term } from "n3";
import { isomorphic } from "rdf-isomorphic";
import { afterAll, describe, expect, it } from "vitest";
import { parseRdf } from "../../../src/core/rdf/parse";
import { RdfParseError } from "../../../src/core/errors";
import { loadRdfChunked } from "../../../src/core/load/load";
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

/** Code units per chunk: small and odd, so that chunk boundaries fall inside tokens. */
const CHUNK = 7;

/**
 * Tests expected to fail, "suite: test name" -> reason. Empty: every test passes. The list is
 * asserted both ways: a listed test that starts passing fails the run, so the list stays true.
 */
const EXPECTED_FAILURES = new Map<string, string>([]);

/** Loads `text` as the load worker does (chunks, no wait between them). */
function load(text: string, t: W3cTest) {
  return loadRdfChunked(text, {
    format: t.format,
    baseIRI: t.base,
    sourceName: t.name,
    chunkSize: CHUNK,
    yieldTo: () => Promise.resolve(),
  });
}

/** Runs one test; resolves with the failure, or undefined when it passed. */
async function run(t: W3cTest): Promise<string | undefined> {
  const text = readFileSync(t.action, "utf8");
  if (t.kind === "negative") {
    try {
      await load(text, t);
      return "loaded, expected a syntax error";
    } catch (e) {
      return e instanceof RdfParseError ? undefined : `threw ${String(e)}, not RdfParseError`;
    }
  }
  let quads;
  try {
    ({ quads } = await load(text, t));
  } catch (e) {
    return `failed to load: ${String(e)}`;
  }
  if (t.kind === "positive") return undefined;
  const expected = parseRdf(readFileSync(t.result!, "utf8"), {
    format: "n-quads",
    baseIRI: t.base,
    sourceName: t.result!,
  }).quads;
  // Plain parsed quads hold n3 terms: what rdf-isomorphic reads.
  return isomorphic(Array.from(quads) as Quad[], expected as Quad[])
    ? undefined
    : "not isomorphic to the expected result";
}

const counts = new Map<string, Record<W3cTest["kind"], { run: number; passed: number }>>();

afterAll(() => {
  const lines = ["W3C suites through loadRdfChunked (passed/run):"];
  let total = 0;
  let passed = 0;
  for (const [suite, c] of counts) {
    const parts = (["positive", "negative", "eval"] as const).map((k) => {
      total += c[k].run;
      passed += c[k].passed;
      return `${k} ${c[k].passed}/${c[k].run}`;
    });
    lines.push(`  ${suite.padEnd(20)} ${parts.join(", ")}`);
  }
  lines.push(`  total ${passed}/${total}, expected failures ${EXPECTED_FAILURES.size}`);
  console.log(lines.join("\n"));
});

for (const suite of SUITES) {
  const tests = readManifest(join(ROOT, suite));
  const name = suite.replace("/manifest.ttl", "");
  const count = {
    positive: { run: 0, passed: 0 },
    negative: { run: 0, passed: 0 },
    eval: { run: 0, passed: 0 },
  };
  counts.set(name, count);
  describe(`W3C ${name} (${tests.length} tests)`, () => {
    it("has tests", () => expect(tests.length).toBeGreaterThan(10));
    for (const t of tests) {
      const id = `${name}: ${t.name}`;
      const verb =
        t.kind === "negative" ? "rejects" : t.kind === "positive" ? "loads" : "evaluates";
      it(`${verb} ${t.name}`, async () => {
        const failure = await run(t);
        count[t.kind].run++;
        if (failure === undefined) count[t.kind].passed++;
        if (EXPECTED_FAILURES.has(id)) {
          expect(failure, `${id} is listed as an expected failure but passes`).toBeDefined();
        } else {
          expect(failure).toBeUndefined();
        }
      });
    }
  });
}

it("lists only expected failures that exist", () => {
  const names = new Set<string>();
  for (const suite of SUITES) {
    const name = suite.replace("/manifest.ttl", "");
    for (const t of readManifest(join(ROOT, suite))) names.add(`${name}: ${t.name}`);
  }
  for (const id of EXPECTED_FAILURES.keys()) expect(names.has(id), id).toBe(true);
});
