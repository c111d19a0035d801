// The SPARQL client against a tiny local HTTP server on 127.0.0.1: the protocol (GET and
// POST, Accept, default-graph-uri), parsing of answers, and one typed error per cause.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { once } from "node:events";
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { OrgraphError } from "../../../../src/core/errors";
import {
  createSparqlClient,
  SparqlEndpointError,
  type SparqlClientOptions,
} from "../../../../src/core/sparql/client";

function fixture(name: string): string {
  return readFileSync(new URL(`../../../fixtures/sparql/${name}`, import.meta.url), "utf8");
}

interface Seen {
  method: string;
  url: string;
  accept: string;
  contentType: string;
  body: string;
}

let server: Server;
let base: string;
const seen: Seen[] = [];

function send(res: ServerResponse, status: number, type: string, body: string): void {
  res.writeHead(status, { "Content-Type": type });
  res.end(body);
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  let body = "";
  req.setEncoding("utf8");
  for await (const chunk of req) body += chunk as string;
  const path = (req.url ?? "").split("?")[0];
  seen.push({
    method: req.method ?? "",
    url: req.url ?? "",
    accept: req.headers.accept ?? "",
    contentType: req.headers["content-type"] ?? "",
    body,
  });
  switch (path) {
    case "/stall":
      return; // never answers
    case "/stall-body":
      res.writeHead(200, { "Content-Type": "application/sparql-results+json" });
      res.write('{ "head": ');
      return; // never ends
    case "/500":
      return send(
        res,
        500,
        "text/plain",
        "Virtuoso 37000 Error SP030: SPARQL compiler, line 1: syntax error at 'SELEKT'\n\nSPARQL query:\nSELEKT * WHERE { ?s ?p ?o }",
      );
    case "/502-html":
      return send(res, 502, "text/html", fixture("error-page.html"));
    case "/malformed":
      return send(res, 200, "application/sparql-results+json", fixture("malformed-results.json"));
    case "/wrong-shape":
      return send(res, 200, "application/sparql-results+json", fixture("wrong-shape-results.json"));
    case "/html":
      return send(res, 200, "text/html; charset=utf-8", "<html><body>Welcome</body></html>");
    case "/select":
      return send(
        res,
        200,
        "application/sparql-results+json; charset=utf-8",
        fixture("select-results.json"),
      );
    case "/construct":
      return send(res, 200, "text/turtle; charset=UTF-8", fixture("construct-answer.ttl"));
    case "/construct-nt":
      return send(
        res,
        200,
        "application/n-triples",
        "<https://example.org/a> <https://example.org/p> <https://example.org/b> .\n",
      );
    case "/construct-json":
      return send(res, 200, "application/sparql-results+json", fixture("select-results.json"));
    case "/broken-turtle":
      return send(res, 200, "text/turtle", fixture("broken-answer.ttl"));
    default:
      return send(res, 404, "text/plain", "no such endpoint");
  }
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void handle(req, res);
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}`;
});

afterAll(async () => {
  server.closeAllConnections();
  server.close();
  await once(server, "close");
});

function client(path: string, options: Partial<SparqlClientOptions> = {}) {
  return createSparqlClient({ endpoint: `${base}${path}`, timeoutMs: 2000, ...options });
}

async function failure(promise: Promise<unknown>): Promise<OrgraphError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(OrgraphError);
    return error as OrgraphError;
  }
  throw new Error("expected a failure");
}

const QUERY = "SELECT * WHERE { ?s ?p ?o } LIMIT 1";

describe("createSparqlClient: protocol", () => {
  it("sends a short SELECT by GET with the SPARQL JSON Accept header", async () => {
    seen.length = 0;
    const result = await client("/select").select(QUERY);
    expect(seen[0]?.method).toBe("GET");
    expect(seen[0]?.accept).toContain("application/sparql-results+json");
    const url = new URL(seen[0]?.url ?? "", base);
    expect(url.searchParams.get("query")).toBe(QUERY);
    expect(url.searchParams.get("default-graph-uri")).toBeNull();
    expect(result.vars).toEqual(["s", "label", "n", "b", "missing"]);
    expect(result.rows).toHaveLength(2);
    expect(result.truncated).toBe(false);
    expect(result.rows[0]?.s).toEqual({ termType: "NamedNode", value: "https://example.org/a" });
    expect(result.rows[0]?.label).toMatchObject({
      termType: "Literal",
      value: 'Bureau "A"',
      language: "fr",
    });
    expect(result.rows[0]?.n?.datatype?.value).toBe("http://www.w3.org/2001/XMLSchema#integer");
    expect(result.rows[0]?.b).toEqual({ termType: "BlankNode", value: "b0" });
    expect(result.rows[1]?.missing).toBeUndefined();
  });

  it("sends a long query by POST, form-encoded, with default-graph-uri", async () => {
    seen.length = 0;
    const long = `SELECT * WHERE { ?s ?p "${"x".repeat(3000)}" }`;
    await client("/select", { defaultGraph: "https://example.org/g" }).select(long);
    expect(seen[0]?.method).toBe("POST");
    expect(seen[0]?.contentType).toBe("application/x-www-form-urlencoded");
    const form = new URLSearchParams(seen[0]?.body ?? "");
    expect(form.get("query")).toBe(long);
    expect(form.get("default-graph-uri")).toBe("https://example.org/g");
  });

  it("keeps at most maxRows rows and says so", async () => {
    const result = await client("/select", { maxRows: 1 }).select(QUERY);
    expect(result.rows).toHaveLength(1);
    expect(result.truncated).toBe(true);
  });

  it("parses a CONSTRUCT answer by its content type (Turtle, N-Triples)", async () => {
    seen.length = 0;
    const turtle = await client("/construct").construct("CONSTRUCT WHERE { ?s ?p ?o }");
    expect(seen[0]?.accept).toMatch(/^text\/turtle, application\/n-triples/);
    expect(turtle.quads).toHaveLength(5);
    const label = turtle.quads.find((q) => q.object.termType === "Literal");
    expect(label?.object.value).toBe("Ann Étienne");
    expect(turtle.prefixes.ns1).toBe("https://example.org/");
    const nt = await client("/construct-nt").construct("CONSTRUCT WHERE { ?s ?p ?o }");
    expect(nt.quads).toHaveLength(1);
    const cut = await client("/construct", { maxRows: 2 }).construct("CONSTRUCT {} WHERE {}");
    expect(cut.quads).toHaveLength(2);
    expect(cut.truncated).toBe(true);
  });

  it("rejects an endpoint that is not an http(s) URL", () => {
    expect(() => createSparqlClient({ endpoint: "javascript:alert(1)" })).toThrow(/http\(s\) URL/);
    expect(() => createSparqlClient({ endpoint: `${base}/x`, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});

describe("createSparqlClient: one error per cause", () => {
  it("times out on an endpoint that stalls", async () => {
    const started = Date.now();
    const error = await failure(client("/stall", { timeoutMs: 300 }).select(QUERY));
    expect(Date.now() - started).toBeLessThan(2000);
    expect(error).toBeInstanceOf(SparqlEndpointError);
    expect(error.code).toBe("endpoint");
    expect((error as SparqlEndpointError).reason).toBe("timeout");
    expect(error.message).toMatch(/did not answer within 300 ms/);
  });

  it("times out on a body that never ends", async () => {
    const error = await failure(client("/stall-body", { timeoutMs: 300 }).select(QUERY));
    expect((error as SparqlEndpointError).reason).toBe("timeout");
  });

  it("reports the HTTP status with an excerpt of the body", async () => {
    const error = (await failure(client("/500").select(QUERY))) as SparqlEndpointError;
    expect(error.reason).toBe("http");
    expect(error.status).toBe(500);
    expect(error.message).toMatch(/answered HTTP 500 Internal Server Error: Virtuoso 37000/);
    expect(error.message).toContain("SELEKT");
  });

  it("quotes an HTML error page as text", async () => {
    const error = (await failure(client("/502-html").select(QUERY))) as SparqlEndpointError;
    expect(error.status).toBe(502);
    expect(error.message).toContain("Bad Gateway The upstream SPARQL server & its proxy");
    expect(error.message).not.toMatch(/<|color: red/);
  });

  it("reports malformed JSON", async () => {
    const error = (await failure(client("/malformed").select(QUERY))) as SparqlEndpointError;
    expect(error.reason).toBe("bad-results");
    expect(error.message).toMatch(/Bad SELECT results from .*: the body is not JSON/);
  });

  it("reports JSON of the wrong shape", async () => {
    const error = (await failure(client("/wrong-shape").select(QUERY))) as SparqlEndpointError;
    expect(error.reason).toBe("bad-results");
    expect(error.message).toContain(
      'row 1, variable ?s: a term needs a "type" and a string "value"',
    );
  });

  it("reports a wrong content type for SELECT and CONSTRUCT", async () => {
    const select = (await failure(client("/html").select(QUERY))) as SparqlEndpointError;
    expect(select.reason).toBe("bad-results");
    expect(select.message).toMatch(/answered a SELECT with text\/html instead of SPARQL JSON/);
    const construct = (await failure(
      client("/construct-json").construct("CONSTRUCT WHERE { ?s ?p ?o }"),
    )) as SparqlEndpointError;
    expect(construct.reason).toBe("bad-results");
    expect(construct.message).toMatch(/application\/sparql-results\+json instead of RDF/);
  });

  it("reports RDF that does not parse, with its line", async () => {
    const error = (await failure(
      client("/broken-turtle").construct("CONSTRUCT WHERE { ?s ?p ?o }"),
    )) as SparqlEndpointError;
    expect(error.reason).toBe("bad-results");
    expect(error.message).toMatch(/sent Turtle that does not parse at line 3/);
  });

  it("reports an unreachable endpoint as a network (or CORS) failure", async () => {
    const probe = createServer();
    probe.listen(0, "127.0.0.1");
    await once(probe, "listening");
    const address = probe.address();
    const port = typeof address === "object" && address ? address.port : 0;
    probe.close();
    await once(probe, "close");
    const error = (await failure(
      createSparqlClient({ endpoint: `http://127.0.0.1:${port}/sparql` }).select(QUERY),
    )) as SparqlEndpointError;
    expect(error.reason).toBe("network");
    expect(error.message).toMatch(/Could not reach the SPARQL endpoint .*CORS/);
  });

  it("cancels with the caller's signal", async () => {
    const controller = new AbortController();
    const pending = client("/stall", { timeoutMs: 5000 }).select(QUERY, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    const error = await failure(pending);
    expect(error.code).toBe("cancelled");
    const already = await failure(client("/select").select(QUERY, { signal: AbortSignal.abort() }));
    expect(already.code).toBe("cancelled");
  });

  it("works with a fetch that ignores the signal (the timer still rejects)", async () => {
    const deaf = () => new Promise<never>(() => undefined);
    const error = await failure(
      createSparqlClient({ endpoint: `${base}/x`, fetch: deaf, timeoutMs: 100 }).select(QUERY),
    );
    expect((error as SparqlEndpointError).reason).toBe("timeout");
  });
});
