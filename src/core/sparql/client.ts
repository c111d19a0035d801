/**
 * Orgraph core: a SPARQL 1.1 protocol client (DOM-free).
 *
 * `createSparqlClient({ endpoint, fetch })` sends queries with GET (short queries) or POST
 * `application/x-www-form-urlencoded` (long ones): both are CORS "simple" requests, so a browser
 * sends no preflight. `select` asks for SPARQL JSON results and checks their shape; `construct`
 * asks for Turtle or N-Triples and parses the answer by its Content-Type through `parseRdf`.
 * Each request is cancellable (AbortSignal), has a time limit, and its answer a row limit.
 *
 * Every failure is a `SparqlEndpointError` (code "endpoint") whose `reason` says the cause:
 * "http" (status and an excerpt of the body), "timeout", "network" (unreachable or refused by
 * CORS: browsers do not tell the two apart), "bad-results" (malformed JSON, wrong shape, wrong
 * Content-Type, RDF that does not parse, with its line). A cancel is OrgraphError "cancelled".
 *
 * The fetch function, AbortController and timers are taken structurally, so the module needs no
 * DOM types and runs in Node, workers and the browser.
 */
import { OrgraphError, RdfParseError, truncateToken } from "../errors";
import { formatFromMime, RDF_FORMATS, type RdfFormat } from "../rdf/formats";
import { parseRdf } from "../rdf/parse";
import type { RdfQuad, RdfTerm } from "../rdf/terms";

// ---------------------------------------------------------------------------------------------
// Structural types for fetch and AbortSignal (src/core builds without the DOM library)

export interface SparqlAbortSignal {
  readonly aborted: boolean;
  readonly reason?: unknown;
  addEventListener(type: "abort", listener: () => void, options?: { once?: boolean }): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

export interface SparqlFetchInit {
  method: "GET" | "POST";
  headers: Record<string, string>;
  body?: string;
  signal?: SparqlAbortSignal;
}

export interface SparqlResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** The shape of `globalThis.fetch` that the client uses. */
export type SparqlFetch = (url: string, init: SparqlFetchInit) => Promise<SparqlResponse>;

interface AbortControllerLike {
  readonly signal: SparqlAbortSignal;
  abort(reason?: unknown): void;
}
interface ClientGlobals {
  AbortController?: new () => AbortControllerLike;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  fetch?: SparqlFetch;
}

// ---------------------------------------------------------------------------------------------
// Errors

export type SparqlFailure = "http" | "timeout" | "network" | "bad-results";

export interface SparqlEndpointErrorDetails {
  reason: SparqlFailure;
  endpoint: string;
  message: string;
  status?: number;
  cause?: unknown;
}

/** A request to a SPARQL endpoint failed; `reason` says why. Code "endpoint". */
export class SparqlEndpointError extends OrgraphError {
  readonly reason: SparqlFailure;
  readonly endpoint: string;
  /** HTTP status, for reason "http". */
  readonly status: number | undefined;

  constructor(details: SparqlEndpointErrorDetails) {
    super("endpoint", details.message, { cause: details.cause });
    this.name = "SparqlEndpointError";
    this.reason = details.reason;
    this.endpoint = details.endpoint;
    this.status = details.status;
  }
}

// ---------------------------------------------------------------------------------------------
// Results

export interface SelectResult {
  /** Variables of the head, in order. */
  vars: string[];
  /** One map per solution; unbound variables are absent. */
  rows: Array<Record<string, RdfTerm>>;
  /** More rows came back than `maxRows`; the rest were dropped. */
  truncated: boolean;
}

export interface ConstructResult {
  quads: RdfQuad[];
  /** Prefixes the answer declared (endpoint-generated names such as ns1: included). */
  prefixes: Record<string, string>;
  /** More triples came back than `maxRows`; the rest were dropped. */
  truncated: boolean;
}

export interface RequestOptions {
  signal?: SparqlAbortSignal;
  /** Overrides the client's time limit for this request. */
  timeoutMs?: number;
}

export interface SparqlClientOptions {
  /** The endpoint URL, e.g. https://dbpedia.org/sparql. */
  endpoint: string;
  /** The fetch to use; default `globalThis.fetch`. */
  fetch?: SparqlFetch;
  /** Sent as the protocol's `default-graph-uri` parameter with every query. */
  defaultGraph?: string;
  /** Time limit per request (until the whole body is read), ms; default 30 000. */
  timeoutMs?: number;
  /** Most rows (SELECT) or triples (CONSTRUCT) kept from one answer; default 10 000. */
  maxRows?: number;
  /** Queries longer than this (URL-encoded) go by POST; default 2000. */
  maxGetLength?: number;
}

export interface SparqlClient {
  readonly endpoint: string;
  readonly defaultGraph: string | undefined;
  select(query: string, options?: RequestOptions): Promise<SelectResult>;
  construct(query: string, options?: RequestOptions): Promise<ConstructResult>;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_ROWS = 10_000;

export const SELECT_ACCEPT = "application/sparql-results+json, application/json;q=0.5";
export const CONSTRUCT_ACCEPT =
  "text/turtle, application/n-triples;q=0.9, application/n-quads;q=0.8, application/trig;q=0.7";

/** The most characters of a body quoted in an error. */
const EXCERPT_LENGTH = 200;

function excerpt(body: string, contentType: string): string {
  let text = body;
  if (/html|xml/i.test(contentType) || /^\s*</.test(text)) {
    text = text
      .replace(/<(script|style)\b[\s\S]*?<\/\1>/gi, " ")
      .replace(/<[^>]*>/g, " ")
      .replace(/&lt;/g, "<")
      .replace(/&gt;/g, ">")
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, "&");
  }
  return truncateToken(text.replace(/\s+/g, " ").trim(), EXCERPT_LENGTH);
}

function isAbortLike(error: unknown): boolean {
  return (
    typeof error === "object" &&
    error !== null &&
    ((error as { name?: unknown }).name === "AbortError" ||
      (error as { name?: unknown }).name === "TimeoutError")
  );
}

/** Creates a client for one endpoint. Throws OrgraphError("invalid") on a bad option. */
export function createSparqlClient(options: SparqlClientOptions): SparqlClient {
  const g = globalThis as unknown as ClientGlobals;
  const endpoint = options.endpoint;
  if (typeof endpoint !== "string" || !/^https?:\/\/[^\s]+$/i.test(endpoint)) {
    throw new OrgraphError(
      "invalid",
      `A SPARQL endpoint is an http(s) URL, not ${JSON.stringify(String(endpoint))}.`,
    );
  }
  const givenFetch = options.fetch ?? (g.fetch ? g.fetch.bind(globalThis) : undefined);
  if (!givenFetch) {
    throw new OrgraphError("unsupported", "No fetch function: pass `fetch` to the client.");
  }
  const fetchFn: SparqlFetch = givenFetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  const maxGetLength = options.maxGetLength ?? 2000;
  for (const [name, value] of [
    ["timeoutMs", timeoutMs],
    ["maxRows", maxRows],
  ] as const) {
    if (!Number.isFinite(value) || value <= 0) {
      throw new OrgraphError("invalid", `${name} must be a number > 0, not ${String(value)}.`);
    }
  }
  const defaultGraph = options.defaultGraph;

  const fail = (
    reason: SparqlFailure,
    message: string,
    extra: Partial<SparqlEndpointErrorDetails> = {},
  ) => new SparqlEndpointError({ reason, endpoint, message, ...extra });

  async function request(
    query: string,
    accept: string,
    requestOptions: RequestOptions,
  ): Promise<{ body: string; contentType: string }> {
    const params: string[] = [`query=${encodeURIComponent(query)}`];
    if (defaultGraph !== undefined) {
      params.push(`default-graph-uri=${encodeURIComponent(defaultGraph)}`);
    }
    const form = params.join("&");
    const url = endpoint + (endpoint.includes("?") ? "&" : "?") + form;
    const useGet = url.length <= maxGetLength;

    const external = requestOptions.signal;
    if (external?.aborted) throw cancelled();
    const limit = requestOptions.timeoutMs ?? timeoutMs;
    const controller = g.AbortController ? new g.AbortController() : undefined;
    let timedOut = false;
    let timer: unknown;
    let onExternalAbort: (() => void) | undefined;
    // The timer and the caller's signal abort the fetch (and the body read); the race also
    // rejects when a fetch implementation ignores the signal.
    const stop = new Promise<never>((_, reject) => {
      timer = g.setTimeout(() => {
        timedOut = true;
        controller?.abort();
        reject(timeoutError(limit));
      }, limit);
      onExternalAbort = () => {
        controller?.abort(external?.reason);
        reject(cancelled(external?.reason));
      };
      external?.addEventListener("abort", onExternalAbort, { once: true });
    });
    stop.catch(() => undefined);

    const signal = controller?.signal ?? external;
    try {
      const work = (async () => {
        let response: SparqlResponse;
        try {
          response = await fetchFn(
            useGet ? url : endpoint,
            useGet
              ? { method: "GET", headers: { Accept: accept }, signal }
              : {
                  method: "POST",
                  headers: {
                    Accept: accept,
                    "Content-Type": "application/x-www-form-urlencoded",
                  },
                  body: form,
                  signal,
                },
          );
        } catch (error) {
          throw mapThrown(error);
        }
        const contentType = response.headers.get("content-type") ?? "";
        let body: string;
        try {
          body = await response.text();
        } catch (error) {
          throw mapThrown(error);
        }
        if (!response.ok) {
          const text = excerpt(body, contentType);
          throw fail(
            "http",
            `The SPARQL endpoint ${endpoint} answered HTTP ${response.status}${
              response.statusText ? ` ${response.statusText}` : ""
            }${text ? `: ${text}` : "."}`,
            { status: response.status },
          );
        }
        return { body, contentType };
      })();
      return await Promise.race([work, stop]);
    } finally {
      g.clearTimeout(timer);
      if (onExternalAbort) external?.removeEventListener("abort", onExternalAbort);
    }

    function mapThrown(error: unknown): OrgraphError {
      if (error instanceof OrgraphError) return error;
      if (external?.aborted) return cancelled(error);
      if (timedOut || isAbortLike(error)) return timeoutError(limit, error);
      const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
      return fail(
        "network",
        `Could not reach the SPARQL endpoint ${endpoint}${detail}: it is down, the address is wrong, or it does not allow cross-origin requests from this page (CORS).`,
        { cause: error },
      );
    }
  }

  function timeoutError(limit: number, cause?: unknown): SparqlEndpointError {
    return fail(
      "timeout",
      `The SPARQL endpoint ${endpoint} did not answer within ${formatMs(limit)}; try a narrower query or a longer time limit.`,
      { cause },
    );
  }

  function cancelled(cause?: unknown): OrgraphError {
    return new OrgraphError("cancelled", `The request to ${endpoint} was cancelled.`, { cause });
  }

  return {
    endpoint,
    defaultGraph,

    async select(query: string, requestOptions: RequestOptions = {}): Promise<SelectResult> {
      const { body, contentType } = await request(query, SELECT_ACCEPT, requestOptions);
      const base = mediaType(contentType);
      if (base !== "application/sparql-results+json" && base !== "application/json") {
        throw fail(
          "bad-results",
          `The SPARQL endpoint ${endpoint} answered a SELECT with ${
            base || "no content type"
          } instead of SPARQL JSON results (application/sparql-results+json): ${excerpt(body, contentType)}`,
        );
      }
      return parseSelectResults(body, maxRows, (message, cause) =>
        fail("bad-results", `Bad SELECT results from ${endpoint}: ${message}`, { cause }),
      );
    },

    async construct(query: string, requestOptions: RequestOptions = {}): Promise<ConstructResult> {
      const { body, contentType } = await request(query, CONSTRUCT_ACCEPT, requestOptions);
      const base = mediaType(contentType);
      // text/plain was N-Triples' media type before RDF 1.1; some endpoints still send it.
      const format: RdfFormat | undefined =
        base === "text/plain" ? "n-triples" : formatFromMime(base);
      // JSON-LD is not asked for, and parses only asynchronously (src/core/rdf/jsonld.ts).
      if (!format || format === "json-ld") {
        throw fail(
          "bad-results",
          `The SPARQL endpoint ${endpoint} answered a CONSTRUCT with ${
            base || "no content type"
          } instead of RDF (Turtle or N-Triples): ${excerpt(body, contentType)}`,
        );
      }
      let parsed;
      try {
        parsed = parseRdf(body, { format, sourceName: `the answer of ${endpoint}` });
      } catch (error) {
        const where =
          error instanceof RdfParseError && error.line !== undefined
            ? ` at line ${error.line}`
            : "";
        const reason = error instanceof RdfParseError ? error.reason : String(error);
        throw fail(
          "bad-results",
          `The SPARQL endpoint ${endpoint} sent ${RDF_FORMATS[format].label} that does not parse${where}: ${reason}.`,
          { cause: error },
        );
      }
      const truncated = parsed.quads.length > maxRows;
      return {
        quads: truncated ? parsed.quads.slice(0, maxRows) : parsed.quads,
        prefixes: parsed.prefixes,
        truncated,
      };
    },
  };
}

function mediaType(contentType: string): string {
  return (contentType.split(";")[0] ?? "").trim().toLowerCase();
}

function formatMs(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

// ---------------------------------------------------------------------------------------------
// SPARQL 1.1 Query Results JSON

const XSD_STRING = "http://www.w3.org/2001/XMLSchema#string";
const RDF_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Parses and checks SPARQL JSON results (SELECT; ASK answers have no rows). `bad` builds the
 * error to throw.
 */
export function parseSelectResults(
  body: string,
  maxRows: number,
  bad: (message: string, cause?: unknown) => Error,
): SelectResult {
  let json: unknown;
  try {
    json = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw bad(
      `the body is not JSON (${detail}); it starts with ${JSON.stringify(truncateToken(body.trim(), 60))}.`,
      error,
    );
  }
  if (!isRecord(json) || !isRecord(json.head)) {
    throw bad('no "head" object: not SPARQL JSON results.');
  }
  const varsValue = json.head.vars ?? [];
  if (!Array.isArray(varsValue) || !varsValue.every((v) => typeof v === "string")) {
    throw bad('"head.vars" is not a list of names.');
  }
  const vars = varsValue as string[];
  if (typeof json.boolean === "boolean") return { vars, rows: [], truncated: false };
  if (!isRecord(json.results) || !Array.isArray(json.results.bindings)) {
    throw bad('no "results.bindings" list.');
  }
  const bindings = json.results.bindings as unknown[];
  const truncated = bindings.length > maxRows;
  const rows: Array<Record<string, RdfTerm>> = [];
  for (let i = 0; i < Math.min(bindings.length, maxRows); i++) {
    const binding = bindings[i];
    if (!isRecord(binding)) throw bad(`row ${i + 1} is not an object.`);
    const row: Record<string, RdfTerm> = {};
    for (const [name, value] of Object.entries(binding)) {
      row[name] = toTerm(value, () => `row ${i + 1}, variable ?${name}`, bad);
    }
    rows.push(row);
  }
  return { vars, rows, truncated };
}

function toTerm(value: unknown, where: () => string, bad: (message: string) => Error): RdfTerm {
  if (!isRecord(value) || typeof value.type !== "string" || typeof value.value !== "string") {
    throw bad(`${where()}: a term needs a "type" and a string "value".`);
  }
  switch (value.type) {
    case "uri":
      return { termType: "NamedNode", value: value.value };
    case "bnode":
      return { termType: "BlankNode", value: value.value };
    case "literal":
    case "typed-literal": {
      const lang = value["xml:lang"];
      const datatype = value.datatype;
      if (lang !== undefined && typeof lang !== "string") {
        throw bad(`${where()}: "xml:lang" is not a string.`);
      }
      if (datatype !== undefined && typeof datatype !== "string") {
        throw bad(`${where()}: "datatype" is not a string.`);
      }
      const language = lang ?? "";
      return {
        termType: "Literal",
        value: value.value,
        language,
        datatype: { value: language !== "" ? RDF_LANG_STRING : (datatype ?? XSD_STRING) },
      };
    }
    default:
      throw bad(`${where()}: unknown term type ${JSON.stringify(truncateToken(value.type, 40))}.`);
  }
}
