/**
 * `<orgraph-explorer>`: an RDF organisation-graph explorer as a custom element.
 *
 * Importing this module defines the class only; `define.ts` registers the tag.
 *
 * Public API
 * ----------
 * Attributes
 * - `src`: URL of an RDF document to fetch and show. Format: the `format` attribute, else the
 *   response's Content-Type, else the URL's file extension.
 * - `format`: `turtle` | `trig` | `n-triples` | `n-quads` | `json-ld` (or their labels, e.g. "TriG").
 * - `endpoint`: a SPARQL endpoint to explore instead of a document (issue 7), with
 *   `default-graph`; see "SPARQL endpoint" below.
 * - `lang`: `fr` | `en`, the interface language (also the preferred language of node labels).
 *   Without it, the closest ancestor's `lang` is used, then English.
 * - Widget configuration (issue 5; src/embed/settings.ts, widget.ts): `select` (a node IRI
 *   selected after each load), `controls` (the panels shown: search, filters, details,
 *   statements, source, legend, toolbar; `none`: a read-only picture), `height` (a CSS length;
 *   without it at least 400 px), `theme` (light | dark | auto, the panels and the canvas; partner
 *   custom properties `--orgraph-*`, see src/ui/widget-styles.ts), `readonly` (no layout
 *   re-runs from the UI),
 *   `caption` (the caption's title), `cite-base`, `version` (the version a cited view was
 *   pinned to), `story` (a story's URL) and `step`. A bad value logs a console warning naming
 *   the attribute and the allowed values, and the default is used; nothing throws.
 *
 * Methods and properties
 * - `load({ text?, url?, file?, format?, baseIRI? }): Promise<{ triples, nodes, edges }>`
 *   builds the new graph apart and swaps it in only on success. On failure it rejects with the
 *   error (a parse error carries `line`, `column`, `source`), fires `orgraph-error`, shows the
 *   error banner, and leaves what is on screen exactly as it was (same graph object, same
 *   camera). A load started later supersedes an earlier one (which then rejects with an
 *   AbortError and fires nothing).
 * - `graph`: the graphology graph shown (null before the first successful load). Treat as
 *   read-only.
 * - `jsonldContexts`: the remote JSON-LD contexts a load may fetch, as an object `{ allow,
 *   maxCount, maxBytes, timeoutMs }` (the `jsonld-contexts` attribute's rules; a bad value
 *   throws OrgraphError "invalid" and changes nothing; null: back to the attribute).
 * - `select(key | null): boolean` selects a node (and shows its details) or clears the selection;
 *   returns false (and changes nothing) for an unknown key. `selected`: the selected key or null.
 *
 * Who said what (the side panel's tabs: Détails | Déclarations | Source)
 * - `load({ ..., texts })`: source texts by source IRI; otherwise each text a span addresses is
 *   fetched (http(s) only) from its document's `schema:contentUrl`, resolved against the data's
 *   URL. Every span is verified against its text at load.
 * - `spanWarnings`: the selector warnings of the last load (none dropped); `statements`: the
 *   statement records; `selectStatement(key)` selects a statement (its speaker in the graph,
 *   the speaker and what it mentions highlighted, the source text opened at the quote);
 *   `showInSource(key)` opens the source text at a node's or an edge's spans; `highlighted`: the
 *   highlighted nodes; `asOf` ("2010", "2010-03", "2010-03-15" or null): edges whose period
 *   excludes the date are hidden (`outOfDate` lists them); `tab`: the panel view shown.
 *
 * Widget API (issue 5)
 * - `focus(key)` / `focusNode(key)`: the camera flies to a node (`focus()` / `focus(options)`
 *   with no string still focuses the element, as for any HTMLElement); `fit()`: the camera frames
 *   everything visible; `setFilters({ hiddenCategories, hiddenPredicates, hiddenSources,
 *   hideIsolated })`: through the view state; `destroy()`: stops the renderer, the layout
 *   worker, timers and fetches, empties the element (safe twice; the element is inert after).
 * - Caption: `datasetVersion` (12 hex digits of the SHA-256 of the loaded text), `citeUrl`.
 * - Story: `story`, `storyStep`, `goToStep(n)`, `setStory(json)`, `storyNodes`.
 * - `orgraph-ready` (detail: the load summary and `version`) once, after the first graph is
 *   drawn; `orgraph-story-step` (detail `{ step, total }`).
 *
 * SPARQL endpoint (issue 7; endpoint-source.ts, ../ui/endpoint-panel.ts)
 * - `load({ endpoint, defaultGraph?, start? })` (start: an IRI to open or a CONSTRUCT /
 *   DESCRIBE query), or the `endpoint` attribute: the view state's `endpoint`, `opened` and
 *   `expanded` say what is fetched, so the page's URL re-fetches the same view. The search box
 *   asks the endpoint; the node-tools card lists a node's relations with counts, each loads.
 * - `searchEndpoint(text)`, `openResource(iri)`, `connections(key)`,
 *   `expandRelation(key, predicate, direction)`, `cancelRequests()`, `endpointSettings`
 *   (time and row limits). A failure shows in the banner with its cause (`orgraph-error`,
 *   `source`: the endpoint) and leaves the graph as it was.
 *
 * Events (CustomEvent subclasses; bubbles and composed)
 * - `orgraph-load`, detail `{ triples, nodes, edges, warnings }` (warnings: the number of span
 *   selector warnings), after a graph is swapped in.
 * - `orgraph-error`, detail `{ message, line, column, source }` (line/column/source null when
 *   unknown), when a load fails.
 * - `orgraph-select`, detail `{ key, label, category }` or null, when the selection changes
 *   (by click, by a relation button, or by `select()`).
 * - `orgraph-viewstate`, detail: the new `ViewState`, on every change of the view state.
 *
 * View state (issue 3; see explorer-view.ts)
 * - `viewState`: the `ViewState` (src/core/state) that drives selection, filters, search, ego
 *   network, "expand" (revealed nodes), path, colour and size modes and the n-ary toggle.
 * - `setViewState(partialOrFull)`: validates (throws OrgraphError "invalid" and changes nothing
 *   for a bad state), applies and fires `orgraph-viewstate`.
 * - `visibleSubgraph`: the keys of the nodes and edges the view shows (the renderer's display
 *   state; the data graph is never changed), `paths`: the shortest paths shown,
 *   `nodeDisplay(key)`: how the renderer draws a node ({ color, size, shape, label, hidden }),
 *   `edgeDisplay(key)`: an edge ({ label, labelVisibility, hidden }; edge labels show between
 *   labelled nodes once zoomed in), `hoverEdge(key | null)` / `hoveredEdge`: the edge whose
 *   tooltip (its label and the sentence it comes from) is shown, as the pointer shows it.
 * - The view state's `layout` and `seed` lay the graph out (a new one re-runs the layout; both
 *   are kept in the URL), `camera` moves
 *   sigma's camera (camera moves come back into the state once the camera rests) and
 *   `uiLanguage`, when it changes, sets the `lang` attribute.
 *
 * Layout, camera, exports (issue 3)
 * - The layout is seeded ForceAtlas2 then noverlap, run in a Vite-bundled Web Worker
 *   (`layout.worker.ts`; in the page, in short time slices, where a worker cannot be made), or
 *   "circular" / "category". `layout`: { mode, seed, status, done, total, inWorker };
 *   `layoutMode`, `layoutSeed` (set before a load to use them; the seed goes into the view
 *   state); `runLayout({ mode?, seed? })`, `pauseLayout()`, `resumeLayout()`; `orgraph-layout`
 *   (detail: `layout`) when a run is done. Same data and seed: the same positions.
 * - `camera`: sigma's camera state { x, y, ratio, angle } (get/set; null before a graph).
 * - `exportFile(name)` → { blob, fileName } and `download(name)` → file name, for "png",
 *   "gexf", "graphml", "turtle", "n-triples", "trig", "n-quads", "nodes-csv", "edges-csv": what
 *   is shown (the visible subgraph; PNG: the view). The writers load on first use (their own chunk).
 */
import { quadAt, type Quads } from "../core/rdf/quad-store";
import { LitElement, html, nothing, type CSSResult, type PropertyValues } from "lit";
import { OrgraphError } from "../core/errors";
import type { LoadProgress } from "../core/load/load";
import { loadedSourceKey } from "../core/graph/sources";
import {
  attributeSources,
  DEFAULT_LOAD_LIMITS,
  RdfLoader,
  readSource,
  type LoadLimits,
  type ReadSource,
} from "./loader";
import {
  loadPanelStyles,
  progressPercent,
  renderDropZone,
  renderLoadPanel,
  renderLoadProgress,
  renderSampleOffer,
  type LoadedSourceInfo,
  type LoadProgressView,
  type SwapStep,
} from "../ui/load-panel";
import type { OrgraphGraph } from "../core/model/types";
import {
  createRenderer,
  createRendererInSlices,
  loadScaleKit,
  needsScaleKit,
  type OrgraphRenderer,
} from "../render";
import type { LayoutMode } from "../render/layout";
import { DEFAULT_CAMERA, effectiveDataLanguages, type Camera } from "../core/state/view-state";
import { CAMERA_SETTLE_MS, roundCamera, sameCamera } from "./camera";
import { toolMessages } from "../ui/messages";
import { toolStyles, type ExportName } from "../ui/tools";
import { LayoutControl, type LayoutInfo } from "./layout-control";
import type { ExportFile } from "./export-control";
import { isLang, messages, uiStyles, type Lang, type SourceFocus } from "../ui";
import { WhoSaidWhat, type PanelTab, type WswState } from "./who-said-what-view";
import { endpointModule, loadErrorsModule, panelsModule } from "./lazy";
import { ExplorerView } from "./explorer-view";
import { macrotask } from "../core/load/macrotask";
import { timed, timedSync } from "./timing";
import { edgeTooltipStyles, placeEdgeTooltip, type EdgeTip } from "./edge-tooltip";
import { explorerStyles } from "../ui/explorer-styles";
import { widgetStyles } from "../ui/widget-styles";
import { isolationStyles } from "../ui/isolation-styles";
import { frameCamera, Widget } from "./widget";
import { datasetVersion } from "./dataset";
import type { Story } from "./story";
import { checkJsonLdContexts, jsonldContextsProblem, type WidgetSettings } from "./settings";
import type { JsonLdContextPolicy } from "../core/rdf/jsonld-policy";
import type { ShortestPaths, ViewState, VisibleSubgraph } from "../core";
import {
  OrgraphErrorEvent,
  OrgraphLoadEvent,
  OrgraphSelectEvent,
  type ErrorDetail,
  type LoadSummary,
} from "./events";
import { css } from "lit";
import type { RdfQuad } from "../core/rdf/terms";
import type { ConnectionCount, SearchHit } from "../core/sparql";
import { setEndpoint } from "../core/state/view-state";
import type { EndpointSource } from "./endpoint-source";
import {
  DEFAULT_ENDPOINT_SETTINGS,
  endpointChanged,
  type EndpointSettings,
} from "./endpoint-state";
import type { EndpointSearchController } from "../ui/endpoint-panel";
import { endpointErrorMessage, endpointMessages, endpointStyles } from "../ui/endpoint-panel";

/** The filters `setFilters` changes (the view state's fields; absent ones stay as they are). */
export interface FilterSettings {
  hiddenCategories?: ViewState["hiddenCategories"];
  hiddenPredicates?: ViewState["hiddenPredicates"];
  hiddenSources?: ViewState["hiddenSources"];
  hideIsolated?: boolean;
}

export interface LoadInput {
  /** RDF text; needs `format`. */
  text?: string;
  /** URL to fetch (relative URLs resolve against the document). */
  url?: string | URL;
  /** A File or Blob (e.g. from an <input type="file"> or a drop). */
  file?: Blob;
  /** Format id or label; else derived from the Content-Type / file name. */
  format?: string;
  /** Base IRI for relative IRIs; defaults to the URL for `url` loads. */
  baseIRI?: string;
  /** Source texts by source IRI (oa:hasSource), instead of fetching their content URLs. */
  texts?: Record<string, string>;
  /** "replace" (default) the graph, or "merge": add this source to the sources loaded. */
  mode?: "replace" | "merge";
  /** The source's name in the sources list (default: the file name, the URL's, or "text"). */
  name?: string;
  /** Past the triple cap, load the first `loadLimits.maxTriples` triples instead of failing. */
  sample?: boolean;
  /** A SPARQL endpoint to explore instead of a document (issue 7; see endpoint-source.ts). */
  endpoint?: string;
  /** With `endpoint`: its default graph (`default-graph-uri`). */
  defaultGraph?: string;
  /** With `endpoint`: an IRI to open, or a CONSTRUCT / DESCRIBE query to start from. */
  start?: string;
}

/** A range of the loaded quads that one source gave. */
interface SourceRange {
  name: string;
  start: number;
  end: number;
}

/** The short name of a source (file name, URL's last segment or host). */
function shortSourceName(sourceName: string): string {
  try {
    const url = new URL(sourceName);
    const last = url.pathname
      .split("/")
      .filter((p) => p !== "")
      .at(-1);
    return last ? decodeURIComponent(last) : url.host || sourceName;
  } catch {
    return sourceName;
  }
}

const elementStyles = css`
  .sigma > .sigma-layer {
    position: absolute;
    inset: 0;
  }
`;

/** The error each banner's detail came from: the banner says it in the UI's language. */
const errorCauses = new WeakMap<ErrorDetail, unknown>();

function errorDetail(error: unknown): ErrorDetail {
  const e = error as { message?: unknown; line?: unknown; column?: unknown; source?: unknown };
  const detail: ErrorDetail = {
    message: typeof e?.message === "string" ? e.message : String(error),
    line: typeof e?.line === "number" ? e.line : null,
    column: typeof e?.column === "number" ? e.column : null,
    source: typeof e?.source === "string" ? e.source : null,
  };
  errorCauses.set(detail, error);
  return detail;
}

export class OrgraphExplorer extends LitElement {
  static override styles = [
    uiStyles,
    elementStyles,
    toolStyles,
    explorerStyles,
    edgeTooltipStyles,
    widgetStyles,
    loadPanelStyles,
    endpointStyles,
    isolationStyles,
  ];

  static override properties = {
    src: { type: String },
    format: { type: String },
    endpoint: { type: String },
    defaultGraph: { type: String, attribute: "default-graph" },
    _error: { state: true },
    _loading: { state: true },
    _progress: { state: true },
    _sources: { state: true },
    _loadOpen: { state: true },
    _dropping: { state: true },
    _offer: { state: true },
    _merge: { state: true },
    _selected: { state: true },
    _summary: { state: true },
    _wsw: { state: true },
    _edgeTip: { state: true },
  };

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, "lang", ...Widget.attributes];
  }

  declare src: string | null;
  declare format: string | null;
  /** A SPARQL endpoint to explore (issue 7); `default-graph`: its default graph. */
  declare endpoint: string | null;
  declare defaultGraph: string | null;
  declare _error: ErrorDetail | null;
  declare _loading: boolean;
  /** The running load's progress (null when none runs). */
  declare _progress: (LoadProgressView & { percent: number }) | null;
  /** The sources loaded into the graph shown. */
  declare _sources: LoadedSourceInfo[];
  declare _loadOpen: boolean;
  declare _dropping: boolean;
  /** The triple cap's offer: load a sample of this input. */
  declare _offer: { input: LoadInput; max: number } | null;
  /** The load panel loads more (merge) rather than replacing. */
  declare _merge: boolean;
  declare _selected: string | null;
  declare _summary: LoadSummary | null;
  /** Who said what: statements, texts, tabs, "as of" (see who-said-what-view.ts). */
  declare _wsw: WswState;
  /** The hovered edge, for its tooltip (label and supporting sentence). */
  declare _edgeTip: EdgeTip | null;

  #graph: OrgraphGraph | null = null;
  #renderer: OrgraphRenderer | null = null;
  #layer: HTMLElement | null = null;
  #loadSeq = 0;
  #resizeObserver: ResizeObserver | null = null;

  constructor() {
    super();
    this.src = null;
    this.format = null;
    this.endpoint = null;
    this.defaultGraph = null;
    // The view state's endpoint steps, followed from the start (the source syncs to them).
    this.#watchEndpointState();
    this._error = null;
    this._loading = false;
    this._progress = null;
    this._sources = [];
    this._loadOpen = false;
    this._dropping = false;
    this._offer = null;
    this._merge = false;
    this._selected = null;
    this._summary = null;
    this._edgeTip = null;
    this._wsw = {
      model: null,
      tab: "details",
      filter: {},
      statement: null,
      focus: null,
      asOf: null,
      scroll: false,
    };
  }

  /** The graph on screen (null before the first successful load). */
  get graph(): OrgraphGraph | null {
    return this.#graph;
  }

  // View state (issue 3): explorer-view.ts holds it and what derives from it.
  #view = new ExplorerView(this, {
    graph: () => this.#graph,
    renderer: () => this.#renderer,
    selected: () => this._selected,
    select: (key, options) => void this.select(key, options),
    swapGraph: (graph) => this.#swapGraph(graph),
    resetCamera: () => this.#renderer?.resetCamera(),
    searchBox: (lang) => (this.#endpoint?.active ? this.#endpointSearchBox(lang) : null),
    nodeToolsExtra: (key, lang) => this.#renderConnections(key, lang),
  });

  /** The view state (selection, filters, search, ego, path, modes, n-ary toggle, …). */
  get viewState(): ViewState {
    return this.#view.state;
  }

  /**
   * Changes the view state: a full state or the fields to change. Throws OrgraphError
   * ("invalid") and changes nothing when the result is not a valid ViewState.
   */
  setViewState(state: Partial<ViewState>): void {
    this.#view.setState(state);
  }

  /** The nodes and edges the view shows (null before a load). */
  get visibleSubgraph(): VisibleSubgraph | null {
    return this.#view.visible();
  }

  /** The shortest paths of the view state's path, or null. */
  get paths(): ShortestPaths | null {
    return this.#view.paths();
  }

  /**
   * How the renderer draws a node now (display data, not graph attributes): colour, size, shape,
   * label and whether it is hidden; null for an unknown key or before a graph is shown.
   */
  nodeDisplay(
    key: string,
  ): { color: string; size: number; shape: string; label: string; hidden: boolean } | null {
    const sigma = this.#renderer?.sigma;
    if (!sigma || !this.#graph?.hasNode(key)) return null;
    const data = sigma.getNodeDisplayData(key);
    if (!data) return null;
    return {
      color: data.color,
      size: data.size,
      shape: data.shape ?? "circle",
      label: data.label ?? "",
      hidden: sigma.getNodeState(key).isHidden,
    };
  }

  /**
   * How the renderer draws an edge now: its label, whether the label shows ("visible", "auto":
   * when both ends are labelled, "hidden") and whether the edge is hidden; null when unknown.
   */
  edgeDisplay(key: string): { label: string; labelVisibility: string; hidden: boolean } | null {
    const sigma = this.#renderer?.sigma;
    if (!sigma || !this.#graph?.hasEdge(key)) return null;
    const data = sigma.getEdgeDisplayData(key) as
      { label?: string | null; labelVisibility?: string; visibility?: string } | undefined;
    if (!data) return null;
    return {
      label: data.label ?? "",
      labelVisibility: data.labelVisibility ?? "hidden",
      hidden: data.visibility === "hidden" || sigma.getEdgeState(key).isHidden,
    };
  }

  /**
   * Hovers an edge as the pointer would (null leaves it): its tooltip shows its label and the
   * sentence it comes from. Returns false for an unknown key.
   */
  hoverEdge(key: string | null): boolean {
    if (key !== null && !this.#graph?.hasEdge(key)) return false;
    this.#renderer?.hoverEdge(key);
    return true;
  }

  /** The edge whose tooltip is shown (hovered), or null. */
  get hoveredEdge(): string | null {
    return this._edgeTip?.key ?? null;
  }

  /** Shows another data graph for the same data (the n-ary toggle); no layout run. */
  #swapGraph(graph: OrgraphGraph): void {
    this.#layout.stop();
    this.#graph = graph;
    if (this.isConnected) this.#mount(graph);
    if (this._selected !== null && !graph.hasNode(this._selected)) this._selected = null;
    if (this._summary) this._summary = { ...this._summary, nodes: graph.order, edges: graph.size };
    this.requestUpdate();
  }

  /** The selected node key, or null. */
  get selected(): string | null {
    return this._selected;
  }

  /** The interface language in use. */
  get uiLang(): Lang {
    const own = this.getAttribute("lang")?.toLowerCase().split("-")[0];
    if (isLang(own)) return own;
    const inherited = this.parentElement
      ?.closest("[lang]")
      ?.getAttribute("lang")
      ?.toLowerCase()
      .split("-")[0];
    return isLang(inherited) ? inherited : "en";
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === "lang" && old !== value) this.requestUpdate();
    if (old !== value) this.#widget.attributeChanged(name);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a removal: bring the renderer back for the graph we still hold.
    if (this.#graph && !this.#renderer && !this.#destroyed) {
      void this.updateComplete.then(() => {
        if (this.isConnected && this.#graph && !this.#renderer) this.#mount(this.#graph);
      });
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#unmount();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if ((changed.has("src") || changed.has("format")) && this.src && !this.#destroyed) {
      // Errors are reported through the banner and `orgraph-error`; nothing to rethrow here.
      this.load({ url: this.src, format: this.format ?? undefined }).catch(() => undefined);
    }
    if ((changed.has("endpoint") || changed.has("defaultGraph")) && this.endpoint) {
      if (!this.#destroyed) {
        this.load({ endpoint: this.endpoint, defaultGraph: this.defaultGraph ?? undefined }).catch(
          () => undefined,
        );
      }
    }
  }

  /** Loads RDF and swaps the new graph in only when everything succeeded. */
  async load(input: LoadInput): Promise<LoadSummary> {
    if (input.endpoint !== undefined) return this.#loadEndpoint(input);
    const merge = input.mode === "merge" && this.#graph !== null && this.#ranges.length > 0;
    return this.#run(input, merge ? "merge" : "replace");
  }

  // -------------------------------------------------------------------------------------------
  // Loading (issue 6): worker, progress, cancel, several sources, limits (see loader.ts and
  // src/ui/load-panel.ts).

  #loader = new RdfLoader();
  #abort: AbortController | null = null;
  /** Every quad of the graph shown, and which source gave which. */
  #quads: Quads = [];
  #ranges: SourceRange[] = [];
  #sourceSeq = 0;
  #version = "";
  /** Size, triple and time limits of loads (see loader.ts; defaults: 200 MB, 50 MB, 2M). */
  loadLimits: LoadLimits = { ...DEFAULT_LOAD_LIMITS };

  #jsonldContexts: JsonLdContextPolicy | null = null;

  /**
   * The remote JSON-LD contexts a load may fetch, and their limits: `{ allow, maxCount,
   * maxBytes, timeoutMs }` (`allow`: http(s) URLs, one ending in "/" allows every URL below it;
   * limits left out take their defaults, 4 contexts, 1048576 bytes and 10000 ms each). Set, it
   * wins over the `jsonld-contexts` attribute; null goes back to the attribute. A bad value
   * throws an OrgraphError "invalid" naming what is wrong, and changes nothing.
   */
  get jsonldContexts(): JsonLdContextPolicy {
    return this.#jsonldContexts ?? this.#widget.settings.jsonldContexts;
  }

  set jsonldContexts(value: Partial<JsonLdContextPolicy> | null) {
    if (value === null || value === undefined) {
      this.#jsonldContexts = null;
      return;
    }
    const { policy, problems } = checkJsonLdContexts(value);
    if (problems.length > 0) throw new OrgraphError("invalid", jsonldContextsProblem(problems));
    this.#jsonldContexts = policy;
  }

  /** false: parse and build in the page (in time slices), never in the load worker. */
  get loadInWorker(): boolean {
    return this.#loader.useWorker;
  }

  set loadInWorker(value: boolean) {
    this.#loader.useWorker = value !== false;
  }

  /** Whether the last load ran in the worker. */
  get lastLoadInWorker(): boolean {
    return this.#loader.lastInWorker;
  }

  /** The sources loaded into the graph shown: name, format, triples, time, shown, sample. */
  get sources(): readonly LoadedSourceInfo[] {
    return this._sources;
  }

  /** The running load's progress, or null. */
  get loadProgress(): (LoadProgressView & { percent: number }) | null {
    return this._progress;
  }

  /** Cancels the running load (the graph shown stays as it was); false when none runs. */
  cancelLoad(): boolean {
    if (!this.#abort || !this._loading) return false;
    this.#abort.abort();
    return true;
  }

  /** Removes a loaded source (its triples) and rebuilds the graph from the others. */
  removeSource(name: string): Promise<LoadSummary> {
    const index = this.#ranges.findIndex((r) => r.name === name);
    if (index < 0) return Promise.reject(new OrgraphError("invalid", `No source named ${name}.`));
    if (this.#ranges.length < 2) {
      return Promise.reject(new OrgraphError("invalid", "The last source cannot be removed."));
    }
    return this.#run({ text: "", format: "n-quads", name }, "remove");
  }

  /** Shows or hides what a loaded source says (the filter by source). */
  showSource(name: string, shown: boolean): void {
    const key = loadedSourceKey(name);
    const hidden = this.viewState.hiddenSources.filter((k) => k !== key);
    this.setFilters({ hiddenSources: shown ? hidden : [...hidden, key] });
    this._sources = this._sources.map((s) => (s.name === name ? { ...s, shown } : s));
  }

  #uniqueName(name: string): string {
    const taken = new Set(this.#ranges.map((r) => r.name));
    if (!taken.has(name)) return name;
    for (let i = 2; ; i++) if (!taken.has(`${name} (${i})`)) return `${name} (${i})`;
  }

  async #run(input: LoadInput, mode: "replace" | "merge" | "remove"): Promise<LoadSummary> {
    const seq = ++this.#loadSeq;
    if (this.#destroyed) throw new DOMException("The element was destroyed", "InvalidStateError");
    this.#abort?.abort();
    const abort = new AbortController();
    this.#abort = abort;
    const { signal } = abort;
    const limits = this.loadLimits;
    this._loading = true;
    this._offer = null;
    const label =
      input.url !== undefined
        ? String(input.url)
        : ((input.file as File | undefined)?.name ?? input.name ?? "text");
    const show = (p: LoadProgressView): void => {
      if (seq === this.#loadSeq) this._progress = { ...p, percent: progressPercent(p) };
    };
    show({ phase: "read", bytes: 0, totalBytes: 0, triples: 0, source: label });
    /** The new graph, once its layout's positions are held (see LayoutControl.hold). */
    let held: OrgraphGraph | null = null;
    try {
      const lang = this.uiLang;
      const languages = [lang, lang === "fr" ? "en" : "fr"];
      const source: ReadSource = await readSource(input, limits, signal, (bytes, totalBytes) =>
        show({ phase: "read", bytes, totalBytes, triples: 0, source: label }),
      );
      // What the new graph is built from: the sources kept, then the new one.
      let extra: Quads | undefined;
      let ranges: SourceRange[];
      let name = "";
      if (mode === "remove") {
        const kept: RdfQuad[] = [];
        extra = kept;
        ranges = [];
        for (const r of this.#ranges) {
          if (r.name === input.name) continue;
          const start = kept.length;
          for (let i = r.start; i < r.end; i++) kept.push(quadAt(this.#quads, i));
          ranges.push({ name: r.name, start, end: kept.length });
        }
      } else {
        name = this.#uniqueName(input.name ?? shortSourceName(source.sourceName));
        extra = mode === "merge" ? this.#quads : undefined;
        ranges = mode === "merge" ? [...this.#ranges] : [];
      }
      const before = extra?.length ?? 0;
      const onProgress = (p: LoadProgress): void => show({ ...p, source: label });
      const run = await timed("import", () =>
        this.#loader.run(source, {
          languages,
          maxTriples: Math.max(1, limits.maxTriples - before),
          sample: input.sample === true,
          extra,
          blankPrefix: mode === "merge" ? `s${++this.#sourceSeq}.` : undefined,
          jsonldContexts: this.jsonldContexts,
          signal,
          onProgress,
        }),
      );
      if (mode !== "remove") ranges.push({ name, start: before, end: run.quads.length });
      const graph: OrgraphGraph = run.graph;
      const baseUrl = input.url !== undefined ? source.sourceName : undefined;
      // The swap (issue 6): everything the new graph needs is prepared apart, in slices (the
      // page answers between two, a cancel stops there and leaves the graph shown as it was);
      // only then is it shown.
      const step = (name: SwapStep): void =>
        show({
          phase: "swap",
          step: name,
          bytes: source.size,
          totalBytes: source.size,
          triples: run.quads.length,
          source: label,
        });
      const pause = async (): Promise<void> => {
        await macrotask();
        if (signal.aborted || seq !== this.#loadSeq) {
          throw new OrgraphError("cancelled", `Loading ${label} was cancelled.`);
        }
      };
      step("statements");
      await pause();
      if (ranges.length > 1)
        await timed("attribute-sources", () => attributeSources(graph, run.quads, ranges));
      const model = await timed("who-said-what", () =>
        WhoSaidWhat.prepare(
          { graph, quads: run.quads, languages, baseUrl, texts: input.texts },
          pause,
        ),
      );
      step("info");
      await pause();
      const info = await timed("dataset-info", () =>
        this.#widget.prepareInfo(run.quads, baseUrl, pause),
      );
      step("search");
      await pause();
      await timed("search-index", () => this.#view.prepareSearchIndex(graph, signal));
      let versionHash = mode === "remove" ? "" : run.version;
      if (mode !== "replace") {
        versionHash = await datasetVersion(`${this.#version}\n${versionHash}`);
      }
      step("layout");
      await pause();
      await timed("layout-prepare", () => this.#layout.prepare(graph, pause));
      // Until the swap, the layout's positions are kept apart (sigma is set up on the seeded
      // ones): written into the graph then, on the renderer shown, in a task of its own.
      this.#layout.hold(graph);
      held = graph;
      step("drawing");
      await pause();
      await this.updateComplete;
      if (signal.aborted || seq !== this.#loadSeq) await pause();
      // Sigma's set-up on the new graph, in a hidden layer and in slices (a cancel drops it).
      const created = this.isConnected
        ? await timed("create-renderer", () => this.#createRendererInSlices(graph, pause))
        : null;
      let outOfDate: { asOf: string | null; edges: string[] } | null = null;
      try {
        await pause();
        // The commit's visible set, filter counts and hidden items, ready before the swap.
        await timed("prepare-show", () =>
          this.#view.prepareShow(graph, created?.renderer ?? null, pause),
        );
        await pause();
        // The new model's edges out of date at the "as of" date, for the swap.
        const asOf = this._wsw.asOf;
        outOfDate = { asOf, edges: timedSync("out-of-date", () => model.outOfDate(asOf)) };
        await pause();
      } catch (error) {
        this.#view.forgetPrepared();
        this.#dropRenderer(created);
        throw error;
      }
      // Past this point the new graph is shown: no more cancel.
      const hidden =
        outOfDate?.asOf === this._wsw.asOf ? outOfDate.edges : model.outOfDate(this._wsw.asOf);
      if (created) timedSync("mount", () => this.#install(created, graph, hidden));
      this.#graph = graph;
      this._selected = null;
      this._error = null;
      this._wsw = { ...this._wsw, model, statement: null, focus: null, filter: {} };
      if (!created) this.#renderer?.setOutOfDate(hidden);
      this.#leaveEndpoint();
      timedSync("view-loaded", () => this.#view.loaded(graph, run.quads));
      this.#widget.loaded(info, versionHash);
      this.#quads = run.quads;
      this.#ranges = ranges;
      this.#version = versionHash;
      this.#syncSources(
        mode === "replace" ? [] : this._sources,
        name,
        source,
        input,
        run.quads.length - before,
      );
      const summary: LoadSummary = {
        triples: run.quads.length,
        nodes: graph.order,
        edges: graph.size,
        warnings: model.warnings.length,
      };
      this._summary = summary;
      this._loading = false;
      if (this._progress) this._progress = { ...this._progress, percent: 100 };
      timedSync("load-event", () => this.dispatchEvent(new OrgraphLoadEvent(summary)));
      timedSync("widget-after-load", () => this.#widget.afterLoad(summary));
      // The positions found meanwhile, on the graph shown, after the swap's task.
      setTimeout(() => timedSync("layout-release", () => this.#layout.release(graph)), 0);
      // The bar stays at 100 % a moment.
      setTimeout(() => {
        if (seq === this.#loadSeq && !this._loading) this._progress = null;
      }, 600);
      return summary;
    } catch (error) {
      // A cancelled or failed load: its graph's layout stops, its positions are dropped.
      if (held) this.#layout.release(held, false);
      if (seq === this.#loadSeq) {
        this._loading = false;
        this._progress = null;
        const code = (error as { code?: unknown } | null)?.code;
        // A cancel is no error: the graph stays as it was, without a banner.
        if (
          !(error instanceof DOMException && error.name === "AbortError") &&
          code !== "cancelled"
        ) {
          const detail = errorDetail(error);
          this._error = detail;
          // Only the triple cap has a sample to offer (not a size cap, not a JSON-LD limit).
          if ((error as { key?: unknown }).key === "triple-cap" && !input.sample) {
            const max = limits.maxTriples - (mode === "merge" ? this.#quads.length : 0);
            this._offer = { input, max: Math.max(1, max) };
          }
          this.dispatchEvent(new OrgraphErrorEvent(detail));
        }
      }
      throw error;
    }
  }

  /** The sources list after a load: the new source added (or the removed one gone). */
  #syncSources(
    previous: readonly LoadedSourceInfo[],
    name: string,
    source: ReadSource,
    input: LoadInput,
    triples: number,
  ): void {
    const names = new Set(this.#ranges.map((r) => r.name));
    const hidden = new Set<string>(this.viewState.hiddenSources);
    const kept = previous
      .filter((s) => names.has(s.name))
      .map((s) => ({ ...s, shown: !hidden.has(loadedSourceKey(s.name)) }));
    if (name !== "") {
      kept.push({
        name,
        format: source.format,
        triples,
        time: Date.now(),
        shown: true,
        sample: input.sample === true,
      });
    }
    this._sources = kept;
    // Forget the filter keys of sources no longer loaded.
    const all = this.viewState.hiddenSources;
    const stale = all.filter(
      (k) => k.startsWith("source:") && !names.has(k.slice("source:".length)),
    );
    if (stale.length > 0) this.setFilters({ hiddenSources: all.filter((k) => !stale.includes(k)) });
  }

  /** Whether the page may load other data from the UI (not `readonly`, toolbar shown). */
  get #canLoadFromUi(): boolean {
    const settings = this.#widget.settings;
    return !settings.readonly && settings.controls.includes("toolbar");
  }

  #loadFromUi(input: LoadInput): void {
    this._offer = null;
    const mode = this._merge ? "merge" : "replace";
    void this.load({ ...input, mode }).catch(() => undefined);
  }

  #dragOver = (event: DragEvent): void => {
    if (!this.#canLoadFromUi || !event.dataTransfer?.types.includes("Files")) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = "copy";
    this._dropping = true;
  };

  #dragLeave = (event: DragEvent): void => {
    const stage = event.currentTarget as HTMLElement;
    if (event.relatedTarget instanceof Node && stage.contains(event.relatedTarget)) return;
    this._dropping = false;
  };

  #drop = (event: DragEvent): void => {
    this._dropping = false;
    if (!this.#canLoadFromUi) return;
    const file = event.dataTransfer?.files[0];
    if (!file) return;
    event.preventDefault();
    this.#loadFromUi({ file });
  };

  #renderLoading(lang: Lang) {
    const canLoad = this.#canLoadFromUi;
    const progress = this._progress;
    const offer = this._offer;
    return html`${
      canLoad
        ? renderLoadPanel({
            lang,
            open: this._loadOpen,
            busy: this._loading,
            merge: this._merge,
            sources: this._sources,
            onToggle: () => (this._loadOpen = !this._loadOpen),
            onMode: (merge) => (this._merge = merge),
            onFile: (file) => this.#loadFromUi({ file }),
            onUrl: (url) => this.#loadFromUi({ url }),
            onText: (text, format) => this.#loadFromUi({ text, format }),
            onShow: (name, shown) => this.showSource(name, shown),
            onRemove: (name) => void this.removeSource(name).catch(() => undefined),
          })
        : nothing
    }
    ${
      progress
        ? renderLoadProgress({
            lang,
            progress,
            percent: progress.percent,
            onCancel: () => this.cancelLoad(),
          })
        : nothing
    }
    ${
      offer && !progress
        ? renderSampleOffer({
            lang,
            max: offer.max,
            onSample: () => {
              this._offer = null;
              void this.load({ ...offer.input, sample: true }).catch(() => undefined);
            },
            onDismiss: () => (this._offer = null),
          })
        : nothing
    }
    ${this._dropping ? renderDropZone(lang) : nothing}`;
  }

  // -------------------------------------------------------------------------------------------
  // SPARQL endpoint (issue 7): src/embed/endpoint-source.ts, src/ui/endpoint-panel.ts.

  /** Made on first use: endpoint-source.ts (and the SPARQL runner) load on demand. */
  #endpoint: EndpointSource | null = null;
  #endpointLoading: Promise<EndpointSource> | null = null;
  /** Limits and worker choice set before the source exists; handed to it when it is made. */
  #endpointSettings: EndpointSettings = { ...DEFAULT_ENDPOINT_SETTINGS };
  #endpointInWorker = true;
  /** The endpoint's search box: made at its first render, in the toolbar (loaded with the panels). */
  #endpointSearch: EndpointSearchController | null = null;
  #endpointSearchBox(lang: Lang) {
    const panels = panelsModule.get(() => this.requestUpdate());
    const source = this.#endpoint;
    if (!panels || !source) return null;
    this.#endpointSearch ??= new panels.EndpointSearchController(this, {
      search: (text, immediate) => source.search(text, { immediate }),
      hits: () => source.hits,
      searching: () => source.searching,
      onChoose: (iri) => void this.openResource(iri),
    });
    return this.#endpointSearch.render(lang);
  }

  /** The endpoint source, loaded and made once (rejects once the element is destroyed). */
  #endpointSource(): Promise<EndpointSource> {
    if (this.#endpoint) return Promise.resolve(this.#endpoint);
    this.#endpointLoading ??= endpointModule.load().then(
      (module) => {
        if (this.#destroyed) {
          throw new DOMException("The element was destroyed", "InvalidStateError");
        }
        this.#endpoint ??= this.#installEndpoint(module);
        return this.#endpoint;
      },
      (error: unknown) => {
        this.#endpointLoading = null;
        throw error;
      },
    );
    return this.#endpointLoading;
  }

  #installEndpoint(module: typeof import("./endpoint-source")): EndpointSource {
    const source: EndpointSource = new module.EndpointSource({
      state: () => this.viewState,
      setState: (state) => this.setViewState(state),
      graph: () => this.#graph,
      languages: () => {
        const lang = this.uiLang;
        return [lang, lang === "fr" ? "en" : "fr"];
      },
      show: (graph, quads, options) => this.#showEndpointGraph(graph, quads, options),
      fail: (error) => {
        const detail: ErrorDetail = {
          ...errorDetail(error),
          message: endpointErrorMessage(error, this.uiLang),
          source: source.endpoint,
        };
        this._error = detail;
        this.dispatchEvent(new OrgraphErrorEvent(detail));
      },
      busy: (busy) => (this._loading = busy),
      changed: () => this.requestUpdate(),
      focus: (key) => void this.focusNode(key),
    });
    source.configure(this.#endpointSettings);
    source.runner.useWorker = this.#endpointInWorker;
    return source;
  }

  /** Follows the view state: a change of its endpoint steps syncs the endpoint source to it. */
  #watchEndpointState(): void {
    let seen: ViewState | null = null;
    this.addEventListener("orgraph-viewstate", (event) => {
      if (event.target !== this) return;
      const state = (event as CustomEvent<ViewState>).detail;
      const prev = seen;
      seen = state;
      if (endpointChanged(prev, state) && (state.endpoint !== null || this.#endpoint?.active)) {
        this.#endpointSource().then(
          (source) => void source.sync(),
          () => undefined,
        );
      }
    });
  }

  async #loadEndpoint(input: LoadInput): Promise<LoadSummary> {
    if (this.#destroyed) throw new DOMException("The element was destroyed", "InvalidStateError");
    this.#loadSeq++;
    try {
      const source = await this.#endpointSource();
      await source.load({
        endpoint: input.endpoint!,
        defaultGraph: input.defaultGraph,
        start: input.start,
      });
    } catch (error) {
      const detail = errorDetail(error);
      this._error = detail;
      this.dispatchEvent(new OrgraphErrorEvent(detail));
      throw error;
    }
    const graph = this.#graph;
    return {
      triples: this._summary?.triples ?? 0,
      nodes: graph?.order ?? 0,
      edges: graph?.size ?? 0,
      warnings: this._summary?.warnings ?? 0,
    };
  }

  /** A document replaces the endpoint: forget it (and what the view state says of it). */
  #leaveEndpoint(): void {
    if (!this.#endpoint?.active && this.viewState.endpoint === null) return;
    this.#endpoint?.detach();
    if (this.viewState.endpoint !== null) this.#view.set(setEndpoint(this.viewState, null));
  }

  /** Swaps in a graph fetched from the endpoint; positions and camera kept unless `layout`. */
  async #showEndpointGraph(
    graph: OrgraphGraph,
    quads: readonly RdfQuad[],
    options: { layout: boolean },
  ): Promise<void> {
    const camera = options.layout ? null : this.camera;
    if (options.layout) await this.#layout.prepare(graph);
    else this.#layout.stop();
    const lang = this.uiLang;
    const model = await WhoSaidWhat.prepare({
      graph,
      quads,
      languages: [lang, lang === "fr" ? "en" : "fr"],
    });
    await this.updateComplete;
    if (this.#destroyed) return;
    if (this.isConnected) this.#mount(graph);
    this.#graph = graph;
    this._selected = null;
    this._wsw = { ...this._wsw, model, statement: null, focus: null };
    this.#renderer?.setOutOfDate(model.outOfDate(this._wsw.asOf));
    this.#view.loaded(graph, quads);
    // A live endpoint has no dataset version, title or sources to cite: the caption must not
    // keep those of the document it replaced (its `v=` would pin a view to the wrong data).
    this.#widget.loaded(null, "");
    this.#version = "";
    if (camera) this.camera = camera;
    const summary: LoadSummary = {
      triples: quads.length,
      nodes: graph.order,
      edges: graph.size,
      warnings: model.warnings.length,
    };
    this._summary = summary;
    this.dispatchEvent(new OrgraphLoadEvent(summary));
  }

  #renderConnections(key: string, lang: Lang) {
    const panels = panelsModule.get(() => this.requestUpdate());
    const source = this.#endpoint;
    if (!source?.active || key.startsWith("_:") || !panels) return nothing;
    return panels.renderConnections({
      lang,
      key,
      counts: source.countsOf(key),
      isLoaded: (c) => source.isExpanded({ node: key, ...c }),
      isPending: (c) => source.isPending({ node: key, ...c }),
      onShow: () => void source.loadCounts(key),
      onExpand: (c) => void this.expandRelation(key, c.predicate, c.direction),
    });
  }

  /** false: endpoint requests run on the page, never in the SPARQL worker. */
  get endpointInWorker(): boolean {
    return this.#endpoint?.runner.useWorker ?? this.#endpointInWorker;
  }

  set endpointInWorker(value: boolean) {
    this.#endpointInWorker = value !== false;
    if (this.#endpoint) this.#endpoint.runner.useWorker = this.#endpointInWorker;
  }

  /** Whether the last endpoint request ran in the SPARQL worker. */
  get lastEndpointInWorker(): boolean {
    return this.#endpoint?.runner.lastInWorker ?? false;
  }

  /** The request limits of the endpoint source (time, rows, search and neighbour limits). */
  get endpointSettings(): EndpointSettings {
    return { ...(this.#endpoint?.settings ?? this.#endpointSettings) };
  }

  /** Changes the request limits (they apply to the next requests). */
  set endpointSettings(value: Partial<EndpointSettings>) {
    this.#endpointSettings = { ...this.#endpointSettings, ...value };
    this.#endpoint?.configure(value);
  }

  /** Searches the endpoint by label now (no debounce); the hits are also listed by the box. */
  searchEndpoint(text: string): Promise<SearchHit[]> {
    return this.#endpointSource().then((source) => source.search(text, { immediate: true }));
  }

  /** Opens an IRI on the endpoint: it and its neighbours are fetched, merged and selected. */
  openResource(iri: string): Promise<boolean> {
    return this.#endpointSource().then((source) => source.open(iri));
  }

  /** The relations of a node on the endpoint, with counts (fetched; null on failure). */
  async connections(key: string): Promise<readonly ConnectionCount[] | null> {
    return (await this.#endpointSource()).loadCounts(key);
  }

  /** Loads one relation of a node from the endpoint ("expand") and merges it. */
  expandRelation(key: string, predicate: string, direction: "out" | "in"): Promise<boolean> {
    return this.#endpointSource().then((source) =>
      source.expand({ node: key, predicate, direction }),
    );
  }

  /** Cancels every endpoint request in flight. */
  cancelRequests(): void {
    this.#endpoint?.cancel();
  }

  /** Selects a node (null clears). Returns false, changing nothing, for an unknown key. */
  select(key: string | null, options: { center?: boolean } = {}): boolean {
    if (key !== null && !this.#graph?.hasNode(key)) return false;
    // A selection made by hand ends the statement's highlight.
    if (!this.#keepHighlight && (this._wsw.statement !== null || this.highlighted.length)) {
      this.#renderer?.highlight([]);
      this._wsw = { ...this._wsw, statement: null };
    }
    if (key === this._selected) return true;
    this._selected = key;
    this.#renderer?.select(key, options);
    this.#view.noteSelection(key);
    const graph = this.#graph;
    this.dispatchEvent(
      new OrgraphSelectEvent(
        key === null || !graph
          ? null
          : {
              key,
              label: graph.getNodeAttribute(key, "label"),
              category: graph.getNodeAttribute(key, "category"),
            },
      ),
    );
    return true;
  }

  #keepHighlight = false;

  /** The selector warnings of the last load (every one; none dropped). */
  get spanWarnings() {
    return this._wsw.model?.warnings ?? [];
  }

  /** The statements of the graph shown, in text order. */
  get statements() {
    return this._wsw.model?.statements ?? [];
  }

  /** The highlighted nodes (e.g. a statement's speaker and what it mentions). */
  get highlighted(): readonly string[] {
    return this.#renderer?.highlighted ?? [];
  }

  /** The edges hidden because the "as of" date is outside their period. */
  get outOfDate(): readonly string[] {
    return this.#renderer?.outOfDate ?? [];
  }

  /** The "as of" date ("2010", "2010-03", "2010-03-15"), or null for any date. */
  get asOf(): string | null {
    return this._wsw.asOf;
  }

  set asOf(value: string | null) {
    const next = value === null || value === "" ? null : String(value);
    this._wsw = { ...this._wsw, asOf: next };
    const graph = this.#graph;
    this.#renderer?.setOutOfDate(graph ? (this._wsw.model?.outOfDateIn(graph, next) ?? []) : []);
  }

  /** The side panel's view. */
  get tab(): PanelTab {
    return this._wsw.tab;
  }

  set tab(value: PanelTab) {
    this._wsw = { ...this._wsw, tab: value, scroll: value === "source" };
  }

  /** Selects a statement: its speaker, the highlight, the source text at the quote. */
  selectStatement(key: string): boolean {
    const model = this._wsw.model;
    const record = model?.statements.find((s) => s.key === key);
    if (!model || !record) return false;
    this.#keepHighlight = true;
    try {
      this.select(record.speaker?.key ?? record.key, { center: true });
    } finally {
      this.#keepHighlight = false;
    }
    this.#renderer?.highlight([
      record.key,
      ...(record.speaker ? [record.speaker.key] : []),
      ...record.mentions.map((m) => m.key),
    ]);
    this._wsw = {
      ...this._wsw,
      statement: key,
      focus: model.quoteFocus(record),
      tab: "source",
      scroll: true,
    };
    return true;
  }

  /** Opens the source text at the spans of a node or an edge. Returns false when it has none. */
  showInSource(key: string): boolean {
    const focus = this._wsw.model?.focusOf(key) ?? null;
    if (!focus) return false;
    this._wsw = { ...this._wsw, focus, tab: "source", scroll: true };
    return true;
  }

  /** A mark of the source text was activated: select what its span supports. */
  #activateMark(focus: SourceFocus, annotation: string): void {
    const model = this._wsw.model;
    if (!model) return;
    const target = model.markTarget(annotation);
    if (!target) return;
    if (model.graph.getNodeAttribute(target.primary, "category") === "statement") {
      this.selectStatement(target.primary);
      return;
    }
    this.#keepHighlight = true;
    try {
      this.select(target.primary, { center: true });
    } finally {
      this.#keepHighlight = false;
    }
    this.#renderer?.highlight(target.nodes);
    this._wsw = { ...this._wsw, statement: null, focus, scroll: false };
  }

  protected override update(changed: PropertyValues<this>): void {
    timedSync("render", () => super.update(changed));
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has("_edgeTip")) placeEdgeTooltip(this.renderRoot, this._edgeTip);
    if (this._wsw.scroll && this._wsw.tab === "source") {
      this._wsw.scroll = false;
      const mark = this.renderRoot.querySelector(".source-text mark.focus");
      mark?.scrollIntoView({ block: "center" });
    }
  }

  /** Creates a renderer for `graph` in a fresh layer; replaces the old one only on success. */
  #mount(graph: OrgraphGraph): void {
    const created = this.#createRenderer(graph);
    if (created) this.#install(created, graph);
  }

  /**
   * A renderer for `graph` in a fresh layer, hidden and not yet in use (see #install): sigma's
   * set-up runs in a task of its own, before the swap, and a cancel can still drop it.
   */
  #createRenderer(graph: OrgraphGraph): { renderer: OrgraphRenderer; layer: HTMLElement } | null {
    const host = this.renderRoot.querySelector<HTMLElement>(".sigma");
    if (!host) return null;
    const layer = this.#hiddenLayer(host);
    try {
      const renderer = createRenderer(
        layer,
        graph,
        this.#rendererOptions(() => renderer),
      );
      return { renderer, layer };
    } catch (error) {
      layer.remove();
      throw error;
    }
  }

  /** A fresh layer in `host` for a renderer not yet in use. */
  #hiddenLayer(host: HTMLElement): HTMLElement {
    const layer = document.createElement("div");
    layer.className = "sigma-layer";
    // Hidden (CSSOM: a page's CSP may forbid inline styles) but laid out: sigma reads its size.
    layer.style.visibility = "hidden";
    host.append(layer);
    return layer;
  }

  /** The callbacks of a renderer (`own()`: that renderer), which act only once it is shown. */
  #rendererOptions(own: () => OrgraphRenderer | null): {
    onSelect: (key: string | null) => void;
    onEdgeHover: (key: string | null, point: { x: number; y: number } | null) => void;
    theme: Widget["canvasTheme"];
  } {
    return {
      // The canvas follows `theme` from its first frame (later changes: Widget.attributeChanged).
      theme: this.#widget.canvasTheme,
      onSelect: (key) => {
        const renderer = own();
        if (renderer && this.#renderer === renderer) this.select(key);
      },
      onEdgeHover: (key, point) => {
        const renderer = own();
        if (!renderer || this.#renderer !== renderer) return;
        this._edgeTip = key !== null && point ? { key, x: point.x, y: point.y } : null;
      },
    };
  }

  /**
   * #createRenderer with sigma's set-up in slices, `pause` between two (issue 6): the layer stays
   * hidden until #install; if `pause` rejects (a cancel), the layer and renderer are dropped.
   */
  async #createRendererInSlices(
    graph: OrgraphGraph,
    pause: () => Promise<void>,
  ): Promise<{ renderer: OrgraphRenderer; layer: HTMLElement } | null> {
    const host = this.renderRoot.querySelector<HTMLElement>(".sigma");
    if (!host) return null;
    // A big graph's renderer uses the scale kit, loaded on demand: there before the layer is.
    if (needsScaleKit(graph)) await loadScaleKit().catch(() => null);
    await pause();
    const layer = this.#hiddenLayer(host);
    try {
      let renderer: OrgraphRenderer | null = null;
      // Styled in the view's data languages from the start: no restyle of every item at the swap.
      const options = {
        ...this.#rendererOptions(() => renderer),
        display: { languages: effectiveDataLanguages(this.viewState) },
      };
      renderer = await createRendererInSlices(layer, graph, pause, options);
      return { renderer, layer };
    } catch (error) {
      layer.remove();
      throw error;
    }
  }

  /** Drops a renderer made by #createRenderer that was not installed (a cancelled load). */
  #dropRenderer(created: { renderer: OrgraphRenderer; layer: HTMLElement } | null): void {
    created?.renderer.destroy();
    created?.layer.remove();
  }

  /** Shows a renderer made by #createRenderer in place of the old one. */
  #install(
    { renderer, layer }: { renderer: OrgraphRenderer; layer: HTMLElement },
    graph: OrgraphGraph,
    outOfDate?: readonly string[],
  ): void {
    try {
      // "As of" hides the edges of the graph shown (another build of the same data after the
      // n-ary toggle: its edges are mapped from the model's); a load gives the new model's.
      if (outOfDate === undefined && this._wsw.model) this._wsw.model.display = graph;
      renderer.setOutOfDate(outOfDate ?? this._wsw.model?.outOfDateIn(graph, this._wsw.asOf) ?? []);
    } catch (error) {
      this.#dropRenderer({ renderer, layer });
      throw error;
    }
    // The old renderer goes at once; its WebGL clean-up runs in a task of its own.
    this.#unmount(true);
    layer.style.visibility = "";
    this.#renderer = renderer;
    this.#layer = layer;
    this.#view.attach();
    this.#watchCamera(renderer);
    // A resize re-frames the graph (the fit to the new size, in slices on a big graph: see
    // renderer.reframe), not every item restyled and re-indexed (a full refresh: long on a big
    // graph). The observer's first call (the size at observe(), the one sigma was set up with)
    // is no resize.
    let size = `${layer.clientWidth}x${layer.clientHeight}`;
    this.#resizeObserver = new ResizeObserver(() => {
      const now = `${layer.clientWidth}x${layer.clientHeight}`;
      if (now === size) return;
      size = now;
      timedSync("resize-reframe", () => this.#renderer?.reframe());
    });
    this.#resizeObserver.observe(layer);
  }

  /** Removes the renderer; `later`: its destroy() (WebGL clean-up) runs in a later task. */
  #unmount(later = false): void {
    this._edgeTip = null;
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    const renderer = this.#renderer;
    if (later && renderer) setTimeout(() => renderer.destroy(), 0);
    else renderer?.destroy();
    this.#renderer = null;
    this.#layer?.remove();
    this.#layer = null;
  }

  // -------------------------------------------------------------------------------------------
  // Layout, camera and exports (issue 3).

  #layout = new LayoutControl({
    graph: () => this.#graph,
    changed: () => this.requestUpdate(),
    finished: (info) =>
      this.dispatchEvent(
        new CustomEvent<LayoutInfo>("orgraph-layout", {
          detail: info,
          bubbles: true,
          composed: true,
        }),
      ),
  });
  #exportBusy = false;
  #exportMessage = "";
  #cameraTimer: ReturnType<typeof setTimeout> | null = null;
  /** The view state last seen by #onViewState (to tell what changed); installs the hooks. */
  #seenState: ViewState | null = this.#installStateHooks();

  /**
   * The view state's camera, seed and UI language drive sigma's camera, the layout and the `lang`
   * attribute; sigma's camera moves go back into the view state (debounced).
   */
  #installStateHooks(): null {
    this.addEventListener("orgraph-viewstate", (event) => {
      if (event.target === this) this.#onViewState((event as CustomEvent<ViewState>).detail);
    });
    this.addEventListener("orgraph-load", (event) => {
      if (event.target !== this) return;
      // A camera given before the load (e.g. from the URL) applies to the new picture.
      const camera = this.viewState.camera;
      if (!sameCamera(camera, DEFAULT_CAMERA)) this.camera = camera;
    });
    return null;
  }

  #onViewState(state: ViewState): void {
    const prev = this.#seenState;
    this.#seenState = state;
    if (state.seed !== this.#layout.seed || state.layout !== this.#layout.mode) {
      this.#layout.seed = state.seed;
      this.#layout.mode = state.layout;
      if (this.#graph) void this.#layout.run();
    }
    if (prev && prev.uiLanguage !== state.uiLanguage && state.uiLanguage !== this.uiLang) {
      this.setAttribute("lang", state.uiLanguage);
    }
    // Only a camera that was set (URL, back/forward, setViewState) moves sigma: an older camera
    // in the state must not stop a move that has not come back into the state yet.
    const wanted = roundCamera(state.camera);
    const current = this.camera;
    if (
      current &&
      (prev === null || !sameCamera(roundCamera(prev.camera), wanted)) &&
      !sameCamera(roundCamera(current), wanted)
    ) {
      this.camera = state.camera;
    }
  }

  #watchCamera(renderer: OrgraphRenderer): void {
    renderer.sigma?.getCamera().on("updated", () => {
      if (this.#renderer !== renderer) return;
      if (this.#cameraTimer !== null) clearTimeout(this.#cameraTimer);
      this.#cameraTimer = setTimeout(() => {
        this.#cameraTimer = null;
        const camera = this.camera;
        if (this.#renderer !== renderer || !camera) return;
        if (sameCamera(roundCamera(camera), roundCamera(this.viewState.camera))) return;
        try {
          this.setViewState({ camera });
        } catch {
          // A camera out of the view state's bounds (extreme zoom) stays out of the URL.
        }
      }, CAMERA_SETTLE_MS);
    });
  }

  /** The layout: mode, seed, status ("running", "paused", "done", …), progress, in worker. */
  get layout(): LayoutInfo {
    return this.#layout.info;
  }

  /** The layout seed (an unsigned 32-bit integer); set it before a load to lay out with it. */
  get layoutSeed(): number {
    return this.#layout.seed;
  }

  set layoutSeed(value: number) {
    this.#layout.seed = value;
    if (this.viewState.seed !== this.#layout.seed) this.setViewState({ seed: this.#layout.seed });
  }

  /** The layout mode ("force", "circular", "category"); set it before a load to use it. */
  get layoutMode(): LayoutMode {
    return this.#layout.mode;
  }

  set layoutMode(value: LayoutMode) {
    this.#layout.mode = value;
    if (this.viewState.layout !== this.#layout.mode) {
      this.setViewState({ layout: this.#layout.mode });
    }
  }

  /** false: lay out in the page, never in the worker (where a worker is known to fail). */
  get layoutInWorker(): boolean {
    return this.#layout.useWorker;
  }

  set layoutInWorker(value: boolean) {
    this.#layout.useWorker = value !== false;
  }

  /**
   * Runs a layout on the graph shown (by default the current mode and seed), drawing it as it
   * settles; resolves when it is done (or stopped). Fires `orgraph-layout` when done.
   */
  runLayout(options: { mode?: LayoutMode; seed?: number } = {}): Promise<void> {
    if (options.mode !== undefined) this.#layout.mode = options.mode;
    if (options.seed !== undefined) this.#layout.seed = options.seed;
    // Into the view state (and the URL) in one step; #onViewState sees both already set.
    const { mode, seed } = this.#layout;
    if (this.viewState.layout !== mode || this.viewState.seed !== seed) {
      this.setViewState({ layout: mode, seed });
    }
    return this.#layout.run();
  }

  pauseLayout(): void {
    this.#layout.pause();
  }

  resumeLayout(): void {
    this.#layout.resume();
  }

  /** Sigma's camera state ({x, y, ratio, angle}), or null before the first graph is shown. */
  get camera(): Camera | null {
    const state = this.#renderer?.sigma?.getCamera().getState();
    return state ? { x: state.x, y: state.y, ratio: state.ratio, angle: state.angle } : null;
  }

  set camera(value: Camera | null) {
    if (value) this.#renderer?.sigma?.getCamera().setState(value);
  }

  /** Makes one export of what is shown (no download): the file and its safe name. */
  exportFile(name: ExportName): Promise<ExportFile> {
    const graph = this.#graph;
    if (!graph) return Promise.reject(new Error("No graph is loaded."));
    const sigma = this.#renderer?.sigma ?? null;
    // The export code loads on demand (orgraph-export-file.js), like the export formats.
    return import("./export-control").then(({ makeExport }) =>
      makeExport(name, graph, sigma, this.src, undefined, this.viewState.hiddenSources),
    );
  }

  /** Makes one export of what is shown and downloads it; resolves with the file name. */
  async download(name: ExportName): Promise<string> {
    const graph = this.#graph;
    const t = toolMessages(this.uiLang);
    if (!graph) throw new Error("No graph is loaded.");
    this.#exportBusy = true;
    this.#exportMessage = t.exporting;
    this.requestUpdate();
    try {
      const { downloadExport } = await import("./export-control");
      const fileName = await downloadExport(
        name,
        graph,
        this.#renderer?.sigma ?? null,
        this.src,
        undefined,
        this.viewState.hiddenSources,
      );
      this.#exportMessage = t.exported(fileName);
      return fileName;
    } catch (error) {
      this.#exportMessage = t.exportFailed(error instanceof Error ? error.message : String(error));
      throw error;
    } finally {
      this.#exportBusy = false;
      this.requestUpdate();
    }
  }

  #renderTools(lang: Lang) {
    const info = this.#layout.info;
    // With the toolbar, which shows with a graph: loaded with the panels (panels.ts).
    const panels = panelsModule.get(() => this.requestUpdate());
    if (!panels) return nothing;
    return html`${panels.renderLayoutTools({
      lang,
      mode: info.mode,
      seed: info.seed,
      status: info.status,
      done: info.done,
      total: info.total,
      inWorker: info.inWorker,
      onMode: (mode) => void this.runLayout({ mode }),
      onRun: () => void this.runLayout(),
      onPause: () => this.pauseLayout(),
      onResume: () => this.resumeLayout(),
      onNewSeed: () => void this.runLayout({ mode: "force", seed: (info.seed + 1) >>> 0 }),
    })}
    ${panels.renderExportMenu({
      lang,
      busy: this.#exportBusy,
      message: this.#exportMessage,
      onExport: (name) => void this.download(name).catch(() => undefined),
    })}`;
  }

  // -------------------------------------------------------------------------------------------
  // Widget (issue 5): configuration, caption, story, camera helpers, destroy.

  #destroyed = false;
  #widget = new Widget({
    element: this,
    renderer: () => this.#renderer,
    setEmphasis: (emphasis) => (this.#view.emphasis = emphasis),
  });

  /** The configuration read from the attributes (see settings.ts). */
  get settings(): WidgetSettings {
    return this.#widget.settings;
  }

  /** The dataset version: first 12 hex digits of the SHA-256 of the loaded text (or null). */
  get datasetVersion(): string | null {
    return this.#graph ? this.#widget.version : null;
  }

  /** The "cite this view" URL (the view state and `v=<version>`); null before a load and for a
   * live endpoint (no version to pin). */
  get citeUrl(): string | null {
    return this.#widget.citeUrl(this.src);
  }

  /** The story shown (from the `story` attribute or `setStory`), or null. */
  get story(): Story | null {
    return this.#widget.story;
  }

  /** The story step shown (1-based). */
  get storyStep(): number {
    return this.#widget.step;
  }

  /** The nodes the story step highlights. */
  get storyNodes(): string[] {
    return this.#widget.storyNodes();
  }

  /** Shows story step `n` (1-based, clamped); false without a story. */
  goToStep(n: number): boolean {
    return this.#widget.goToStep(n);
  }

  /** Shows a story given as data (parsed JSON or its text); throws StoryError when invalid. */
  setStory(story: unknown): void {
    this.#widget.setStory(story);
  }

  /** Focuses the element (no argument or FocusOptions), or flies the camera to a node (key). */
  override focus(options?: FocusOptions): void;
  override focus(key: string): void;
  override focus(arg?: FocusOptions | string): void {
    if (typeof arg === "string") this.focusNode(arg);
    else super.focus(arg);
  }

  /** The camera flies to a node; false for an unknown or hidden node (nothing moves). */
  focusNode(key: string): boolean {
    const renderer = this.#renderer;
    if (this.#destroyed || !renderer || !this.#graph?.hasNode(key)) return false;
    if (renderer.sigma?.getNodeState(key).isHidden) return false;
    renderer.focusNode(key);
    return true;
  }

  /** The camera frames every visible node. */
  fit(): void {
    const visible = this.visibleSubgraph;
    const renderer = this.#renderer;
    if (this.#destroyed || !renderer || !visible) return;
    const camera = frameCamera(renderer, visible.nodes);
    if (!camera) return;
    void renderer.sigma
      ?.getCamera()
      .animate(camera, { duration: 300 })
      .catch(() => undefined);
  }

  /** Changes the filters (the view state's hidden categories, predicates, sources, isolated). */
  setFilters(filters: FilterSettings): void {
    const { hiddenCategories, hiddenPredicates, hiddenSources, hideIsolated } = filters;
    this.setViewState({
      ...(hiddenCategories !== undefined ? { hiddenCategories } : {}),
      ...(hiddenPredicates !== undefined ? { hiddenPredicates } : {}),
      ...(hiddenSources !== undefined ? { hiddenSources } : {}),
      ...(hideIsolated !== undefined ? { hideIsolated } : {}),
    });
  }

  /** Whether destroy() was called. */
  get destroyed(): boolean {
    return this.#destroyed;
  }

  /**
   * Frees the element: the renderer (WebGL contexts), the layout run and its worker, timers,
   * the story fetch; pending loads are dropped. Safe to call twice. The element stays in the
   * page, empty and inert (hidden through its `destroyed` attribute).
   */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#loadSeq++;
    this.#abort?.abort();
    this.#loader.destroy();
    this.#endpoint?.cancel();
    this.#endpoint?.runner.destroy();
    this.#layout.stop();
    this.#unmount();
    if (this.#cameraTimer !== null) clearTimeout(this.#cameraTimer);
    this.#cameraTimer = null;
    this.#widget.destroy();
    this.#graph = null;
    this._loading = false;
    this.inert = true;
    this.setAttribute("destroyed", "");
    this.requestUpdate();
  }

  #dismissError = (): void => {
    this._error = null;
  };

  #panelStyles = false;

  /**
   * Adopts the styles of the panels loaded on demand (panels.ts) once they arrive, at their place
   * among the element's own (after `uiStyles`, before `elementStyles`), as static styles had them.
   */
  #adoptPanelStyles(styles: CSSResult): void {
    const root = this.renderRoot;
    if (this.#panelStyles || !(root instanceof ShadowRoot) || !styles.styleSheet) return;
    this.#panelStyles = true;
    const sheets = [...root.adoptedStyleSheets];
    const before = elementStyles.styleSheet ? sheets.indexOf(elementStyles.styleSheet) : -1;
    sheets.splice(before < 0 ? 0 : before, 0, styles.styleSheet);
    root.adoptedStyleSheets = sheets;
  }

  #frenchErrorsFailed = false;

  /**
   * A load error's text in the interface's language: its English message, or its French
   * sentence (src/ui/load-errors.ts, loaded on demand: null until it is here, so that the
   * alert is announced once, in French; English if it cannot load).
   */
  #errorText(detail: ErrorDetail, lang: Lang): string | null {
    const cause = errorCauses.get(detail);
    if (cause === undefined || lang !== "fr" || this.#frenchErrorsFailed) return detail.message;
    const module = loadErrorsModule.get();
    if (module) return module.loadErrorMessage(cause, lang);
    loadErrorsModule.load().then(
      () => this.requestUpdate(),
      () => {
        this.#frenchErrorsFailed = true;
        this.requestUpdate();
      },
    );
    return null;
  }

  override render() {
    if (this.#destroyed) return nothing;
    const lang = this.uiLang;
    const m = messages(lang);
    const graph = this.#graph;
    const selected = this._selected;
    const summary = this._summary;
    const panels = panelsModule.get(() => this.requestUpdate());
    if (panels) this.#adoptPanelStyles(panels.statementStyles);
    const wsw = panels?.wswRender(this._wsw, lang, {
      update: (patch) => (this._wsw = { ...this._wsw, ...patch }),
      select: (key) => {
        this.select(key, { center: true });
        this.tab = "details";
      },
      selectStatement: (key) => this.selectStatement(key),
      showInSource: (key) => this.showInSource(key),
      setAsOf: (value) => (this.asOf = value),
      activateMark: (focus, annotation) => this.#activateMark(focus, annotation),
    });
    const details =
      graph && selected !== null && graph.hasNode(selected)
        ? panels && wsw
          ? panels.renderDetails({
              graph,
              key: selected,
              lang,
              onSelect: (key) => this.#view.choose(key),
              onClose: () => this.select(null),
              hiddenSources: this.viewState.hiddenSources,
              ...wsw.details(selected),
            })
          : html`<p class="hint">${m.loading}</p>`
        : html`<p class="hint">${m.noSelection}</p>`;
    const toolbar = graph
      ? this.#view.renderToolbar(lang, this.#renderTools(lang), m.resetView)
      : nothing;
    const stats =
      graph && summary
        ? html`<p class="overlay bottom-left stats">
            ${m.nodesEdges(summary.nodes, summary.edges)}
          </p>`
        : nothing;
    const errorText = this._error ? this.#errorText(this._error, lang) : null;
    const banner =
      errorText !== null
        ? html`<div class="banner" role="alert">
            <p class="banner-text">
              <span class="banner-title">${m.errorTitle}</span><br />${errorText}
            </p>
            <button
              type="button"
              class="icon-button"
              aria-label=${m.dismiss}
              @click=${this.#dismissError}
            >
              ×
            </button>
          </div>`
        : nothing;
    const layoutClass = [
      "layout",
      this._wsw.tab === "details" ? "" : "wide",
      graph && this.#view.tableOpen ? "with-table" : "",
      this.#widget.layoutClasses(),
    ].join(" ");
    return html`<div class=${layoutClass} lang=${lang}>
        ${toolbar}
        <div
          class="stage"
          @dragenter=${this.#dragOver}
          @dragover=${this.#dragOver}
          @dragleave=${this.#dragLeave}
          @drop=${this.#drop}
        >
          <div
            class="sigma"
            role="img"
            aria-label=${
              graph && summary
                ? toolMessages(lang).canvasLabel(summary.nodes, summary.edges)
                : nothing
            }
          ></div>
          ${this.#view.renderNodeTools(lang)} ${this.#view.renderDrawer(lang)} ${stats}
          ${
            this.#endpoint?.active && graph?.order === 0 && !this._loading
              ? html`<p class="overlay endpoint-hint">${endpointMessages(lang).openHint}</p>`
              : nothing
          }
          ${panels ? panels.renderEdgeTooltip(graph, this._edgeTip, lang) : nothing}
          ${graph && wsw ? wsw.asOfControl(this.outOfDate.length) : nothing}
          ${this._loading ? html`<div class="loading" role="status">${m.loading}</div>` : nothing}
          ${this.#renderLoading(lang)}
        </div>
        <aside class="panel" aria-label=${m.details}>
          ${graph && wsw ? wsw.tabs() : nothing}
          ${
            this._wsw.tab === "details" || !graph
              ? html`${graph ? this.#view.renderLegend(lang) : nothing}
                  <div class="details-body">${details}</div>`
              : (wsw?.view() ?? html`<p class="hint">${m.loading}</p>`)
          }
        </aside>
        ${this.#view.renderTable(lang)}
      </div>
      ${banner} ${this.#widget.renderStory(lang)} ${this.#widget.renderCaption(lang, this.src)}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "orgraph-explorer": OrgraphExplorer;
  }
}
