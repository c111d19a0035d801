/**
 * Orgraph core: the load worker's message handler (the worker and the in-page tests run it).
 * Apart from protocol.ts, whose encoding the page also uses: the page must not pull in the
 * loader (parser and graph builder) through it.
 */
import { OrgraphError } from "../errors";
import { isRdfFormat } from "../rdf/formats";
import { loadRdfChunked, type ChunkedLoadOptions } from "./load";
import { bytesVersion, datasetVersion } from "./version";
import {
  decodeQuads,
  encodeQuads,
  serializeError,
  type WorkerRequest,
  type WorkerResponse,
} from "./protocol";

export type Post = (message: WorkerResponse, transfer?: ArrayBuffer[]) => void;

export type LoadHandlerOptions = Pick<
  ChunkedLoadOptions,
  "chunkSize" | "sliceMs" | "yieldTo" | "now"
>;

/**
 * The worker's message handler: `handle(request)` starts or cancels a load and posts the
 * responses; the promise it returns settles when the load has ended (for tests).
 */
export function createLoadHandler(
  post: Post,
  options: LoadHandlerOptions = {},
): (request: WorkerRequest) => Promise<void> {
  let running: { id: number; signal: { aborted: boolean } } | undefined;

  return async (request: WorkerRequest): Promise<void> => {
    if (request.type === "cancel") {
      if (running && (request.id === undefined || request.id === running.id)) {
        running.signal.aborted = true;
      }
      return;
    }
    if (request.type !== "load") return;
    if (running) running.signal.aborted = true;
    const current = { id: request.id, signal: { aborted: false } };
    running = current;
    const { id } = request;
    try {
      if (!isRdfFormat(request.format)) {
        throw new OrgraphError("format", `Unknown RDF format "${request.format}".`);
      }
      const input = request.buffer ?? request.text;
      if (input === undefined) {
        throw new OrgraphError("invalid", "A load request needs a text or a buffer.");
      }
      // Started before the load reads the input (Web Crypto copies the bytes when called).
      const version = request.version
        ? typeof input === "string"
          ? datasetVersion(input)
          : bytesVersion(input)
        : undefined;
      const result = await loadRdfChunked(input, {
        ...options,
        format: request.format,
        baseIRI: request.baseIRI,
        sourceName: request.sourceName,
        languages: request.languages,
        collapseMemberships: request.collapseMemberships,
        maxTriples: request.maxTriples,
        sample: request.sample,
        prefixQuads: request.extraQuads ? decodeQuads(request.extraQuads) : undefined,
        blankPrefix: request.blankPrefix,
        jsonldContexts: request.jsonldContexts,
        signal: current.signal,
        onProgress: (progress) => post({ type: "progress", id, progress }),
      });
      const quads = request.withQuads === false ? undefined : encodeQuads(result.quads);
      const graph = result.graph.export();
      const batch = request.batch !== undefined ? Math.max(1, Math.floor(request.batch)) : 0;
      if (batch > 0) {
        const nodes = graph.nodes ?? [];
        for (let i = 0; i < nodes.length; i += batch) {
          post({ type: "nodes", id, nodes: nodes.slice(i, i + batch) });
        }
        const edges = graph.edges ?? [];
        for (let i = 0; i < edges.length; i += batch) {
          post({ type: "edges", id, edges: edges.slice(i, i + batch) });
        }
        graph.nodes = [];
        graph.edges = [];
        if (quads) {
          for (let i = 0; i < quads.terms.length; i += batch) {
            post({ type: "terms", id, terms: quads.terms.slice(i, i + batch) });
          }
          quads.terms = [];
        }
      }
      post(
        {
          type: "result",
          id,
          graph,
          ...(quads ? { quads } : {}),
          triples: result.triples,
          nodes: result.nodes,
          edges: result.edges,
          ...(version ? { version: await version } : {}),
        },
        quads ? [quads.indices.buffer as ArrayBuffer] : [],
      );
    } catch (error) {
      post({ type: "error", id, error: serializeError(error) });
    } finally {
      if (running === current) running = undefined;
    }
  };
}
