// Exploring a real Virtuoso (started by tests/support/virtuoso/global-setup.ts and loaded with
// data/release.trig): search, neighbourhood, counts and expansion, checked against the same
// data loaded from the file through the same mapping.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { loadRdf, type OrgraphGraph, type RdfQuad } from "../../../../src/core";
import { egoNetwork } from "../../../../src/core/graph/neighbourhood";
import {
  CONSTRUCT_ACCEPT,
  createSparqlClient,
  SELECT_ACCEPT,
  SparqlEndpointError,
} from "../../../../src/core/sparql/client";
import {
  connectionCounts,
  endpointGraph,
  expand,
  fetchNeighbourhood,
  QuadSet,
  searchEndpoint,
} from "../../../../src/core/sparql/explore";
import { termKey } from "../../../../src/core/rdf/terms";

const BASE = "https://orgraph.dev/data/iom-pk-2008/";
const LAGON = `${BASE}lagon`;
const TIP_OFFICE = `${BASE}us-tip-office`;
const CONFERENCE = `${BASE}conference`;
const RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type";

const endpoint = inject("virtuosoEndpoint");
const dataGraph = inject("virtuosoDataGraph");
const client = createSparqlClient({ endpoint, timeoutMs: 20_000 });

let fileGraph: OrgraphGraph;
let fileQuads: readonly RdfQuad[];

beforeAll(() => {
  const text = readFileSync(new URL("../../../../data/release.trig", import.meta.url), "utf8");
  const loaded = loadRdf(text, { format: "trig", sourceName: "release.trig" });
  fileGraph = loaded.graph;
  fileQuads = loaded.quads.toArray();
});

describe("searchEndpoint", () => {
  it('finds Mark Lagon by "Lagon", first', async () => {
    const hits = await searchEndpoint(client, "Lagon");
    expect(hits[0]).toMatchObject({ iri: LAGON, label: "Mark Lagon" });
    expect(hits.length).toBeGreaterThan(1);
    expect(new Set(hits.map((h) => h.iri)).size).toBe(hits.length);
    const lower = await searchEndpoint(client, "mark lagon", { limit: 5 });
    expect(lower.map((h) => h.iri)).toContain(LAGON);
  });

  it("handles accents, apostrophes and hostile text safely", async () => {
    const interior = await searchEndpoint(client, "Ministère de l'Intérieur");
    expect(interior.map((h) => h.iri)).toContain(`${BASE}ministry-interior`);
    for (const text of ['"} ; DROP ALL ; #', "\\u0022) } DROP ALL", "a\nb", "}}}{{{"]) {
      await expect(searchEndpoint(client, text)).resolves.toEqual([]);
    }
    // The data is still there.
    expect((await searchEndpoint(client, "Lagon"))[0]?.iri).toBe(LAGON);
    expect(await searchEndpoint(client, "   ")).toEqual([]);
  });
});

describe("fetchNeighbourhood", () => {
  it("brings Lagon, the trafficking office and the conference", async () => {
    const result = await fetchNeighbourhood(client, LAGON);
    expect(result.truncated).toBe(false);
    expect(result.described).toBeUndefined();
    const graph = endpointGraph(result.quads);
    expect(graph.hasNode(LAGON)).toBe(true);
    expect(graph.hasNode(TIP_OFFICE)).toBe(true);
    expect(graph.hasNode(CONFERENCE)).toBe(true);
    expect(graph.getNodeAttribute(TIP_OFFICE, "category")).toBe("organisation");
    expect(graph.getNodeAttribute(CONFERENCE, "category")).toBe("event");
    expect(graph.hasEdge(`${LAGON} http://www.w3.org/ns/org#headOf ${TIP_OFFICE}`)).toBe(true);
    expect(graph.hasEdge(`${CONFERENCE} http://schema.org/attendee ${LAGON}`)).toBe(true);
  });

  it("gives the same nodes, categories, labels and edges as the file around Lagon", async () => {
    const { quads } = await fetchNeighbourhood(client, LAGON);
    const fetched = endpointGraph(quads);
    const ego = egoNetwork(fileGraph, LAGON, 1);
    expect(ego.nodes.size).toBeGreaterThan(5);
    for (const key of ego.nodes) {
      expect(fetched.hasNode(key), key).toBe(true);
      const want = fileGraph.getNodeAttributes(key);
      const got = fetched.getNodeAttributes(key);
      expect({ key, category: got.category, label: got.label }).toEqual({
        key,
        category: want.category,
        label: want.label,
      });
    }
    // Every edge at Lagon, memberships folded the same way, and no other.
    expect(new Set(fetched.edges(LAGON))).toEqual(new Set(fileGraph.edges(LAGON)));
    // Neighbours of Lagon on screen are exactly the file's.
    expect(new Set(fetched.neighbors(LAGON))).toEqual(new Set(fileGraph.neighbors(LAGON)));
  });

  it("gives the same spans, sources and graphs as the file for Lagon and his edges", async () => {
    const { quads } = await fetchNeighbourhood(client, LAGON, { unionGraphs: [dataGraph] });
    const fetched = endpointGraph(quads);
    const lagonWant = fileGraph.getNodeAttributes(LAGON);
    const lagonGot = fetched.getNodeAttributes(LAGON);
    expect(lagonGot.spans).toEqual(lagonWant.spans);
    expect(lagonGot.sources).toEqual(lagonWant.sources);
    // A neighbour's support is what the fetched triples about it carry: a part of the file's,
    // complete once it is opened in turn.
    for (const key of egoNetwork(fileGraph, LAGON, 1).nodes) {
      const want = fileGraph.getNodeAttributes(key);
      const got = fetched.getNodeAttributes(key);
      expect(want.spans).toEqual(expect.arrayContaining(got.spans));
      expect(want.sources).toEqual(expect.arrayContaining(got.sources));
      expect(got.spans.length + got.sources.length, key).toBeGreaterThan(0);
    }
    const conference = endpointGraph(
      (await fetchNeighbourhood(client, CONFERENCE, { unionGraphs: [dataGraph] })).quads,
    );
    expect(conference.getNodeAttribute(CONFERENCE, "spans")).toEqual(
      fileGraph.getNodeAttribute(CONFERENCE, "spans"),
    );
    expect(conference.getNodeAttribute(CONFERENCE, "sources")).toEqual(
      fileGraph.getNodeAttribute(CONFERENCE, "sources"),
    );
    for (const edge of fileGraph.edges(LAGON)) {
      const want = fileGraph.getEdgeAttributes(edge);
      const got = fetched.getEdgeAttributes(edge);
      expect({ edge, graphs: got.graphs, spans: got.spans, sources: got.sources }).toEqual({
        edge,
        graphs: want.graphs,
        spans: want.spans,
        sources: want.sources,
      });
    }
    const lagon = fetched.getNodeAttributes(LAGON);
    expect(lagon.spans.some((s) => s.exact === "Mark Lagon")).toBe(true);
  });

  it("reads the whole dataset through a default graph, or only the one asked for", async () => {
    const merged = createSparqlClient({ endpoint, defaultGraph: dataGraph });
    const viaParam = endpointGraph((await fetchNeighbourhood(merged, LAGON)).quads);
    expect(viaParam.hasNode(CONFERENCE)).toBe(true);
    const viaFrom = endpointGraph(
      (await fetchNeighbourhood(client, LAGON, { from: dataGraph })).quads,
    );
    expect(new Set(viaFrom.nodes())).toEqual(new Set(viaParam.nodes()));
    const only = createSparqlClient({ endpoint, defaultGraph: `${BASE}g-lagon` });
    const small = endpointGraph((await fetchNeighbourhood(only, LAGON)).quads);
    expect(small.nodes()).toEqual([LAGON]);
    expect(small.getNodeAttribute(LAGON, "category")).toBe("person");
  });
});

describe("connectionCounts and expand", () => {
  it("counts distinct neighbours per predicate and direction as the file has them", async () => {
    const counts = await connectionCounts(client, LAGON);
    const expected = new Map<string, Set<string>>();
    for (const q of fileQuads) {
      let key: string | undefined;
      let other: string | undefined;
      if (q.subject.value === LAGON && q.subject.termType === "NamedNode") {
        if (q.object.termType === "Literal" || q.predicate.value === RDF_TYPE) continue;
        key = `${q.predicate.value} out`;
        other = termKey(q.object);
      } else if (q.object.value === LAGON && q.object.termType === "NamedNode") {
        key = `${q.predicate.value} in`;
        other = termKey(q.subject);
      }
      if (key === undefined || other === undefined) continue;
      expected.set(key, (expected.get(key) ?? new Set()).add(other));
    }
    const got = Object.fromEntries(counts.map((c) => [`${c.predicate} ${c.direction}`, c.count]));
    const want = Object.fromEntries([...expected].map(([k, v]) => [k, v.size]));
    expect(got).toEqual(want);
    expect(got["http://schema.org/attendee in"]).toBe(2);
    expect(got["http://www.w3.org/ns/org#headOf out"]).toBe(1);
  });

  it("expands one relation type and merges it into what is on screen", async () => {
    const seen = new QuadSet();
    seen.add((await expand(client, LAGON, "http://www.w3.org/ns/org#headOf", "out")).quads);
    let graph = endpointGraph(seen);
    expect(graph.hasNode(TIP_OFFICE)).toBe(true);
    expect(graph.hasNode(CONFERENCE)).toBe(false);
    const attendees = await expand(client, LAGON, "http://schema.org/attendee", "in");
    expect(seen.add(attendees.quads)).toBeGreaterThan(0);
    expect(seen.add(attendees.quads)).toBe(0);
    graph = endpointGraph(seen);
    expect(graph.hasNode(CONFERENCE)).toBe(true);
    expect(graph.hasNode(`${BASE}visit`)).toBe(true);
    expect(graph.getNodeAttribute(CONFERENCE, "label")).toBe(
      fileGraph.getNodeAttribute(CONFERENCE, "label"),
    );
    // From the conference, on to its organisers.
    const organisers = await expand(client, CONFERENCE, "http://schema.org/organizer", "out");
    seen.add(organisers.quads);
    graph = endpointGraph(seen);
    expect(graph.getNodeAttribute(`${BASE}ministry-interior`, "category")).toBe(
      fileGraph.getNodeAttribute(`${BASE}ministry-interior`, "category"),
    );
  });
});

describe("the endpoint as a browser sees it", () => {
  it("allows cross-origin GET and POST without a preflight (CORS)", async () => {
    const origin = "http://localhost:5173";
    const query = encodeURIComponent("ASK {}");
    const get = await fetch(`${endpoint}?query=${query}`, {
      headers: { Origin: origin, Accept: SELECT_ACCEPT },
    });
    await get.text();
    expect(get.headers.get("access-control-allow-origin")).toMatch(
      /^(\*|http:\/\/localhost:5173)$/,
    );
    const post = await fetch(endpoint, {
      method: "POST",
      headers: {
        Origin: origin,
        Accept: CONSTRUCT_ACCEPT,
        "Content-Type": "application/x-www-form-urlencoded",
      },
      body: `query=${encodeURIComponent("CONSTRUCT WHERE { ?s ?p ?o } LIMIT 1")}`,
    });
    await post.text();
    expect(post.headers.get("access-control-allow-origin")).toMatch(
      /^(\*|http:\/\/localhost:5173)$/,
    );
    expect(post.headers.get("content-type")).toMatch(/^text\/turtle/);
  });

  it("sends only CORS-safelisted request headers", () => {
    // Fetch spec: Accept is safelisted when at most 128 bytes without unsafe bytes.
    for (const accept of [SELECT_ACCEPT, CONSTRUCT_ACCEPT]) {
      expect(accept.length).toBeLessThanOrEqual(128);
      // eslint-disable-next-line no-control-regex
      expect(accept).not.toMatch(/["():<>?@[\\\]{}\u0000-\u0008\u000a-\u001f\u007f]/);
    }
  });
});

describe("errors from a real endpoint", () => {
  it("reports a query Virtuoso rejects with its status and message", async () => {
    const error = await client.select("SELEKT * WHERE { ?s ?p ?o }").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SparqlEndpointError);
    expect((error as SparqlEndpointError).reason).toBe("http");
    expect((error as SparqlEndpointError).status).toBe(400);
    expect((error as SparqlEndpointError).message).toMatch(/HTTP 400.*SP030|syntax error/i);
  });
});
