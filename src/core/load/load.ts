/**
 * Orgraph core: the chunked, cancellable load (parse + build) that a worker runs.
 *
 * The input (text or UTF-8 bytes) is parsed in chunks through `createRdfParser`; between chunks
 * the loader reports progress and, once a slice has run `sliceMs`, yields (a macrotask), so that
 * a worker can post progress and read a cancel message, and a main-thread fallback stays
 * responsive. The graph is built apart and returned only on success: a syntax error rejects with
 * the same RdfParseError as `loadRdf`, a cancel with OrgraphError "cancelled".
 */
import { OrgraphError } from "../errors";
import { macrotask, type TimerGlobals } from "./macrotask";
import { buildGraphInSteps } from "../model/rdf-to-graph";
import { createRdfParser } from "../rdf/parse";
import { jsonLdParser } from "./jsonld-source";
import { keepLoadShapes } from "./keep-shapes";
import type { JsonLdContextPolicy } from "../rdf/jsonld-policy";
import type { LoadOptions, LoadResult } from "../index";
import { isQuadArray, QuadStore, type Quads } from "../rdf/quad-store";
import type { RdfQuad, RdfTerm } from "../rdf/terms";

/** Minimal AbortSignal shape (src/core builds without the DOM library). */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface LoadProgress {
  phase: "parse" | "build";
  /** Input consumed so far: bytes for byte input, UTF-16 code units for text input. */
  bytes: number;
  totalBytes: number;
  /** Triples (quads) parsed so far. */
  triples: number;
}

export interface ChunkedLoadOptions extends LoadOptions {
  signal?: AbortSignalLike;
  onProgress?: (progress: LoadProgress) => void;
  /** Input units (bytes or code units) per parse chunk; default 64 Ki. */
  chunkSize?: number;
  /** Longest run between two yields, in ms; default 12. */
  sliceMs?: number;
  /** How to yield; default: a macrotask (MessageChannel, else setTimeout 0). */
  yieldTo?: () => Promise<void>;
  /** Clock in ms; default performance.now / Date.now. */
  now?: () => number;
  /**
   * The most triples to load: past it the load fails with OrgraphError "limit" (its message
   * says so), unless `sample` is set, when the first `maxTriples` triples are kept.
   */
  maxTriples?: number;
  sample?: boolean;
  /** Quads of sources already loaded, built together with the new ones ("load more"). */
  prefixQuads?: Quads;
  /** Prefix for the new quads' blank node labels (keeps them apart from earlier sources'). */
  blankPrefix?: string;
  /** JSON-LD: the remote contexts that may be fetched (default: only the bundled ones). */
  jsonldContexts?: Partial<JsonLdContextPolicy>;
}

export const DEFAULT_CHUNK_SIZE = 64 * 1024;
export const DEFAULT_SLICE_MS = 12;

export { macrotask };

function defaultNow(): () => number {
  const g = globalThis as unknown as TimerGlobals;
  return g.performance ? () => g.performance!.now() : () => Date.now();
}

function cancelled(source: string): OrgraphError {
  return new OrgraphError("cancelled", `Loading ${source} was cancelled.`);
}

interface DecoderLike {
  decode(input?: Uint8Array, options?: { stream?: boolean }): string;
}
type DecoderConstructor = new (
  label?: string,
  options?: { fatal?: boolean; ignoreBOM?: boolean },
) => DecoderLike;

/** UTF-8 decoder that keeps a leading BOM in the text, as a string input would have it. */
function utf8Decoder(): DecoderLike {
  const Decoder = (globalThis as { TextDecoder?: DecoderConstructor }).TextDecoder;
  if (!Decoder) throw new OrgraphError("unsupported", "This environment has no TextDecoder.");
  return new Decoder("utf-8", { ignoreBOM: true });
}

/**
 * Parses and builds `input` in chunks. Resolves with the same result as `loadRdf` on the same
 * text; rejects with RdfParseError (syntax), OrgraphError "format" or "cancelled".
 */
export async function loadRdfChunked(
  input: string | Uint8Array | ArrayBuffer,
  options: ChunkedLoadOptions,
): Promise<LoadResult> {
  const source = options.sourceName ?? "text";
  const bytes = typeof input === "string" ? undefined : toBytes(input);
  const total = typeof input === "string" ? input.length : bytes!.length;
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const yieldTo = options.yieldTo ?? macrotask;
  const now = options.now ?? defaultNow();
  const { signal, onProgress } = options;

  let text: string | undefined = typeof input === "string" ? input : undefined;
  const max = options.maxTriples;
  const kept: RdfQuad[] | undefined = max !== undefined && options.sample ? [] : undefined;
  const onQuad = kept && ((quad: RdfQuad) => void (kept.length < max! && kept.push(quad)));
  // JSON-LD cannot stream: parsed whole up front (jsonld-source.ts), then counted like the rest.
  const parser =
    options.format === "json-ld"
      ? await jsonLdParser(bytes ?? (input as string), { ...options, onQuad })
      : createRdfParser({
          ...(onQuad ? { onQuad } : {}),
          format: options.format,
          baseIRI: options.baseIRI,
          sourceName: options.sourceName,
          // Byte input is decoded whole only to place a syntax error.
          text: () => (text ??= utf8Decoder().decode(bytes!)),
        });
  const decoder = bytes ? utf8Decoder() : undefined;

  let sliceStart = now();
  const pause = async (progress: LoadProgress): Promise<void> => {
    if (signal?.aborted) throw cancelled(source);
    if (now() - sliceStart < sliceMs) return;
    onProgress?.(progress);
    await yieldTo();
    if (signal?.aborted) throw cancelled(source);
    sliceStart = now();
  };

  if (signal?.aborted) throw cancelled(source);
  onProgress?.({ phase: "parse", bytes: 0, totalBytes: total, triples: 0 });
  let at = 0;
  while (at < total) {
    let end = Math.min(total, at + chunkSize);
    if (bytes) {
      parser.write(decoder!.decode(bytes.subarray(at, end), { stream: true }));
    } else {
      const text = input as string;
      // Never split a surrogate pair between chunks.
      const code = text.charCodeAt(end - 1);
      if (end < total && code >= 0xd800 && code <= 0xdbff) end++;
      parser.write(text.slice(at, end));
    }
    at = end;
    if (max !== undefined && parser.quadCount > max) {
      if (kept) break;
      throw new OrgraphError(
        "limit",
        `${source} has more than ${max.toLocaleString("en")} triples, the most Orgraph loads at once.`,
        { key: "triple-cap", params: { source, max } },
      );
    }
    await pause({ phase: "parse", bytes: at, totalBytes: total, triples: parser.quadCount });
  }
  // Text the fast reader had read before it stopped, read again by n3 a step at a time.
  while (parser.backlog > 0 && !(kept && kept.length >= max!)) {
    parser.write("");
    await pause({ phase: "parse", bytes: total, totalBytes: total, triples: parser.quadCount });
  }
  let parsed: { quads: QuadStore; prefixes: Record<string, string> };
  if (kept && kept.length >= max!) {
    // A sample: the first `maxTriples` triples (the rest of the input is not read).
    parsed = { quads: QuadStore.from(kept, kept.length), prefixes: {} };
  } else {
    if (decoder) parser.write(decoder.decode());
    parsed = parser.endStore();
  }
  const prefixes = parsed.prefixes;
  let quads = parsed.quads;
  if (options.blankPrefix) quads = renameBlanks(quads, options.blankPrefix);
  const before = options.prefixQuads;
  if (before?.length) {
    quads = QuadStore.concat(
      isQuadArray(before) ? QuadStore.from(before, before.length) : before,
      quads,
    );
  }
  onProgress?.({ phase: "build", bytes: total, totalBytes: total, triples: quads.length });

  const steps = buildGraphInSteps(quads, {
    prefixes,
    languages: options.languages,
    collapseMemberships: options.collapseMemberships,
  });
  for (;;) {
    const step = steps.next();
    if (step.done) {
      const graph = step.value;
      if (signal?.aborted) throw cancelled(source);
      onProgress?.({ phase: "build", bytes: total, totalBytes: total, triples: quads.length });
      keepLoadShapes();
      return {
        graph,
        quads,
        triples: quads.length,
        nodes: graph.order,
        edges: graph.size,
      };
    }
    await pause({ phase: "build", bytes: total, totalBytes: total, triples: quads.length });
  }
}

/** Blank nodes `_:x` become `_:<prefix>x` (top-level terms; triple terms keep theirs). */
function renameBlanks(quads: QuadStore, prefix: string): QuadStore {
  const renamed = new Map<string, RdfTerm>();
  const term = (t: RdfTerm): RdfTerm => {
    if (t.termType !== "BlankNode") return t;
    let out = renamed.get(t.value);
    if (!out) {
      out = { termType: "BlankNode", value: `${prefix}${t.value}` } as RdfTerm;
      renamed.set(t.value, out);
    }
    return out;
  };
  // Blank nodes are never predicates: each term of the table is renamed once.
  return quads.withTerms(quads.terms.map(term));
}

function toBytes(input: Uint8Array | ArrayBuffer): Uint8Array {
  return input instanceof Uint8Array ? input : new Uint8Array(input);
}
