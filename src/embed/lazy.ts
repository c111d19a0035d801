/**
 * Parts of the explorer that load on demand (their own chunk in the app build; their own file
 * next to the bundle in the library build, see vite.lib.config.ts). A `LazyModule` hands out the
 * module once it is loaded and starts the load on first asking, so that synchronous code can
 * show what it can now and redraw when the module arrives.
 */
export class LazyModule<M> {
  #module: M | null = null;
  #loading: Promise<M> | null = null;

  constructor(private readonly importer: () => Promise<M>) {}

  /** The module, or null while it is not loaded yet (then the load starts). */
  get(onLoad?: () => void): M | null {
    if (this.#module) return this.#module;
    void this.load().then(
      () => onLoad?.(),
      () => undefined,
    );
    return null;
  }

  /** Loads the module (once; a failed load is tried again on the next call). */
  load(): Promise<M> {
    this.#loading ??= this.importer().then(
      (module) => (this.#module = module),
      (error: unknown) => {
        this.#loading = null;
        console.error("Orgraph: a part of the explorer could not load", error);
        throw error;
      },
    );
    return this.#loading;
  }
}

/** Communities (Louvain) and centralities (betweenness, PageRank). */
export const metricsModule = new LazyModule(() => import("../core/graph/metrics"));

/** The search index (MiniSearch). */
export const searchModule = new LazyModule(() => import("../core/graph/search"));

/** "Who said what": statements, claims, source texts and their spans (built at each load). */
export const statementsModule = new LazyModule(() => import("./who-said-what"));

/** Load errors in French (the English text is the error's own message). */
export const loadErrorsModule = new LazyModule(() => import("../ui/load-errors"));

/** The panels that show once a graph is loaded (see panels.ts); loaded with the statements model. */
export const panelsModule = new LazyModule(() => import("./panels"));

/** A SPARQL endpoint as the source (endpoint-source.ts, its runner and the graph builder). */
export const endpointModule = new LazyModule(() => import("./endpoint-source"));

/** The RDF-to-graph builder, for the n-ary toggles (a load builds its graph in the worker). */
export const buildModule = new LazyModule(() => import("../core/model/rdf-to-graph"));
