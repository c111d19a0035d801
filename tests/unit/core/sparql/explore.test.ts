// Exploration helpers with a scripted fetch: search grouping and ranking, DESCRIBE fallback,
// count validation, merging.
import { describe, expect, it } from "vitest";
import {
  createSparqlClient,
  SparqlEndpointError,
  type SparqlFetch,
  type SparqlFetchInit,
} from "../../../../src/core/sparql/client";
import {
  connectionCounts,
  endpointGraph,
  explorableIri,
  fetchNeighbourhood,
  QuadSet,
  searchEndpoint,
} from "../../../../src/core/sparql/explore";

type Answer = { status?: number; type: string; body: string };

/** A fetch that answers each request with the next scripted answer, keeping the queries. */
function scripted(answers: Answer[]): { fetch: SparqlFetch; queries: string[] } {
  const queries: string[] = [];
  const fetch: SparqlFetch = (url: string, init: SparqlFetchInit) => {
    const params = new URLSearchParams(init.body ?? url.split("?")[1] ?? "");
    queries.push(params.get("query") ?? "");
    const answer = answers.shift() ?? { type: "text/turtle", body: "" };
    const status = answer.status ?? 200;
    return Promise.resolve({
      ok: status < 300,
      status,
      statusText: status < 300 ? "OK" : "Bad Request",
      headers: {
        get: (name: string) => (name.toLowerCase() === "content-type" ? answer.type : null),
      },
      text: () => Promise.resolve(answer.body),
    });
  };
  return { fetch, queries };
}

const JSON_TYPE = "application/sparql-results+json";

function bindings(rows: Array<Record<string, unknown>>): string {
  return JSON.stringify({ head: { vars: [] }, results: { bindings: rows } });
}

const uri = (value: string) => ({ type: "uri", value });
const lit = (value: string, lang?: string) =>
  lang ? { type: "literal", value, "xml:lang": lang } : { type: "literal", value };

describe("searchEndpoint", () => {
  it("groups labels by resource and ranks exact, whole-word, prefix, then inner matches", async () => {
    const { fetch, queries } = scripted([
      {
        type: JSON_TYPE,
        body: bindings([
          { resource: uri("http://x/inner"), label: lit("Malagon") },
          { resource: uri("http://x/prefix"), label: lit("Lagonda") },
          { resource: uri("http://x/long"), label: lit("Lagon : réfléchir à l'offre") },
          { resource: uri("http://x/mark"), label: lit("Mark Lagon", "fr") },
          { resource: uri("http://x/mark"), label: lit("Mark Lagon", "en") },
          { resource: uri("http://x/exact"), label: lit("LAGON") },
          { resource: { type: "bnode", value: "b1" }, label: lit("Lagon") },
        ]),
      },
    ]);
    const client = createSparqlClient({ endpoint: "http://example.org/sparql", fetch });
    const hits = await searchEndpoint(client, " Lagon ", { limit: 7 });
    expect(hits.map((h) => h.iri)).toEqual([
      "http://x/exact",
      "http://x/mark",
      "http://x/long",
      "http://x/prefix",
      "http://x/inner",
    ]);
    expect(hits[1]?.labels).toHaveLength(2);
    expect(hits[1]?.label).toBe("Mark Lagon");
    expect(queries[0]).toContain('LCASE("Lagon")');
    expect(queries[0]).toMatch(/LIMIT 7$/);
  });
});

describe("fetchNeighbourhood", () => {
  it("falls back to DESCRIBE when the endpoint rejects the CONSTRUCT", async () => {
    const { fetch, queries } = scripted([
      { status: 400, type: "text/plain", body: "sub-selects not supported" },
      {
        type: "text/turtle",
        body: '<http://x/a> <http://x/p> <http://x/b> . <http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .',
      },
    ]);
    const client = createSparqlClient({ endpoint: "http://example.org/sparql", fetch });
    const result = await fetchNeighbourhood(client, "http://x/a", { provenance: false });
    expect(result.described).toBe(true);
    expect(queries[1]).toMatch(/^DESCRIBE <http:\/\/x\/a>/);
    const graph = endpointGraph(result.quads);
    expect(graph.hasEdge("http://x/a http://x/p http://x/b")).toBe(true);
    expect(graph.getNodeAttribute("http://x/a", "label")).toBe("A");
  });

  it("does not fall back on a timeout, and not when told not to", async () => {
    const { fetch } = scripted([{ status: 500, type: "text/plain", body: "boom" }]);
    const client = createSparqlClient({ endpoint: "http://example.org/sparql", fetch });
    await expect(
      fetchNeighbourhood(client, "http://x/a", { describeFallback: false }),
    ).rejects.toBeInstanceOf(SparqlEndpointError);
  });

  it("asks for memberships' content and for superclasses", async () => {
    const ORG = "http://www.w3.org/ns/org#";
    const RDFT = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";
    const { fetch, queries } = scripted([
      {
        type: "application/n-triples",
        body: [
          `<http://x/m> <${ORG}member> <http://x/p> .`,
          `<http://x/m> <${RDFT}> <${ORG}Membership> .`,
          `<http://x/p> <${RDFT}> <http://x/Agent> .`,
        ].join("\n"),
      },
      {
        type: "application/n-triples",
        body: `<http://x/m> <${ORG}organization> <http://x/o> .\n<http://x/o> <${RDFT}> <${ORG}Organization> .\n`,
      },
      {
        type: "application/n-triples",
        body: `<http://x/Agent> <http://www.w3.org/2000/01/rdf-schema#subClassOf> <http://xmlns.com/foaf/0.1/Person> .\n`,
      },
      { type: "application/n-triples", body: "" },
    ]);
    const client = createSparqlClient({ endpoint: "http://example.org/sparql", fetch });
    const result = await fetchNeighbourhood(client, "http://x/p", { provenance: false });
    expect(queries[1]).toContain("VALUES ?r { <http://x/m> }");
    expect(queries[2]).toContain("VALUES ?c {");
    expect(queries[2]).toContain("<http://x/Agent>");
    const graph = endpointGraph(result.quads);
    expect(graph.getNodeAttribute("http://x/p", "category")).toBe("person");
    expect(graph.edges("http://x/p", "http://x/o")).toHaveLength(1);
  });
});

describe("provenance", () => {
  it("moves triples into the named graphs that hold them and fetches their annotations", async () => {
    const OA = "http://www.w3.org/ns/oa#";
    const { fetch, queries } = scripted([
      {
        type: "application/n-triples",
        body: '<http://x/a> <http://x/p> <http://x/b> .\n<http://x/a> <http://www.w3.org/2000/01/rdf-schema#label> "A" .\n',
      },
      {
        type: JSON_TYPE,
        body: bindings([
          {
            s: uri("http://x/a"),
            p: uri("http://x/p"),
            o: uri("http://x/b"),
            g: uri("http://x/g1"),
          },
          {
            s: uri("http://x/a"),
            p: uri("http://x/p"),
            o: uri("http://x/b"),
            g: uri("http://x/all"),
          },
        ]),
      },
      {
        type: "application/n-triples",
        body: [
          `<http://x/ann> <${OA}hasBody> <http://x/g1> .`,
          `<http://x/ann> <${OA}hasTarget> _:t .`,
          `_:t <${OA}hasSource> <http://x/text> .`,
          `_:t <${OA}hasSelector> _:sel .`,
          `_:sel <${OA}start> "3"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
          `_:sel <${OA}end> "9"^^<http://www.w3.org/2001/XMLSchema#integer> .`,
        ].join("\n"),
      },
    ]);
    const client = createSparqlClient({ endpoint: "http://example.org/sparql", fetch });
    const result = await fetchNeighbourhood(client, "http://x/a", {
      unionGraphs: ["http://x/all"],
    });
    expect(queries[1]).toContain("VALUES ?s { <http://x/a> }");
    expect(queries[1]).toContain(
      "VALUES ?p { <http://www.w3.org/2000/01/rdf-schema#label> <http://x/p> }",
    );
    expect(queries[2]).toContain("VALUES ?body { <http://x/a> <http://x/g1> }");
    const graph = endpointGraph(result.quads);
    const edge = graph.getEdgeAttributes("http://x/a http://x/p http://x/b");
    expect(edge.graphs).toEqual(["http://x/g1"]);
    expect(edge.spans).toEqual([
      { annotation: "http://x/ann", source: "http://x/text", start: 3, end: 9 },
    ]);
    expect(graph.hasNode("http://x/ann")).toBe(false);
  });
});

describe("connectionCounts", () => {
  it("reads counts, most first, and rejects malformed rows", async () => {
    const count = (n: string) => ({
      type: "typed-literal",
      datatype: "http://www.w3.org/2001/XMLSchema#integer",
      value: n,
    });
    const { fetch } = scripted([
      {
        type: JSON_TYPE,
        body: bindings([
          { predicate: uri("http://x/a"), direction: lit("in"), count: count("1") },
          { predicate: uri("http://x/b"), direction: lit("out"), count: count("4") },
        ]),
      },
      {
        type: JSON_TYPE,
        body: bindings([{ predicate: uri("http://x/a"), direction: lit("up"), count: count("1") }]),
      },
    ]);
    const client = createSparqlClient({ endpoint: "http://example.org/sparql", fetch });
    expect(await connectionCounts(client, "http://x/n")).toEqual([
      { predicate: "http://x/b", direction: "out", count: 4 },
      { predicate: "http://x/a", direction: "in", count: 1 },
    ]);
    await expect(connectionCounts(client, "http://x/n")).rejects.toThrow(/Bad connection counts/);
  });
});

describe("QuadSet and explorableIri", () => {
  it("keeps each quad once", () => {
    const q = {
      subject: { termType: "NamedNode", value: "http://x/a" },
      predicate: { termType: "NamedNode", value: "http://x/p" },
      object: { termType: "Literal", value: "v", language: "" },
      graph: { termType: "DefaultGraph", value: "" },
    };
    const set = new QuadSet([q]);
    expect(set.add([q, { ...q }])).toBe(0);
    expect(set.size).toBe(1);
    expect(set.has(q)).toBe(true);
  });

  it("refuses blank nodes", () => {
    expect(explorableIri("http://x/a")).toBe("http://x/a");
    expect(() => explorableIri("_:b1")).toThrow(/blank node/);
    expect(() => explorableIri({ termType: "Literal", value: "x" })).toThrow(/Only IRIs/);
  });
});
