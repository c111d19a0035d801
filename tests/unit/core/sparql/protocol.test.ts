// The SPARQL worker's handler, called directly with a scripted fetch: each operation, the
// compact quads, errors rebuilt as the typed error, per-request limits, cancel by id.
import { describe, expect, it } from "vitest";
import { OrgraphError } from "../../../../src/core/errors";
import type {
  SparqlFetch,
  SparqlFetchInit,
  SparqlResponse,
} from "../../../../src/core/sparql/client";
import { SparqlEndpointError } from "../../../../src/core/sparql/client";
import {
  createSparqlHandler,
  decodeSparqlResult,
  deserializeSparqlError,
  type SparqlOp,
  type SparqlWorkerResponse,
} from "../../../../src/core/sparql/protocol";

type Answer = { status?: number; type: string; body: string } | "stall";

interface Scripted {
  fetch: SparqlFetch;
  queries: string[];
  aborted: number;
}

function scripted(answers: Answer[]): Scripted {
  const out: Scripted = { fetch: undefined!, queries: [], aborted: 0 };
  out.fetch = (url: string, init: SparqlFetchInit) => {
    const params = new URLSearchParams(init.body ?? url.split("?")[1] ?? "");
    out.queries.push(params.get("query") ?? "");
    const answer = answers.shift() ?? { type: "text/turtle", body: "" };
    if (answer === "stall") {
      return new Promise<SparqlResponse>((_resolve, reject) => {
        init.signal?.addEventListener("abort", () => {
          out.aborted++;
          reject(Object.assign(new Error("aborted"), { name: "AbortError" }));
        });
      });
    }
    const status = answer.status ?? 200;
    return Promise.resolve({
      ok: status < 300,
      status,
      statusText: status < 300 ? "OK" : "Server Error",
      headers: {
        get: (name: string) => (name.toLowerCase() === "content-type" ? answer.type : null),
      },
      text: () => Promise.resolve(answer.body),
    });
  };
  return out;
}

function handler(answers: Answer[]) {
  const script = scripted(answers);
  const posted: Array<{ message: SparqlWorkerResponse; transfer: ArrayBuffer[] }> = [];
  const handle = createSparqlHandler(
    (message, transfer) => posted.push({ message, transfer: transfer ?? [] }),
    { fetch: script.fetch },
  );
  return { handle, posted, script };
}

const ENDPOINT = "https://example.org/sparql";
const LIMITS = { timeoutMs: 5_000, maxRows: 1_000 };
const request = (id: number, params: SparqlOp, limits = LIMITS) =>
  ({ type: "request", id, endpoint: ENDPOINT, limits, params }) as const;

const JSON_TYPE = "application/sparql-results+json";
const bindings = (rows: Array<Record<string, unknown>>): string =>
  JSON.stringify({ head: { vars: [] }, results: { bindings: rows } });

describe("createSparqlHandler", () => {
  it("answers a ping", async () => {
    const { handle, posted } = handler([]);
    await handle({ type: "ping", id: 7 });
    expect(posted.map((p) => p.message)).toEqual([{ type: "pong", id: 7 }]);
  });

  it("search: the hits, by id", async () => {
    const { handle, posted, script } = handler([
      {
        type: JSON_TYPE,
        body: bindings([
          {
            resource: { type: "uri", value: "http://x/lagon" },
            label: { type: "literal", value: "Mark Lagon", "xml:lang": "en" },
          },
        ]),
      },
    ]);
    await handle(request(1, { op: "search", text: "Lagon", limit: 10, languages: ["en"] }));
    expect(script.queries[0]).toContain("Lagon");
    const { message } = posted[0]!;
    expect(message).toMatchObject({ type: "result", id: 1, result: { op: "search" } });
    if (message.type !== "result" || message.result.op !== "search") throw new Error("no hits");
    expect(message.result.hits.map((h) => [h.iri, h.label])).toEqual([
      ["http://x/lagon", "Mark Lagon"],
    ]);
  });

  it("counts: the relations with their counts", async () => {
    const { handle, posted } = handler([
      {
        type: JSON_TYPE,
        body: bindings([
          {
            predicate: { type: "uri", value: "http://schema.org/organizer" },
            direction: { type: "literal", value: "out" },
            count: {
              type: "literal",
              value: "3",
              datatype: "http://www.w3.org/2001/XMLSchema#integer",
            },
          },
        ]),
      },
    ]);
    await handle(request(2, { op: "counts", iri: "http://x/conference" }));
    const { message } = posted[0]!;
    if (message.type !== "result" || message.result.op !== "counts") {
      throw new Error(JSON.stringify(message));
    }
    expect(message.result.counts).toEqual([
      { predicate: "http://schema.org/organizer", direction: "out", count: 3 },
    ]);
  });

  it("construct: the quads in the compact encoding, their buffer transferred", async () => {
    const { handle, posted } = handler([
      {
        type: "text/turtle",
        body: '<http://x/a> <http://x/p> <http://x/b> , "B"@en .\n<http://x/b> <http://x/p> <http://x/a> .',
      },
    ]);
    await handle(request(3, { op: "construct", query: "CONSTRUCT WHERE { ?s ?p ?o }" }));
    const { message, transfer } = posted[0]!;
    if (message.type !== "result" || message.result.op !== "quads") throw new Error("no quads");
    expect(message.result.quads.indices).toBeInstanceOf(Uint32Array);
    expect(transfer).toEqual([message.result.quads.indices.buffer]);
    // Terms are shared: a, p, b, the literal, the default graph.
    expect(message.result.quads.terms).toHaveLength(5);
    const decoded = decodeSparqlResult(message.result);
    if (decoded.op !== "quads") throw new Error("no quads");
    expect(decoded.truncated).toBe(false);
    expect(decoded.quads.map((q) => [q.subject.value, q.object.value])).toEqual([
      ["http://x/a", "http://x/b"],
      ["http://x/a", "B"],
      ["http://x/b", "http://x/a"],
    ]);
    expect(decoded.quads[1]!.object).toMatchObject({ termType: "Literal", language: "en" });
  });

  it("applies the request's row limit", async () => {
    const { handle, posted } = handler([
      {
        type: "application/n-triples",
        body: '<http://x/a> <http://x/p> "1" .\n<http://x/a> <http://x/p> "2" .\n<http://x/a> <http://x/p> "3" .\n',
      },
    ]);
    await handle(
      request(
        4,
        { op: "construct", query: "CONSTRUCT WHERE { ?s ?p ?o }" },
        {
          timeoutMs: 5_000,
          maxRows: 2,
        },
      ),
    );
    const result = (posted[0]!.message as { result: Parameters<typeof decodeSparqlResult>[0] })
      .result;
    const decoded = decodeSparqlResult(result);
    expect(decoded).toMatchObject({ op: "quads", truncated: true });
    expect(decoded.op === "quads" && decoded.quads.length).toBe(2);
  });

  it("an HTTP error: its reason and status, rebuilt as a SparqlEndpointError", async () => {
    const { handle, posted } = handler([{ status: 500, type: "text/plain", body: "bad day" }]);
    await handle(request(5, { op: "counts", iri: "http://x/a" }));
    const { message } = posted[0]!;
    if (message.type !== "error") throw new Error("no error");
    expect(message.error).toMatchObject({
      name: "SparqlEndpointError",
      code: "endpoint",
      reason: "http",
      status: 500,
      endpoint: ENDPOINT,
    });
    const error = deserializeSparqlError(message.error);
    expect(error).toBeInstanceOf(SparqlEndpointError);
    expect(error).toMatchObject({ reason: "http", status: 500, code: "endpoint" });
    expect(error.message).toBe(message.error.message);
  });

  it("the time limit of the request: a timeout", async () => {
    const { handle, posted, script } = handler(["stall"]);
    await handle(
      request(
        6,
        { op: "construct", query: "CONSTRUCT WHERE { ?s ?p ?o }" },
        {
          timeoutMs: 30,
          maxRows: 10,
        },
      ),
    );
    expect(script.aborted).toBe(1);
    const { message } = posted[0]!;
    expect(message).toMatchObject({ type: "error", id: 6, error: { reason: "timeout" } });
  });

  it("cancel by id aborts that request's fetch and answers cancelled; others go on", async () => {
    const { handle, posted, script } = handler(["stall", { type: "text/turtle", body: "" }]);
    const stalled = handle(request(8, { op: "construct", query: "CONSTRUCT WHERE { ?s ?p ?o }" }));
    const other = handle(request(9, { op: "construct", query: "CONSTRUCT WHERE { ?s ?p ?o }" }));
    await other;
    await handle({ type: "cancel", id: 123 });
    expect(posted.map((p) => p.message.type)).toEqual(["result"]);
    await handle({ type: "cancel", id: 8 });
    await stalled;
    expect(script.aborted).toBe(1);
    expect(posted.map((p) => p.message)).toEqual([
      expect.objectContaining({ type: "result", id: 9 }),
      { type: "cancelled", id: 8 },
    ]);
  });

  it("a bad request: an OrgraphError as data", async () => {
    const { handle, posted } = handler([]);
    await handle({
      type: "request",
      id: 10,
      endpoint: "ftp://nope",
      limits: LIMITS,
      params: { op: "counts", iri: "http://x/a" },
    });
    const { message } = posted[0]!;
    if (message.type !== "error") throw new Error("no error");
    expect(message.error.code).toBe("invalid");
    const error = deserializeSparqlError(message.error);
    expect(error).toBeInstanceOf(OrgraphError);
    expect(error).not.toBeInstanceOf(SparqlEndpointError);
  });
});
