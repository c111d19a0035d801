/**
 * Orgraph core: the public API (DOM-free). Parse RDF in an explicit format, map it to the
 * Orgraph data graph, and read categories, labels and provenance.
 */
import { parseRdfToStore } from "./rdf/parse";
import type { RdfFormat } from "./rdf/formats";
import { rdfToGraph } from "./model/rdf-to-graph";
import type { OrgraphGraph } from "./model/types";
import { QuadStore } from "./rdf/quad-store";
import { keepLoadShapes } from "./load/keep-shapes";

export * from "./errors";
export * from "./model/types";
export * from "./rdf/formats";
export { parseRdf, type ParseOptions, type ParseResult, type ParsedQuad } from "./rdf/parse";
export { termKey, compareQuads, type RdfQuad, type RdfTerm } from "./rdf/terms";
export { QuadStore, quadAt, type Quads } from "./rdf/quad-store";
export * as vocab from "./model/vocab";
export { NS, PREDICATE_LABELS, canonicalIri } from "./model/vocab";
export {
  categoryOf,
  CLASS_CATEGORIES,
  CATEGORY_PRIORITY,
  type SubClassOf,
} from "./model/categories";
export {
  resolveLabel,
  labelCandidates,
  labelsByLanguage,
  fallbackLabel,
  prefixedName,
  DEFAULT_LANGUAGES,
  LABEL_PREDICATES,
  type LabelCandidate,
} from "./model/labels";
export {
  readProvenance,
  spansOf,
  sourcesOf,
  spansOfGraphs,
  sourcesOfGraphs,
  spansOfResource,
  type Provenance,
} from "./model/provenance";
export * from "./statements";
export {
  rdfToGraph,
  edgeKey,
  initialPosition,
  literalValue,
  type RdfToGraphOptions,
} from "./model/rdf-to-graph";

export interface LoadOptions {
  format: RdfFormat;
  baseIRI?: string;
  /** Name of the input for error messages (file name, URL); "text" when absent. */
  sourceName?: string;
  /** Label language preference; default ["fr", "en"]. */
  languages?: readonly string[];
  collapseMemberships?: boolean;
}

export interface LoadResult {
  graph: OrgraphGraph;
  /** Quads parsed. */
  triples: number;
  /**
   * The parsed quads, kept for what the graph folds away (per-source claims: `indexClaims`),
   * compactly (a term table and indices). Read-only.
   */
  quads: QuadStore;
  nodes: number;
  edges: number;
}

/** Parses `text` and builds the data graph. Throws RdfParseError on a syntax error. */
export function loadRdf(text: string, options: LoadOptions): LoadResult {
  const { quads, prefixes } = parseRdfToStore(text, {
    format: options.format,
    baseIRI: options.baseIRI,
    sourceName: options.sourceName,
  });
  const graph = rdfToGraph(quads, {
    prefixes,
    languages: options.languages,
    collapseMemberships: options.collapseMemberships,
  });
  keepLoadShapes();
  return {
    graph,
    quads,
    triples: quads.length,
    nodes: graph.order,
    edges: graph.size,
  };
}

// Graph queries and view state (issue 3). The exports (src/core/graph/export.ts) are left out on
// purpose: n3's Writer pulls stream polyfills into a browser bundle, so load that module lazily.
export * from "./graph/sources";
export * from "./graph/filters";
export * from "./graph/neighbourhood";
export * from "./graph/paths";
export * from "./graph/metrics";
export * from "./graph/search";
export * from "./state/view-state";
export * from "./state/url";

// SPARQL endpoints (issue 7): client, safe query builders, incremental exploration.
export * from "./sparql";
