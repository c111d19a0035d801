// The query builders: user values only through the escaping of sparql-terms, limits checked.
import { describe, expect, it } from "vitest";
import {
  connectionCountsQuery,
  describeQuery,
  expandQuery,
  FETCHED_LABEL_PREDICATES,
  graphsOfTriplesQuery,
  labelSearchQuery,
  neighbourhoodQuery,
  provenanceQuery,
  resourceDetailsQuery,
  superClassesQuery,
} from "../../../../src/core/sparql/queries";

const LAGON = "https://orgraph.dev/data/iom-pk-2008/lagon";

/** Braces outside string literals and IRIs balance (a cheap well-formedness check). */
function balanced(query: string): boolean {
  const stripped = query.replace(/"(?:[^"\\\n\r]|\\.)*"/g, '""').replace(/<[^<>\s]*>/g, "<>");
  let depth = 0;
  for (const c of stripped) {
    if (c === "{") depth++;
    if (c === "}") depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

describe("labelSearchQuery", () => {
  it("looks for the text in the label predicates, case-insensitively, with a limit", () => {
    const q = labelSearchQuery("Lagon", { limit: 20 });
    expect(q).toMatch(/^SELECT DISTINCT \?resource \?label/);
    expect(q).toContain("<http://www.w3.org/2000/01/rdf-schema#label>");
    expect(q).toContain("<http://www.w3.org/2004/02/skos/core#prefLabel>");
    expect(q).toContain("<http://xmlns.com/foaf/0.1/name>");
    expect(q).toContain("<http://schema.org/name>");
    expect(q).toContain('CONTAINS(LCASE(STR(?label)), LCASE("Lagon"))');
    expect(q).toMatch(/LIMIT 20$/);
    expect(labelSearchQuery("x")).toMatch(/LIMIT 50$/);
    expect(balanced(q)).toBe(true);
  });

  it("keeps hostile text inside its literal", () => {
    const q = labelSearchQuery('"))} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o FILTER(("\n');
    expect(q).toContain('LCASE("\\"))} ; DROP ALL ; SELECT * WHERE { ?s ?p ?o FILTER((\\"\\n")');
    expect(balanced(q)).toBe(true);
    expect(q.split("\n").length).toBe(labelSearchQuery("x").split("\n").length);
  });

  it("adds FROM for a default graph, and checks limits", () => {
    expect(labelSearchQuery("x", { from: "https://g.example/" })).toContain(
      "FROM <https://g.example/> WHERE",
    );
    expect(() => labelSearchQuery("x", { from: "https://g.example/> DROP" })).toThrow();
    expect(() => labelSearchQuery("x", { limit: 0 })).toThrow(/limit/);
    expect(() => labelSearchQuery("x", { limit: 2.5 })).toThrow(/limit/);
  });
});

describe("graph queries", () => {
  it("neighbourhoodQuery: outgoing, incoming, and neighbours' labels and types", () => {
    const q = neighbourhoodQuery(LAGON, { limit: 30 });
    expect(q).toMatch(/^CONSTRUCT \{/);
    expect(q).toContain(`<${LAGON}> ?outPredicate ?outObject .`);
    expect(q).toContain(`?inSubject ?inPredicate <${LAGON}> .`);
    expect(q).toContain("?n a ?type_n .");
    expect(q.match(/LIMIT 30/g)).toHaveLength(3);
    for (const p of FETCHED_LABEL_PREDICATES) expect(q).toContain(`<${p}>`);
    expect(FETCHED_LABEL_PREDICATES).toContain("https://schema.org/name");
    expect(balanced(q)).toBe(true);
    expect(neighbourhoodQuery(LAGON, { from: "https://g.example/" })).toContain(
      "FROM <https://g.example/>",
    );
  });

  it("expandQuery: one predicate, one direction", () => {
    const out = expandQuery(LAGON, "http://www.w3.org/ns/org#headOf", "out", { limit: 5 });
    expect(out).toContain(`<${LAGON}> <http://www.w3.org/ns/org#headOf> ?n`);
    expect(out).toContain("LIMIT 5");
    const incoming = expandQuery(LAGON, "http://schema.org/attendee", "in");
    expect(incoming).toContain(`?n <http://schema.org/attendee> <${LAGON}>`);
    expect(balanced(incoming)).toBe(true);
    expect(() => expandQuery(LAGON, "http://x/p", "sideways" as never)).toThrow(/direction/);
    expect(() => expandQuery(LAGON, "p", "out")).toThrow(/not absolute/);
  });

  it("connectionCountsQuery: distinct neighbours per predicate and direction", () => {
    const q = connectionCountsQuery(LAGON);
    expect(q).toContain("(COUNT(DISTINCT ?other) AS ?count)");
    expect(q).toContain("GROUP BY ?predicate ?direction");
    expect(q).toContain('BIND("out" AS ?direction)');
    expect(q).toContain('BIND("in" AS ?direction)');
    expect(balanced(q)).toBe(true);
  });

  it("resourceDetailsQuery, superClassesQuery and describeQuery", () => {
    const details = resourceDetailsQuery(["http://x/m1", "http://x/m2"]);
    expect(details).toContain("VALUES ?r { <http://x/m1> <http://x/m2> }");
    expect(balanced(details)).toBe(true);
    expect(superClassesQuery(["http://x/C"])).toContain("VALUES ?c { <http://x/C> }");
    expect(() => resourceDetailsQuery([])).toThrow(/No resources/);
    expect(() => superClassesQuery([])).toThrow(/No classes/);
    expect(describeQuery(LAGON)).toBe(`DESCRIBE <${LAGON}> `);
  });

  it("graphsOfTriplesQuery and provenanceQuery", () => {
    const graphs = graphsOfTriplesQuery([LAGON], ["http://x/p", "http://x/q"]);
    expect(graphs).toContain(`VALUES ?s { <${LAGON}> }`);
    expect(graphs).toContain("VALUES ?p { <http://x/p> <http://x/q> }");
    expect(graphs).toContain("GRAPH ?g { ?s ?p ?o }");
    expect(balanced(graphs)).toBe(true);
    const prov = provenanceQuery(["http://x/g1"]);
    expect(prov).toContain("VALUES ?body { <http://x/g1> }");
    expect(prov).toContain("<http://www.w3.org/ns/oa#hasBody>");
    expect(prov).toContain("<http://www.w3.org/ns/prov#wasDerivedFrom>");
    expect(balanced(prov)).toBe(true);
    expect(() => graphsOfTriplesQuery([], ["http://x/p"])).toThrow(/No subjects/);
    expect(() => provenanceQuery([])).toThrow(/No graphs or resources/);
  });

  it("refuses an IRI that would break out of its brackets", () => {
    const evil = `${LAGON}> ?p ?o } ; DROP ALL ; SELECT * { <x`;
    for (const build of [
      () => neighbourhoodQuery(evil),
      () => connectionCountsQuery(evil),
      () => expandQuery(evil, "http://x/p", "out"),
      () => expandQuery(LAGON, evil, "in"),
      () => describeQuery(evil),
      () => resourceDetailsQuery([evil]),
    ]) {
      expect(build).toThrow(/cannot hold/);
    }
  });
});
