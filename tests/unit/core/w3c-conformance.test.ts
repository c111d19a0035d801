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
import { join } from "node:path";
import { type Quad } from "n3";
import { readW3cManifest, W3C_ROOT, W3C_SUITES, type W3cTest } from "./w3c-manifests";
import { isomorphic } from "rdf-isomorphic";
import { afterAll, describe, expect, it } from "vitest";
import { parseRdf } from "../../../src/core/rdf/parse";
import { RdfParseError } from "../../../src/core/errors";
import { loadRdfChunked } from "../../../src/core/load/load";

/** A parser test of the conformance run (C14N tests check a serializer, not a parser). */
type ParserTest = W3cTest & { kind: "positive" | "negative" | "eval" };

function readManifest(file: string): ParserTest[] {
  return readW3cManifest(file).filter((t): t is ParserTest => t.kind !== "c14n");
}

const SUITES = W3C_SUITES;
const ROOT = W3C_ROOT;

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

const counts = new Map<string, Record<ParserTest["kind"], { run: number; passed: number }>>();

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
