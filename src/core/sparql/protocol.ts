/**
 * Orgraph core: the message protocol of the SPARQL worker, and its handler (DOM-free, so that it
 * runs and is tested in Node; `worker.ts` only wires it to the worker's global scope).
 *
 * Requests:  {type: "request", id, endpoint, defaultGraph?, limits: {timeoutMs, maxRows}, params}
 *            where `params.op` is "search" | "neighbourhood" | "counts" | "expand" | "construct";
 *            {type: "cancel", id}; {type: "ping", id} (answered "pong": the worker runs).
 * Responses: {type: "result", id, result} (quads in the compact encoding of the load worker,
 *            src/core/load/protocol.ts), {type: "error", id, error} (a SparqlEndpointError keeps
 *            its reason, status and endpoint; `deserializeSparqlError` rebuilds the typed error),
 *            or {type: "cancelled", id}. Each request has its own AbortController, and the
 *            client's per-request time and row limits (`limits`).
 *
 * `runSparqlOp` is what both the handler and the page's fallback (where no worker runs) call.
 */
import { OrgraphError, type ErrorCode } from "../errors";
import { decodeQuads, encodeQuads, type EncodedQuads } from "../load/protocol";
import type { RdfQuad } from "../rdf/terms";
import {
  createSparqlClient,
  SparqlEndpointError,
  type SparqlAbortSignal,
  type SparqlClient,
  type SparqlFailure,
  type SparqlFetch,
} from "./client";
import {
  connectionCounts,
  expand,
  fetchNeighbourhood,
  searchEndpoint,
  type ConnectionCount,
  type SearchHit,
} from "./explore";
import type { LinkDirection } from "./queries";

export interface SparqlLimits {
  /** Time limit of each HTTP request (until its body is read), ms. */
  timeoutMs: number;
  /** Most rows (SELECT) or triples (CONSTRUCT) kept from one answer. */
  maxRows: number;
}

/** Options of the fetches that bring quads (open, expand). */
interface FetchParams {
  /** Most links (each way) and neighbours. */
  limit: number;
  languages: string[];
  unionGraphs: string[];
}

export type SparqlOp =
  | { op: "search"; text: string; limit: number; languages: string[] }
  | ({ op: "neighbourhood"; iri: string } & FetchParams)
  | { op: "counts"; iri: string }
  | ({
      op: "expand";
      iri: string;
      predicate: string;
      direction: LinkDirection;
    } & FetchParams)
  | { op: "construct"; query: string };

export type SparqlOpResult =
  | { op: "search"; hits: SearchHit[] }
  | { op: "counts"; counts: ConnectionCount[] }
  | { op: "quads"; quads: RdfQuad[]; truncated: boolean };

/** A result as posted: quads encoded. */
export type EncodedSparqlResult =
  | { op: "search"; hits: SearchHit[] }
  | { op: "counts"; counts: ConnectionCount[] }
  | { op: "quads"; quads: EncodedQuads; truncated: boolean };

export interface SparqlRequestMessage {
  type: "request";
  /** Chosen by the caller, echoed in the response. */
  id: number;
  endpoint: string;
  defaultGraph?: string;
  limits: SparqlLimits;
  params: SparqlOp;
}

export type SparqlWorkerRequest =
  SparqlRequestMessage | { type: "cancel"; id: number } | { type: "ping"; id: number };

export interface SerializedSparqlError {
  name: string;
  code: ErrorCode;
  message: string;
  reason?: SparqlFailure;
  endpoint?: string;
  status?: number;
}

export type SparqlWorkerResponse =
  | { type: "result"; id: number; result: EncodedSparqlResult }
  | { type: "error"; id: number; error: SerializedSparqlError }
  | { type: "cancelled"; id: number }
  | { type: "pong"; id: number };

/** Runs one operation with `client` (in the worker, or on the page where none runs). */
export async function runSparqlOp(
  client: SparqlClient,
  params: SparqlOp,
  signal?: SparqlAbortSignal,
): Promise<SparqlOpResult> {
  switch (params.op) {
    case "search":
      return {
        op: "search",
        hits: await searchEndpoint(client, params.text, {
          signal,
          limit: params.limit,
          languages: params.languages,
        }),
      };
    case "counts":
      return { op: "counts", counts: await connectionCounts(client, params.iri, { signal }) };
    case "neighbourhood": {
      const { quads, truncated } = await fetchNeighbourhood(client, params.iri, {
        signal,
        limit: params.limit,
        languages: params.languages,
        unionGraphs: params.unionGraphs,
      });
      return { op: "quads", quads, truncated };
    }
    case "expand": {
      const { quads, truncated } = await expand(
        client,
        params.iri,
        params.predicate,
        params.direction,
        {
          signal,
          limit: params.limit,
          languages: params.languages,
          unionGraphs: params.unionGraphs,
        },
      );
      return { op: "quads", quads, truncated };
    }
    case "construct": {
      const { quads, truncated } = await client.construct(params.query, { signal });
      return { op: "quads", quads, truncated };
    }
    default:
      throw new OrgraphError(
        "invalid",
        `Unknown SPARQL operation "${(params as { op: string }).op}".`,
      );
  }
}

export function serializeSparqlError(error: unknown): SerializedSparqlError {
  if (error instanceof SparqlEndpointError) {
    const out: SerializedSparqlError = {
      name: error.name,
      code: error.code,
      message: error.message,
      reason: error.reason,
      endpoint: error.endpoint,
    };
    if (error.status !== undefined) out.status = error.status;
    return out;
  }
  if (error instanceof OrgraphError) {
    return { name: error.name, code: error.code, message: error.message };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { name: "OrgraphError", code: "invalid", message: `The request failed: ${message}` };
}

/** Rebuilds the typed error on the page. */
export function deserializeSparqlError(error: SerializedSparqlError): OrgraphError {
  if (error.name === "SparqlEndpointError" && error.reason !== undefined) {
    return new SparqlEndpointError({
      reason: error.reason,
      endpoint: error.endpoint ?? "",
      message: error.message,
      status: error.status,
    });
  }
  return new OrgraphError(error.code, error.message);
}

export function encodeSparqlResult(result: SparqlOpResult): EncodedSparqlResult {
  return result.op === "quads"
    ? { op: "quads", quads: encodeQuads(result.quads), truncated: result.truncated }
    : result;
}

export function decodeSparqlResult(result: EncodedSparqlResult): SparqlOpResult {
  return result.op === "quads"
    ? { op: "quads", quads: decodeQuads(result.quads), truncated: result.truncated }
    : result;
}

export type SparqlPost = (message: SparqlWorkerResponse, transfer?: ArrayBuffer[]) => void;

export interface SparqlHandlerOptions {
  /** The fetch the clients use; default `globalThis.fetch` (tests script it). */
  fetch?: SparqlFetch;
}

interface ControllerLike {
  readonly signal: SparqlAbortSignal;
  abort(reason?: unknown): void;
}

/**
 * The worker's message handler: `handle(message)` runs or cancels a request and posts the
 * response; the promise it returns settles when the request has ended (for tests). Requests run
 * side by side; a cancel aborts the one with its id (its fetch too) and answers "cancelled".
 */
export function createSparqlHandler(
  post: SparqlPost,
  options: SparqlHandlerOptions = {},
): (message: SparqlWorkerRequest) => Promise<void> {
  const running = new Map<number, ControllerLike>();
  const Controller = (globalThis as { AbortController?: new () => ControllerLike }).AbortController;

  return async (message: SparqlWorkerRequest): Promise<void> => {
    if (message.type === "ping") {
      post({ type: "pong", id: message.id });
      return;
    }
    if (message.type === "cancel") {
      running.get(message.id)?.abort();
      return;
    }
    if (message.type !== "request") return;
    const { id } = message;
    const controller = Controller ? new Controller() : undefined;
    if (controller) running.set(id, controller);
    try {
      const client = createSparqlClient({
        endpoint: message.endpoint,
        defaultGraph: message.defaultGraph,
        timeoutMs: message.limits.timeoutMs,
        maxRows: message.limits.maxRows,
        fetch: options.fetch,
      });
      const result = encodeSparqlResult(
        await runSparqlOp(client, message.params, controller?.signal),
      );
      if (controller?.signal.aborted) {
        post({ type: "cancelled", id });
        return;
      }
      post(
        { type: "result", id, result },
        result.op === "quads" ? [result.quads.indices.buffer as ArrayBuffer] : [],
      );
    } catch (error) {
      if (
        controller?.signal.aborted ||
        (error instanceof OrgraphError && error.code === "cancelled")
      ) {
        post({ type: "cancelled", id });
      } else {
        post({ type: "error", id, error: serializeSparqlError(error) });
      }
    } finally {
      running.delete(id);
    }
  };
}
