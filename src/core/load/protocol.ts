/**
 * Orgraph core: the message protocol of the load worker (DOM-free, so that it runs and is tested
 * in Node): its messages and their encoding. The handler is handler.ts; `worker.ts` only wires it
 * to the worker's global scope.
 *
 * Requests:  {type: "load", id, text | buffer, format, baseIRI?, sourceName?, languages?,
 *             collapseMemberships?, withQuads?}  and  {type: "cancel", id?}.
 * Responses: {type: "progress", id, progress}, then either {type: "result", id, graph (graphology's
 *            serialized export), quads (compact, see `encodeQuads`), triples, nodes, edges} or
 *            {type: "error", id, error}. A new load cancels the one running. With `batch`, the
 *            result's nodes, edges and quad terms come first in "nodes", "edges" and "terms"
 *            messages of at most `batch` items each.
 */
import { MultiDirectedGraph } from "graphology";
import type { SerializedGraph } from "graphology-types";
import {
  OrgraphError,
  RdfParseError,
  type ErrorCode,
  type ErrorParams,
  type MessageKey,
} from "../errors";
import type { EdgeAttributes, GraphAttributes, NodeAttributes, OrgraphGraph } from "../model/types";
import type { JsonLdContextPolicy } from "../rdf/jsonld-policy";
import type { Quads } from "../rdf/quad-store";
import { termKey, type RdfQuad, type RdfTerm } from "../rdf/terms";
import type { LoadProgress } from "./load";

export interface LoadRequest {
  type: "load";
  /** Chosen by the caller, echoed in every response. */
  id: number;
  text?: string;
  /** UTF-8 bytes (transfer it). */
  buffer?: ArrayBuffer | Uint8Array;
  format: string;
  baseIRI?: string;
  sourceName?: string;
  languages?: string[];
  collapseMemberships?: boolean;
  /**
   * Send the input's dataset version back in the result (hashed here, off the page's thread;
   * the page transfers its buffer and cannot hash it after).
   */
  version?: boolean;
  /** Send the parsed quads back too (default true; `indexClaims` needs them). */
  withQuads?: boolean;
  /** Fail past this many triples (OrgraphError "limit"), or keep the first ones (`sample`). */
  maxTriples?: number;
  sample?: boolean;
  /** Quads of sources already loaded, built together with the new ones (first in the result). */
  extraQuads?: EncodedQuads;
  /** Prefix for the new quads' blank node labels. */
  blankPrefix?: string;
  /** JSON-LD: the remote contexts that may be fetched (default: only the bundled ones). */
  jsonldContexts?: Partial<JsonLdContextPolicy>;
  /**
   * Stream the result in messages of at most this many items: "nodes", then "edges", then
   * "terms" (the quads' term table), then the "result", whose graph and term table are then
   * empty (the receiver appends the batches). Small messages keep each read short on the page.
   */
  batch?: number;
}

export interface CancelRequest {
  type: "cancel";
  /** The load to cancel; the running one when absent. */
  id?: number;
}

export type WorkerRequest = LoadRequest | CancelRequest;

/** An error as plain data (errors do not survive structured cloning with their fields). */
export interface SerializedError {
  name: string;
  code: ErrorCode;
  message: string;
  source?: string;
  line?: number;
  column?: number;
  token?: string;
  reason?: string;
  /** OrgraphError's `key` and `params` (what the UI needs to say it in its language). */
  key?: MessageKey;
  params?: ErrorParams;
}

/** A term as plain data; quoted triples (RDF 1.2) carry their parts. */
export interface PlainTerm {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
  subject?: PlainTerm;
  predicate?: PlainTerm;
  object?: PlainTerm;
}

/** Quads as a table of distinct terms and four term indices per quad (s, p, o, g). */
export interface EncodedQuads {
  terms: PlainTerm[];
  indices: Uint32Array;
}

export type SerializedOrgraph = SerializedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export type WorkerResponse =
  | { type: "progress"; id: number; progress: LoadProgress }
  | { type: "nodes"; id: number; nodes: NonNullable<SerializedOrgraph["nodes"]> }
  | { type: "edges"; id: number; edges: NonNullable<SerializedOrgraph["edges"]> }
  | { type: "terms"; id: number; terms: PlainTerm[] }
  | {
      type: "result";
      id: number;
      graph: SerializedOrgraph;
      quads?: EncodedQuads;
      triples: number;
      nodes: number;
      edges: number;
      /** The input's dataset version (src/core/load/version.ts), when the request asked. */
      version?: string;
    }
  | { type: "error"; id: number; error: SerializedError };

export function serializeError(error: unknown): SerializedError {
  if (error instanceof RdfParseError) {
    const out: SerializedError = {
      name: error.name,
      code: error.code,
      message: error.message,
      source: error.source,
      reason: error.reason,
    };
    if (error.line !== undefined) out.line = error.line;
    if (error.column !== undefined) out.column = error.column;
    if (error.token !== undefined) out.token = error.token;
    out.key = "parse";
    out.params = { ...error.params };
    return out;
  }
  if (error instanceof OrgraphError) {
    const out: SerializedError = { name: error.name, code: error.code, message: error.message };
    if (error.key !== undefined) out.key = error.key;
    if (Object.keys(error.params).length > 0) out.params = { ...error.params };
    return out;
  }
  // Anything else is a bug or a resource limit (out of memory): still one clear message.
  const message = error instanceof Error ? error.message : String(error);
  return { name: "OrgraphError", code: "invalid", message: `Loading failed: ${message}` };
}

/** Rebuilds the typed error on the receiving side. */
export function deserializeError(error: SerializedError): OrgraphError {
  if (error.name === "RdfParseError" && error.source !== undefined) {
    const format = error.params?.format;
    const e = new RdfParseError({
      formatLabel: typeof format === "string" ? format : "",
      source: error.source,
      reason: error.reason ?? error.message,
      line: error.line,
      column: error.column,
      token: error.token,
    });
    // Keep the worker's message as it was (the format label is only in it).
    Object.defineProperty(e, "message", { value: error.message });
    return e;
  }
  // The key is only read against the UI's table (src/ui/load-errors.ts): an unknown one shows
  // the message.
  return new OrgraphError(error.code, error.message, { key: error.key, params: error.params });
}

function plainTerm(term: RdfTerm): PlainTerm {
  if (term.termType === "Literal") {
    const out: PlainTerm = { termType: "Literal", value: term.value };
    out.language = term.language ?? "";
    if (term.datatype) out.datatype = { value: term.datatype.value };
    return out;
  }
  if (term.termType === "Quad") {
    // Nested triple terms: iterative, parts first.
    const root: PlainTerm = { termType: "Quad", value: "" };
    const stack: [RdfTerm, PlainTerm][] = [[term, root]];
    while (stack.length > 0) {
      const [from, to] = stack.pop()!;
      for (const part of ["subject", "predicate", "object"] as const) {
        const child = from[part];
        if (!child) continue;
        if (child.termType === "Quad") {
          const sub: PlainTerm = { termType: "Quad", value: "" };
          to[part] = sub;
          stack.push([child, sub]);
        } else {
          to[part] = plainTerm(child);
        }
      }
    }
    return root;
  }
  return { termType: term.termType, value: term.value };
}

/** Encodes quads compactly for posting (terms shared, indices in one transferable buffer). */
export function encodeQuads(quads: Quads): EncodedQuads {
  const ids = new Map<string, number>();
  const terms: PlainTerm[] = [];
  const indices = new Uint32Array(quads.length * 4);
  const idOf = (term: RdfTerm): number => {
    const key =
      term.termType === "Literal" ? termKey(term) : `${term.termType}\u0000${termKey(term)}`;
    let id = ids.get(key);
    if (id === undefined) {
      id = terms.length;
      ids.set(key, id);
      terms.push(plainTerm(term));
    }
    return id;
  };
  let i = 0;
  for (const q of quads) {
    indices[i++] = idOf(q.subject);
    indices[i++] = idOf(q.predicate);
    indices[i++] = idOf(q.object);
    indices[i++] = idOf(q.graph);
  }
  return { terms, indices };
}

/** The quads back from `encodeQuads` (plain RDF/JS-shaped objects). */
export function decodeQuads(encoded: EncodedQuads): RdfQuad[] {
  const { terms, indices } = encoded;
  const out: RdfQuad[] = new Array(indices.length / 4);
  for (let i = 0, q = 0; i < indices.length; i += 4, q++) {
    out[q] = {
      subject: terms[indices[i]!]!,
      predicate: terms[indices[i + 1]!]!,
      object: terms[indices[i + 2]!]!,
      graph: terms[indices[i + 3]!]!,
    };
  }
  return out;
}

/** The graph back from its serialized export. */
export function graphFromSerialized(serialized: SerializedOrgraph): OrgraphGraph {
  const graph: OrgraphGraph = new MultiDirectedGraph<
    NodeAttributes,
    EdgeAttributes,
    GraphAttributes
  >();
  graph.import(serialized);
  return graph;
}
