/**
 * The explorer's view state and everything derived from it, for `<orgraph-explorer>`.
 *
 * `ViewState` (src/core/state) is the single source of truth for the selection, filters, search,
 * ego network, "expand", path, colour and size modes and the n-ary toggle. Every change goes
 * through `set()`, which applies it (renderer display state, selection, graph rebuild for the
 * n-ary toggle) and fires `orgraph-viewstate` (bubbles, composed, detail = the state) so that the
 * page can keep the URL. What the view shows is computed here from the data graph and the state
 * (visible subgraph, paths, communities, metrics, search index), memoised, and handed to the
 * renderer as display state: the data graph is never written.
 */
import type { Quads } from "../core/rdf/quad-store";
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from "lit";
import { html, nothing } from "lit";
import {
  categoryCounts,
  clearEgo,
  clearPath,
  clearRevealed,
  DEFAULT_VIEW_STATE,
  hiddenNeighbours,
  predicateCounts,
  resetFilters,
  revealNodes,
  setCollapsed,
  setDataLanguages,
  effectiveDataLanguages,
  DATA_LANGUAGE_AUTO,
  setColourMode,
  setEgo,
  setEgoDepth,
  setHideIsolated,
  setPath,
  setSearch,
  setSizeMode,
  SOURCE_KINDS,
  sourceCounts,
  toggleCategory,
  togglePredicate,
  toggleSource,
  toggleGraph,
  showAllGraphs,
  graphCounts,
  validateViewState,
  visibleSubgraph,
  visibleSubgraphInSlices,
  type Communities,
  type OrgraphGraph,
  type PredicateCount,
  type SearchIndex,
  type ShortestPaths,
  type ViewState,
  type VisibleSubgraph,
} from "../core";
import { legendEntries, type DisplaySubgraph, type OrgraphRenderer } from "../render";
import { timedSync } from "./timing";
import { macrotask } from "../core/load/macrotask";
import { buildModule, metricsModule, panelsModule, searchModule } from "./lazy";
import {
  activeFilterCount,
  DEFAULT_TABLE_VIEW,
  messages,
  type FilterCounts,
  type Lang,
  type TableViewState,
} from "../ui";
import type { SearchController } from "../ui/search";
import type { DataLabelChoice } from "../ui/toolbar";

/** Fired on every change of the view state; detail = the new state. */
export class OrgraphViewStateEvent extends CustomEvent<ViewState> {
  constructor(detail: ViewState) {
    super("orgraph-viewstate", { detail, bubbles: true, composed: true });
  }
}

export type DrawerName = "filters" | "path";

export interface ExplorerViewHost {
  /** The data graph shown (null before a load). */
  graph(): OrgraphGraph | null;
  renderer(): OrgraphRenderer | null;
  /** The element's selection. */
  selected(): string | null;
  /** Selects in the element (details, renderer, `orgraph-select`). */
  select(key: string | null, options: { center?: boolean }): void;
  /** Shows another data graph (the same data with n-ary nodes shown or collapsed). */
  swapGraph(graph: OrgraphGraph): void;
  /** Resets the camera. */
  resetCamera(): void;
  /** Another search box (the endpoint's, issue 7), or null for the graph search. */
  searchBox?(lang: Lang): TemplateResult | null;
  /** More tools for the selected node (the endpoint's connections menu, issue 7). */
  nodeToolsExtra?(key: string, lang: Lang): TemplateResult | typeof nothing;
}

const ORG_MEMBERSHIP = "http://www.w3.org/ns/org#Membership";
const ORG_POST = "http://www.w3.org/ns/org#Post";
const ORG_HOLDS = "http://www.w3.org/ns/org#holds";
const OG_SAID = "https://orgraph.dev/ns#said";

/** The n-ary toggles of a state, as a key: memberships, posts, statements collapsed (1) or not. */
export function naryKey(s: {
  collapseNary: boolean;
  collapsePosts: boolean;
  collapseStatements: boolean;
}): string {
  return [s.collapseNary, s.collapsePosts, s.collapseStatements].map((b) => (b ? 1 : 0)).join("");
}

/** The n-ary toggles a data graph was built with (read from what it holds). */
export function naryKeyOf(graph: OrgraphGraph): string {
  return naryKey({
    // A graph whose memberships are nodes has org:Membership nodes; a collapsed one has none.
    collapseNary: !graph.someNode((_k, a) => a.types.includes(ORG_MEMBERSHIP)),
    collapsePosts: graph.someEdge((_e, a) => a.predicate === ORG_HOLDS && a.via !== undefined),
    collapseStatements: graph.someEdge((_e, a) => a.predicate === OG_SAID),
  });
}

/** Whether a graph has n-ary items (memberships, posts, statements) that toggles can collapse. */
function hasNaryItems(graph: OrgraphGraph): boolean {
  return (
    graph.someEdge((_e, a) => a.via !== undefined) ||
    graph.someNode(
      (_k, a) =>
        a.types.includes(ORG_MEMBERSHIP) ||
        a.types.includes(ORG_POST) ||
        a.category === "statement",
    )
  );
}

/** The data-label control's value for a state's data languages. */
export function dataLabelChoice(languages: readonly string[]): DataLabelChoice {
  const first = languages[0];
  return first === "fr" || first === "en" ? first : "auto";
}

/** Nodes and edges on any of the paths (primary hop edges). */
export function pathSubgraph(result: ShortestPaths | null): DisplaySubgraph {
  const nodes = new Set<string>();
  const edges = new Set<string>();
  for (const p of result?.paths ?? []) {
    for (const n of p.nodes) nodes.add(n);
    for (const h of p.hops) edges.add(h.edge);
  }
  return { nodes, edges };
}

/**
 * Copies layout positions from `from` to `to` for the nodes they share; a node only in `to`
 * (e.g. a membership shown as a node) goes to the middle of its placed neighbours.
 */
export function carryPositions(from: OrgraphGraph, to: OrgraphGraph): void {
  const placed = new Set<string>();
  to.forEachNode((key) => {
    if (from.hasNode(key)) {
      const { x, y } = from.getNodeAttributes(key);
      to.mergeNodeAttributes(key, { x, y });
      placed.add(key);
    }
  });
  to.forEachNode((key) => {
    if (placed.has(key)) return;
    let x = 0;
    let y = 0;
    let n = 0;
    to.forEachNeighbor(key, (other) => {
      if (!placed.has(other)) return;
      x += to.getNodeAttribute(other, "x");
      y += to.getNodeAttribute(other, "y");
      n++;
    });
    if (n > 0) {
      // A small, stable offset so that two nodes between the same neighbours do not overlap.
      let h = 0;
      for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) | 0;
      const angle = ((h >>> 0) % 360) * (Math.PI / 180);
      to.mergeNodeAttributes(key, { x: x / n + Math.cos(angle), y: y / n + Math.sin(angle) });
    }
  });
}

/** One memo cell: recomputes when its key changes. */
class Memo<K, V> {
  #key: K | undefined;
  #value: V | undefined;
  #has = false;
  /** A value computed ahead (for a graph about to be shown), kept apart from the current one. */
  #primed: { key: K; value: V } | null = null;
  constructor(private readonly same: (a: K, b: K) => boolean) {}
  get(key: K, compute: () => V): V {
    if (!this.#has || !this.same(this.#key as K, key)) {
      const primed = this.#primed;
      if (primed && this.same(primed.key, key)) {
        this.#primed = null;
        this.#value = primed.value;
      } else this.#value = compute();
      this.#key = key;
      this.#has = true;
    }
    return this.#value as V;
  }
  /** Forgets the value computed ahead (a cancelled load: its graph is not kept alive). */
  unprime(): void {
    this.#primed = null;
  }
  /** Keeps `value` for `key` without dropping the current entry (read once `key` is asked). */
  prime(key: K, value: V): void {
    this.#primed = { key, value };
  }
}

const sameTuple = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

/** The view state's parts the visible set depends on, with the graph (a memo key). */
function visibleKey(graph: OrgraphGraph, s: ViewState): readonly unknown[] {
  return [
    graph,
    s.hiddenCategories,
    s.hiddenPredicates,
    s.hiddenSources,
    s.hideIsolated,
    s.ego?.key,
    s.ego?.depth,
    s.revealed,
  ];
}

type Counts = Omit<FilterCounts, "graphs">;
type CountParts = [
  ReturnType<typeof categoryCounts>,
  ReturnType<typeof categoryCounts>,
  ReturnType<typeof sourceCounts>,
  ReturnType<typeof sourceCounts>,
  PredicateCount[],
];

/** The filters panel's counts (but the named graphs') from their parts. */
function assembleCounts(
  graph: OrgraphGraph,
  [totals, shown, all, vis, predicates]: CountParts,
): Counts {
  return {
    categories: legendEntries(graph).map((e) => ({
      category: e.category,
      total: totals[e.category],
      shown: shown[e.category],
    })),
    predicates,
    sources: Object.fromEntries(
      SOURCE_KINDS.map((k) => [
        k,
        { total: all[k].nodes + all[k].edges, shown: vis[k].nodes + vis[k].edges },
      ]),
    ) as FilterCounts["sources"],
  };
}

function countsOf(graph: OrgraphGraph, visible: VisibleSubgraph): Counts {
  return assembleCounts(graph, [
    categoryCounts(graph),
    categoryCounts(graph, visible),
    sourceCounts(graph),
    sourceCounts(graph, visible),
    predicateCounts(graph, visible),
  ]);
}

/** `countsOf`, each count in a task of its own (`pause` between). */
async function countsInTasks(
  graph: OrgraphGraph,
  visible: VisibleSubgraph,
  pause: () => Promise<void>,
): Promise<Counts> {
  const totals = categoryCounts(graph);
  await pause();
  const shown = categoryCounts(graph, visible);
  await pause();
  const all = sourceCounts(graph);
  await pause();
  const vis = sourceCounts(graph, visible);
  await pause();
  const predicates = predicateCounts(graph, visible);
  await pause();
  return assembleCounts(graph, [totals, shown, all, vis, predicates]);
}

export class ExplorerView implements ReactiveController {
  #state: ViewState = DEFAULT_VIEW_STATE;
  #quads: Quads | null = null;
  /** The data graphs of the current data, by n-ary toggles (naryKey). */
  #graphs = new Map<string, OrgraphGraph>();
  #hasNary = false;
  #drawer: DrawerName | null = null;
  /** The text narrowing the filters panel's list of named graphs (not part of the view). */
  #graphQuery = "";
  #tableOpen = false;
  /** Narrow screens: the tools under the search box are shown. */
  #toolsOpen = false;
  #table: TableViewState = DEFAULT_TABLE_VIEW;
  #pendingCenter = false;

  #visible = new Memo<readonly unknown[], VisibleSubgraph>(sameTuple);
  #paths = new Memo<readonly unknown[], ShortestPaths | null>(sameTuple);
  #pathOut = new Memo<readonly unknown[], boolean>(sameTuple);
  #shown = new Memo<readonly unknown[], VisibleSubgraph>(sameTuple);
  #communities = new Memo<readonly unknown[], Communities>(sameTuple);
  #metric = new Memo<readonly unknown[], ReadonlyMap<string, number> | null>(sameTuple);
  #index = new Memo<readonly unknown[], SearchIndex>(sameTuple);
  #shownIndex = new Memo<readonly unknown[], SearchIndex>(sameTuple);
  #counts = new Memo<readonly unknown[], Omit<FilterCounts, "graphs">>(sameTuple);
  #graphCounts = new Memo<readonly unknown[], FilterCounts["graphs"]>(sameTuple);

  /** The search box's controller: made at the toolbar's first render (it loads with the panels). */
  #search: SearchController | null = null;

  constructor(
    private readonly element: ReactiveControllerHost & HTMLElement,
    private readonly host: ExplorerViewHost,
  ) {
    element.addController(this);
  }

  hostConnected(): void {}

  /** The selection the table view last scrolled to (null: none, or the table is closed). */
  #scrolledTo: string | null = null;

  /** After a render: the table view keeps the selected row in view. */
  hostUpdated(): void {
    const key = this.#state.selection;
    if (!this.#tableOpen || key === null) {
      this.#scrolledTo = null;
      return;
    }
    if (key === this.#scrolledTo) return;
    const rows = this.#root().querySelectorAll<HTMLElement>(
      ".table-pane .data-table.nodes tr[data-key]",
    );
    const row = [...rows].find((r) => r.dataset.key === key);
    if (!row) return;
    this.#scrolledTo = key;
    row.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  #root(): ParentNode {
    return this.element.shadowRoot ?? this.element;
  }

  /** Escape in a drawer closes it and gives the focus back to the toolbar button. */
  #onDrawerKey = (event: KeyboardEvent): void => {
    if (event.key !== "Escape" || this.#drawer === null) return;
    event.preventDefault();
    event.stopPropagation();
    const which = this.#drawer;
    this.drawer = null;
    void this.element.updateComplete.then(() => {
      const target =
        which === "filters"
          ? this.#root().querySelector<HTMLElement>('[data-tool="filters"]')
          : this.#root().querySelector<HTMLElement>('input[type="search"]');
      target?.focus();
    });
  };

  // -------------------------------------------------------------------------------------------
  // State.

  get state(): ViewState {
    return this.#state;
  }

  /**
   * Replaces the state (a full state, or fields to change). Throws OrgraphError("invalid") for a
   * state that is not valid; changes nothing then.
   */
  setState(next: Partial<ViewState>): void {
    this.set(validateViewState({ ...this.#state, ...next }));
  }

  /** Applies a new state (from a pure action); the same object changes nothing. */
  set(next: ViewState, options: { center?: boolean } = {}): void {
    const prev = this.#state;
    if (next === prev) return;
    this.#state = next;
    if (options.center) this.#pendingCenter = true;
    this.#apply(prev, next);
    this.element.requestUpdate();
    this.element.dispatchEvent(new OrgraphViewStateEvent(this.#state));
  }

  /** The element's selection changed (click, details link, select()). */
  noteSelection(key: string | null): void {
    if (this.#state.selection === key) return;
    this.set({ ...this.#state, selection: key });
  }

  /** A new data graph was loaded: keep what still names something in it, show the state. */
  loaded(graph: OrgraphGraph, quads: Quads | null): void {
    const prepared = this.#preparedNary?.graph === graph ? this.#preparedNary : null;
    this.#preparedNary = null;
    const naryKeyOfGraph = prepared?.key ?? naryKeyOf(graph);
    this.#quads = quads;
    this.#graphs = new Map([[naryKeyOfGraph, graph]]);
    this.#hasNary = prepared?.hasNary ?? hasNaryItems(graph);
    const s = this.#state;
    const has = (k: string | null | undefined): boolean => !!k && graph.hasNode(k);
    const next: ViewState = {
      ...s,
      selection: has(s.selection) ? s.selection : null,
      ego: s.ego && has(s.ego.key) ? s.ego : null,
      path: s.path && has(s.path.from) && has(s.path.to) ? s.path : null,
      revealed: s.revealed.filter((k) => graph.hasNode(k)),
    };
    const changed =
      next.selection !== s.selection ||
      next.ego !== s.ego ||
      next.path !== s.path ||
      next.revealed.length !== s.revealed.length;
    this.#state = changed ? next : s;
    if (naryKeyOfGraph !== naryKey(this.#state)) this.#rebuild(this.#state);
    this.sync();
    if (changed) this.element.dispatchEvent(new OrgraphViewStateEvent(this.#state));
  }

  /** Pushes the state to the renderer and the element (after a load or a new renderer). */
  sync(): void {
    const s = this.#state;
    if (s.selection !== this.host.selected()) this.host.select(s.selection, {});
    this.#pushDisplay();
  }

  #apply(prev: ViewState, next: ViewState): void {
    if (naryKey(prev) !== naryKey(next)) this.#rebuild(next);
    const graph = this.host.graph();
    if (next.selection !== this.host.selected()) {
      const key = next.selection !== null && graph?.hasNode(next.selection) ? next.selection : null;
      this.host.select(key, { center: this.#pendingCenter });
    }
    if (next.path !== null && (prev.path?.from !== next.path.from || prev.path.to !== next.path.to))
      this.#drawer = "path";
    if (next.path === null && prev.path !== null && this.#drawer === "path") this.#drawer = null;
    this.#pendingCenter = false;
    this.#pushDisplay();
  }

  /** The builder arrived: the graph shown is made to match the state's n-ary toggles. */
  #rebuildLater(): void {
    const graph = this.host.graph();
    if (!graph || !this.#quads || naryKeyOf(graph) === naryKey(this.#state)) return;
    const before = this.#state;
    this.#rebuild(before);
    this.sync();
    if (this.#state !== before) this.element.dispatchEvent(new OrgraphViewStateEvent(this.#state));
  }

  /** Shows the same data with n-ary nodes collapsed or not (built apart, then swapped). */
  #rebuild(state: ViewState): void {
    const current = this.host.graph();
    if (!current || !this.#quads) return;
    const key = naryKey(state);
    let graph = this.#graphs.get(key);
    if (!graph) {
      // The builder loads on demand (it is not in the widget's first script): once it is here,
      // the graph is built for the toggles the state then has.
      const build = buildModule.get(() => this.#rebuildLater());
      if (!build) return;
      graph = build.rdfToGraph(this.#quads, {
        prefixes: current.getAttribute("prefixes"),
        languages: current.getAttribute("languages"),
        collapseMemberships: state.collapseNary,
        collapsePosts: state.collapsePosts,
        collapseStatements: state.collapseStatements,
      });
      carryPositions(current, graph);
      this.#graphs.set(key, graph);
    }
    if (graph === current) return;
    this.host.swapGraph(graph);
    const s = this.#state;
    const has = (k: string | null | undefined): boolean => !!k && graph.hasNode(k);
    this.#state = {
      ...s,
      selection: has(s.selection) ? s.selection : null,
      ego: s.ego && has(s.ego.key) ? s.ego : null,
      path: s.path && has(s.path.from) && has(s.path.to) ? s.path : null,
      revealed: s.revealed.filter((k) => graph.hasNode(k)),
    };
  }

  // -------------------------------------------------------------------------------------------
  // Derived data.

  /** What the filters, the ego network and "expand" leave visible. */
  filtered(): VisibleSubgraph | null {
    const graph = this.host.graph();
    if (!graph) return null;
    const s = this.#state;
    return this.#visible.get(visibleKey(graph, s), () => visibleSubgraph(graph, s));
  }

  /**
   * Before a swap: what the commit would compute for `graph` under the current state (the
   * visible set, the filters' counts, the new renderer's hidden items), each in a task of its
   * own (`pause` between: it yields, and rejects to stop). The graph shown is not touched; the
   * commit finds them ready (a state changed meanwhile is computed afresh, as before).
   */
  async prepareShow(
    graph: OrgraphGraph,
    renderer: OrgraphRenderer | null,
    pause: () => Promise<void>,
  ): Promise<void> {
    // What loaded() reads of the graph's n-ary items (passes over every node or edge), each in
    // a task of its own.
    const nary = naryKeyOf(graph);
    await pause();
    this.#preparedNary = { graph, key: nary, hasNary: hasNaryItems(graph) };
    await pause();
    const s = this.#state;
    const key = visibleKey(graph, s);
    const visible = await visibleSubgraphInSlices(graph, s, pause);
    await pause();
    const counts = await countsInTasks(graph, visible, pause);
    // A path or a story emphasis adds to the visible set: only the plain filtered set is kept.
    if (s.path === null) {
      this.#counts.prime([graph, visible], counts);
      if (renderer && this.#emphasis === null) {
        await pause();
        renderer.setDisplay({ visible });
      }
    }
    this.#visible.prime(key, visible);
  }

  /** What prepareShow found of a graph's n-ary items, for loaded(). */
  #preparedNary: { graph: OrgraphGraph; key: string; hasNary: boolean } | null = null;

  /** Drops what prepareShow computed (the load was cancelled or failed). */
  forgetPrepared(): void {
    this.#preparedNary = null;
    this.#visible.unprime();
    this.#counts.unprime();
  }

  /**
   * The shortest paths of the state's path within what the filters leave visible (filtered
   * items are out of the picture, so paths do not run through them), or null.
   */
  paths(): ShortestPaths | null {
    const graph = this.host.graph();
    const p = this.#state.path;
    const within = this.filtered() ?? undefined;
    // Path finding loads with the panels, before a load shows its graph (panels.ts).
    const panels = graph && p ? this.#panels() : null;
    return this.#paths.get([graph, within, p?.from, p?.to, panels], () =>
      panels && graph && p && graph.hasNode(p.from) && graph.hasNode(p.to)
        ? panels.shortestPaths(graph, p.from, p.to, { within })
        : null,
    );
  }

  /** True when the path's ends are connected in the whole graph but not in the filtered view. */
  pathFilteredOut(): boolean {
    const graph = this.host.graph();
    const p = this.#state.path;
    const result = this.paths();
    const panels = this.#panels();
    if (!graph || !p || !result || result.distance >= 0 || !panels) return false;
    return this.#pathOut.get(
      [graph, p.from, p.to],
      () => panels.shortestPaths(graph, p.from, p.to, { maxPaths: 1 }).distance >= 0,
    );
  }

  /** What the view shows: the filtered subgraph plus the highlighted paths. */
  visible(): VisibleSubgraph | null {
    const filtered = this.filtered();
    if (!filtered) return null;
    const paths = this.paths();
    return this.#shown.get([filtered, paths], () => {
      if (!paths || paths.paths.length === 0) return filtered;
      const extra = pathSubgraph(paths);
      return {
        nodes: new Set([...filtered.nodes, ...extra.nodes]),
        edges: new Set([...filtered.edges, ...extra.edges]),
      };
    });
  }

  communities(): Communities | null {
    const graph = this.host.graph();
    if (!graph) return null;
    const seed = this.#state.seed;
    const metrics = this.#metrics();
    if (!metrics) return null;
    return this.#communities.get([graph, seed], () => metrics.louvainCommunities(graph, { seed }));
  }

  metric(): ReadonlyMap<string, number> | null {
    const graph = this.host.graph();
    const mode = this.#state.sizeMode;
    const metrics = graph && mode !== "degree" ? this.#metrics() : null;
    return this.#metric.get([graph, mode, metrics], () =>
      graph && metrics && mode !== "degree" ? metrics.metricMap(graph, mode) : null,
    );
  }

  /**
   * The panels module (panels.ts: the renderings and path finding that show with a graph), or
   * null until it has loaded (it loads before a load shows its graph); then the view redraws.
   */
  #panels(): typeof import("./panels") | null {
    return panelsModule.get(() => {
      this.#pushDisplay();
      this.element.requestUpdate();
    });
  }

  /** The metrics module (its own chunk), or null until it has loaded; then the view redraws. */
  #metrics(): typeof import("../core/graph/metrics") | null {
    return metricsModule.get(() => {
      this.#pushDisplay();
      this.element.requestUpdate();
    });
  }

  searchIndex(): SearchIndex | null {
    const graph = this.host.graph();
    if (!graph) return null;
    // The search module (MiniSearch) loads on first asking, i.e. at the first render of a graph.
    const search = searchModule.get(() => this.element.requestUpdate());
    if (!search) return null;
    return this.#index.get([graph], () => {
      const prepared = this.#preparedIndex;
      if (prepared?.graph === graph) {
        this.#preparedIndex = null;
        return prepared.index;
      }
      return timedSync("search-index", () =>
        search.createSearchIndex(graph, { languages: graph.getAttribute("languages") }),
      );
    });
  }

  /**
   * The search index as the filter by source shows facts: a fact only hidden named graphs or
   * loaded sources give finds nothing (a new instance when those change: the search reruns).
   */
  shownSearchIndex(): SearchIndex | null {
    const index = this.searchIndex();
    const hidden = this.#state.hiddenSources.filter(
      (k) => k.startsWith("graph:") || k.startsWith("source:"),
    );
    if (!index || hidden.length === 0) return index;
    return this.#shownIndex.get([index, ...hidden], () => ({
      size: index.size,
      search: (query, options = {}) => index.search(query, { ...options, hiddenSources: hidden }),
    }));
  }

  /** A search index built before its graph is shown (see prepareSearchIndex). */
  #preparedIndex: { graph: OrgraphGraph; index: SearchIndex } | null = null;

  /**
   * Builds the search index of a graph about to be shown, in time slices (the page stays
   * responsive); the first render of that graph then finds it ready. Rejects (OrgraphError
   * "cancelled") once `signal` is aborted.
   */
  async prepareSearchIndex(graph: OrgraphGraph, signal: AbortSignal): Promise<void> {
    const search = await searchModule.load();
    const index = await search.createSearchIndexSliced(graph, {
      languages: graph.getAttribute("languages"),
      signal,
      yieldTo: macrotask,
    });
    this.#preparedIndex = { graph, index };
  }

  filterCounts(): Omit<FilterCounts, "graphs"> | null {
    const graph = this.host.graph();
    const visible = this.visible();
    if (!graph || !visible) return null;
    return this.#counts.get([graph, visible], () => countsOf(graph, visible));
  }

  #pushDisplay(): void {
    const renderer = this.host.renderer();
    if (!renderer || renderer.graph !== this.host.graph()) return;
    const s = this.#state;
    const visible = this.visible();
    const shortest = pathSubgraph(this.paths());
    // The story's emphasis (issue 5) shows like a path: highlighted, the rest faded.
    const emphasis = this.#emphasis;
    const path = emphasis
      ? {
          nodes: new Set([...shortest.nodes, ...emphasis.nodes]),
          edges: new Set([...shortest.edges, ...emphasis.edges]),
        }
      : shortest;
    renderer.setDisplay({
      visible,
      path,
      colourMode: s.colourMode,
      communities: s.colourMode === "community" ? (this.communities()?.communities ?? null) : null,
      sizeMode: s.sizeMode,
      metric: this.metric(),
      languages: effectiveDataLanguages(s),
    });
  }

  #emphasis: DisplaySubgraph | null = null;

  /** Nodes and edges to highlight with the rest faded (a story step), or null. */
  get emphasis(): DisplaySubgraph | null {
    return this.#emphasis;
  }

  set emphasis(value: DisplaySubgraph | null) {
    this.#emphasis = value;
    this.#pushDisplay();
  }

  /** A new renderer was created for the graph shown: give it the display state. */
  attach(): void {
    this.#pushDisplay();
  }

  // -------------------------------------------------------------------------------------------
  // Actions.

  /** Selects a node and flies to it; a node the view hides is brought back first. */
  choose(key: string): void {
    const graph = this.host.graph();
    if (!graph?.hasNode(key)) return;
    let next = this.#state;
    if (!this.visible()?.nodes.has(key)) next = revealNodes(next, [key]);
    next = { ...next, selection: key };
    if (next === this.#state) {
      this.host.renderer()?.focusNode(key);
      return;
    }
    this.set(next, { center: true });
    this.host.renderer()?.focusNode(key);
  }

  toggleEgo(key?: string): void {
    const s = this.#state;
    const centre = key ?? s.selection;
    if (s.ego && (key === undefined || s.ego.key === key)) this.set(clearEgo(s));
    else if (centre) this.set(setEgo(s, centre, s.ego?.depth ?? 1));
  }

  get drawer(): DrawerName | null {
    return this.#drawer;
  }

  set drawer(value: DrawerName | null) {
    this.#drawer = value;
    this.element.requestUpdate();
  }

  get tableOpen(): boolean {
    return this.#tableOpen;
  }

  set tableOpen(value: boolean) {
    this.#tableOpen = value;
    this.element.requestUpdate();
  }

  // -------------------------------------------------------------------------------------------
  // Templates.

  /** The toolbar; `extra` holds the element's other tools (layout, export). */
  renderToolbar(lang: Lang, extra: TemplateResult | typeof nothing, resetViewLabel: string) {
    const s = this.#state;
    const panels = this.#panels();
    if (!panels) return nothing;
    return panels.renderToolbar({
      lang,
      search:
        this.host.searchBox?.(lang) ??
        (this.#search ??= new panels.SearchController(this.element, {
          index: () => this.shownSearchIndex(),
          onQuery: (query) => this.set(setSearch(this.#state, query)),
          onChoose: (key) => this.choose(key),
        })).render(s.search, lang),
      filtersOpen: this.#drawer === "filters",
      filterCount: activeFilterCount(s),
      canEgo: s.selection !== null,
      ego: s.ego,
      colourMode: s.colourMode,
      sizeMode: s.sizeMode,
      nary: {
        memberships: s.collapseNary,
        posts: s.collapsePosts,
        statements: s.collapseStatements,
      },
      dataLabels: dataLabelChoice(s.dataLanguages),
      hasNary: this.#hasNary,
      tableOpen: this.#tableOpen,
      toolsOpen: this.#toolsOpen,
      onToolsToggle: () => {
        this.#toolsOpen = !this.#toolsOpen;
        this.element.requestUpdate();
      },
      extra,
      onFilters: () => (this.drawer = this.#drawer === "filters" ? null : "filters"),
      onEgo: () => this.toggleEgo(),
      onDepth: (depth) => this.set(setEgoDepth(this.#state, depth)),
      onColour: (mode) => this.set(setColourMode(this.#state, mode)),
      onSize: (mode) => this.set(setSizeMode(this.#state, mode)),
      onNary: (kind, collapse) => this.set(setCollapsed(this.#state, kind, collapse)),
      onDataLabels: (choice) =>
        this.set(
          setDataLanguages(
            this.#state,
            choice === "auto" ? [DATA_LANGUAGE_AUTO] : [choice, choice === "fr" ? "en" : "fr"],
          ),
        ),
      onTable: () => (this.tableOpen = !this.#tableOpen),
      onResetView: () => this.host.resetCamera(),
      resetViewLabel,
    });
  }

  /** The legend, as the category filter. */
  renderLegend(lang: Lang) {
    const graph = this.host.graph();
    const counts = this.filterCounts();
    const panels = this.#panels();
    if (!graph || !counts || !panels) return nothing;
    const s = this.#state;
    const shown = Object.fromEntries(counts.categories.map((c) => [c.category, c.shown]));
    const communities = s.colourMode === "community" ? this.communities() : null;
    return panels.renderLegend(legendEntries(graph), lang, {
      shown,
      hidden: s.hiddenCategories,
      onToggle: (category) => this.set(toggleCategory(this.#state, category)),
      onShowAll: () => this.set({ ...this.#state, hiddenCategories: [] }),
      note: communities ? panels.explorerMessages(lang).communities(communities.count) : undefined,
    });
  }

  /** The drawer over the stage: filters or paths. */
  renderDrawer(lang: Lang) {
    const graph = this.host.graph();
    if (!graph || this.#drawer === null) return nothing;
    const s = this.#state;
    const close = () => (this.drawer = null);
    let body: TemplateResult | typeof nothing = nothing;
    if (this.#drawer === "filters") {
      const counts = this.filterCounts();
      const visible = this.visible();
      const panels = this.#panels();
      if (counts && visible && panels) {
        // Per named graph: counted only while the filters panel shows them.
        const graphs = this.#graphCounts.get([graph, visible], () => graphCounts(graph, visible));
        body = panels.renderFilters({
          lang,
          counts: { ...counts, graphs },
          hiddenCategories: s.hiddenCategories,
          hiddenPredicates: s.hiddenPredicates,
          hiddenSources: s.hiddenSources,
          hideIsolated: s.hideIsolated,
          active: activeFilterCount(s) > 0 || s.revealed.length > 0,
          onCategory: (c) => this.set(toggleCategory(this.#state, c)),
          onPredicate: (p) => this.set(togglePredicate(this.#state, p)),
          onSource: (k) => this.set(toggleSource(this.#state, k)),
          graphQuery: this.#graphQuery,
          onGraphQuery: (q) => {
            this.#graphQuery = q;
            this.element.requestUpdate();
          },
          onGraph: (g) => this.set(toggleGraph(this.#state, g)),
          onShowAllGraphs: () => this.set(showAllGraphs(this.#state)),
          onHideIsolated: (hide) => this.set(setHideIsolated(this.#state, hide)),
          onReset: () => this.set(resetFilters(this.#state)),
          onClose: close,
        });
      }
    } else {
      const panels = panelsModule.get(() => this.element.requestUpdate());
      body = !panels
        ? html`<p class="hint">${messages(lang).loading}</p>`
        : panels.renderPathPanel({
            graph,
            lang,
            from: s.path?.from ?? this.#pathStart,
            to: s.path?.to ?? null,
            result: this.paths(),
            filteredOut: this.pathFilteredOut(),
            onSelect: (key) => this.choose(key),
            onClear: () => {
              this.#pathStart = null;
              this.set(clearPath(this.#state));
              this.drawer = null;
            },
            onSwap: () => {
              const p = this.#state.path;
              if (p) this.set(setPath(this.#state, p.to, p.from));
            },
            onClose: close,
          });
    }
    return html`<div id="og-drawer" class="drawer" @keydown=${this.#onDrawerKey}>${body}</div>`;
  }

  /** A path start picked before its end. */
  #pathStart: string | null = null;

  pathFrom(key: string): void {
    const s = this.#state;
    const to = s.path?.to ?? null;
    if (to !== null && to !== key) {
      this.set(setPath(s, key, to));
    } else {
      this.#pathStart = key;
      if (s.path) this.set(clearPath(s));
      this.drawer = "path";
    }
  }

  pathTo(key: string): void {
    const s = this.#state;
    const from = s.path?.from ?? this.#pathStart;
    if (from === null) {
      this.#pathStart = null;
      this.drawer = "path";
      return;
    }
    this.#pathStart = null;
    this.set(setPath(s, from, key));
    this.drawer = "path";
  }

  /** "Explore from this node": a card over the stage for the selection. */
  renderNodeTools(lang: Lang) {
    const graph = this.host.graph();
    const s = this.#state;
    const key = s.selection;
    const visible = this.visible();
    const panels = this.#panels();
    if (!graph || !visible || key === null || !graph.hasNode(key) || !panels) return nothing;
    return panels.renderNodeTools({
      lang,
      key,
      label: graph.getNodeAttribute(key, "label"),
      groups: hiddenNeighbours(graph, key, visible),
      revealedCount: s.revealed.length,
      isEgo: s.ego?.key === key,
      onPathFrom: (k) => this.pathFrom(k),
      onPathTo: (k) => this.pathTo(k),
      onEgo: (k) => this.toggleEgo(k),
      onExpand: (_k, group) => this.set(revealNodes(this.#state, group.keys)),
      onForgetExpanded: () => this.set(clearRevealed(this.#state)),
      extra: this.host.nodeToolsExtra?.(key, lang),
    });
  }

  /** The table view (under the stage), when open. */
  renderTable(lang: Lang) {
    const graph = this.host.graph();
    const visible = this.visible();
    if (!this.#tableOpen || !graph || !visible) return nothing;
    const panels = panelsModule.get(() => this.element.requestUpdate());
    if (!panels) return html`<p class="hint">${messages(lang).loading}</p>`;
    return panels.renderTableView({
      graph,
      visible,
      lang,
      selected: this.#state.selection,
      view: this.#table,
      onView: (view) => {
        this.#table = view;
        this.element.requestUpdate();
      },
      onSelect: (key) => this.choose(key),
      onClose: () => (this.tableOpen = false),
    });
  }
}
