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
import type { ReactiveController, ReactiveControllerHost, TemplateResult } from "lit";
import { html, nothing } from "lit";
import {
  categoryCounts,
  clearEgo,
  clearPath,
  clearRevealed,
  createSearchIndex,
  DEFAULT_VIEW_STATE,
  hiddenNeighbours,
  louvainCommunities,
  metricMap,
  predicateCounts,
  resetFilters,
  revealNodes,
  rdfToGraph,
  setCollapseNary,
  setColourMode,
  setEgo,
  setEgoDepth,
  setHideIsolated,
  setPath,
  setSearch,
  setSizeMode,
  shortestPaths,
  SOURCE_KINDS,
  sourceCounts,
  toggleCategory,
  togglePredicate,
  toggleSource,
  validateViewState,
  visibleSubgraph,
  type Communities,
  type OrgraphGraph,
  type RdfQuad,
  type SearchIndex,
  type ShortestPaths,
  type ViewState,
  type VisibleSubgraph,
} from "../core";
import { legendEntries, type DisplaySubgraph, type OrgraphRenderer } from "../render";
import {
  activeFilterCount,
  DEFAULT_TABLE_VIEW,
  explorerMessages,
  renderFilters,
  renderLegend,
  renderNodeTools,
  renderPathPanel,
  renderTableView,
  renderToolbar,
  SearchController,
  type FilterCounts,
  type Lang,
  type TableViewState,
} from "../ui";

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
}

const ORG_MEMBERSHIP = "http://www.w3.org/ns/org#Membership";

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
  constructor(private readonly same: (a: K, b: K) => boolean) {}
  get(key: K, compute: () => V): V {
    if (!this.#has || !this.same(this.#key as K, key)) {
      this.#value = compute();
      this.#key = key;
      this.#has = true;
    }
    return this.#value as V;
  }
}

const sameTuple = (a: readonly unknown[], b: readonly unknown[]): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

export class ExplorerView implements ReactiveController {
  #state: ViewState = DEFAULT_VIEW_STATE;
  #quads: readonly RdfQuad[] | null = null;
  /** The data graphs of the current data, by collapseNary. */
  #graphs = new Map<boolean, OrgraphGraph>();
  #hasNary = false;
  #drawer: DrawerName | null = null;
  #tableOpen = false;
  #table: TableViewState = DEFAULT_TABLE_VIEW;
  #pendingCenter = false;

  #visible = new Memo<readonly unknown[], VisibleSubgraph>(sameTuple);
  #paths = new Memo<readonly unknown[], ShortestPaths | null>(sameTuple);
  #shown = new Memo<readonly unknown[], VisibleSubgraph>(sameTuple);
  #communities = new Memo<readonly unknown[], Communities>(sameTuple);
  #metric = new Memo<readonly unknown[], ReadonlyMap<string, number> | null>(sameTuple);
  #index = new Memo<readonly unknown[], SearchIndex>(sameTuple);
  #counts = new Memo<readonly unknown[], FilterCounts>(sameTuple);

  readonly search: SearchController;

  constructor(
    private readonly element: ReactiveControllerHost & HTMLElement,
    private readonly host: ExplorerViewHost,
  ) {
    element.addController(this);
    this.search = new SearchController(element, {
      index: () => this.searchIndex(),
      onQuery: (query) => this.set(setSearch(this.#state, query)),
      onChoose: (key) => this.choose(key),
    });
  }

  hostConnected(): void {}

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
  loaded(graph: OrgraphGraph, quads: readonly RdfQuad[] | null): void {
    this.#quads = quads;
    this.#graphs = new Map([[this.#collapsedOf(graph), graph]]);
    this.#hasNary =
      graph.someEdge((_e, a) => a.via !== undefined) ||
      graph.someNode((_k, a) => a.types.includes(ORG_MEMBERSHIP));
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
    if (this.#collapsedOf(graph) !== this.#state.collapseNary) {
      this.#rebuild(this.#state.collapseNary);
    }
    this.sync();
    if (changed) this.element.dispatchEvent(new OrgraphViewStateEvent(this.#state));
  }

  /** Pushes the state to the renderer and the element (after a load or a new renderer). */
  sync(): void {
    const s = this.#state;
    if (s.selection !== this.host.selected()) this.host.select(s.selection, {});
    this.#pushDisplay();
  }

  #collapsedOf(graph: OrgraphGraph): boolean {
    // A graph whose memberships are nodes has org:Membership nodes; a collapsed one has none.
    return !graph.someNode((_k, a) => a.types.includes(ORG_MEMBERSHIP));
  }

  #apply(prev: ViewState, next: ViewState): void {
    if (prev.collapseNary !== next.collapseNary) this.#rebuild(next.collapseNary);
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

  /** Shows the same data with n-ary nodes collapsed or not (built apart, then swapped). */
  #rebuild(collapse: boolean): void {
    const current = this.host.graph();
    if (!current || !this.#quads) return;
    let graph = this.#graphs.get(collapse);
    if (!graph) {
      graph = rdfToGraph(this.#quads, {
        prefixes: current.getAttribute("prefixes"),
        languages: current.getAttribute("languages"),
        collapseMemberships: collapse,
      });
      carryPositions(current, graph);
      this.#graphs.set(collapse, graph);
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
    return this.#visible.get(
      [
        graph,
        s.hiddenCategories,
        s.hiddenPredicates,
        s.hiddenSources,
        s.hideIsolated,
        s.ego?.key,
        s.ego?.depth,
        s.revealed,
      ],
      () => visibleSubgraph(graph, s),
    );
  }

  /** The shortest paths of the state's path (over the whole graph), or null. */
  paths(): ShortestPaths | null {
    const graph = this.host.graph();
    const p = this.#state.path;
    return this.#paths.get([graph, p?.from, p?.to], () =>
      graph && p && graph.hasNode(p.from) && graph.hasNode(p.to)
        ? shortestPaths(graph, p.from, p.to)
        : null,
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
    return this.#communities.get([graph, seed], () => louvainCommunities(graph, { seed }));
  }

  metric(): ReadonlyMap<string, number> | null {
    const graph = this.host.graph();
    const mode = this.#state.sizeMode;
    return this.#metric.get([graph, mode], () =>
      graph && mode !== "degree" ? metricMap(graph, mode) : null,
    );
  }

  searchIndex(): SearchIndex | null {
    const graph = this.host.graph();
    if (!graph) return null;
    return this.#index.get([graph], () =>
      createSearchIndex(graph, { languages: graph.getAttribute("languages") }),
    );
  }

  filterCounts(): FilterCounts | null {
    const graph = this.host.graph();
    const visible = this.visible();
    if (!graph || !visible) return null;
    return this.#counts.get([graph, visible], () => {
      const totals = categoryCounts(graph);
      const shown = categoryCounts(graph, visible);
      const all = sourceCounts(graph);
      const vis = sourceCounts(graph, visible);
      return {
        categories: legendEntries(graph).map((e) => ({
          category: e.category,
          total: totals[e.category],
          shown: shown[e.category],
        })),
        predicates: predicateCounts(graph, visible),
        sources: Object.fromEntries(
          SOURCE_KINDS.map((k) => [
            k,
            { total: all[k].nodes + all[k].edges, shown: vis[k].nodes + vis[k].edges },
          ]),
        ) as FilterCounts["sources"],
      };
    });
  }

  #pushDisplay(): void {
    const renderer = this.host.renderer();
    if (!renderer || renderer.graph !== this.host.graph()) return;
    const s = this.#state;
    const visible = this.visible();
    renderer.setDisplay({
      visible,
      path: pathSubgraph(this.paths()),
      colourMode: s.colourMode,
      communities: s.colourMode === "community" ? (this.communities()?.communities ?? null) : null,
      sizeMode: s.sizeMode,
      metric: this.metric(),
    });
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
    return renderToolbar({
      lang,
      search: this.search.render(s.search, lang),
      filtersOpen: this.#drawer === "filters",
      filterCount: activeFilterCount(s),
      canEgo: s.selection !== null,
      ego: s.ego,
      colourMode: s.colourMode,
      sizeMode: s.sizeMode,
      collapseNary: s.collapseNary,
      hasNary: this.#hasNary,
      tableOpen: this.#tableOpen,
      extra,
      onFilters: () => (this.drawer = this.#drawer === "filters" ? null : "filters"),
      onEgo: () => this.toggleEgo(),
      onDepth: (depth) => this.set(setEgoDepth(this.#state, depth)),
      onColour: (mode) => this.set(setColourMode(this.#state, mode)),
      onSize: (mode) => this.set(setSizeMode(this.#state, mode)),
      onNary: (collapse) => this.set(setCollapseNary(this.#state, collapse)),
      onTable: () => (this.tableOpen = !this.#tableOpen),
      onResetView: () => this.host.resetCamera(),
      resetViewLabel,
    });
  }

  /** The legend, as the category filter. */
  renderLegend(lang: Lang) {
    const graph = this.host.graph();
    const counts = this.filterCounts();
    if (!graph || !counts) return nothing;
    const s = this.#state;
    const shown = Object.fromEntries(counts.categories.map((c) => [c.category, c.shown]));
    const communities = s.colourMode === "community" ? this.communities() : null;
    return renderLegend(legendEntries(graph), lang, {
      shown,
      hidden: s.hiddenCategories,
      onToggle: (category) => this.set(toggleCategory(this.#state, category)),
      onShowAll: () => this.set({ ...this.#state, hiddenCategories: [] }),
      note: communities ? explorerMessages(lang).communities(communities.count) : undefined,
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
      if (counts) {
        body = renderFilters({
          lang,
          counts,
          hiddenCategories: s.hiddenCategories,
          hiddenPredicates: s.hiddenPredicates,
          hiddenSources: s.hiddenSources,
          hideIsolated: s.hideIsolated,
          active: activeFilterCount(s) > 0 || s.revealed.length > 0,
          onCategory: (c) => this.set(toggleCategory(this.#state, c)),
          onPredicate: (p) => this.set(togglePredicate(this.#state, p)),
          onSource: (k) => this.set(toggleSource(this.#state, k)),
          onHideIsolated: (hide) => this.set(setHideIsolated(this.#state, hide)),
          onReset: () => this.set(resetFilters(this.#state)),
          onClose: close,
        });
      }
    } else {
      body = renderPathPanel({
        graph,
        lang,
        from: s.path?.from ?? this.#pathStart,
        to: s.path?.to ?? null,
        result: this.paths(),
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
    return html`<div id="og-drawer" class="drawer">${body}</div>`;
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
    if (!graph || !visible || key === null || !graph.hasNode(key)) return nothing;
    return renderNodeTools({
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
    });
  }

  /** The table view (under the stage), when open. */
  renderTable(lang: Lang) {
    const graph = this.host.graph();
    const visible = this.visible();
    if (!this.#tableOpen || !graph || !visible) return nothing;
    return renderTableView({
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
