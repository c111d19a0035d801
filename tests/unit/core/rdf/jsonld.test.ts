/**
 * Unit tests: JSON-LD (issue 6) through jsonld, with bundled contexts, remote contexts refused by
 * default, an allow-list with count, size and time limits (contexts served by a local node:http
 * server), JSON syntax errors placed by line and column, and the chunked load and worker
 * protocol reading JSON-LD like the other formats.
 */
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Quad } from "n3";
import { isomorphic } from "rdf-isomorphic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrgraphError, RdfParseError } from "../../../../src/core/errors";
import { loadRdfChunked } from "../../../../src/core/load/load";
import { createLoadHandler } from "../../../../src/core/load/handler";
import { deserializeError, type WorkerResponse } from "../../../../src/core/load/protocol";
import { resolveFormat } from "../../../../src/core/rdf/formats";
import { JsonLdContextError, parseJsonLd } from "../../../../src/core/rdf/jsonld";
import { parseRdf } from "../../../../src/core/rdf/parse";
import { fixture } from "../fixtures";

const BUNDLED =
  "schema.org, ActivityStreams, W3C Verifiable Credentials v1, W3C Verifiable Credentials v2, ODRL, DID v1, W3C security v1";

async function failure(run: () => Promise<unknown>): Promise<Error> {
  try {
    await run();
  } catch (error) {
    return error as Error;
  }
  throw new Error("expected a failure");
}

/** A context with `terms` terms (about 60 bytes each). */
function bigContext(terms: number): string {
  const context: Record<string, string> = { ex: "https://orgraph.dev/test/" };
  for (let i = 0; i < terms; i++) context[`term${i}`] = `https://orgraph.dev/vocab/term${i}`;
  return JSON.stringify({ "@context": context });
}

let server: Server;
let base = "";
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    const send = (body: string, headers: Record<string, string> = {}): void => {
      res.writeHead(200, {
        "content-type": "application/ld+json",
        "content-length": String(Buffer.byteLength(body)),
        ...headers,
      });
      res.end(body);
    };
    switch (req.url) {
      case "/ctx/org.jsonld":
        return send(
          JSON.stringify({
            "@context": {
              "@vocab": "http://www.w3.org/ns/org#",
              name: "http://www.w3.org/2000/01/rdf-schema#label",
              memberOf: { "@type": "@id" },
            },
          }),
        );
      case "/ctx/extra.jsonld":
        return send(JSON.stringify({ "@context": { nick: "http://xmlns.com/foaf/0.1/nick" } }));
      case "/ctx/big.jsonld":
        return send(bigContext(100));
      case "/ctx/big-chunked.jsonld": {
        // No Content-Length: the limit is found while reading.
        res.writeHead(200, { "content-type": "application/ld+json" });
        res.write(bigContext(50));
        res.end(bigContext(50));
        return;
      }
      case "/ctx/slow.jsonld":
        setTimeout(() => send(JSON.stringify({ "@context": {} })), 1500);
        return;
      case "/ctx/broken.jsonld":
        return send('{\n  "@context": {\n    "a": "http://x/"\n  ,}\n}');
      default:
        res.writeHead(404, { "content-type": "text/plain" });
        res.end("not here");
    }
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

const PEOPLE = (contexts: string[]) =>
  JSON.stringify({
    "@context": contexts.length === 1 ? contexts[0] : contexts,
    "@id": "https://orgraph.dev/test/alice",
    name: "Alice",
    memberOf: "https://orgraph.dev/test/acme",
  });

describe("JSON-LD formats", () => {
  it("is told by MIME type and extension", () => {
    expect(resolveFormat({ mime: "application/ld+json; charset=utf-8" })).toBe("json-ld");
    expect(resolveFormat({ fileName: "org.jsonld" })).toBe("json-ld");
    expect(resolveFormat({ fileName: "https://x.org/org.json-ld?v=2" })).toBe("json-ld");
    expect(resolveFormat({ fileName: "org.json" })).toBe("json-ld");
    expect(resolveFormat({ format: "JSON-LD" })).toBe("json-ld");
  });
});

describe("parseJsonLd", () => {
  it("reads JSON-LD with the bundled schema.org context: the same graph as the Turtle", async () => {
    const { quads, prefixes } = await parseJsonLd(fixture("org-schema.jsonld"), {
      sourceName: "org-schema.jsonld",
    });
    const expected = parseRdf(fixture("org-schema.ttl"), { format: "turtle" }).quads;
    expect(quads.length).toBe(expected.length);
    expect(isomorphic(quads as Quad[], expected as Quad[])).toBe(true);
    expect(prefixes).toEqual({
      org: "http://www.w3.org/ns/org#",
      ex: "https://orgraph.dev/test/",
    });
  });

  it("refuses a remote context by default, with a message naming it and the source", async () => {
    const fetched: string[] = [];
    const error = await failure(() =>
      parseJsonLd(PEOPLE([`${base}/ctx/org.jsonld`]), {
        sourceName: "people.jsonld",
        fetch: (url) => {
          fetched.push(url);
          throw new Error("no fetch expected");
        },
      }),
    );
    expect(error).toBeInstanceOf(JsonLdContextError);
    expect((error as OrgraphError).code).toBe("fetch");
    expect(error.message).toBe(
      `JSON-LD context ${base}/ctx/org.jsonld is not allowed; people.jsonld may use the bundled contexts (${BUNDLED}) and those the jsonld-contexts setting allows.`,
    );
    expect(fetched).toEqual([]);
  });

  it("fetches an allow-listed context from a server, and gives its triples", async () => {
    requests.length = 0;
    const { quads } = await parseJsonLd(PEOPLE([`${base}/ctx/org.jsonld`]), {
      sourceName: "people.jsonld",
      contexts: { allow: [`${base}/ctx/`] },
    });
    const keys = quads.map((q) => `${q.predicate.value} ${q.object.value}`).sort();
    expect(keys).toEqual([
      "http://www.w3.org/2000/01/rdf-schema#label Alice",
      "http://www.w3.org/ns/org#memberOf https://orgraph.dev/test/acme",
    ]);
    expect(requests).toEqual(["/ctx/org.jsonld"]);
    // An exact URL allows that URL only.
    const error = await failure(() =>
      parseJsonLd(PEOPLE([`${base}/ctx/org.jsonld`, `${base}/ctx/extra.jsonld`]), {
        sourceName: "people.jsonld",
        contexts: { allow: [`${base}/ctx/org.jsonld`] },
      }),
    );
    expect(error.message).toMatch(
      new RegExp(`^JSON-LD context ${base}/ctx/extra\\.jsonld is not allowed; people\\.jsonld`),
    );
  });

  it("stops past the most contexts it may fetch", async () => {
    const error = await failure(() =>
      parseJsonLd(PEOPLE([`${base}/ctx/org.jsonld`, `${base}/ctx/extra.jsonld`]), {
        sourceName: "people.jsonld",
        contexts: { allow: [`${base}/`], maxCount: 1 },
      }),
    );
    expect(error).toBeInstanceOf(JsonLdContextError);
    expect((error as OrgraphError).code).toBe("limit");
    expect(error.message).toBe(
      `JSON-LD context ${base}/ctx/extra.jsonld was not fetched: people.jsonld needs more than 1 remote contexts (the jsonld-contexts maxCount limit).`,
    );
  });

  it("stops a context larger than the size limit, by its Content-Length or while reading", async () => {
    const sized = await failure(() =>
      parseJsonLd(PEOPLE([`${base}/ctx/big.jsonld`]), {
        sourceName: "people.jsonld",
        contexts: { allow: [`${base}/`], maxBytes: 2048 },
      }),
    );
    const size = Buffer.byteLength(bigContext(100));
    expect((sized as OrgraphError).code).toBe("limit");
    expect(sized.message).toBe(
      `JSON-LD context ${base}/ctx/big.jsonld (in people.jsonld) is ${(size / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} KB, more than the 2 KB limit (the jsonld-contexts maxBytes limit).`,
    );
    const streamed = await failure(() =>
      parseJsonLd(PEOPLE([`${base}/ctx/big-chunked.jsonld`]), {
        sourceName: "people.jsonld",
        contexts: { allow: [`${base}/`], maxBytes: 3072 },
      }),
    );
    expect(streamed.message).toBe(
      `JSON-LD context ${base}/ctx/big-chunked.jsonld (in people.jsonld) is larger than the 3 KB limit (the jsonld-contexts maxBytes limit).`,
    );
  });

  it("stops waiting for a context past the time limit", async () => {
    const error = await failure(() =>
      parseJsonLd(PEOPLE([`${base}/ctx/slow.jsonld`]), {
        sourceName: "people.jsonld",
        contexts: { allow: [`${base}/`], timeoutMs: 200 },
      }),
    );
    expect((error as OrgraphError).code).toBe("fetch");
    expect(error.message).toBe(
      `JSON-LD context ${base}/ctx/slow.jsonld (in people.jsonld) did not answer within 200 ms (the jsonld-contexts timeoutMs limit).`,
    );
  });

  it("says when an allowed context fails: HTTP status, or not JSON (with its line)", async () => {
    const missing = await failure(() =>
      parseJsonLd(PEOPLE([`${base}/ctx/missing.jsonld`]), {
        sourceName: "people.jsonld",
        contexts: { allow: [`${base}/`] },
      }),
    );
    expect(missing.message).toBe(
      `Could not fetch JSON-LD context ${base}/ctx/missing.jsonld (in people.jsonld): HTTP 404 Not Found.`,
    );
    const broken = await failure(() =>
      parseJsonLd(PEOPLE([`${base}/ctx/broken.jsonld`]), {
        sourceName: "people.jsonld",
        contexts: { allow: [`${base}/`] },
      }),
    );
    expect(broken.message).toBe(
      `JSON-LD context ${base}/ctx/broken.jsonld (in people.jsonld) is not JSON: JSON-LD syntax error in ${base}/ctx/broken.jsonld (a JSON-LD context, in people.jsonld) at line 4, column 4: expected a property name in double quotes, found "}".`,
    );
  });

  it("places a JSON syntax error by line and column", async () => {
    const text = '{\n  "@id": "https://orgraph.dev/test/a",\n  "name": "é"\n  "nick": "a"\n}\n';
    const error = await failure(() => parseJsonLd(text, { sourceName: "bad.jsonld" }));
    expect(error).toBeInstanceOf(RdfParseError);
    const e = error as RdfParseError;
    expect([e.line, e.column, e.token]).toEqual([4, 3, '"nick"']);
    expect(e.message).toBe(
      'JSON-LD syntax error in bad.jsonld at line 4, column 3: expected "," or "}" after a property value, found the string "nick".',
    );
    const cut = await failure(() => parseJsonLd('{"@id": "x",\r\n "a": [1, 2', {}));
    expect(cut.message).toBe(
      "JSON-LD syntax error in text at line 2, column 12: unexpected end of input.",
    );
  });

  it("refuses JSON that is not JSON-LD, and JSON-LD that breaks its rules", async () => {
    const plain = await failure(() => parseJsonLd('{"name": "Alice"}', { sourceName: "a.json" }));
    expect(plain.message).toBe(
      "JSON-LD syntax error in a.json: this is JSON but not JSON-LD: its top level has no @context, @id, @type or @graph and no property IRI.",
    );
    const invalid = await failure(() =>
      parseJsonLd('{"@id": 5, "http://x.org/p": "v"}', { sourceName: "b.jsonld" }),
    );
    expect(invalid).toBeInstanceOf(RdfParseError);
    expect(invalid.message).toMatch(/^JSON-LD syntax error in b\.jsonld: invalid JSON-LD syntax; /);
    expect(invalid.message).toMatch(/"@id" value must (be )?a string/);
  });
});

describe("loading JSON-LD in chunks and in the worker", () => {
  it("loads bytes into a graph, like Turtle", async () => {
    const bytes = new TextEncoder().encode(fixture("org-schema.jsonld"));
    const r = await loadRdfChunked(bytes, {
      format: "json-ld",
      sourceName: "org-schema.jsonld",
      chunkSize: 64,
      yieldTo: () => Promise.resolve(),
    });
    const t = await loadRdfChunked(fixture("org-schema.ttl"), { format: "turtle" });
    expect(r.triples).toBe(t.triples);
    const named = (keys: string[]) => keys.filter((k) => !k.startsWith("_:")).sort();
    expect(named(r.graph.nodes())).toEqual(named(t.graph.nodes()));
    expect([r.graph.order, r.graph.size]).toEqual([t.graph.order, t.graph.size]);
    expect(r.graph.hasNode("https://orgraph.dev/test/alice")).toBe(true);
    expect(r.graph.getNodeAttribute("https://orgraph.dev/test/acme", "label")).toBe("Acme");
  });

  it("fails past the triple limit, or keeps a sample", async () => {
    const text = fixture("org-schema.jsonld");
    const error = await failure(() =>
      loadRdfChunked(text, { format: "json-ld", sourceName: "org.jsonld", maxTriples: 3 }),
    );
    expect((error as OrgraphError).code).toBe("limit");
    const sample = await loadRdfChunked(text, {
      format: "json-ld",
      maxTriples: 3,
      sample: true,
    });
    expect(sample.triples).toBe(3);
  });

  it("posts a refused context as an error, and passes the allow-list on", async () => {
    const posted: WorkerResponse[] = [];
    const handle = createLoadHandler((m) => posted.push(m));
    await handle({
      type: "load",
      id: 1,
      text: PEOPLE([`${base}/ctx/org.jsonld`]),
      format: "json-ld",
      sourceName: "people.jsonld",
    });
    const last = posted.at(-1)!;
    expect(last.type).toBe("error");
    const error = deserializeError((last as Extract<WorkerResponse, { type: "error" }>).error);
    expect(error.message).toMatch(/^JSON-LD context .* is not allowed; people\.jsonld may use/);
    posted.length = 0;
    await handle({
      type: "load",
      id: 2,
      text: PEOPLE([`${base}/ctx/org.jsonld`]),
      format: "json-ld",
      sourceName: "people.jsonld",
      jsonldContexts: { allow: [`${base}/ctx/`] },
    });
    const result = posted.at(-1)!;
    expect(result.type).toBe("result");
    expect((result as Extract<WorkerResponse, { type: "result" }>).triples).toBe(2);
  });
});
