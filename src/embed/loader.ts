/**
 * The element's loading machinery (issue 6): reading a source (text, file, URL) under size caps
 * with network errors by cause, parsing and building it in the Vite-bundled load worker
 * (src/core/load/worker.ts) with progress and cancel, a main-thread fallback in short time slices
 * where a worker cannot run, and bringing the built graph back into the page in slices.
 */
import { QuadStore, quadAt, type Quads } from "../core/rdf/quad-store";
import { MultiDirectedGraph } from "graphology";
import { OrgraphError, type MessageKey } from "../core/errors";
import type { LoadProgress } from "../core/load/load";
import { macrotask } from "../core/load/macrotask";
import {
  deserializeError,
  encodeQuads,
  type EncodedQuads,
  type LoadRequest,
  type PlainTerm,
  type SerializedOrgraph,
  type WorkerResponse,
} from "../core/load/protocol";
import { edgeKey } from "../core/model/edge-key";
import { literalKey, literalValue } from "../core/model/literal";
import { canonicalIri } from "../core/model/vocab";
import type {
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes,
  OrgraphGraph,
} from "../core/model/types";
import { resolveFormat, type RdfFormat } from "../core/rdf/formats";
import type { JsonLdContextPolicy } from "../core/rdf/jsonld-policy";
import type { RdfQuad, RdfTerm } from "../core/rdf/terms";
import { datasetVersion } from "./dataset";
import { startWorker } from "./worker-start";

/** Size, triple and time limits of a load (the element's `loadLimits`). */
export interface LoadLimits {
  /** Largest file accepted (file picker, drop, `load({ file })`), in bytes. */
  maxFileBytes: number;
  /** Largest download accepted (`src`, `?src=`, the URL field, `load({ url })`), in bytes. */
  maxUrlBytes: number;
  /** Most triples loaded at once (all sources together); past it: a sample or nothing. */
  maxTriples: number;
  /** Longest wait for a URL's response and body, in ms. */
  urlTimeoutMs: number;
}

export const DEFAULT_LOAD_LIMITS: Readonly<LoadLimits> = Object.freeze({
  maxFileBytes: 200 * 1024 * 1024,
  maxUrlBytes: 50 * 1024 * 1024,
  maxTriples: 2_000_000,
  urlTimeoutMs: 60_000,
});

/** What the load progress shows. */
export interface LoadStatus extends Omit<LoadProgress, "phase"> {
  /** "read": reading the file or downloading; "swap": bringing the graph into the page. */
  phase: LoadProgress["phase"] | "read" | "swap";
  source: string;
}

/** A source read and ready to parse. */
export interface ReadSource {
  input: string | ArrayBuffer;
  format: RdfFormat;
  baseIRI?: string;
  /** The name in messages: the file name, the URL or "text". */
  sourceName: string;
  /** Bytes (or UTF-16 units for text). */
  size: number;
}

export interface SourceInput {
  text?: string;
  url?: string | URL;
  file?: Blob;
  format?: string;
  baseIRI?: string;
  /** A name for pasted text (default "text"). */
  name?: string;
}

/** A size people can read: bytes below 1 KB, KB below 1 MB, else MB (never "0 MB"). */
function mb(bytes: number): string {
  const digits = { maximumFractionDigits: 1 };
  if (bytes < 1024) return `${bytes.toLocaleString("en")} bytes`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toLocaleString("en", digits)} KB`;
  return `${(bytes / (1024 * 1024)).toLocaleString("en", digits)} MB`;
}

function limitError(what: string, size: number | null, max: number, setting: string): OrgraphError {
  const sized = size === null ? "is larger than" : `is ${mb(size)}, more than`;
  return Object.assign(
    new OrgraphError(
      "limit",
      `${what} ${sized} the ${mb(max)} limit (the loadLimits.${setting} setting).`,
      { key: "size-cap", params: { what, max, setting, ...(size === null ? {} : { size }) } },
    ),
    { limit: "bytes" },
  );
}

/** A failed download; `key` and `params` let the UI say it in its language (see errors.ts). */
function fetchError(
  source: string,
  message: string,
  key: MessageKey,
  params: Record<string, string | number>,
): OrgraphError {
  return Object.assign(
    new OrgraphError("fetch", message, { key, params: { url: source, ...params } }),
    { source },
  );
}

/**
 * The triple cap's error as the element says it: naming its setting, as the size caps do. The
 * core (Node API included) knows only a `maxTriples` option.
 */
export function withTripleSetting(error: unknown): unknown {
  if (!(error instanceof OrgraphError) || error.key !== "triple-cap") return error;
  return new OrgraphError(
    "limit",
    error.message.replace(/\.$/, " (the loadLimits.maxTriples setting)."),
    { key: "triple-cap", params: { ...error.params, setting: "maxTriples" } },
  );
}

function cancelled(source: string): OrgraphError {
  return new OrgraphError("cancelled", `Loading ${source} was cancelled.`);
}

const GENERIC_MIME = /^(text\/plain|application\/octet-stream|binary\/octet-stream)\b/i;
const NOT_RDF_MIME =
  /^(text\/html|application\/xhtml\+xml|image\/|video\/|audio\/|application\/pdf)/i;

/** Reads a source (text, file or URL) under the limits; rejects with one clear error. */
export async function readSource(
  input: SourceInput,
  limits: LoadLimits,
  signal: AbortSignal,
  onProgress?: (bytes: number, total: number) => void,
): Promise<ReadSource> {
  if (input.text !== undefined) {
    return {
      input: input.text,
      format: resolveFormat({ format: input.format }),
      baseIRI: input.baseIRI,
      sourceName: input.name || "text",
      size: input.text.length,
    };
  }
  if (input.file !== undefined) {
    const name = (input.file as File).name || "file";
    const format = resolveFormat({
      format: input.format,
      mime: input.format === undefined && input.file.type ? input.file.type : undefined,
      fileName: name,
    });
    if (input.file.size > limits.maxFileBytes) {
      throw limitError(name, input.file.size, limits.maxFileBytes, "maxFileBytes");
    }
    onProgress?.(0, input.file.size);
    const buffer = await input.file.arrayBuffer();
    if (signal.aborted) throw cancelled(name);
    return {
      input: buffer,
      format,
      baseIRI: input.baseIRI,
      sourceName: name,
      size: buffer.byteLength,
    };
  }
  if (input.url !== undefined) return readUrl(input, limits, signal, onProgress);
  throw new TypeError("load() needs one of text, url or file.");
}

async function readUrl(
  input: SourceInput,
  limits: LoadLimits,
  signal: AbortSignal,
  onProgress?: (bytes: number, total: number) => void,
): Promise<ReadSource> {
  const url = new URL(String(input.url), document.baseURI);
  const href = url.href;
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, limits.urlTimeoutMs);
  const stop = (): void => controller.abort();
  signal.addEventListener("abort", stop);
  const ms = limits.urlTimeoutMs;
  const wait =
    ms < 1000 ? `${ms} ms` : `${(ms / 1000).toLocaleString("en", { maximumFractionDigits: 1 })} s`;
  const why = (error: unknown): OrgraphError => {
    if (signal.aborted) return cancelled(href);
    if (timedOut) {
      return fetchError(
        href,
        `${href} did not answer within ${wait} (timeout; the loadLimits.urlTimeoutMs setting).`,
        "fetch-timeout",
        { ms },
      );
    }
    if (error instanceof OrgraphError) return error;
    const detail = error instanceof Error && error.message ? ` (${error.message})` : "";
    return fetchError(
      href,
      `Could not fetch ${href}: the network failed, or the server does not allow this page to read it (CORS)${detail}.`,
      "fetch-network",
      { detail: error instanceof Error ? error.message : "" },
    );
  };
  try {
    let response: Response;
    try {
      response = await fetch(url, { signal: controller.signal });
    } catch (error) {
      if (signal.aborted || timedOut || url.origin === location.origin) throw why(error);
      // A browser tells neither cause apart: an opaque (no-cors) request that gets through
      // means the server answered but did not allow this page to read the answer (CORS).
      const reachable = await fetch(url, { mode: "no-cors", signal: controller.signal }).then(
        () => true,
        () => false,
      );
      if (reachable && !signal.aborted && !timedOut) {
        throw fetchError(
          href,
          `Could not read ${href}: the server at ${url.origin} answered but does not allow this page (${location.origin}) to read it (no Access-Control-Allow-Origin header: CORS).`,
          "fetch-cors",
          { origin: url.origin, page: location.origin },
        );
      }
      if (!reachable && !signal.aborted && !timedOut) {
        throw fetchError(
          href,
          `Could not reach ${href}: the network failed or the server at ${url.origin} did not answer.`,
          "fetch-unreachable",
          { origin: url.origin },
        );
      }
      throw why(error);
    }
    if (!response.ok) {
      throw fetchError(
        href,
        `Could not fetch ${href}: HTTP ${response.status} ${response.statusText}`.trim() + ".",
        "fetch-http",
        { status: response.status, statusText: response.statusText },
      );
    }
    const mime = response.headers.get("content-type") ?? undefined;
    if (mime !== undefined && NOT_RDF_MIME.test(mime) && input.format === undefined) {
      throw fetchError(
        href,
        `${href} is not RDF: the server sent "${mime.split(";")[0]!.trim()}" (wrong content type).`,
        "not-rdf",
        { mime: mime.split(";")[0]!.trim() },
      );
    }
    const generic = mime === undefined || GENERIC_MIME.test(mime);
    const format = resolveFormat({
      format: input.format,
      mime: input.format === undefined && !generic ? mime : undefined,
      fileName: url.pathname,
    });
    const length = Number(response.headers.get("content-length") ?? NaN);
    if (Number.isFinite(length) && length > limits.maxUrlBytes) {
      void response.body?.cancel().catch(() => undefined);
      throw limitError(href, length, limits.maxUrlBytes, "maxUrlBytes");
    }
    const total = Number.isFinite(length) ? length : 0;
    const reader = response.body?.getReader();
    let buffer: ArrayBuffer;
    if (!reader) {
      buffer = await response.arrayBuffer();
    } else {
      const parts: Uint8Array[] = [];
      let received = 0;
      // A body already received resolves every read at once, in one run of microtasks (each
      // progress report with its re-render): a macrotask now and then lets the page answer.
      let slice = performance.now();
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          received += value.byteLength;
          if (received > limits.maxUrlBytes) {
            void reader.cancel().catch(() => undefined);
            throw limitError(href, null, limits.maxUrlBytes, "maxUrlBytes");
          }
          parts.push(value);
          onProgress?.(received, total);
          if (performance.now() - slice > READ_SLICE_MS) {
            await macrotask();
            slice = performance.now();
          }
        }
      } catch (error) {
        throw why(error);
      }
      const bytes = new Uint8Array(received);
      let at = 0;
      for (const part of parts) {
        bytes.set(part, at);
        at += part.byteLength;
      }
      buffer = bytes.buffer;
    }
    return {
      input: buffer,
      format,
      baseIRI: input.baseIRI ?? href,
      sourceName: href,
      size: buffer.byteLength,
    };
  } finally {
    clearTimeout(timer);
    signal.removeEventListener("abort", stop);
  }
}

/** The dataset version of a read source (before its buffer goes to the worker). */
export function sourceVersion(source: ReadSource): Promise<string> {
  if (typeof source.input === "string") return datasetVersion(source.input);
  const subtle = (globalThis as { crypto?: Crypto }).crypto?.subtle;
  if (subtle) {
    // digest() copies the bytes when called: the buffer may be transferred right after.
    const digest = subtle.digest("SHA-256", source.input);
    return digest.then(
      (d) =>
        [...new Uint8Array(d).slice(0, 6)].map((b) => b.toString(16).padStart(2, "0")).join(""),
      () => datasetVersion(""),
    );
  }
  return datasetVersion(new TextDecoder().decode(source.input));
}

export interface RunOptions {
  languages: string[];
  maxTriples: number;
  sample: boolean;
  /** Quads already loaded, built together with the new ones ("load more"). */
  extra?: Quads;
  blankPrefix?: string;
  /** JSON-LD: the remote contexts that may be fetched (the `jsonld-contexts` setting). */
  jsonldContexts?: JsonLdContextPolicy;
  signal: AbortSignal;
  onProgress: (progress: LoadProgress) => void;
}

export interface RunResult {
  graph: OrgraphGraph;
  /** Every quad of the graph (the extra ones first). */
  quads: Quads;
  inWorker: boolean;
  /** The new source's dataset version (hashed in the worker when there is one). */
  version: string;
}

type WorkerState = "unknown" | "ok" | "unavailable";

/** Parses and builds in the load worker (or, where none runs, in the page in time slices). */
export class RdfLoader {
  /** false: never use the worker (the main-thread fallback only). */
  useWorker = true;
  #worker: Worker | null = null;
  #state: WorkerState = "unknown";
  #nextId = 1;
  #pending = new Map<number, (message: WorkerResponse) => void>();

  /** Whether the last run used the worker. */
  lastInWorker = false;

  async #create(): Promise<Worker | null> {
    if (this.#state === "unavailable" || !this.useWorker) return null;
    if (this.#worker && this.#state === "ok") return this.#worker;
    // A ping (an empty load): a worker blocked by a CSP or failing to start answers nothing.
    const id = this.#nextId++;
    const worker = await startWorker<WorkerResponse>({
      create: () =>
        new Worker(new URL("../core/load/worker.ts", import.meta.url), { type: "module" }),
      pending: this.#pending,
      id,
      ping: {
        type: "load",
        id,
        text: "",
        format: "n-triples",
        withQuads: false,
      } satisfies LoadRequest,
      answered: (message) => (message.type === "progress" ? null : message.type === "result"),
      timeoutMs: 10_000,
      // A crash (e.g. out of memory) fails the loads waiting on it.
      onStopped: (crashed) => {
        if (this.#worker !== crashed) return false;
        this.#worker = null;
        this.#state = "unknown";
        return true;
      },
      stopped: (pid) => ({
        type: "error",
        id: pid,
        error: {
          name: "OrgraphError",
          code: "invalid",
          message: "Loading failed: the load worker stopped (out of memory?).",
          key: "worker-stopped",
        },
      }),
    });
    this.#worker = worker;
    this.#state = worker ? "ok" : "unavailable";
    return worker;
  }

  async run(source: ReadSource, options: RunOptions): Promise<RunResult> {
    const worker = await this.#create();
    if (options.signal.aborted) throw cancelled(source.sourceName);
    this.lastInWorker = worker !== null;
    try {
      return await (worker
        ? this.#inWorker(worker, source, options)
        : this.#inPage(source, options));
    } catch (error) {
      throw withTripleSetting(error);
    }
  }

  async #inPage(source: ReadSource, options: RunOptions): Promise<RunResult> {
    // The parser (n3) loads on demand: only where a worker cannot run (orgraph-parse.js).
    const version = sourceVersion(source);
    const { loadRdfChunked } = await import("../core/load/load");
    const result = await loadRdfChunked(source.input, {
      format: source.format,
      baseIRI: source.baseIRI,
      sourceName: source.sourceName,
      languages: options.languages,
      maxTriples: options.maxTriples,
      sample: options.sample,
      prefixQuads: options.extra,
      blankPrefix: options.blankPrefix,
      jsonldContexts: options.jsonldContexts,
      signal: options.signal,
      onProgress: options.onProgress,
      // Small slices: this runs on the page's thread.
      chunkSize: 16 * 1024,
      sliceMs: 8,
    });
    return {
      graph: result.graph,
      quads: result.quads,
      inWorker: false,
      version: await version,
    };
  }

  #inWorker(worker: Worker, source: ReadSource, options: RunOptions): Promise<RunResult> {
    const id = this.#nextId++;
    const { signal } = options;
    return new Promise<RunResult>((resolve, reject) => {
      const finish = (): void => {
        this.#pending.delete(id);
        signal.removeEventListener("abort", onAbort);
      };
      const onAbort = (): void => {
        worker.postMessage({ type: "cancel", id });
        finish();
        reject(cancelled(source.sourceName));
      };
      signal.addEventListener("abort", onAbort);
      // The graph is built on the page as its batches arrive, in short slices.
      const building = new SlicedImport(signal);
      const terms: PlainTerm[] = [];
      this.#pending.set(id, (message) => {
        switch (message.type) {
          case "progress":
            options.onProgress(message.progress);
            return;
          case "nodes":
            building.nodes(message.nodes);
            return;
          case "edges":
            building.edges(message.edges);
            return;
          case "terms":
            for (const term of message.terms) terms.push(term);
            return;
        }
        finish();
        if (message.type === "error") {
          reject(deserializeError(message.error));
          return;
        }
        void (async () => {
          building.attributes(message.graph);
          if (message.graph.nodes?.length) building.nodes(message.graph.nodes);
          if (message.graph.edges?.length) building.edges(message.graph.edges);
          const graph = await building.finished();
          let quads: Quads = [];
          if (message.quads) {
            for (const term of message.quads.terms) terms.push(term);
            // Kept as posted: a term table and indices (see QuadStore), nothing to decode.
            quads = new QuadStore(terms as RdfTerm[], message.quads.indices);
          }
          // End the task here: what the page does next runs in tasks of its own.
          await macrotask();
          if (signal.aborted) throw cancelled(source.sourceName);
          // A worker without the version (an older one) leaves it unknown: "".
          return { graph, quads, inWorker: true, version: message.version ?? "" };
        })().then(resolve, reject);
      });
      const request: LoadRequest = {
        type: "load",
        id,
        format: source.format,
        baseIRI: source.baseIRI,
        sourceName: source.sourceName,
        languages: options.languages,
        maxTriples: options.maxTriples,
        sample: options.sample,
        blankPrefix: options.blankPrefix,
        ...(options.jsonldContexts ? { jsonldContexts: plainPolicy(options.jsonldContexts) } : {}),
        batch: RESULT_BATCH,
        version: true,
        ...(options.extra?.length ? { extraQuads: encodeQuads(options.extra) } : {}),
        ...(typeof source.input === "string" ? { text: source.input } : { buffer: source.input }),
      };
      const transfer: Transferable[] = [];
      if (request.buffer instanceof ArrayBuffer) transfer.push(request.buffer);
      if (request.extraQuads) transfer.push(request.extraQuads.indices.buffer as ArrayBuffer);
      worker.postMessage(request, transfer);
    });
  }

  destroy(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#pending.clear();
    this.#state = "unknown";
  }
}

/** A policy as plain, cloneable data (settings are frozen; the allow-list is copied). */
function plainPolicy(policy: JsonLdContextPolicy): JsonLdContextPolicy {
  const { maxCount, maxBytes, timeoutMs } = policy;
  return { allow: [...policy.allow], maxCount, maxBytes, timeoutMs };
}

/** The longest run of body reads between two macrotasks (see readUrl). */
const READ_SLICE_MS = 8;

/** Items per message of a worker's streamed result (see LoadRequest.batch). */
export const RESULT_BATCH = 500;

type SerializedNodes = NonNullable<SerializedOrgraph["nodes"]>;
type SerializedEdges = NonNullable<SerializedOrgraph["edges"]>;

/**
 * A graph built apart on the page from batches of its serialized nodes and edges (nodes first),
 * as they arrive, in slices of at most `sliceMs`: between slices the page handles its events.
 */
export class SlicedImport {
  readonly graph: OrgraphGraph = new MultiDirectedGraph<
    NodeAttributes,
    EdgeAttributes,
    GraphAttributes
  >();
  #queue: ({ nodes: SerializedNodes } | { edges: SerializedEdges })[] = [];
  #running: Promise<void> | null = null;
  #error: unknown = null;
  #start = 0;

  constructor(
    private readonly signal?: AbortSignal,
    private readonly sliceMs = 8,
  ) {}

  attributes(serialized: SerializedOrgraph): void {
    if (serialized.attributes)
      this.graph.replaceAttributes(serialized.attributes as GraphAttributes);
  }

  nodes(nodes: SerializedNodes): void {
    this.#queue.push({ nodes });
    this.#kick();
  }

  edges(edges: SerializedEdges): void {
    this.#queue.push({ edges });
    this.#kick();
  }

  /** The graph once every batch given so far is in; rejects on a cancel or a bad batch. */
  async finished(): Promise<OrgraphGraph> {
    while (this.#running) await this.#running;
    if (this.#error !== null) throw this.#error;
    return this.graph;
  }

  #kick(): void {
    if (this.#running || this.#error !== null) return;
    this.#running = this.#drain()
      .catch((error: unknown) => {
        this.#error = error;
        this.#queue = [];
      })
      .finally(() => {
        this.#running = null;
      });
  }

  async #pause(): Promise<void> {
    await macrotask();
    if (this.signal?.aborted) throw new OrgraphError("cancelled", "Loading was cancelled.");
    this.#start = performance.now();
  }

  async #drain(): Promise<void> {
    // Started from a message handler: the first slice shares its task, so start short.
    this.#start = performance.now();
    const graph = this.graph;
    for (let batch = this.#queue.shift(); batch; batch = this.#queue.shift()) {
      if ("nodes" in batch) {
        const nodes = batch.nodes;
        for (let i = 0; i < nodes.length; i++) {
          const node = nodes[i]!;
          graph.addNode(node.key, node.attributes as NodeAttributes);
          if ((i & 31) === 31 && performance.now() - this.#start > this.sliceMs)
            await this.#pause();
        }
      } else {
        const edges = batch.edges;
        for (let i = 0; i < edges.length; i++) {
          const edge = edges[i]!;
          const attributes = edge.attributes as EdgeAttributes;
          if (edge.key !== undefined) {
            graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
          } else graph.addDirectedEdge(edge.source, edge.target, attributes);
          if ((i & 31) === 31 && performance.now() - this.#start > this.sliceMs)
            await this.#pause();
        }
      }
      if (performance.now() - this.#start > this.sliceMs) await this.#pause();
    }
  }
}

/** `decodeQuads` in time slices. */
export async function decodeQuadsSliced(
  encoded: EncodedQuads,
  signal?: AbortSignal,
  sliceMs = 8,
): Promise<RdfQuad[]> {
  const { terms, indices } = encoded;
  const out: RdfQuad[] = new Array(indices.length / 4);
  let start = performance.now();
  for (let i = 0, q = 0; i < indices.length; i += 4, q++) {
    out[q] = {
      subject: terms[indices[i]!]!,
      predicate: terms[indices[i + 1]!]!,
      object: terms[indices[i + 2]!]!,
      graph: terms[indices[i + 3]!]!,
    } as RdfQuad;
    if ((q & 1023) === 1023 && performance.now() - start > sliceMs) {
      await macrotask();
      if (signal?.aborted) throw new OrgraphError("cancelled", "Loading was cancelled.");
      start = performance.now();
    }
  }
  return out;
}

/** A graph from its serialized export, built in time slices (the page stays responsive). */
export async function importSliced(
  serialized: SerializedOrgraph,
  signal?: AbortSignal,
  sliceMs = 8,
): Promise<OrgraphGraph> {
  const graph: OrgraphGraph = new MultiDirectedGraph<
    NodeAttributes,
    EdgeAttributes,
    GraphAttributes
  >();
  if (serialized.attributes) graph.replaceAttributes(serialized.attributes as GraphAttributes);
  let start = performance.now();
  const pause = async (): Promise<void> => {
    if (performance.now() - start < sliceMs) return;
    await macrotask();
    if (signal?.aborted) throw new OrgraphError("cancelled", "Loading was cancelled.");
    start = performance.now();
  };
  const nodes = serialized.nodes ?? [];
  for (let i = 0; i < nodes.length; i++) {
    const node = nodes[i]!;
    graph.addNode(node.key, node.attributes as NodeAttributes);
    if ((i & 255) === 255) await pause();
  }
  const edges = serialized.edges ?? [];
  for (let i = 0; i < edges.length; i++) {
    const edge = edges[i]!;
    const attributes = edge.attributes as EdgeAttributes;
    if (edge.key !== undefined) {
      graph.addDirectedEdgeWithKey(edge.key, edge.source, edge.target, attributes);
    } else graph.addDirectedEdge(edge.source, edge.target, attributes);
    if ((i & 255) === 255) await pause();
  }
  return graph;
}

/**
 * `NodeAttributes.factOrigins` of node `key`: per fact, the loaded sources that give it; none
 * when every fact comes from the node's own `origin` (the filter by node then says it all).
 */
function factOriginsOf(
  key: string,
  properties: NodeAttributes["properties"],
  origin: readonly string[],
  facts: ReadonlyMap<string, ReadonlySet<string>>,
): NodeAttributes["factOrigins"] {
  const out: Record<string, string[][]> = {};
  const shared = new Map<string, string[]>();
  let differs = false;
  for (const [p, values] of Object.entries(properties)) {
    out[p] = values.map((v) => {
      const set = facts.get([key, p, literalKey(v)].join("\u0000"));
      const list = set ? [...set] : [];
      if (list.length !== origin.length || list.some((name, i) => name !== origin[i])) {
        differs = true;
      }
      const listKey = list.join("\u0000");
      let known = shared.get(listKey);
      if (!known) shared.set(listKey, (known = list));
      return known;
    });
  }
  return differs ? out : undefined;
}

function nodeKeyOf(term: RdfTerm): string | null {
  if (term.termType === "NamedNode") return term.value;
  if (term.termType === "BlankNode") return `_:${term.value}`;
  return null;
}

/**
 * Marks each node and edge with the loaded sources its triples come from (`origin`), for the
 * filter by source. `ranges`: each source's name and its quads' [start, end) in `quads`. Items
 * no triple names directly (e.g. an edge folded from an n-ary node) take their subject's.
 */
export async function attributeSources(
  graph: OrgraphGraph,
  quads: Quads,
  ranges: readonly { name: string; start: number; end: number }[],
): Promise<void> {
  const origin = new Map<string, Set<string>>();
  // Literal facts: subject, canonical predicate, literal key -> the sources that give it.
  const facts = new Map<string, Set<string>>();
  const add = (key: string, name: string): void => {
    let set = origin.get(key);
    if (!set) origin.set(key, (set = new Set()));
    set.add(name);
  };
  let start = performance.now();
  for (const range of ranges) {
    for (let i = range.start; i < range.end; i++) {
      const q = quadAt(quads, i);
      const s = nodeKeyOf(q.subject);
      const o = nodeKeyOf(q.object);
      if (s !== null) add(s, range.name);
      if (o !== null) add(o, range.name);
      if (s !== null && o !== null) add(`e\u0000${edgeKey(s, q.predicate.value, o)}`, range.name);
      else if (s !== null && q.object.termType === "Literal") {
        const p = canonicalIri(q.predicate.value);
        const fact = [s, p, literalKey(literalValue(q.object))].join("\u0000");
        let set = facts.get(fact);
        if (!set) facts.set(fact, (set = new Set()));
        set.add(range.name);
      }
      if ((i & 1023) === 1023 && performance.now() - start > 8) {
        await macrotask();
        start = performance.now();
      }
    }
  }
  graph.forEachNode((key, attributes) => {
    const set = origin.get(key);
    const list = set ? [...set] : [];
    graph.setNodeAttribute(key, "origin", list);
    const byFact = factOriginsOf(key, attributes.properties, list, facts);
    if (byFact) graph.setNodeAttribute(key, "factOrigins", byFact);
    else if (attributes.factOrigins) graph.removeNodeAttribute(key, "factOrigins");
  });
  graph.forEachEdge((key, _attributes, source) => {
    const set = origin.get(`e\u0000${key}`) ?? origin.get(source);
    graph.setEdgeAttribute(key, "origin", set ? [...set] : []);
  });
}
