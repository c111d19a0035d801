/**
 * Pathological inputs: each loads or fails cleanly with the typed RdfParseError (OrgraphError
 * for format problems), in bounded time (the test timeout), without a stack overflow. Inputs are
 * generated here at run time (see tests/fixtures/pathological/README.md); nothing big is
 * committed. Each case runs through `loadRdf` (what the element calls today) and
 * `loadRdfChunked` (what the load worker runs). Times are printed, not asserted.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadRdf, OrgraphError, RdfParseError, resolveFormat } from "../../../../src/core/index";
import type { LoadResult, RdfQuad } from "../../../../src/core/index";
import type { RdfFormat } from "../../../../src/core/rdf/formats";
import { loadRdfChunked } from "../../../../src/core/load/load";

const TIMEOUT = 120_000;
const times: string[] = [];

afterAll(() => console.log(`Pathological inputs (ms):\n${times.join("\n")}`));

/** Loads both ways; the two must agree. Returns the result or the typed error. */
async function both(
  name: string,
  input: string | Uint8Array,
  format: RdfFormat,
): Promise<LoadResult | RdfParseError> {
  const text =
    typeof input === "string" ? input : new TextDecoder("utf-8", { ignoreBOM: true }).decode(input);
  const outcome = (f: () => LoadResult): LoadResult | OrgraphError => {
    try {
      return f();
    } catch (e) {
      expect(e, `${name}: ${String(e)}`).toBeInstanceOf(OrgraphError);
      return e as OrgraphError;
    }
  };
  let t = performance.now();
  const sync = outcome(() => loadRdf(text, { format, sourceName: name }));
  const syncMs = performance.now() - t;
  t = performance.now();
  let chunked: LoadResult | OrgraphError;
  try {
    chunked = await loadRdfChunked(input, {
      format,
      sourceName: name,
      yieldTo: () => Promise.resolve(),
    });
  } catch (e) {
    expect(e, `${name}: ${String(e)}`).toBeInstanceOf(OrgraphError);
    chunked = e as OrgraphError;
  }
  const chunkedMs = performance.now() - t;
  const what =
    sync instanceof Error
      ? `error: ${sync.message.slice(0, 140)}`
      : `${sync.triples} triples, ${sync.nodes} nodes, ${sync.edges} edges`;
  times.push(
    `  ${name.padEnd(34)} loadRdf ${syncMs.toFixed(0).padStart(6)}  chunked ${chunkedMs.toFixed(0).padStart(6)}  ${what}`,
  );
  if (sync instanceof Error) {
    expect(sync).toBeInstanceOf(RdfParseError);
    expect(chunked).toBeInstanceOf(RdfParseError);
    expect((chunked as Error).message).toBe(sync.message);
    const e = sync as RdfParseError;
    expect(e.message.length).toBeLessThan(400);
    if (e.token !== undefined) expect(Array.from(e.token).length).toBeLessThanOrEqual(80);
    return e;
  }
  expect(chunked).not.toBeInstanceOf(Error);
  const c = chunked as LoadResult;
  expect([c.triples, c.nodes, c.edges]).toEqual([sync.triples, sync.nodes, sync.edges]);
  return sync;
}

function loaded(r: LoadResult | RdfParseError): LoadResult {
  if (r instanceof Error) throw r;
  return r;
}

function failed(r: LoadResult | RdfParseError): RdfParseError {
  if (!(r instanceof Error))
    throw new Error(`expected a syntax error, loaded ${r.triples} triples`);
  return r;
}

const P = "@prefix : <http://x.org/> .\n";
const MB = 1024 * 1024;

describe("pathological inputs", () => {
  it("a 50 MB literal", { timeout: TIMEOUT }, async () => {
    const r = loaded(
      await both("50 MB literal", `${P}:s :p "${"x".repeat(50 * MB)}" .\n`, "turtle"),
    );
    expect(r.triples).toBe(1);
    expect(r.quads.get(0).object.value.length).toBe(50 * MB);
  });

  it("an unterminated 10 MB literal", { timeout: TIMEOUT }, async () => {
    const e = failed(
      await both("unterminated 10 MB literal", `${P}:s :p "${"x".repeat(10 * MB)}\n`, "turtle"),
    );
    expect(e.line).toBe(2);
  });

  it("blank nodes nested 100,000 deep", { timeout: TIMEOUT }, async () => {
    const depth = 100_000;
    const text = `${P}:s ${":p [ ".repeat(depth)}:p :o${" ]".repeat(depth)} .\n`;
    const r = loaded(await both("blank nodes nested 100,000 deep", text, "turtle"));
    expect(r.triples).toBe(depth + 1);
  });

  it("a 100,000-item list", { timeout: TIMEOUT }, async () => {
    const items = Array.from({ length: 100_000 }, (_, i) => `:i${i}`).join(" ");
    const r = loaded(await both("100,000-item list", `${P}:s :p ( ${items} ) .\n`, "turtle"));
    expect(r.triples).toBe(1 + 2 * 100_000);
  });

  it("RDF 1.2 triple terms nested 1,000 deep load", { timeout: TIMEOUT }, async () => {
    const depth = 1000;
    const text = `${P}:s :p ${"<<( :a :b ".repeat(depth)}:o${" )>>".repeat(depth)} .\n`;
    const r = loaded(await both("triple terms nested 1,000 deep", text, "turtle"));
    expect(r.triples).toBe(1);
  });

  it("RDF 1.2 triple terms nested 100,000 deep fail cleanly", { timeout: TIMEOUT }, async () => {
    const depth = 100_000;
    const text = `${P}:s :p ${"<<( :a :b ".repeat(depth)}:o${" )>>".repeat(depth)} .\n`;
    const e = failed(await both("triple terms nested 100,000 deep", text, "turtle"));
    expect(e.reason).toMatch(/nested deeper than 1024/);
  });

  it("reified triples nested 100,000 deep fail cleanly or load", { timeout: TIMEOUT }, async () => {
    const depth = 100_000;
    const text = `${P}${"<< :a :b ".repeat(depth)}:o${" >>".repeat(depth)} :p :o .\n`;
    await both("reifiers nested 100,000 deep", text, "turtle");
  });

  it("a 1 MB IRI", { timeout: TIMEOUT }, async () => {
    const iri = `http://x.org/${"a".repeat(MB)}`;
    const r = loaded(
      await both("1 MB IRI", `<${iri}> <http://x.org/p> <http://x.org/o> .\n`, "n-triples"),
    );
    expect(r.graph.hasNode(iri)).toBe(true);
  });

  it("a 1 MB bad token is quoted in at most 80 characters", { timeout: TIMEOUT }, async () => {
    const e = failed(await both("1 MB bad token", `${P}:s :p ${"@".repeat(MB)} .\n`, "turtle"));
    expect([e.line, e.column]).toEqual([2, 7]);
  });

  it("100,000 prefixes", { timeout: TIMEOUT }, async () => {
    const lines: string[] = [];
    for (let i = 0; i < 100_000; i++) lines.push(`@prefix p${i}: <http://x.org/${i}/> .`);
    lines.push("p0:s p99999:p p50000:o .");
    const r = loaded(await both("100,000 prefixes", `${lines.join("\n")}\n`, "turtle"));
    expect(Object.keys(r.graph.getAttribute("prefixes"))).toHaveLength(100_000);
  });

  it("a 10 MB line", { timeout: TIMEOUT }, async () => {
    // 10,000 statements of 1 KiB on one line (the line, not the graph size, is the point here).
    const parts: string[] = [];
    for (let i = 0; i < 10_500; i++) parts.push(`:s${i % 100} :p "${"y".repeat(1000)}${i}" . `);
    const line = parts.join("");
    expect(line.length).toBeGreaterThan(10 * MB);
    const r = loaded(await both("10 MB line", `${P}${line}\n`, "turtle"));
    expect(r.triples).toBe(parts.length);
  });

  it("an empty file, in every format", { timeout: TIMEOUT }, async () => {
    for (const format of ["turtle", "trig", "n-triples", "n-quads"] as const) {
      const r = loaded(await both(`empty (${format})`, "", format));
      expect([r.triples, r.nodes, r.edges]).toEqual([0, 0, 0]);
      loaded(await both(`blank lines (${format})`, "\n\n  \r\n", format));
    }
  });

  it("a binary file (random bytes, NUL), in every format", { timeout: TIMEOUT }, async () => {
    let seed = 7;
    const bytes = new Uint8Array(256 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
      bytes[i] = seed >>> 24;
    }
    bytes[0] = 0;
    for (const format of ["turtle", "trig", "n-triples", "n-quads"] as const) {
      const e = failed(await both(`random bytes (${format})`, bytes, format));
      expect(e.line).toBe(1);
      // Shown as text: control characters escaped, at most 80 characters.
      // eslint-disable-next-line no-control-regex
      expect(e.message).not.toMatch(/[\u0000-\u0008\u000e-\u001f]/);
      expect(e.message).toContain("\\u0000");
      failed(await both(`NUL bytes (${format})`, new Uint8Array(1024), format));
    }
  });

  it("a UTF-8 BOM", { timeout: TIMEOUT }, async () => {
    const text = `\ufeff${P}:s :p "é" .\n`;
    const r = loaded(await both("UTF-8 BOM (text)", text, "turtle"));
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const b = loaded(await both("UTF-8 BOM (bytes)", bytes, "turtle"));
    const objects = (quads: Iterable<RdfQuad>) => Array.from(quads, (q) => q.object.value);
    expect(objects(b.quads)).toEqual(objects(r.quads));
    expect(r.quads.get(0).subject.value).toBe("http://x.org/s");
    loaded(
      await both(
        "UTF-8 BOM (N-Triples)",
        "\ufeff<http://a> <http://b> <http://c> .\n",
        "n-triples",
      ),
    );
  });

  it("a file in the wrong format for its extension", { timeout: TIMEOUT }, async () => {
    const turtle = `${P}:s :p :o .\n`;
    const trig = "<http://g> { <http://a> <http://b> <http://c> . }\n";
    const nquads = "<http://a> <http://b> <http://c> <http://g> .\n";
    const jsonld = '{ "@context": { "@vocab": "http://x.org/" }, "@id": "s", "p": "o" }\n';
    const rdfxml =
      '<?xml version="1.0"?>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"/>\n';
    const cases: [string, string][] = [
      ["turtle.nt", turtle],
      ["trig.ttl", trig],
      ["nquads.nt", nquads],
      ["jsonld.ttl", jsonld],
      ["jsonld.nq", jsonld],
      ["rdfxml.ttl", rdfxml],
      ["rdfxml.trig", rdfxml],
    ];
    for (const [file, text] of cases) {
      const e = failed(
        await both(`wrong format: ${file}`, text, resolveFormat({ fileName: file })),
      );
      expect(e.source).toBe(`wrong format: ${file}`);
      expect(e.line).toBe(1);
    }
    expect(() => resolveFormat({ fileName: "data.rdf" })).toThrow(OrgraphError);
    // JSON-LD is read (asynchronously): Turtle in a .jsonld file is a JSON syntax error at 1:1.
    expect(resolveFormat({ fileName: "data.jsonld" })).toBe("json-ld");
    for (const text of [turtle, rdfxml]) {
      const e = await loadRdfChunked(text, {
        format: "json-ld",
        sourceName: "wrong.jsonld",
      }).catch((error: unknown) => error);
      expect(e).toBeInstanceOf(RdfParseError);
      expect([(e as RdfParseError).line, (e as RdfParseError).column]).toEqual([1, 1]);
    }
  });
});
