/**
 * Orgraph core: the shape of the data graph built from RDF.
 *
 * These types are the contract between `src/core` (which builds the graph) and every later
 * stage (which reads it). Meaning lives here; colour, size and visibility never do: they come
 * from reducers/styles in `src/render`.
 */
import type { MultiDirectedGraph } from "graphology";

/** The categories a node can have, in legend order. */
export const CATEGORIES = [
  "person",
  "role",
  "organisation",
  "ministry",
  "country",
  "place",
  "event",
  "statement",
  "document",
  "other",
] as const;
export type Category = (typeof CATEGORIES)[number];

/** A literal value as RDF gave it. */
export interface LiteralValue {
  value: string;
  /** BCP 47 language tag, lower-case, when the literal has one. */
  lang?: string;
  /** Datatype IRI (absent for language-tagged strings and plain xsd:string). */
  datatype?: string;
}

/** A time span folded from an OWL-Time interval (time:hasBeginning / time:hasEnd instants). */
export interface Period {
  /** The beginning instant's date (time:inXSDDate, time:inXSDgYearMonth, …). */
  start?: LiteralValue;
  /** The end instant's date. */
  end?: LiteralValue;
}

/** One span of a source text that supports a node or an edge. */
export interface Span {
  /** IRI of the oa:Annotation that carries the span. */
  annotation: string;
  /** IRI of the text the selectors address (oa:hasSource), e.g. the release file. */
  source: string;
  /** IRI of the source part the fact is derived from (prov:wasDerivedFrom), e.g. release body vs page template. */
  part?: string;
  /** TextPositionSelector, in code points (= JS string indices for BMP text). */
  start?: number;
  end?: number;
  /** TextQuoteSelector. */
  exact?: string;
  prefix?: string;
  suffix?: string;
}

/** A source a fact is derived from without a text span (e.g. a news report, an official profile). */
export interface SourceRef {
  /** IRI of the named graph (or annotation) that holds the fact. */
  graph: string;
  /** IRI of the source (prov:wasDerivedFrom). */
  source: string;
}

export interface NodeAttributes {
  /** Node key: the IRI, or `_:id` for a blank node. */
  iri: string;
  /** Best label for the preferred languages; never empty. */
  label: string;
  /** Every label per language ("" for no language tag). */
  labels: Record<string, string[]>;
  /** Every rdf:type IRI, sorted. */
  types: string[];
  category: Category;
  /** Literal properties: predicate IRI -> values (label predicates included). */
  properties: Record<string, LiteralValue[]>;
  /** Text spans that support this node. */
  spans: Span[];
  /** Sources without spans that support facts about this node. */
  sources: SourceRef[];
  /** Layout position: set by the layout, not by RDF. */
  x: number;
  y: number;
  /** When the resource holds over a time interval (e.g. an uncollapsed org:Membership). */
  during?: Period;
  /** The loaded sources (names) whose triples give this item, when several are loaded. */
  origin?: string[];
  /**
   * The named graphs that assert each literal fact (`properties`), stored only when needed:
   * - absent: every fact is asserted in the default graph alone (or the node has no fact);
   * - one string: every fact is asserted in that one graph alone (its IRI; never "");
   * - a record aligned with `properties` (the same predicates, per predicate one entry per value,
   *   in the same order): the sorted graphs asserting that value ("" for the default graph).
   *   Set only when the facts of the node do not all come from one and the same graph.
   * Graph lists are shared between nodes: read-only. Read it with `factGraphs` (graph/facts.ts).
   */
  factGraphs?: string | Record<string, readonly (readonly string[])[]>;
  /**
   * The loaded sources (names) that give each literal fact, aligned with `properties` like
   * `factGraphs`' record; set only when several sources are loaded and some fact's sources are
   * not the node's `origin` (absent: each fact comes from `origin`).
   */
  factOrigins?: Record<string, readonly (readonly string[])[]>;
}

export interface EdgeAttributes {
  /** Predicate IRI (for a collapsed n-ary node, the predicate that stands for it, e.g. org:memberOf). */
  predicate: string;
  /** Readable label, by language preference. */
  label: string;
  labels: Record<string, string>;
  /** Named graphs (IRIs, "" for the default graph) that assert the triple. */
  graphs: string[];
  spans: Span[];
  sources: SourceRef[];
  /** When the edge stands for an n-ary node (e.g. an org:Membership), its IRI. */
  via?: string;
  /** When the fact holds (e.g. org:memberDuring of a collapsed membership). */
  during?: Period;
  /** The loaded sources (names) whose triples give this item, when several are loaded. */
  origin?: string[];
}

/** What the data says about a named graph, for the filter by named graph. */
export interface NamedGraphInfo {
  /** Its own label (rdfs:label, dcterms:title, …) by language preference, when it has one. */
  label?: string;
  /** The sources it was derived from (prov:wasDerivedFrom), each with its label. */
  derivedFrom?: { iri: string; label: string }[];
}

export interface GraphAttributes {
  /** Prefixes declared by the input, prefix -> namespace IRI. */
  prefixes: Record<string, string>;
  /** Language preference used to pick labels. */
  languages: string[];
  /** Number of triples/quads parsed. */
  triples: number;
  /** Named graph IRI -> its label and derivation, for each named graph with either. */
  namedGraphs?: Record<string, NamedGraphInfo>;
}

export type OrgraphGraph = MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;
