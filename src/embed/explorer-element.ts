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
 * - `format`: `turtle` | `trig` | `n-triples` | `n-quads` (or their labels, e.g. "TriG").
 * - `lang`: `fr` | `en`, the interface language (also the preferred language of node labels).
 *   Without it, the closest ancestor's `lang` is used, then English.
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
 *   `nodeDisplay(key)`: how the renderer draws a node ({ color, size, hidden }).
 * - The view state's `seed` lays the graph out (a new seed re-runs the layout), `camera` moves
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
 *   "gexf", "graphml", "turtle", "n-triples", "nodes-csv", "edges-csv": what is shown (the
 *   visible subgraph; PNG: the view). The writers load on first use (their own chunk).
 */
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { loadRdf, resolveFormat } from "../core";
import type { OrgraphGraph } from "../core/model/types";
import { createRenderer, type OrgraphRenderer } from "../render";
import type { LayoutMode } from "../render/layout";
import { DEFAULT_CAMERA, type Camera } from "../core/state/view-state";
import { CAMERA_SETTLE_MS, roundCamera, sameCamera } from "./camera";
import { toolMessages } from "../ui/messages";
import { renderExportMenu, renderLayoutTools, toolStyles, type ExportName } from "../ui/tools";
import { LayoutControl, type LayoutInfo } from "./layout-control";
import { downloadExport, makeExport, type ExportFile } from "./export-control";
import {
  isLang,
  messages,
  renderDetails,
  uiStyles,
  statementStyles,
  type Lang,
  type SourceFocus,
} from "../ui";
import { WhoSaidWhat, wswRender, type PanelTab, type WswState } from "./who-said-what-view";
import { ExplorerView } from "./explorer-view";
import { explorerStyles } from "../ui/explorer-styles";
import type { ShortestPaths, ViewState, VisibleSubgraph } from "../core";
import {
  OrgraphErrorEvent,
  OrgraphLoadEvent,
  OrgraphSelectEvent,
  type ErrorDetail,
  type LoadSummary,
} from "./events";
import { css } from "lit";

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
}

const elementStyles = css`
  .sigma > .sigma-layer {
    position: absolute;
    inset: 0;
  }
`;

function errorDetail(error: unknown): ErrorDetail {
  const e = error as { message?: unknown; line?: unknown; column?: unknown; source?: unknown };
  return {
    message: typeof e?.message === "string" ? e.message : String(error),
    line: typeof e?.line === "number" ? e.line : null,
    column: typeof e?.column === "number" ? e.column : null,
    source: typeof e?.source === "string" ? e.source : null,
  };
}

export class OrgraphExplorer extends LitElement {
  static override styles = [uiStyles, statementStyles, elementStyles, toolStyles, explorerStyles];

  static override properties = {
    src: { type: String },
    format: { type: String },
    _error: { state: true },
    _loading: { state: true },
    _selected: { state: true },
    _summary: { state: true },
    _wsw: { state: true },
  };

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, "lang"];
  }

  declare src: string | null;
  declare format: string | null;
  declare _error: ErrorDetail | null;
  declare _loading: boolean;
  declare _selected: string | null;
  declare _summary: LoadSummary | null;
  /** Who said what: statements, texts, tabs, "as of" (see who-said-what-view.ts). */
  declare _wsw: WswState;

  #graph: OrgraphGraph | null = null;
  #renderer: OrgraphRenderer | null = null;
  #layer: HTMLElement | null = null;
  #loadSeq = 0;
  #resizeObserver: ResizeObserver | null = null;

  constructor() {
    super();
    this.src = null;
    this.format = null;
    this._error = null;
    this._loading = false;
    this._selected = null;
    this._summary = null;
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
   * How the renderer draws a node now (display data, not graph attributes): colour, size and
   * whether it is hidden; null for an unknown key or before a graph is shown.
   */
  nodeDisplay(key: string): { color: string; size: number; hidden: boolean } | null {
    const sigma = this.#renderer?.sigma;
    if (!sigma || !this.#graph?.hasNode(key)) return null;
    const data = sigma.getNodeDisplayData(key);
    if (!data) return null;
    return { color: data.color, size: data.size, hidden: sigma.getNodeState(key).isHidden };
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
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Re-attached after a removal: bring the renderer back for the graph we still hold.
    if (this.#graph && !this.#renderer) {
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
    if ((changed.has("src") || changed.has("format")) && this.src) {
      // Errors are reported through the banner and `orgraph-error`; nothing to rethrow here.
      this.load({ url: this.src, format: this.format ?? undefined }).catch(() => undefined);
    }
  }

  /** Loads RDF and swaps the new graph in only when everything succeeded. */
  async load(input: LoadInput): Promise<LoadSummary> {
    const seq = ++this.#loadSeq;
    this._loading = true;
    try {
      const { text, format, baseIRI, sourceName } = await this.#read(input);
      const lang = this.uiLang;
      const result = loadRdf(text, {
        format,
        baseIRI,
        sourceName,
        languages: [lang, lang === "fr" ? "en" : "fr"],
      });
      const graph: OrgraphGraph = result.graph;
      await this.#layout.prepare(graph);
      const model = await WhoSaidWhat.prepare({
        graph,
        quads: result.quads,
        languages: [lang, lang === "fr" ? "en" : "fr"],
        baseUrl: input.url !== undefined ? sourceName : undefined,
        texts: input.texts,
      });
      if (seq !== this.#loadSeq) throw new DOMException("Superseded by a later load", "AbortError");
      await this.updateComplete;
      if (this.isConnected) this.#mount(graph);
      this.#graph = graph;
      this._selected = null;
      this._error = null;
      this._wsw = { ...this._wsw, model, statement: null, focus: null, filter: {} };
      this.#renderer?.setOutOfDate(model.outOfDate(this._wsw.asOf));
      this.#view.loaded(graph, result.quads);
      const summary: LoadSummary = {
        triples: result.triples,
        nodes: graph.order,
        edges: graph.size,
        warnings: model.warnings.length,
      };
      this._summary = summary;
      this._loading = false;
      this.dispatchEvent(new OrgraphLoadEvent(summary));
      return summary;
    } catch (error) {
      if (seq === this.#loadSeq) {
        this._loading = false;
        if (!(error instanceof DOMException && error.name === "AbortError")) {
          const detail = errorDetail(error);
          this._error = detail;
          this.dispatchEvent(new OrgraphErrorEvent(detail));
        }
      }
      throw error;
    }
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
    this.#renderer?.setOutOfDate(this._wsw.model?.outOfDate(next) ?? []);
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

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this._wsw.scroll && this._wsw.tab === "source") {
      this._wsw.scroll = false;
      const mark = this.renderRoot.querySelector(".source-text mark.focus");
      mark?.scrollIntoView({ block: "center" });
    }
  }

  async #read(input: LoadInput): Promise<{
    text: string;
    format: ReturnType<typeof resolveFormat>;
    baseIRI?: string;
    sourceName: string;
  }> {
    if (input.text !== undefined) {
      return {
        text: input.text,
        format: resolveFormat({ format: input.format }),
        baseIRI: input.baseIRI,
        sourceName: "text",
      };
    }
    if (input.file !== undefined) {
      const name = (input.file as File).name || "file";
      const format = resolveFormat({
        format: input.format,
        mime: input.format === undefined && input.file.type ? input.file.type : undefined,
        fileName: name,
      });
      return { text: await input.file.text(), format, baseIRI: input.baseIRI, sourceName: name };
    }
    if (input.url !== undefined) {
      const url = new URL(String(input.url), document.baseURI);
      const response = await fetch(url);
      if (!response.ok) {
        throw Object.assign(
          new Error(
            `Could not fetch ${url.href}: HTTP ${response.status} ${response.statusText}`.trim(),
          ),
          { source: url.href },
        );
      }
      const mime = response.headers.get("content-type") ?? undefined;
      const generic =
        mime === undefined || /^(text\/plain|application\/octet-stream)\b/i.test(mime);
      const format = resolveFormat({
        format: input.format,
        mime: input.format === undefined && !generic ? mime : undefined,
        fileName: url.pathname,
      });
      return {
        text: await response.text(),
        format,
        baseIRI: input.baseIRI ?? url.href,
        sourceName: url.href,
      };
    }
    throw new TypeError("load() needs one of text, url or file.");
  }

  /** Creates a renderer for `graph` in a fresh layer; replaces the old one only on success. */
  #mount(graph: OrgraphGraph): void {
    const host = this.renderRoot.querySelector<HTMLElement>(".sigma");
    if (!host) return;
    const layer = document.createElement("div");
    layer.className = "sigma-layer";
    host.append(layer);
    let renderer: OrgraphRenderer;
    try {
      renderer = createRenderer(layer, graph, {
        onSelect: (key) => this.select(key),
      });
      renderer.setOutOfDate(
        this._wsw.model?.graph === graph ? this._wsw.model.outOfDate(this._wsw.asOf) : [],
      );
    } catch (error) {
      layer.remove();
      throw error;
    }
    this.#unmount();
    this.#renderer = renderer;
    this.#layer = layer;
    this.#view.attach();
    this.#watchCamera(renderer);
    this.#resizeObserver = new ResizeObserver(() => this.#renderer?.sigma?.scheduleRefresh());
    this.#resizeObserver.observe(layer);
  }

  #unmount(): void {
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = null;
    this.#renderer?.destroy();
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
    if (state.seed !== this.#layout.seed) {
      this.#layout.seed = state.seed;
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
    if (options.seed !== undefined) {
      this.#layout.seed = options.seed;
      // Into the view state (and the URL); #onViewState sees the seed already set.
      if (this.viewState.seed !== this.#layout.seed) this.setViewState({ seed: this.#layout.seed });
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
    return makeExport(name, graph, this.#renderer?.sigma ?? null, this.src);
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
      const fileName = await downloadExport(name, graph, this.#renderer?.sigma ?? null, this.src);
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
    return html`${renderLayoutTools({
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
    ${renderExportMenu({
      lang,
      busy: this.#exportBusy,
      message: this.#exportMessage,
      onExport: (name) => void this.download(name).catch(() => undefined),
    })}`;
  }

  #dismissError = (): void => {
    this._error = null;
  };

  override render() {
    const lang = this.uiLang;
    const m = messages(lang);
    const graph = this.#graph;
    const selected = this._selected;
    const summary = this._summary;
    const wsw = wswRender(this._wsw, lang, {
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
        ? renderDetails({
            graph,
            key: selected,
            lang,
            onSelect: (key) => this.#view.choose(key),
            onClose: () => this.select(null),
            ...wsw.details(selected),
          })
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
    const banner = this._error
      ? html`<div class="banner" role="alert">
          <p class="banner-text">
            <span class="banner-title">${m.errorTitle}</span><br />${this._error.message}
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
    ].join(" ");
    return html`<div class=${layoutClass} lang=${lang}>
        ${toolbar}
        <div class="stage">
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
          ${graph ? wsw.asOfControl(this.outOfDate.length) : nothing}
          ${this._loading ? html`<div class="loading" role="status">${m.loading}</div>` : nothing}
        </div>
        <aside class="panel" aria-label=${m.details}>
          ${graph ? wsw.tabs() : nothing}
          ${
            this._wsw.tab === "details" || !graph
              ? html`${graph ? this.#view.renderLegend(lang) : nothing} ${details}`
              : wsw.view()
          }
        </aside>
        ${this.#view.renderTable(lang)}
      </div>
      ${banner}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "orgraph-explorer": OrgraphExplorer;
  }
}
