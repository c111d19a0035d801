/**
 * Orgraph core: JSON-LD text to RDF quads, with jsonld (jsonld.js). Loaded on demand (its own
 * chunk, `orgraph-jsonld.js` in the library build): only a JSON-LD source fetches it.
 *
 * Remote contexts are refused by default: bundled copies of common contexts resolve locally
 * (contexts/bundled.ts); a `JsonLdContextPolicy` allows others, fetched within a count, size and
 * time limit. Every failure is a typed error naming the source: JSON syntax errors are
 * RdfParseErrors with line and column; a context refused or failing is an OrgraphError.
 */
import { removeAddedGlobals } from "./jsonld-globals";
import * as jsonldModule from "jsonld";
import { DataFactory } from "n3";
import type { Quad, Quad_Graph, Quad_Object, Quad_Predicate, Quad_Subject } from "n3";
import { OrgraphError, RdfParseError, type ErrorParams, type OrgraphErrorOptions } from "../errors";
import { bundledContext, bundledContextNames } from "./contexts/bundled";
import { findJsonSyntaxError, lineColumn } from "./json-syntax";
import { contextPolicy, isAllowedContext, type JsonLdContextPolicy } from "./jsonld-policy";
import type { ParseResult } from "./parse";

/** jsonld's API (the CommonJS module's exports, wherever the bundler puts them). */
const jsonld = ((jsonldModule as unknown as { default?: typeof jsonldModule }).default ??
  jsonldModule) as typeof jsonldModule;

// jsonld's globals go (jsonld-globals.ts is imported first, to see what was there before).
removeAddedGlobals();

const LABEL = "JSON-LD";

/** The parts of a fetch response read here (src/core builds without the DOM library). */
interface ContextResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly url?: string;
  readonly headers: { get(name: string): string | null };
  readonly body?: {
    getReader(): {
      read(): Promise<{ done: boolean; value?: Uint8Array }>;
      cancel(): Promise<void>;
    };
  } | null;
  arrayBuffer(): Promise<ArrayBuffer>;
}
export type ContextFetch = (
  url: string,
  init: {
    headers: Record<string, string>;
    signal?: unknown;
    credentials?: "omit";
  },
) => Promise<ContextResponse>;

interface Globals {
  fetch?: ContextFetch;
  AbortController?: new () => { readonly signal: unknown; abort(): void };
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  TextDecoder: new (label?: string) => { decode(input: Uint8Array): string };
}

export interface JsonLdParseOptions {
  /** Base IRI for relative IRIs (the document's URL). */
  baseIRI?: string;
  /** Name of the input for messages: a file name, a URL; "text" when absent. */
  sourceName?: string;
  /** Which remote contexts may be fetched (default: none; the bundled ones always resolve). */
  contexts?: Partial<JsonLdContextPolicy>;
  /** The fetch for allowed remote contexts; default `globalThis.fetch`. */
  fetch?: ContextFetch;
  /** Stops the load between steps (a context fetch, the conversion). */
  signal?: { readonly aborted: boolean };
}

/** A remote context refused or failing: what, which URL, in which source. */
export class JsonLdContextError extends OrgraphError {
  readonly url: string;
  readonly source: string;

  constructor(
    code: "fetch" | "limit",
    url: string,
    source: string,
    message: string,
    options?: OrgraphErrorOptions,
  ) {
    super(code, message, {
      ...options,
      params: { url, source, ...(options?.params ?? {}) },
    });
    this.name = "JsonLdContextError";
    this.url = url;
    this.source = source;
  }
}

/** Where a context's JSON is broken (line, column, reason), for the UI's own sentence. */
function notJsonParams(error: unknown): ErrorParams {
  if (!(error instanceof RdfParseError)) return {};
  const { line, column, reason } = error.params;
  return {
    ...(line === undefined ? {} : { line }),
    ...(column === undefined ? {} : { column }),
    ...(reason === undefined ? {} : { reason }),
  };
}

function kb(bytes: number): string {
  return bytes >= 1024 * 1024
    ? `${(bytes / (1024 * 1024)).toLocaleString("en", { maximumFractionDigits: 1 })} MB`
    : `${(bytes / 1024).toLocaleString("en", { maximumFractionDigits: 1 })} KB`;
}

/** Parses JSON text; a syntax error becomes an RdfParseError with line and column. */
function parseJson(text: string, source: string, what = LABEL): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const found = findJsonSyntaxError(text) ?? {
      offset: 0,
      reason: error instanceof Error ? error.message : String(error),
    };
    const { line, column } = lineColumn(text, found.offset);
    throw new RdfParseError({
      formatLabel: what,
      source,
      line,
      column,
      token: found.token,
      reason: found.reason,
      cause: error,
    });
  }
}

/** Whether a top-level JSON value looks like JSON-LD (a keyword or an IRI as a key). */
function looksLikeJsonLd(value: unknown): boolean {
  const items = Array.isArray(value) ? value : [value];
  return items.some(
    (item) =>
      item !== null &&
      typeof item === "object" &&
      !Array.isArray(item) &&
      Object.keys(item).some((key) => key.startsWith("@") || key.includes(":")),
  );
}

/** The prefixes a document's top-level contexts declare (terms mapped to IRIs ending in / or #). */
function contextPrefixes(value: unknown): Record<string, string> {
  const prefixes: Record<string, string> = {};
  const items = Array.isArray(value) ? value : [value];
  for (const item of items) {
    if (item === null || typeof item !== "object") continue;
    const context = (item as Record<string, unknown>)["@context"];
    for (const c of Array.isArray(context) ? context : [context]) {
      if (c === null || typeof c !== "object" || Array.isArray(c)) continue;
      for (const [term, iri] of Object.entries(c as Record<string, unknown>)) {
        if (term.startsWith("@") || term.includes(":") || typeof iri !== "string") continue;
        if (/^https?:\/\/\S*[/#]$/.test(iri)) prefixes[term] = iri;
      }
    }
  }
  return prefixes;
}

/** The OrgraphError a jsonld error carries (from the document loader), if any. */
function ownError(error: unknown): OrgraphError | undefined {
  const seen = new Set<unknown>();
  let e: unknown = error;
  while (e && typeof e === "object" && !seen.has(e)) {
    if (e instanceof OrgraphError) return e;
    seen.add(e);
    const next: unknown =
      (e as { details?: { cause?: unknown } }).details?.cause ?? (e as { cause?: unknown }).cause;
    e = next;
  }
  return undefined;
}

function cancelled(source: string): OrgraphError {
  return new OrgraphError("cancelled", `Loading ${source} was cancelled.`);
}

/** Reads a remote context within the policy's size and time limits; resolves with its JSON. */
async function fetchContext(
  url: string,
  source: string,
  policy: JsonLdContextPolicy,
  fetchFn: ContextFetch,
  signal: { readonly aborted: boolean } | undefined,
): Promise<unknown> {
  const g = globalThis as unknown as Globals;
  const controller = g.AbortController ? new g.AbortController() : undefined;
  let timedOut = false;
  const timer = g.setTimeout(() => {
    timedOut = true;
    controller?.abort();
  }, policy.timeoutMs);
  const where = `JSON-LD context ${url} (in ${source})`;
  const timeout = (): JsonLdContextError =>
    new JsonLdContextError(
      "fetch",
      url,
      source,
      `${where} did not answer within ${policy.timeoutMs} ms (the jsonld-contexts timeoutMs limit).`,
      { key: "context-timeout", params: { ms: policy.timeoutMs } },
    );
  const tooBig = (size: number | null): JsonLdContextError =>
    new JsonLdContextError(
      "limit",
      url,
      source,
      `${where} ${size === null ? "is larger than" : `is ${kb(size)}, more than`} the ${kb(policy.maxBytes)} limit (the jsonld-contexts maxBytes limit).`,
      {
        key: "context-too-big",
        params: { max: policy.maxBytes, ...(size === null ? {} : { size }) },
      },
    );
  try {
    let response: ContextResponse;
    try {
      response = await fetchFn(url, {
        headers: { Accept: "application/ld+json, application/json;q=0.9" },
        credentials: "omit",
        ...(controller ? { signal: controller.signal } : {}),
      });
    } catch (error) {
      if (timedOut) throw timeout();
      const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
      throw new JsonLdContextError(
        "fetch",
        url,
        source,
        `Could not fetch ${where}: the network failed, or the server does not allow this page to read it (CORS)${detail}.`,
        {
          cause: error,
          key: "context-network",
          params: { detail: error instanceof Error ? error.message : "" },
        },
      );
    }
    if (!response.ok) {
      throw new JsonLdContextError(
        "fetch",
        url,
        source,
        `Could not fetch ${where}: HTTP ${response.status} ${response.statusText}`.trim() + ".",
        {
          key: "context-http",
          params: { status: response.status, statusText: response.statusText },
        },
      );
    }
    if (response.url && response.url !== url && !bundledContext(response.url)) {
      if (!isAllowedContext(response.url, policy.allow)) {
        throw new JsonLdContextError(
          "fetch",
          url,
          source,
          `${where} redirects to ${response.url}, which the jsonld-contexts setting does not allow.`,
          { key: "context-redirect", params: { to: response.url } },
        );
      }
    }
    const length = Number(response.headers.get("content-length") ?? NaN);
    if (Number.isFinite(length) && length > policy.maxBytes) throw tooBig(length);
    const parts: Uint8Array[] = [];
    let received = 0;
    try {
      const reader = response.body?.getReader();
      if (!reader) {
        const all = new Uint8Array(await response.arrayBuffer());
        if (all.length > policy.maxBytes) throw tooBig(all.length);
        parts.push(all);
        received = all.length;
      } else {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          if (!value) continue;
          received += value.byteLength;
          if (received > policy.maxBytes) {
            void reader.cancel().catch(() => undefined);
            throw tooBig(null);
          }
          if (signal?.aborted) {
            void reader.cancel().catch(() => undefined);
            throw cancelled(source);
          }
          parts.push(value);
        }
      }
    } catch (error) {
      if (error instanceof OrgraphError) throw error;
      if (timedOut) throw timeout();
      throw new JsonLdContextError("fetch", url, source, `Could not read ${where}.`, {
        cause: error,
        key: "context-read",
      });
    }
    if (timedOut) throw timeout();
    const bytes = new Uint8Array(received);
    let at = 0;
    for (const part of parts) {
      bytes.set(part, at);
      at += part.byteLength;
    }
    const text = new g.TextDecoder("utf-8").decode(bytes);
    try {
      return parseJson(text, `${url} (a JSON-LD context, in ${source})`);
    } catch (error) {
      throw new JsonLdContextError(
        "fetch",
        url,
        source,
        `${where} is not JSON: ${(error as Error).message}`,
        { cause: error, key: "context-not-json", params: notJsonParams(error) },
      );
    }
  } finally {
    g.clearTimeout(timer);
  }
}

type JsonLdTerm = {
  termType: string;
  value: string;
  language?: string;
  datatype?: { value: string };
};

interface JsonLdQuad {
  subject: JsonLdTerm;
  predicate: JsonLdTerm;
  object: JsonLdTerm;
  graph: JsonLdTerm;
}

function toTerm(term: JsonLdTerm): Quad_Subject | Quad_Object {
  switch (term.termType) {
    case "NamedNode":
      return DataFactory.namedNode(term.value);
    case "BlankNode":
      return DataFactory.blankNode(term.value.replace(/^_:/, ""));
    case "Literal":
      return DataFactory.literal(
        term.value,
        term.language ? term.language : DataFactory.namedNode(term.datatype!.value),
      );
    default:
      return DataFactory.defaultGraph() as unknown as Quad_Subject;
  }
}

/**
 * Parses JSON-LD `text` into quads (blank nodes `b0`, `b1`, … in jsonld's order) and the
 * prefixes its top-level contexts declare. Rejects with RdfParseError (JSON or JSON-LD syntax),
 * JsonLdContextError (a context refused, failing or over a limit) or OrgraphError "cancelled".
 */
export async function parseJsonLd(
  text: string,
  options: JsonLdParseOptions = {},
): Promise<ParseResult> {
  const source = options.sourceName ?? "text";
  const policy = contextPolicy(options.contexts);
  const g = globalThis as unknown as Globals;
  const fetchFn = options.fetch ?? (g.fetch ? g.fetch.bind(globalThis) : undefined);
  const signal = options.signal;
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const document = parseJson(body, source);
  if (!looksLikeJsonLd(document)) {
    throw new RdfParseError({
      formatLabel: LABEL,
      source,
      reason:
        "this is JSON but not JSON-LD: its top level has no @context, @id, @type or @graph and no property IRI",
    });
  }

  let fetched = 0;
  const documentLoader = async (url: string) => {
    if (signal?.aborted) throw cancelled(source);
    const bundled = bundledContext(url);
    if (bundled) {
      const { default: context } = await bundled.load();
      return { contextUrl: undefined, documentUrl: url, document: JSON.parse(context) as object };
    }
    if (!isAllowedContext(url, policy.allow)) {
      throw new JsonLdContextError(
        "fetch",
        url,
        source,
        `JSON-LD context ${url} is not allowed; ${source} may use the bundled contexts (${bundledContextNames()}) and those the jsonld-contexts setting allows.`,
        { key: "context-refused", params: { bundled: bundledContextNames() } },
      );
    }
    if (fetched >= policy.maxCount) {
      throw new JsonLdContextError(
        "limit",
        url,
        source,
        `JSON-LD context ${url} was not fetched: ${source} needs more than ${policy.maxCount} remote contexts (the jsonld-contexts maxCount limit).`,
        { key: "context-count", params: { max: policy.maxCount } },
      );
    }
    if (!fetchFn) {
      throw new JsonLdContextError(
        "fetch",
        url,
        source,
        `Could not fetch JSON-LD context ${url} (in ${source}): no fetch here.`,
      );
    }
    fetched++;
    const document = await fetchContext(url, source, policy, fetchFn, signal);
    return { contextUrl: undefined, documentUrl: url, document: document as object };
  };

  let dataset: JsonLdQuad[];
  try {
    dataset = (await jsonld.toRDF(
      document as object,
      {
        base: options.baseIRI,
        documentLoader: documentLoader as never,
      } as never,
    )) as never;
  } catch (error) {
    const own = ownError(error);
    if (own) throw own;
    const e = error as { message?: string; details?: { code?: string } };
    const message = (e.message ?? String(error)).replace(/\.$/, "");
    const code = e.details?.code ? ` (${e.details.code})` : "";
    throw new RdfParseError({
      formatLabel: LABEL,
      source,
      reason: `${message.charAt(0).toLowerCase()}${message.slice(1)}${code}`.replace(
        /\r\n|\r|\n/g,
        " ",
      ),
      cause: error,
    });
  }
  if (signal?.aborted) throw cancelled(source);
  const quads: Quad[] = [];
  for (const q of dataset) {
    quads.push(
      DataFactory.quad(
        toTerm(q.subject) as Quad_Subject,
        toTerm(q.predicate) as Quad_Predicate,
        toTerm(q.object) as Quad_Object,
        toTerm(q.graph) as Quad_Graph,
      ),
    );
  }
  return { quads, prefixes: contextPrefixes(document) };
}
