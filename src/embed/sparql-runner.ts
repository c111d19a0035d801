/**
 * Runs the endpoint requests of the explorer (issue 7) off the page: in the Vite-bundled SPARQL
 * worker (src/core/sparql/worker.ts), which fetches, parses the CONSTRUCT answers and posts the
 * quads back in the compact encoding of the load worker. Each request has an id; aborting its
 * signal posts a cancel (the worker aborts its fetch) and rejects at once with OrgraphError
 * "cancelled". Errors come back as data and are rebuilt as the typed error (a
 * SparqlEndpointError keeps its reason). Where no worker can run (no Worker, a CSP without
 * worker-src, a worker script that fails to load: the first request pings it), or when the page
 * gives its own fetch, the same code (`runSparqlOp`) runs on the page.
 */
import { OrgraphError } from "../core/errors";
import { startWorker } from "./worker-start";
import type {
  SparqlClient,
  SparqlLimits,
  SparqlOp,
  SparqlOpResult,
  SparqlWorkerRequest,
  SparqlWorkerResponse,
} from "../core/sparql";

type SparqlModule = typeof import("../core/sparql");

type WorkerState = "unknown" | "ok" | "unavailable";

/** How long a new worker may take to answer its ping before the page runs the requests. */
const PING_TIMEOUT_MS = 10_000;

const cancelled = (): OrgraphError => new OrgraphError("cancelled", "The request was cancelled.");

export class SparqlRunner {
  /** false: never use the worker (the requests run on the page). */
  useWorker = true;
  /** Whether the last request ran in the worker. */
  lastInWorker = false;

  #worker: Worker | null = null;
  #state: WorkerState = "unknown";
  #starting: Promise<Worker | null> | null = null;
  #nextId = 1;
  #pending = new Map<number, (message: SparqlWorkerResponse) => void>();

  constructor(private readonly module: () => Promise<SparqlModule>) {}

  /**
   * Runs `params` against `client`'s endpoint with `limits`: in the worker, or with `client` on
   * the page (`inPage`: always, e.g. when the client has a fetch of its own).
   */
  async run(
    client: SparqlClient,
    limits: SparqlLimits,
    params: SparqlOp,
    signal: AbortSignal,
    options: { inPage?: boolean } = {},
  ): Promise<SparqlOpResult> {
    const sparql = await this.module();
    if (signal.aborted) throw cancelled();
    const worker = options.inPage ? null : await this.#create();
    if (signal.aborted) throw cancelled();
    this.lastInWorker = worker !== null;
    if (!worker) return sparql.runSparqlOp(client, params, signal);
    return this.#inWorker(worker, sparql, client, limits, params, signal);
  }

  #create(): Promise<Worker | null> {
    if (this.#state === "unavailable" || !this.useWorker) return Promise.resolve(null);
    if (this.#worker && this.#state === "ok") return Promise.resolve(this.#worker);
    this.#starting ??= this.#start().finally(() => (this.#starting = null));
    return this.#starting;
  }

  async #start(): Promise<Worker | null> {
    const id = this.#nextId++;
    const worker = await startWorker<SparqlWorkerResponse>({
      // A CSP without worker-src 'self' (or a sandbox) throws here or never answers the ping.
      create: () =>
        new Worker(new URL("../core/sparql/worker.ts", import.meta.url), { type: "module" }),
      pending: this.#pending,
      id,
      ping: { type: "ping", id } satisfies SparqlWorkerRequest,
      answered: (message) => message.type === "pong",
      timeoutMs: PING_TIMEOUT_MS,
      // A crash fails the requests waiting on it; the next request starts a new worker.
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
          message: "The request failed: the SPARQL worker stopped.",
        },
      }),
    });
    this.#worker = worker;
    this.#state = worker ? "ok" : "unavailable";
    return worker;
  }

  #inWorker(
    worker: Worker,
    sparql: SparqlModule,
    client: SparqlClient,
    limits: SparqlLimits,
    params: SparqlOp,
    signal: AbortSignal,
  ): Promise<SparqlOpResult> {
    const id = this.#nextId++;
    return new Promise<SparqlOpResult>((resolve, reject) => {
      const finish = (): void => {
        this.#pending.delete(id);
        signal.removeEventListener("abort", onAbort);
      };
      const onAbort = (): void => {
        worker.postMessage({ type: "cancel", id } satisfies SparqlWorkerRequest);
        finish();
        reject(cancelled());
      };
      signal.addEventListener("abort", onAbort);
      this.#pending.set(id, (message) => {
        if (message.type === "pong") return;
        finish();
        if (message.type === "result") resolve(sparql.decodeSparqlResult(message.result));
        else if (message.type === "error") reject(sparql.deserializeSparqlError(message.error));
        else reject(cancelled());
      });
      const request: SparqlWorkerRequest = {
        type: "request",
        id,
        endpoint: client.endpoint,
        limits: { timeoutMs: limits.timeoutMs, maxRows: limits.maxRows },
        params,
        ...(client.defaultGraph !== undefined ? { defaultGraph: client.defaultGraph } : {}),
      };
      worker.postMessage(request);
    });
  }

  destroy(): void {
    this.#worker?.terminate();
    this.#worker = null;
    this.#pending.clear();
    this.#state = "unknown";
  }
}
