/**
 * Orgraph core: the SPARQL queries Orgraph sends to an endpoint.
 *
 * Every builder returns query text built with the `sparql` template from validated fragments,
 * never from raw input. The queries stay within SPARQL 1.1 (sub-selects, VALUES, property
 * paths) so that any conforming endpoint answers them: Virtuoso, QLever, Oxigraph, GraphDB,
 * Wikidata's service.
 *
 * - `labelSearchQuery`: resources whose label contains the text, ignoring case
 *   (`CONTAINS(LCASE(STR(?label)), LCASE("…"))`). Case folding beyond ASCII and accents depend on
 *   the endpoint: SPARQL's LCASE has no accent folding, so "etats" does not find "États"; an
 *   endpoint's own full-text index (Virtuoso's bif:contains, QLever's text search) does better on
 *   big data but is not portable. The scan is linear in the number of labels: on very large
 *   endpoints it can hit the endpoint's time limit.
 * - `neighbourhoodQuery`: CONSTRUCT of a node's outgoing and incoming triples and the labels and
 *   types of its neighbours, each part under its own limit.
 * - `expandQuery`: CONSTRUCT of a node's links through one predicate in one direction, with the
 *   neighbours' labels and types.
 * - `connectionCountsQuery`: SELECT of the number of distinct neighbours per predicate and
 *   direction (as Reactodia's connections menu), to show before loading.
 * - `resourceDetailsQuery`, `superClassesQuery`: what the mapping needs about nodes already
 *   found (n-ary nodes such as org:Membership, rdfs:subClassOf chains for categories).
 * - `graphsOfTriplesQuery`, `provenanceQuery`: the named graphs that hold fetched triples and
 *   the annotations and derivations of those graphs, for spans and sources.
 * - `describeQuery`: DESCRIBE, the fallback for endpoints that refuse the CONSTRUCTs.
 *
 * `from` adds a FROM clause (the default graph); the client can instead send the protocol's
 * `default-graph-uri` parameter.
 */
import { OrgraphError } from "../errors";
import { LABEL_PREDICATES } from "../model/labels";
import { NS, SCHEMA_HTTPS } from "../model/vocab";
import { integer, iri, literal, raw, sparql, SparqlFragment } from "./sparql-terms";

/** Default LIMIT for searches. */
export const DEFAULT_SEARCH_LIMIT = 50;
/** Default LIMIT for each part of a neighbourhood or expansion. */
export const DEFAULT_NEIGHBOUR_LIMIT = 200;

/** The predicates a label search looks at (with schema.org's https twin). */
export const SEARCH_LABEL_PREDICATES: readonly string[] = [
  `${NS.rdfs}label`,
  `${NS.skos}prefLabel`,
  `${NS.foaf}name`,
  `${NS.schema}name`,
  `${SCHEMA_HTTPS}name`,
];

/** Every predicate the mapping reads labels from (with schema.org's https twin). */
export const FETCHED_LABEL_PREDICATES: readonly string[] = [
  ...LABEL_PREDICATES,
  ...LABEL_PREDICATES.filter((p) => p.startsWith(NS.schema)).map(
    (p) => SCHEMA_HTTPS + p.slice(NS.schema.length),
  ),
];

/** "out": the resource is the subject; "in": the object (as Direction in graph/neighbourhood). */
export type LinkDirection = "out" | "in";

export interface GraphOption {
  /** Default graph to query (a FROM clause); absent: the endpoint's default. */
  from?: string;
}

function fromClause(options: GraphOption): SparqlFragment {
  return options.from === undefined
    ? raw("")
    : new SparqlFragment(`FROM ${iri(options.from).text}`);
}

function iris(values: readonly string[]): SparqlFragment[] {
  return values.map((v) => iri(v));
}

function checkLimit(limit: number | undefined, fallback: number): SparqlFragment {
  const value = limit ?? fallback;
  if (!Number.isSafeInteger(value) || value < 1) {
    throw new OrgraphError("invalid", `A limit is a whole number ≥ 1, not ${String(value)}.`);
  }
  return integer(value);
}

function requireSome(values: readonly string[], what: string): void {
  if (values.length === 0) throw new OrgraphError("invalid", `No ${what} to query.`);
}

/**
 * UNION branches binding the types (`?type_<v>`) and the labels (`?labelPredicate_<v>`,
 * `?label_<v>`) of `?<v>`; `v` is a variable name written by the program.
 */
function labelsAndTypes(v: "n"): SparqlFragment {
  const node = raw(`?${v}`);
  const type = raw(`?type_${v}`);
  const predicate = raw(`?labelPredicate_${v}`);
  const label = raw(`?label_${v}`);
  return new SparqlFragment(sparql`{ ${node} a ${type} }
    UNION
    { VALUES ${predicate} { ${iris(FETCHED_LABEL_PREDICATES)} }
      ${node} ${predicate} ${label} . FILTER(isLiteral(${label})) }`);
}

export interface LabelSearchOptions extends GraphOption {
  /** Most rows (resource, label); default 50. */
  limit?: number;
}

/**
 * Resources whose label (rdfs:label, skos:prefLabel, foaf:name, schema:name) contains `text`,
 * case-insensitively. Rows: ?resource ?label.
 */
export function labelSearchQuery(text: string, options: LabelSearchOptions = {}): string {
  const limit = checkLimit(options.limit, DEFAULT_SEARCH_LIMIT);
  return sparql`SELECT DISTINCT ?resource ?label ${fromClause(options)} WHERE {
  VALUES ?labelPredicate { ${iris(SEARCH_LABEL_PREDICATES)} }
  ?resource ?labelPredicate ?label .
  FILTER(isIRI(?resource) && isLiteral(?label) && CONTAINS(LCASE(STR(?label)), LCASE(${literal(text)})))
}
LIMIT ${limit}`;
}

export interface NeighbourhoodOptions extends GraphOption {
  /** Most outgoing triples, incoming triples and neighbours, each; default 200. */
  limit?: number;
}

/**
 * CONSTRUCT: the triples of `resource` (outgoing, literals included), the triples that point to
 * it, and the types and labels of its neighbours.
 */
export function neighbourhoodQuery(resource: string, options: NeighbourhoodOptions = {}): string {
  const r = iri(resource);
  const limit = checkLimit(options.limit, DEFAULT_NEIGHBOUR_LIMIT);
  return sparql`CONSTRUCT {
  ${r} ?outPredicate ?outObject .
  ?inSubject ?inPredicate ${r} .
  ?n a ?type_n .
  ?n ?labelPredicate_n ?label_n .
}
${fromClause(options)}
WHERE {
  { SELECT ?outPredicate ?outObject WHERE { ${r} ?outPredicate ?outObject } LIMIT ${limit} }
  UNION
  { SELECT ?inSubject ?inPredicate WHERE { ?inSubject ?inPredicate ${r} } LIMIT ${limit} }
  UNION
  {
    { SELECT DISTINCT ?n WHERE {
        { ${r} ?p1 ?n } UNION { ?n ?p2 ${r} }
        FILTER(isIRI(?n) || isBlank(?n))
      } LIMIT ${limit} }
    ${labelsAndTypes("n")}
  }
}`;
}

export interface ExpandOptions extends GraphOption {
  /** Most neighbours; default 200. */
  limit?: number;
}

/**
 * CONSTRUCT: the links of `resource` through `predicate` in `direction` ("out": resource →
 * neighbour, "in": neighbour → resource), with the neighbours' types and labels.
 */
export function expandQuery(
  resource: string,
  predicate: string,
  direction: LinkDirection,
  options: ExpandOptions = {},
): string {
  const r = iri(resource);
  const p = iri(predicate);
  const limit = checkLimit(options.limit, DEFAULT_NEIGHBOUR_LIMIT);
  if (direction !== "out" && direction !== "in") {
    throw new OrgraphError(
      "invalid",
      `A direction is "out" or "in", not ${JSON.stringify(String(direction))}.`,
    );
  }
  const linkFragment = new SparqlFragment(
    direction === "out" ? sparql`${r} ${p} ?n` : sparql`?n ${p} ${r}`,
  );
  return sparql`CONSTRUCT {
  ${linkFragment} .
  ?n a ?type_n .
  ?n ?labelPredicate_n ?label_n .
}
${fromClause(options)}
WHERE {
  { SELECT DISTINCT ?n WHERE { ${linkFragment} . FILTER(isIRI(?n) || isBlank(?n)) } LIMIT ${limit} }
  { } UNION ${labelsAndTypes("n")}
}`;
}

export interface ConnectionCountsOptions extends GraphOption {
  /** Most (predicate, direction) rows; default 500. */
  limit?: number;
}

/**
 * SELECT ?predicate ?direction ?count: the number of distinct resources linked to `resource`
 * through each predicate, "out" (resource → other) and "in" (other → resource). Literals and
 * rdf:type are left out: they are not links to explore.
 */
export function connectionCountsQuery(
  resource: string,
  options: ConnectionCountsOptions = {},
): string {
  const r = iri(resource);
  const limit = checkLimit(options.limit, 500);
  return sparql`SELECT ?predicate ?direction (COUNT(DISTINCT ?other) AS ?count) ${fromClause(options)} WHERE {
  {
    ${r} ?predicate ?other .
    FILTER(!isLiteral(?other) && ?predicate != ${iri(`${NS.rdf}type`)})
    BIND("out" AS ?direction)
  }
  UNION
  {
    ?other ?predicate ${r} .
    BIND("in" AS ?direction)
  }
}
GROUP BY ?predicate ?direction
ORDER BY DESC(?count) ?predicate ?direction
LIMIT ${limit}`;
}

export interface ResourceDetailsOptions extends GraphOption {
  /** Most triples; default 2000. */
  limit?: number;
}

/**
 * CONSTRUCT: every triple of the given resources (outgoing), plus types and labels of the
 * resources they point to. For n-ary nodes (org:Membership, time:Interval, blank structures)
 * whose content the mapping folds into edges and periods.
 */
export function resourceDetailsQuery(
  resources: readonly string[],
  options: ResourceDetailsOptions = {},
): string {
  requireSome(resources, "resources");
  const limit = checkLimit(options.limit, 2000);
  return sparql`CONSTRUCT {
  ?r ?p ?o .
  ?o a ?type_o .
  ?o ?labelPredicate_o ?label_o .
}
${fromClause(options)}
WHERE {
  VALUES ?r { ${iris(resources)} }
  { ?r ?p ?o }
  UNION
  { ?r ?p1 ?o . ?o a ?type_o }
  UNION
  {
    VALUES ?labelPredicate_o { ${iris(FETCHED_LABEL_PREDICATES)} }
    ?r ?p2 ?o . ?o ?labelPredicate_o ?label_o . FILTER(isLiteral(?label_o))
  }
}
LIMIT ${limit}`;
}

/**
 * CONSTRUCT: the direct superclasses of the given classes (rdfs:subClassOf). Callers walk up
 * by asking again for the new classes: a `subClassOf*` path with VALUES is mis-evaluated by
 * some endpoints (Virtuoso 7.2 drops the VALUES binding).
 */
export function superClassesQuery(
  classes: readonly string[],
  options: ResourceDetailsOptions = {},
): string {
  requireSome(classes, "classes");
  const limit = checkLimit(options.limit, 2000);
  const subClassOf = iri(`${NS.rdfs}subClassOf`);
  return sparql`CONSTRUCT { ?c ${subClassOf} ?d }
${fromClause(options)}
WHERE {
  VALUES ?c { ${iris(classes)} }
  ?c ${subClassOf} ?d .
}
LIMIT ${limit}`;
}

/**
 * SELECT ?s ?p ?o ?g: the triples of the given subjects through the given predicates, with the
 * named graph that holds each, for provenance; callers keep the rows of the triples they have.
 * (A VALUES list of whole triples would be tighter, but Virtuoso 7.2 drops some of its rows.)
 */
export function graphsOfTriplesQuery(
  subjects: readonly string[],
  predicates: readonly string[],
  options: ResourceDetailsOptions = {},
): string {
  requireSome(subjects, "subjects");
  requireSome(predicates, "predicates");
  const limit = checkLimit(options.limit, 10_000);
  return sparql`SELECT DISTINCT ?s ?p ?o ?g WHERE {
  VALUES ?s { ${iris(subjects)} }
  VALUES ?p { ${iris(predicates)} }
  GRAPH ?g { ?s ?p ?o }
}
LIMIT ${limit}`;
}

/**
 * CONSTRUCT: the provenance machinery of the given named graphs or resources (annotation
 * bodies): their prov:wasDerivedFrom, the oa:Annotations whose body they are, the annotations'
 * targets (oa:SpecificResource) and the targets' selectors, as the mapping reads them.
 */
export function provenanceQuery(
  bodies: readonly string[],
  options: ResourceDetailsOptions = {},
): string {
  requireSome(bodies, "graphs or resources");
  const limit = checkLimit(options.limit, 5000);
  const derived = iri(`${NS.prov}wasDerivedFrom`);
  const hasBody = iri(`${NS.oa}hasBody`);
  const hasTarget = iri(`${NS.oa}hasTarget`);
  const hasSelector = iri(`${NS.oa}hasSelector`);
  return sparql`CONSTRUCT {
  ?body ${derived} ?part .
  ?annotation ?ap ?ao .
  ?target ?tp ?to .
  ?selector ?sp ?so .
}
${fromClause(options)}
WHERE {
  VALUES ?body { ${iris(bodies)} }
  { ?body ${derived} ?part }
  UNION
  { ?annotation ${hasBody} ?body . ?annotation ?ap ?ao }
  UNION
  { ?annotation ${hasBody} ?body . ?annotation ${hasTarget} ?target . ?target ?tp ?to }
  UNION
  {
    ?annotation ${hasBody} ?body . ?annotation ${hasTarget} ?target .
    ?target ${hasSelector} ?selector . ?selector ?sp ?so
  }
}
LIMIT ${limit}`;
}

/** DESCRIBE <resource>: what the endpoint chooses to say about it (its fallback). */
export function describeQuery(resource: string, options: GraphOption = {}): string {
  return sparql`DESCRIBE ${iri(resource)} ${fromClause(options)}`;
}
