/**
 * The explorer's endpoint source (issue 7): exploring a SPARQL 1.1 endpoint step by step.
 *
 * The view state says what is explored: `endpoint` and `endpointGraph` (the endpoint and its
 * default graph), `endpointQuery` (the CONSTRUCT / DESCRIBE query it started from, if any),
 * `opened` (IRIs opened with their neighbourhood) and `expanded` (relations loaded with
 * "expand"). This controller makes the graph on screen match it: each step is
 * fetched once (`fetchNeighbourhood`, `expand` from src/core/sparql), its quads kept by step,
 * and the graph rebuilt from the union of the steps the state names, through `rdfToGraph`
 * (the mapping of files). So a reload, or back and forward, re-fetches (or reuses) the same
 * steps and shows the same view. User actions (open a search result, expand a relation) fetch
 * first and only then write the state: a failure leaves the graph and the URL as they were.
 *
 * The requests run in the SPARQL worker (sparql-runner.ts: fetching and parsing off the page;
 * on the page where no worker can run, or when `fetch` is given). Every request has its own
 * AbortController (`cancel()` aborts them all, in the worker too; a new search aborts the
 * previous one) and the client's time and row limits (`settings`). Failures go to the host
 * (the element's banner) with their cause; a cancel is silent. A step that failed is not
 * retried until the endpoint changes or the user asks for it again.
 *
 * Positions: the first graph is laid out in full; later merges keep the positions of the nodes
 * already shown (and the camera), and place new nodes on a ring around the node they were
 * fetched from, or next to their placed neighbours.
 *
 * The SPARQL code (src/core/sparql) loads on demand, on the first endpoint (its own chunk).
 */
import { OrgraphError } from "../core/errors";
import { rdfToGraph } from "../core/model/rdf-to-graph";
import type { OrgraphGraph } from "../core/model/types";
import { NS } from "../core/model/vocab";
import type { RdfQuad } from "../core/rdf/terms";
import type {
  ConnectionCount,
  SearchHit,
  SparqlClient,
  SparqlClientOptions,
  SparqlFetch,
  SparqlOp,
  SparqlOpResult,
} from "../core/sparql";
import { LazyModule } from "./lazy";
import { DEFAULT_ENDPOINT_SETTINGS, type EndpointSettings } from "./endpoint-state";
import { SparqlRunner } from "./sparql-runner";
import {
  addExpanded,
  addOpened,
  isStartQuery,
  setEndpoint,
  type EndpointExpansion,
  type ViewState,
} from "../core/state/view-state";

export {
  DEFAULT_ENDPOINT_SETTINGS,
  endpointChanged,
  type EndpointSettings,
} from "./endpoint-state";

/** The SPARQL client and queries (src/core/sparql), loaded on demand. */
export const sparqlModule = new LazyModule(() => import("../core/sparql"));

function newClient(options: SparqlClientOptions): SparqlClient {
  const sparql = sparqlModule.get();
  if (!sparql) throw new OrgraphError("unsupported", "The SPARQL module is not loaded yet.");
  return sparql.createSparqlClient(options);
}

/** What `load({ endpoint })` takes. */
export interface EndpointLoadInput {
  /** The SPARQL endpoint URL (http or https). */
  endpoint: string;
  /** The default graph (the protocol's `default-graph-uri`). */
  defaultGraph?: string;
  /** An IRI to open, or a CONSTRUCT / DESCRIBE query whose answer starts the graph. */
  start?: string;
  /** Overrides of the request limits. */
  settings?: Partial<EndpointSettings>;
}

export interface EndpointHost {
  state(): ViewState;
  /** Applies a full new view state (one history step). */
  setState(state: ViewState): void;
  graph(): OrgraphGraph | null;
  /** Label languages, most preferred first. */
  languages(): string[];
  /** Swaps in a graph built from `quads`; `layout`: lay it out in full first. */
  show(graph: OrgraphGraph, quads: readonly RdfQuad[], options: { layout: boolean }): Promise<void>;
  /** A request failed (not a cancel): show it, leave the graph. */
  fail(error: unknown): void;
  /** Requests are in flight (true) or done (false). */
  busy(busy: boolean): void;
  /** Something the endpoint UI shows changed. */
  changed(): void;
  /** Flies the camera to a node. */
  focus(key: string): void;
}

type Step =
  | { kind: "open"; key: string; iri: string }
  | { kind: "expand"; key: string; expansion: EndpointExpansion }
  | { kind: "query"; key: string; query: string };

const openStep = (iri: string): Step => ({ kind: "open", key: `open ${iri}`, iri });
const expandStep = (e: EndpointExpansion): Step => ({
  kind: "expand",
  key: `exp ${e.direction} ${e.predicate} ${e.node}`,
  expansion: e,
});

/** A SPARQL query rather than an IRI (for `start`; the view state's test). */
export const isQueryText = isStartQuery;

export function isCancel(error: unknown): boolean {
  return (
    (error instanceof OrgraphError && error.code === "cancelled") ||
    (error instanceof DOMException && error.name === "AbortError")
  );
}

/**
 * Copies positions of the nodes `prev` shares with `next`, and places the others: on a ring
 * around `anchor` when linked to it, else next to their placed neighbours, else around the
 * anchor (or the middle). Deterministic (key order).
 */
export function placeNewNodes(prev: OrgraphGraph, next: OrgraphGraph, anchor: string | null): void {
  const placed = new Set<string>();
  next.forEachNode((key) => {
    if (prev.hasNode(key)) {
      const { x, y } = prev.getNodeAttributes(key);
      next.mergeNodeAttributes(key, { x, y });
      placed.add(key);
    }
  });
  // A typical edge length of what is shown, for the ring's radius.
  const lengths: number[] = [];
  prev.forEachEdge((_e, _a, s, t, sa, ta) => {
    const d = Math.hypot(sa.x - ta.x, sa.y - ta.y);
    if (Number.isFinite(d) && d > 0) lengths.push(d);
  });
  lengths.sort((a, b) => a - b);
  const radius = lengths.length > 0 ? lengths[Math.floor(lengths.length / 2)]! : 10;
  let cx = 0;
  let cy = 0;
  if (placed.size > 0) {
    for (const key of placed) {
      cx += next.getNodeAttribute(key, "x");
      cy += next.getNodeAttribute(key, "y");
    }
    cx /= placed.size;
    cy /= placed.size;
  }
  const centre =
    anchor !== null && next.hasNode(anchor) && placed.has(anchor)
      ? { x: next.getNodeAttribute(anchor, "x"), y: next.getNodeAttribute(anchor, "y") }
      : { x: cx, y: cy };
  const fresh = next.nodes().filter((k) => !placed.has(k));
  const ring = (keys: string[], at: { x: number; y: number }, r: number): void => {
    keys.forEach((key, i) => {
      const angle = (2 * Math.PI * i) / Math.max(1, keys.length) + 0.3;
      next.mergeNodeAttributes(key, {
        x: at.x + r * Math.cos(angle),
        y: at.y + r * Math.sin(angle),
      });
      placed.add(key);
    });
  };
  if (anchor !== null && next.hasNode(anchor)) {
    ring(
      fresh.filter((k) => k !== anchor && next.areNeighbors(anchor, k)),
      centre,
      radius,
    );
  }
  // Then, rounds outwards: next to the placed neighbours.
  for (let round = 0; round < 4; round++) {
    let moved = false;
    for (const key of fresh) {
      if (placed.has(key)) continue;
      let x = 0;
      let y = 0;
      let n = 0;
      next.forEachNeighbor(key, (other) => {
        if (!placed.has(other) || fresh.includes(other)) return;
        x += next.getNodeAttribute(other, "x");
        y += next.getNodeAttribute(other, "y");
        n++;
      });
      if (n === 0) continue;
      let h = 0;
      for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
      const angle = ((h >>> 0) % 360) * (Math.PI / 180);
      next.mergeNodeAttributes(key, {
        x: x / n + (radius / 2) * Math.cos(angle),
        y: y / n + (radius / 2) * Math.sin(angle),
      });
      placed.add(key);
      moved = true;
    }
    if (!moved) break;
  }
  ring(
    fresh.filter((k) => !placed.has(k)),
    centre,
    radius * 1.5,
  );
}

export class EndpointSource {
  settings: EndpointSettings = { ...DEFAULT_ENDPOINT_SETTINGS };
  /** The fetch the client uses (tests may replace it; the requests then run on the page). */
  fetch: SparqlFetch | undefined;
  /** Runs the requests in the SPARQL worker, or on the page. */
  readonly runner = new SparqlRunner(() => sparqlModule.load());

  #context: string | null = null;
  #client: SparqlClient | null = null;
  #results = new Map<string, readonly RdfQuad[]>();
  #failed = new Set<string>();
  #shown: string | null = null;
  #controllers = new Set<AbortController>();
  #loop: Promise<void> | null = null;
  #dirty = false;
  #anchor: string | null = null;
  #inFlight = 0;

  /** Search: the text asked, its hits, whether it runs. */
  searchText = "";
  hits: SearchHit[] = [];
  searching = false;
  #searchController: AbortController | null = null;
  #searchTimer: ReturnType<typeof setTimeout> | null = null;
  #searchSeq = 0;

  /** Connection counts by IRI ("loading" while asked). */
  #counts = new Map<string, readonly ConnectionCount[] | "loading">();
  /** Step keys being fetched by a user action. */
  readonly pending = new Set<string>();

  constructor(private readonly host: EndpointHost) {}

  /** Changes the request limits; a client in use is remade with them (what was fetched stays). */
  configure(settings: Partial<EndpointSettings>): void {
    this.settings = { ...this.settings, ...settings };
    const client = this.#client;
    if (client) {
      this.#client = newClient({
        endpoint: client.endpoint,
        defaultGraph: client.defaultGraph,
        timeoutMs: this.settings.timeoutMs,
        maxRows: this.settings.maxRows,
        fetch: this.fetch,
      });
    }
  }

  /** Whether an endpoint is the source of the graph shown. */
  get active(): boolean {
    return this.#context !== null;
  }

  get endpoint(): string | null {
    return this.#client?.endpoint ?? null;
  }

  /** The view state changed: make the graph match it. Resolves when it does (or failed). */
  sync(): Promise<void> {
    this.#dirty = true;
    if (!this.#loop) {
      this.#loop = (async () => {
        try {
          while (this.#dirty) {
            this.#dirty = false;
            await this.#reconcile();
          }
        } finally {
          this.#loop = null;
        }
      })();
    }
    return this.#loop;
  }

  /** Starts exploring an endpoint (the element's `load({ endpoint })`). */
  async load(input: EndpointLoadInput): Promise<void> {
    await sparqlModule.load();
    if (input.settings) this.configure(input.settings);
    const start = input.start?.trim() || undefined;
    const query = start !== undefined && isQueryText(start) ? start : null;
    // Check the URL before anything changes (OrgraphError "invalid" otherwise).
    newClient({ endpoint: input.endpoint, fetch: async () => Promise.reject() });
    let state = setEndpoint(this.host.state(), input.endpoint, input.defaultGraph ?? null);
    const sameContext = state === this.host.state();
    // The start query is part of the view state (the URL's `start`): a reload runs it again.
    if (sameContext) state = { ...state, opened: [], expanded: [], endpointQuery: query };
    else state = { ...state, endpointQuery: query };
    if (sameContext) this.#reset(state);
    if (start !== undefined && query === null) state = addOpened(state, start);
    this.host.setState(state);
    await this.sync();
    while (this.#loop) await this.#loop;
  }

  /** Stops every request in flight (searches, fetches). */
  cancel(): void {
    for (const c of this.#controllers) c.abort();
    this.#controllers.clear();
    this.#searchController?.abort();
    this.#searchController = null;
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    this.#searchTimer = null;
    this.searching = false;
  }

  /** Leaves the endpoint (a document is loaded instead). */
  detach(): void {
    this.#reset(null);
  }

  // -------------------------------------------------------------------------------------------
  // Search.

  /** Asks the endpoint for `text` after the debounce; a newer call cancels an older one. */
  search(text: string, options: { immediate?: boolean } = {}): Promise<SearchHit[]> {
    this.searchText = text;
    if (this.#searchTimer !== null) clearTimeout(this.#searchTimer);
    this.#searchTimer = null;
    this.#searchController?.abort();
    this.#searchController = null;
    const seq = ++this.#searchSeq;
    if (text.trim() === "" || !this.#client) {
      this.hits = [];
      this.searching = false;
      this.host.changed();
      return Promise.resolve([]);
    }
    this.searching = true;
    this.host.changed();
    return new Promise<SearchHit[]>((resolve) => {
      const go = async (): Promise<void> => {
        this.#searchTimer = null;
        const client = this.#client;
        if (!client || seq !== this.#searchSeq) return resolve([]);
        const controller = new AbortController();
        this.#searchController = controller;
        try {
          const result = await this.#run(
            client,
            {
              op: "search",
              text,
              limit: this.settings.searchLimit,
              languages: this.host.languages(),
            },
            controller.signal,
          );
          const hits = result.op === "search" ? result.hits : [];
          if (seq !== this.#searchSeq) return resolve([]);
          this.hits = hits;
          resolve(hits);
        } catch (error) {
          if (seq === this.#searchSeq) {
            this.hits = [];
            if (!isCancel(error)) this.host.fail(error);
          }
          resolve([]);
        } finally {
          if (seq === this.#searchSeq) {
            this.searching = false;
            this.#searchController = null;
            this.host.changed();
          }
        }
      };
      if (options.immediate) void go();
      else this.#searchTimer = setTimeout(() => void go(), this.settings.debounceMs);
    });
  }

  // -------------------------------------------------------------------------------------------
  // Open, connections, expand.

  /** Opens an IRI: fetches it with its neighbours and merges them; selects it. */
  async open(iri: string): Promise<boolean> {
    if (!this.#client) return false;
    const step = openStep(iri);
    if (!(await this.#fetchForAction(step))) return false;
    this.#anchor = iri;
    const s = this.host.state();
    const next = addOpened(s, iri);
    this.host.setState(next.selection === iri ? next : { ...next, selection: iri });
    await this.#settled();
    if (this.host.graph()?.hasNode(iri)) this.host.focus(iri);
    return this.host.graph()?.hasNode(iri) ?? false;
  }

  /** The connection counts of an IRI, once asked (null: not asked; "loading"). */
  countsOf(iri: string): readonly ConnectionCount[] | "loading" | null {
    return this.#counts.get(iri) ?? null;
  }

  /** Asks the endpoint how many neighbours each relation of `iri` has. */
  async loadCounts(iri: string): Promise<readonly ConnectionCount[] | null> {
    const client = this.#client;
    if (!client) return null;
    const context = this.#context;
    this.#counts.set(iri, "loading");
    this.host.changed();
    const controller = this.#controller();
    this.#setBusy(+1);
    try {
      const result = await this.#run(client, { op: "counts", iri }, controller.signal);
      const counts = result.op === "counts" ? result.counts : [];
      if (context !== this.#context) return null;
      this.#counts.set(iri, counts);
      return counts;
    } catch (error) {
      if (context === this.#context) {
        this.#counts.delete(iri);
        if (!isCancel(error)) this.host.fail(error);
      }
      return null;
    } finally {
      this.#controllers.delete(controller);
      this.#setBusy(-1);
      this.host.changed();
    }
  }

  /** Whether an expansion is part of the view already. */
  isExpanded(e: EndpointExpansion): boolean {
    return this.host
      .state()
      .expanded.some(
        (x) => x.node === e.node && x.predicate === e.predicate && x.direction === e.direction,
      );
  }

  isPending(e: EndpointExpansion): boolean {
    return this.pending.has(expandStep(e).key);
  }

  /** Loads one relation of a node (expand) and merges it. */
  async expand(e: EndpointExpansion): Promise<boolean> {
    if (!this.#client) return false;
    const expansion = { node: e.node, predicate: e.predicate, direction: e.direction };
    const step = expandStep(expansion);
    if (!(await this.#fetchForAction(step))) return false;
    this.#anchor = e.node;
    this.host.setState(addExpanded(this.host.state(), expansion));
    await this.#settled();
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Internals.

  /** One request, in the worker (or on the page), with the limits of `settings`. */
  #run(client: SparqlClient, params: SparqlOp, signal: AbortSignal): Promise<SparqlOpResult> {
    const { timeoutMs, maxRows } = this.settings;
    return this.runner.run(client, { timeoutMs, maxRows }, params, signal, {
      inPage: this.fetch !== undefined,
    });
  }

  async #settled(): Promise<void> {
    while (this.#loop) await this.#loop;
  }

  #controller(): AbortController {
    const controller = new AbortController();
    this.#controllers.add(controller);
    return controller;
  }

  #setBusy(delta: number): void {
    const before = this.#inFlight;
    this.#inFlight = Math.max(0, this.#inFlight + delta);
    if ((before === 0) !== (this.#inFlight === 0)) this.host.busy(this.#inFlight > 0);
  }

  /** Fetches a step for a user action; false (after telling the host) when it failed. */
  async #fetchForAction(step: Step): Promise<boolean> {
    if (this.#results.has(step.key)) return true;
    const context = this.#context;
    this.pending.add(step.key);
    this.host.changed();
    try {
      const quads = await this.#fetch(step);
      if (context !== this.#context) return false;
      this.#results.set(step.key, quads);
      this.#failed.delete(step.key);
      return true;
    } catch (error) {
      if (context === this.#context && !isCancel(error)) this.host.fail(error);
      return false;
    } finally {
      this.pending.delete(step.key);
      this.host.changed();
    }
  }

  async #fetch(step: Step): Promise<readonly RdfQuad[]> {
    const client = this.#client;
    if (!client) throw new OrgraphError("cancelled", "No endpoint.");
    const controller = this.#controller();
    this.#setBusy(+1);
    const graph = this.host.state().endpointGraph;
    const options = {
      limit: this.settings.neighbourLimit,
      languages: this.host.languages(),
      // The default graph copies the named graphs (as a merged "all data" graph does): a
      // triple found there is not said to come from it.
      unionGraphs: graph ? [graph] : [],
    };
    const params: SparqlOp =
      step.kind === "open"
        ? { op: "neighbourhood", iri: step.iri, ...options }
        : step.kind === "expand"
          ? {
              op: "expand",
              iri: step.expansion.node,
              predicate: step.expansion.predicate,
              direction: step.expansion.direction,
              ...options,
            }
          : { op: "construct", query: step.query };
    try {
      const result = await this.#run(client, params, controller.signal);
      return result.op === "quads" ? result.quads : [];
    } finally {
      this.#controllers.delete(controller);
      this.#setBusy(-1);
    }
  }

  #reset(state: ViewState | null): void {
    this.cancel();
    this.#results.clear();
    this.#failed.clear();
    this.#counts.clear();
    this.pending.clear();
    this.hits = [];
    this.searchText = "";
    this.#shown = null;
    this.#anchor = null;
    if (state === null || state.endpoint === null) {
      this.#context = null;
      this.#client = null;
      return;
    }
    this.#context = `${state.endpoint}\n${state.endpointGraph ?? ""}`;
    this.#client = newClient({
      endpoint: state.endpoint,
      defaultGraph: state.endpointGraph ?? undefined,
      timeoutMs: this.settings.timeoutMs,
      maxRows: this.settings.maxRows,
      fetch: this.fetch,
    });
  }

  #wanted(s: ViewState): Step[] {
    const steps: Step[] = [];
    if (s.endpointQuery !== null) {
      steps.push({ kind: "query", key: `query ${s.endpointQuery}`, query: s.endpointQuery });
    }
    for (const iri of s.opened) steps.push(openStep(iri));
    for (const e of s.expanded) steps.push(expandStep(e));
    return steps;
  }

  async #reconcile(): Promise<void> {
    if (this.host.state().endpoint === null) {
      if (this.#context !== null) this.#reset(null);
      return;
    }
    let sparql;
    try {
      sparql = await sparqlModule.load();
    } catch (error) {
      this.host.fail(error);
      return;
    }
    const s = this.host.state();
    if (s.endpoint === null) return;
    const context = `${s.endpoint}\n${s.endpointGraph ?? ""}`;
    if (context !== this.#context) {
      try {
        this.#reset(s);
      } catch (error) {
        this.#context = null;
        this.host.fail(error);
        return;
      }
    }
    const steps = this.#wanted(s);
    for (const step of steps) {
      if (this.#results.has(step.key) || this.#failed.has(step.key)) continue;
      if (this.pending.has(step.key)) continue;
      try {
        const quads = await this.#fetch(step);
        if (this.#context !== context) return;
        this.#results.set(step.key, quads);
      } catch (error) {
        if (this.#context !== context) return;
        this.#failed.add(step.key);
        if (!isCancel(error)) this.host.fail(error);
        // What could be fetched is still shown (a reload with the endpoint half down).
        break;
      }
    }
    const have = steps.filter((st) => this.#results.has(st.key));
    const key = have.map((st) => st.key).join("\n");
    if (key === this.#shown && this.host.graph() !== null) return;
    const quads = new sparql.QuadSet();
    for (const st of have) quads.add(this.#results.get(st.key)!);
    const graph = rdfToGraph(quads.quads, {
      prefixes: NS,
      languages: this.host.languages(),
      collapseMemberships: s.collapseNary,
      collapsePosts: s.collapsePosts,
      collapseStatements: s.collapseStatements,
    });
    const prev = this.#shown !== null ? this.host.graph() : null;
    const incremental = prev !== null && prev.order > 0;
    if (incremental) placeNewNodes(prev, graph, this.#anchor);
    this.#shown = key;
    await this.host.show(graph, quads.quads, { layout: !incremental });
  }
}
