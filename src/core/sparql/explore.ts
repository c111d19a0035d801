/**
 * Orgraph core: exploring a SPARQL endpoint step by step, as Reactodia does.
 *
 * `searchEndpoint` finds resources by label; `fetchNeighbourhood` brings a resource, its links
 * and its neighbours' labels and types; `connectionCounts` says how many neighbours each
 * relation type would add; `expand` brings one relation type in one direction. Each returns
 * quads to merge: a `QuadSet` accumulates them without duplicates, and `endpointGraph` builds
 * the display graph from them through `rdfToGraph`, the same mapping as file loading, so labels
 * and categories come out the same.
 *
 * The mapping folds some nodes into edges and periods (org:Membership, OWL-Time intervals and
 * instants) and reads categories through rdfs:subClassOf; the fetches therefore "complete" what
 * they bring: the content of those n-ary nodes (a few rounds deep) and the superclasses of every
 * type seen. CONSTRUCT answers are triples; unless `provenance: false`, a SELECT then asks
 * which named graphs hold them (GRAPH ?g), the triples move to those graphs, and the graphs'
 * annotations and derivations are fetched: spans and sources come out as from the file.
 */
import { OrgraphError } from "../errors";
import { DEFAULT_LANGUAGES, labelCandidates, resolveLabel } from "../model/labels";
import { rdfToGraph } from "../model/rdf-to-graph";
import type { LiteralValue, OrgraphGraph } from "../model/types";
import { canonicalIri, NS, ORG, RDF, TIME } from "../model/vocab";
import { literalValue } from "../model/rdf-to-graph";
import { compareStrings, termKey, type RdfQuad, type RdfTerm } from "../rdf/terms";
import { SparqlEndpointError, type SparqlAbortSignal, type SparqlClient } from "./client";
import {
  connectionCountsQuery,
  describeQuery,
  expandQuery,
  graphsOfTriplesQuery,
  labelSearchQuery,
  provenanceQuery,
  neighbourhoodQuery,
  resourceDetailsQuery,
  superClassesQuery,
  DEFAULT_SEARCH_LIMIT,
  type LinkDirection,
} from "./queries";

export interface ExploreOptions {
  signal?: SparqlAbortSignal;
  /** Default graph for the queries (a FROM clause). */
  from?: string;
  /** Label language preference; default ["fr", "en"]. */
  languages?: readonly string[];
  /**
   * Also ask which named graphs hold the fetched triples, and those graphs' annotations and
   * derivations, so that spans and sources come out as from a file; default true. Costs a few
   * more queries per fetch; endpoints without named graphs just answer nothing.
   */
  provenance?: boolean;
  /**
   * Graphs that only copy others (an "all data" graph, as the test Virtuoso has): a triple
   * found in them is not said to come from them.
   */
  unionGraphs?: readonly string[];
}

// ---------------------------------------------------------------------------------------------
// Search

export interface SearchHit {
  iri: string;
  /** The preferred label (by language preference). */
  label: string;
  /** Every matching label found. */
  labels: LiteralValue[];
}

export interface EndpointSearchOptions extends ExploreOptions {
  /** Most label rows asked for; default 50. */
  limit?: number;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * 0: the label is the text; 1: the text stands as whole words in it ("Mark Lagon" for
 * "lagon"); 2: a word starts with it; 3: it is inside a word.
 */
function matchRank(label: string, text: string): number {
  const l = label.toLowerCase();
  const t = text.toLowerCase();
  if (l === t) return 0;
  let best = 3;
  for (let i = l.indexOf(t); i >= 0 && best > 1; i = l.indexOf(t, i + 1)) {
    const before = i === 0 || !WORD_CHAR.test(l[i - 1] ?? "");
    const end = i + t.length;
    const after = end >= l.length || !WORD_CHAR.test(l[end] ?? "");
    if (before) best = Math.min(best, after ? 1 : 2);
  }
  return best;
}

/**
 * Resources whose label contains `text` (case-insensitive), one hit per resource: exact
 * matches first, then whole-word matches, then word-prefix matches, then the rest; ties
 * shortest label first, then by label and IRI.
 * Empty or blank text gives no hits without a request.
 */
export async function searchEndpoint(
  client: SparqlClient,
  text: string,
  options: EndpointSearchOptions = {},
): Promise<SearchHit[]> {
  const wanted = text.trim();
  if (wanted === "") return [];
  const result = await client.select(
    labelSearchQuery(wanted, { limit: options.limit ?? DEFAULT_SEARCH_LIMIT, from: options.from }),
    { signal: options.signal },
  );
  const byIri = new Map<string, LiteralValue[]>();
  for (const row of result.rows) {
    const resource = row.resource;
    const label = row.label;
    if (!resource || resource.termType !== "NamedNode" || !label || label.termType !== "Literal") {
      continue;
    }
    const list = byIri.get(resource.value) ?? [];
    const value = literalValue(label);
    if (!list.some((v) => v.value === value.value && v.lang === value.lang)) list.push(value);
    byIri.set(resource.value, list);
  }
  const languages = options.languages ?? DEFAULT_LANGUAGES;
  const hits: Array<SearchHit & { rank: number }> = [];
  for (const [iri, labels] of byIri) {
    const candidates = labelCandidates({ [`${NS.rdfs}label`]: labels });
    const label = resolveLabel(candidates, languages) ?? labels[0]?.value ?? iri;
    const rank = Math.min(...labels.map((l) => matchRank(l.value, wanted)));
    hits.push({ iri, label, labels, rank });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      a.label.length - b.label.length ||
      compareStrings(a.label, b.label) ||
      compareStrings(a.iri, b.iri),
  );
  return hits.map(({ iri, label, labels }) => ({ iri, label, labels }));
}

// ---------------------------------------------------------------------------------------------
// Neighbourhood, counts, expansion

export interface FetchResult {
  quads: RdfQuad[];
  /** Some answer hit the client's row limit: the data may be incomplete. */
  truncated: boolean;
  /** The CONSTRUCT failed and a DESCRIBE answered instead. */
  described?: boolean;
}

export interface NeighbourhoodFetchOptions extends ExploreOptions {
  /** Most outgoing triples, incoming triples and neighbours, each; default 200. */
  limit?: number;
  /** Fall back to DESCRIBE when the endpoint rejects the CONSTRUCT (HTTP 4xx/5xx); default true. */
  describeFallback?: boolean;
}

/**
 * A resource's outgoing and incoming triples with its neighbours' labels and types, completed
 * for the mapping (see the module comment).
 */
export async function fetchNeighbourhood(
  client: SparqlClient,
  iri: string,
  options: NeighbourhoodFetchOptions = {},
): Promise<FetchResult> {
  const query = neighbourhoodQuery(iri, { limit: options.limit, from: options.from });
  let first;
  let described = false;
  try {
    first = await client.construct(query, { signal: options.signal });
  } catch (error) {
    if (
      options.describeFallback === false ||
      !(error instanceof SparqlEndpointError) ||
      error.reason !== "http"
    ) {
      throw error;
    }
    first = await client.construct(describeQuery(iri, { from: options.from }), {
      signal: options.signal,
    });
    described = true;
  }
  const completed = await complete(client, first.quads, options);
  const result: FetchResult = {
    quads: completed.quads,
    truncated: first.truncated || completed.truncated,
  };
  if (described) result.described = true;
  return result;
}

export interface ConnectionCount {
  predicate: string;
  direction: LinkDirection;
  /** Distinct resources linked through `predicate` in `direction`. */
  count: number;
}

/**
 * How many distinct resources each predicate links to `iri`, per direction ("out": iri →
 * other, "in": other → iri), most first; literals and rdf:type left out.
 */
export async function connectionCounts(
  client: SparqlClient,
  iri: string,
  options: ExploreOptions = {},
): Promise<ConnectionCount[]> {
  const result = await client.select(connectionCountsQuery(iri, { from: options.from }), {
    signal: options.signal,
  });
  const counts: ConnectionCount[] = [];
  for (const row of result.rows) {
    const predicate = row.predicate;
    const direction = row.direction?.value;
    const count = Number(row.count?.value);
    if (
      !predicate ||
      predicate.termType !== "NamedNode" ||
      (direction !== "out" && direction !== "in") ||
      !Number.isSafeInteger(count) ||
      count < 0
    ) {
      throw new SparqlEndpointError({
        reason: "bad-results",
        endpoint: client.endpoint,
        message: `Bad connection counts from ${client.endpoint}: a row lacks a predicate IRI, a direction or a whole count.`,
      });
    }
    counts.push({ predicate: predicate.value, direction, count });
  }
  counts.sort(
    (a, b) =>
      b.count - a.count ||
      compareStrings(a.predicate, b.predicate) ||
      compareStrings(a.direction, b.direction),
  );
  return counts;
}

export interface ExpandFetchOptions extends ExploreOptions {
  /** Most neighbours; default 200. */
  limit?: number;
}

/** The links of `iri` through `predicate` in `direction`, with the neighbours' labels and types. */
export async function expand(
  client: SparqlClient,
  iri: string,
  predicate: string,
  direction: LinkDirection,
  options: ExpandFetchOptions = {},
): Promise<FetchResult> {
  const first = await client.construct(
    expandQuery(iri, predicate, direction, { limit: options.limit, from: options.from }),
    { signal: options.signal },
  );
  const completed = await complete(client, first.quads, options);
  return { quads: completed.quads, truncated: first.truncated || completed.truncated };
}

/** Types whose instants the mapping folds away and needs the content of. */
const FOLDED_TYPES = new Set<string>([
  ORG.Membership,
  TIME.Interval,
  TIME.ProperInterval,
  TIME.Instant,
]);
/** Rounds of n-ary completion: membership -> interval -> instant. */
const DETAIL_ROUNDS = 3;
/** Rounds of superclass completion. */
const CLASS_ROUNDS = 8;

/**
 * Adds to `quads` the content of the n-ary nodes the mapping folds (memberships, time
 * intervals and instants) and the rdfs:subClassOf chains above every type.
 */
async function complete(
  client: SparqlClient,
  quads: readonly RdfQuad[],
  options: ExploreOptions,
): Promise<{ quads: RdfQuad[]; truncated: boolean }> {
  const set = new QuadSet(quads);
  let truncated = false;
  const detailed = new Set<string>();
  for (let round = 0; round < DETAIL_ROUNDS; round++) {
    const wanted = new Set<string>();
    for (const q of set.quads) {
      if (
        q.subject.termType === "NamedNode" &&
        canonicalIri(q.predicate.value) === RDF.type &&
        FOLDED_TYPES.has(canonicalIri(q.object.value)) &&
        !detailed.has(q.subject.value)
      ) {
        wanted.add(q.subject.value);
      }
      if (
        (q.predicate.value === ORG.memberDuring || q.predicate.value.startsWith(NS.time)) &&
        q.object.termType === "NamedNode" &&
        !detailed.has(q.object.value)
      ) {
        wanted.add(q.object.value);
      }
    }
    if (wanted.size === 0) break;
    const list = [...wanted].sort(compareStrings);
    for (const w of list) detailed.add(w);
    const answer = await client.construct(resourceDetailsQuery(list, { from: options.from }), {
      signal: options.signal,
    });
    truncated ||= answer.truncated;
    set.add(answer.quads);
  }
  const asked = new Set<string>();
  for (let round = 0; round < CLASS_ROUNDS; round++) {
    const classes = new Set<string>();
    for (const q of set.quads) {
      const p = canonicalIri(q.predicate.value);
      if ((p === RDF.type || p === `${NS.rdfs}subClassOf`) && q.object.termType === "NamedNode") {
        if (!asked.has(q.object.value)) classes.add(q.object.value);
      }
    }
    if (classes.size === 0) break;
    const list = [...classes].sort(compareStrings);
    for (const c of list) asked.add(c);
    const answer = await client.construct(superClassesQuery(list, { from: options.from }), {
      signal: options.signal,
    });
    truncated ||= answer.truncated;
    set.add(answer.quads);
  }
  if (options.provenance !== false) {
    const withGraphs = await addProvenance(client, set.quads, options);
    truncated ||= withGraphs.truncated;
    return { quads: withGraphs.quads, truncated };
  }
  return { quads: [...set.quads], truncated };
}

/** VALUES rows per graphs-of-triples query, and bodies per provenance query. */
const PROVENANCE_BATCH = 100;

function chunks<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function tripleKey(q: { subject: RdfTerm; predicate: RdfTerm; object: RdfTerm }): string {
  return `${termKey(q.subject)}\u0000${termKey(q.predicate)}\u0000${termKey(q.object)}`;
}

/**
 * Moves default-graph triples into the named graphs that hold them on the endpoint, and adds
 * the provenance machinery (annotations, targets, selectors, derivations) of those graphs and
 * of the resources.
 */
async function addProvenance(
  client: SparqlClient,
  quads: readonly RdfQuad[],
  options: ExploreOptions,
): Promise<{ quads: RdfQuad[]; truncated: boolean }> {
  const ignored = new Set(options.unionGraphs ?? []);
  let truncated = false;
  const lookups = new Map<string, RdfQuad>();
  const predicatesOf = new Map<string, Set<string>>();
  for (const q of quads) {
    if (q.graph.termType !== "DefaultGraph") continue;
    if (q.subject.termType !== "NamedNode" || q.object.termType === "BlankNode") continue;
    lookups.set(tripleKey(q), q);
    const set = predicatesOf.get(q.subject.value) ?? new Set<string>();
    set.add(q.predicate.value);
    predicatesOf.set(q.subject.value, set);
  }
  const graphsOf = new Map<string, Set<string>>();
  for (const batch of chunks([...predicatesOf.keys()].sort(compareStrings), PROVENANCE_BATCH)) {
    const predicates = new Set<string>();
    for (const subject of batch) for (const p of predicatesOf.get(subject) ?? []) predicates.add(p);
    const answer = await client.select(
      graphsOfTriplesQuery(batch, [...predicates].sort(compareStrings)),
      { signal: options.signal },
    );
    truncated ||= answer.truncated;
    for (const row of answer.rows) {
      const { s, p, o, g } = row;
      if (!s || !p || !o || !g || g.termType !== "NamedNode" || ignored.has(g.value)) continue;
      const key = tripleKey({ subject: s, predicate: p, object: o });
      if (!lookups.has(key)) continue;
      const set = graphsOf.get(key) ?? new Set<string>();
      set.add(g.value);
      graphsOf.set(key, set);
    }
  }
  const out = new QuadSet();
  const bodies = new Set<string>();
  for (const q of quads) {
    const graphs = q.graph.termType === "DefaultGraph" ? graphsOf.get(tripleKey(q)) : undefined;
    if (!graphs) {
      out.add([q]);
    } else {
      for (const g of [...graphs].sort(compareStrings)) {
        bodies.add(g);
        out.add([
          { subject: q.subject, predicate: q.predicate, object: q.object, graph: namedNode(g) },
        ]);
      }
    }
    if (q.subject.termType === "NamedNode") bodies.add(q.subject.value);
  }
  for (const batch of chunks([...bodies].sort(compareStrings), PROVENANCE_BATCH)) {
    const answer = await client.construct(provenanceQuery(batch, { from: options.from }), {
      signal: options.signal,
    });
    truncated ||= answer.truncated;
    out.add(answer.quads);
  }
  return { quads: [...out.quads], truncated };
}

function namedNode(value: string): RdfTerm {
  return { termType: "NamedNode", value };
}

// ---------------------------------------------------------------------------------------------
// Merging

function quadKey(q: RdfQuad): string {
  return `${termKey(q.subject)}\u0000${termKey(q.predicate)}\u0000${termKey(q.object)}\u0000${termKey(q.graph)}`;
}

/** Quads accumulated over several fetches, each once, in first-seen order. */
export class QuadSet {
  private readonly keys = new Set<string>();
  private readonly list: RdfQuad[] = [];

  constructor(quads: Iterable<RdfQuad> = []) {
    this.add(quads);
  }

  /** Adds the quads not yet present; returns how many were new. */
  add(quads: Iterable<RdfQuad>): number {
    let added = 0;
    for (const q of quads) {
      const key = quadKey(q);
      if (this.keys.has(key)) continue;
      this.keys.add(key);
      this.list.push(q);
      added++;
    }
    return added;
  }

  has(quad: RdfQuad): boolean {
    return this.keys.has(quadKey(quad));
  }

  get size(): number {
    return this.list.length;
  }

  /** The quads, in first-seen order (read-only). */
  get quads(): readonly RdfQuad[] {
    return this.list;
  }
}

export interface EndpointGraphOptions {
  /** Label language preference; default ["fr", "en"]. */
  languages?: readonly string[];
  /**
   * Prefixes for fallback labels (prefixed names); default the well-known namespaces (NS).
   * Endpoint answers declare generated prefixes (ns1:, ns2:) that would make poor names.
   */
  prefixes?: Readonly<Record<string, string>>;
  collapseMemberships?: boolean;
}

/** The display graph of accumulated quads, through `rdfToGraph` (the file-loading mapping). */
export function endpointGraph(
  quads: QuadSet | readonly RdfQuad[],
  options: EndpointGraphOptions = {},
): OrgraphGraph {
  const list = quads instanceof QuadSet ? quads.quads : quads;
  return rdfToGraph(list, {
    prefixes: options.prefixes ?? NS,
    languages: options.languages,
    collapseMemberships: options.collapseMemberships,
  });
}

/** Throws OrgraphError("unsupported") for a blank node, which an endpoint cannot be asked about. */
export function explorableIri(term: RdfTerm | string): string {
  if (typeof term === "string") {
    if (term.startsWith("_:")) {
      throw new OrgraphError(
        "unsupported",
        `${term} is a blank node: an endpoint cannot be asked about it by name.`,
      );
    }
    return term;
  }
  if (term.termType !== "NamedNode") {
    throw new OrgraphError(
      "unsupported",
      `Only IRIs can be explored on an endpoint, not a ${term.termType}.`,
    );
  }
  return term.value;
}
