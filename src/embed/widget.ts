/**
 * The widget half of `<orgraph-explorer>` (issue 5): configuration attributes, caption, story
 * mode and `orgraph-ready`. The element owns one `Widget` and forwards its attributes, its loads
 * and its render to it; see settings.ts, dataset.ts and story.ts for the parts.
 */
import type { Quads } from "../core/rdf/quad-store";
import { nothing, type ReactiveController, type TemplateResult } from "lit";
import { BUILTIN_SOURCE, DEFAULT_VIEW_STATE, type Camera, type ViewState } from "../core";
import type { OrgraphGraph } from "../core/model/types";
import type { CanvasTheme, DisplaySubgraph, OrgraphRenderer } from "../render";
import type { Lang } from "../ui";
import { panelsModule } from "./lazy";
import { datasetInfoSliced, httpUrl, type DatasetInfo } from "./dataset";
import {
  DEFAULT_SETTINGS,
  hasPanel,
  PANELS,
  readSettings,
  SETTINGS_ATTRIBUTES,
  type SettingsAttribute,
  type WidgetSettings,
} from "./settings";
import { localise, parseStory, parseStoryText, type Story } from "./story";
import { OrgraphReadyEvent, OrgraphStoryStepEvent } from "./events";

export interface WidgetHost {
  readonly element: HTMLElement & {
    readonly graph: OrgraphGraph | null;
    readonly viewState: ViewState;
    readonly uiLang: Lang;
    setViewState(state: Partial<ViewState>): void;
    select(key: string | null, options?: { center?: boolean }): boolean;
    requestUpdate(): void;
    addController(controller: ReactiveController): void;
  };
  renderer(): OrgraphRenderer | null;
  /** Highlights nodes and edges, fading the rest (null: none). */
  setEmphasis(emphasis: DisplaySubgraph | null): void;
}

/** A camera that frames `keys` (sigma's framed coordinates), or null when none is drawn. */
export function frameCamera(
  renderer: OrgraphRenderer | null,
  keys: Iterable<string>,
): Camera | null {
  const sigma = renderer?.sigma;
  if (!sigma) return null;
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  let n = 0;
  for (const key of keys) {
    if (!renderer.graph.hasNode(key)) continue;
    if (sigma.getNodeState(key).isHidden) continue;
    const d = sigma.getNodeDisplayData(key);
    if (!d) continue;
    minX = Math.min(minX, d.x);
    maxX = Math.max(maxX, d.x);
    minY = Math.min(minY, d.y);
    maxY = Math.max(maxY, d.y);
    n++;
  }
  if (n === 0) return null;
  const span = Math.max(maxX - minX, maxY - minY);
  const ratio = Math.min(1.1, Math.max(0.15, span * 1.35 + 0.08));
  return { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio, angle: 0 };
}

export class Widget implements ReactiveController {
  #settings: WidgetSettings = DEFAULT_SETTINGS;
  #warned = new Set<string>();
  #heightSheet: CSSStyleSheet | null = null;
  #info: DatasetInfo | null = null;
  #version: string | null = null;
  #ready = false;
  #destroyed = false;
  #story: Story | null = null;
  #storyError: string | null = null;
  #storyUrl: string | null = null;
  #storyAbort: AbortController | null = null;
  #step = 1;
  #timers = new Set<ReturnType<typeof setTimeout>>();
  /** The user's colour scheme, watched while `theme` is auto. */
  #darkScheme: MediaQueryList | null = null;

  constructor(private readonly host: WidgetHost) {
    host.element.addController(this);
  }

  static readonly attributes: readonly string[] = SETTINGS_ATTRIBUTES;

  get settings(): WidgetSettings {
    return this.#settings;
  }

  hostConnected(): void {
    this.#applyHeight();
  }

  /** An observed attribute changed: re-read the settings (warn about bad values, never throw). */
  attributeChanged(name: string): void {
    if (!(SETTINGS_ATTRIBUTES as readonly string[]).includes(name) || this.#destroyed) return;
    const el = this.host.element;
    const values: Partial<Record<SettingsAttribute, string | null>> = {};
    for (const a of SETTINGS_ATTRIBUTES) values[a] = el.getAttribute(a);
    const { settings, problems } = readSettings(values);
    for (const p of problems) {
      const id = `${p.attribute}\u0000${p.value}`;
      if (this.#warned.has(id)) continue;
      this.#warned.add(id);
      console.warn(p.message);
    }
    const prev = this.#settings;
    this.#settings = settings;
    if (prev.height !== settings.height) this.#applyHeight();
    if (prev.theme !== settings.theme) {
      this.#watchScheme(settings.theme === "auto");
      this.host.renderer()?.setTheme(this.canvasTheme);
    }
    if (name === "select" && settings.select !== prev.select && settings.select && el.graph) {
      el.select(settings.select, { center: true });
    }
    if (prev.story !== settings.story) void this.#loadStory(settings.story);
    if (name === "step" && prev.step !== settings.step) this.goToStep(settings.step);
    if (prev.controls !== settings.controls) this.#fixTab();
    el.requestUpdate();
  }

  /**
   * The canvas's theme: `theme`, or with `auto` the user's prefers-color-scheme (the panels
   * follow it in CSS, widget-styles.ts).
   */
  get canvasTheme(): CanvasTheme {
    const theme = this.#settings.theme;
    if (theme !== "auto") return theme;
    return this.#darkScheme?.matches ? "dark" : "light";
  }

  /** Starts (or stops) recolouring the canvas when the user's colour scheme changes. */
  #watchScheme(on: boolean): void {
    if (on && !this.#darkScheme && typeof matchMedia === "function") {
      this.#darkScheme = matchMedia("(prefers-color-scheme: dark)");
      this.#darkScheme.addEventListener("change", this.#onScheme);
    } else if (!on && this.#darkScheme) {
      this.#darkScheme.removeEventListener("change", this.#onScheme);
      this.#darkScheme = null;
    }
  }

  #onScheme = (): void => {
    if (!this.#destroyed) this.host.renderer()?.setTheme(this.canvasTheme);
  };

  /** The side panel's tab must be one that `controls` shows. */
  #fixTab(): void {
    const el = this.host.element as unknown as { tab: string };
    const c = this.#settings.controls;
    if (typeof el.tab !== "string" || c.includes(el.tab as never)) return;
    const next = (["details", "statements", "source"] as const).find((t) => c.includes(t));
    if (next) el.tab = next;
  }

  /** The `height` attribute as a per-instance constructable stylesheet (no style attribute). */
  #applyHeight(): void {
    const root = this.host.element.shadowRoot;
    if (!root || typeof CSSStyleSheet === "undefined") return;
    if (!this.#heightSheet) {
      try {
        this.#heightSheet = new CSSStyleSheet();
      } catch {
        return;
      }
    }
    const h = this.#settings.height;
    // The value matched settings.ts's strict CSS-length pattern: no ; { } or quotes in it.
    this.#heightSheet.replaceSync(h ? `:host { height: ${h} !important; min-height: 0; }` : "");
    if (!root.adoptedStyleSheets.includes(this.#heightSheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, this.#heightSheet];
    }
  }

  /** Classes of the element's `.layout` for `controls` and `readonly`. */
  layoutClasses(): string {
    const c = this.#settings.controls;
    const hidden = PANELS.filter((p) => !c.includes(p)).map((p) => `no-${p}`);
    if (!hasPanel(c)) hidden.push("no-panel");
    if (this.#settings.readonly) hidden.push("readonly");
    return hidden.join(" ");
  }

  /** Whether a panel shows. */
  shows(panel: (typeof PANELS)[number]): boolean {
    return this.#settings.controls.includes(panel);
  }

  // -------------------------------------------------------------------------------------------
  // Loads.

  /** The dataset version: first 12 hex digits of the SHA-256 of the loaded text. */
  get version(): string | null {
    return this.#version;
  }

  get info(): DatasetInfo | null {
    return this.#info;
  }

  /** A graph was swapped in (before `orgraph-load` fires). */
  /**
   * The dataset info of a load's quads (title, sources), read in time slices before its graph
   * is shown; `pause` runs between slices (it yields, and rejects to stop).
   */
  prepareInfo(
    quads: Quads,
    baseUrl: string | undefined,
    pause: () => Promise<void>,
  ): Promise<DatasetInfo> {
    const lang = this.host.element.uiLang;
    return datasetInfoSliced(
      quads,
      {
        languages: [lang, lang === "fr" ? "en" : "fr"],
        baseUrl: baseUrl && httpUrl(baseUrl) ? baseUrl : document.baseURI,
      },
      pause,
    );
  }

  /** A load's graph is shown: its dataset info (from prepareInfo) and version. */
  loaded(info: DatasetInfo | null, version: string): void {
    this.#info = info;
    this.#version = version || null;
  }

  /** After `orgraph-load`: the `select` attribute, the story step, `orgraph-ready` once. */
  afterLoad(summary: object): void {
    const el = this.host.element;
    const select = this.#settings.select;
    if (select) {
      if (!el.select(select, { center: true })) {
        this.#warnOnce(
          `select\u0001${select}`,
          `<orgraph-explorer> attribute "select": no node ${JSON.stringify(select)} in the data.`,
        );
      }
    }
    this.#later(() => {
      if (this.#story) this.goToStep(this.#step, { announce: false });
      if (!this.#ready) {
        this.#ready = true;
        el.dispatchEvent(new OrgraphReadyEvent({ ...summary, version: this.#version } as never));
      }
    });
  }

  #warnOnce(id: string, message: string): void {
    if (this.#warned.has(id)) return;
    this.#warned.add(id);
    console.warn(message);
  }

  /** Runs `fn` after sigma has drawn (two animation frames; a timer where frames do not run). */
  #later(fn: () => void): void {
    let done = false;
    const run = (): void => {
      if (done || this.#destroyed) return;
      done = true;
      fn();
    };
    requestAnimationFrame(() => requestAnimationFrame(run));
    const timer = setTimeout(() => {
      this.#timers.delete(timer);
      run();
    }, 250);
    this.#timers.add(timer);
  }

  // -------------------------------------------------------------------------------------------
  // Story.

  get story(): Story | null {
    return this.#story;
  }

  get storyError(): string | null {
    return this.#storyError;
  }

  get step(): number {
    return this.#step;
  }

  async #loadStory(src: string | null): Promise<void> {
    this.#storyAbort?.abort();
    this.#storyAbort = null;
    this.#story = null;
    this.#storyError = null;
    this.#storyUrl = src;
    this.host.setEmphasis(null);
    this.host.element.requestUpdate();
    if (!src) return;
    const abort = new AbortController();
    this.#storyAbort = abort;
    try {
      const url = new URL(src, document.baseURI);
      if (url.protocol !== "http:" && url.protocol !== "https:") {
        throw new Error(`the story URL must be http(s), not ${url.protocol}`);
      }
      const response = await fetch(url, { signal: abort.signal });
      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url.href}`);
      const story = parseStory(await response.text());
      if (abort.signal.aborted) return;
      this.#story = story;
      this.#step = Math.min(this.#settings.step, story.steps.length);
      if (this.host.element.graph) this.#later(() => this.goToStep(this.#step));
    } catch (error) {
      if (abort.signal.aborted) return;
      this.#storyError = error instanceof Error ? error.message : String(error);
      console.warn(`<orgraph-explorer> story: ${this.#storyError}`);
    }
    this.host.element.requestUpdate();
  }

  /** Loads a story given as data (instead of the `story` attribute). Throws StoryError. */
  setStory(value: unknown): void {
    const story = parseStory(value);
    this.#storyAbort?.abort();
    this.#storyUrl = null;
    this.#story = story;
    this.#storyError = null;
    this.#step = 1;
    if (this.host.element.graph) this.goToStep(1);
    this.host.element.requestUpdate();
  }

  /** Shows step `n` (1-based, clamped): its filters, highlight and camera. */
  goToStep(n: number, options: { announce?: boolean } = {}): boolean {
    const story = this.#story;
    const el = this.host.element;
    if (!story || this.#destroyed) {
      if (Number.isInteger(n) && n >= 1) this.#step = n;
      return false;
    }
    const step = Math.min(Math.max(1, Math.trunc(n) || 1), story.steps.length);
    this.#step = step;
    const graph = el.graph;
    if (graph) {
      const s = story.steps[step - 1]!;
      const f = s.filters;
      try {
        el.setViewState({
          hiddenCategories: f?.hiddenCategories ?? [],
          hiddenPredicates: f?.hiddenPredicates ?? [],
          hiddenSources: f?.hiddenSources ?? [],
          hideIsolated: f?.hideIsolated ?? false,
        });
      } catch (error) {
        console.warn("<orgraph-explorer> story: the step's filters were not applied", error);
      }
      const nodes = s.nodes.filter((k) => graph.hasNode(k));
      const nodeSet = new Set(nodes);
      const edges = new Set<string>();
      if (s.edges) {
        for (const e of s.edges) if (graph.hasEdge(e)) edges.add(e);
      } else {
        graph.forEachEdge((e, _a, source, target) => {
          if (nodeSet.has(source) && nodeSet.has(target)) edges.add(e);
        });
      }
      this.host.setEmphasis(nodes.length ? { nodes: nodeSet, edges } : null);
      this.host.renderer()?.highlight(nodes);
      const camera = s.camera ?? frameCamera(this.host.renderer(), nodes);
      const sigma = this.host.renderer()?.sigma;
      if (camera && sigma) {
        void sigma
          .getCamera()
          .animate(camera, { duration: 400 })
          .catch(() => undefined);
      }
    }
    el.requestUpdate();
    if (options.announce !== false) {
      el.dispatchEvent(new OrgraphStoryStepEvent({ step, total: story.steps.length }));
    }
    return true;
  }

  /** The nodes the current step highlights. */
  storyNodes(): string[] {
    const s = this.#story?.steps[this.#step - 1];
    const graph = this.host.element.graph;
    return s && graph ? s.nodes.filter((k) => graph.hasNode(k)) : [];
  }

  #onStoryKey = (event: KeyboardEvent): void => {
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    if (event.key === "ArrowRight" || event.key === "PageDown") {
      event.preventDefault();
      this.goToStep(this.#step + 1);
    } else if (event.key === "ArrowLeft" || event.key === "PageUp") {
      event.preventDefault();
      this.goToStep(this.#step - 1);
    } else if (event.key === "Home") {
      event.preventDefault();
      this.goToStep(1);
    } else if (event.key === "End" && this.#story) {
      event.preventDefault();
      this.goToStep(this.#story.steps.length);
    }
  };

  /** The link that reopens step `n` of the story (this page, `#step=n`). */
  stepLink(n: number): string | null {
    try {
      const url = new URL(location.href);
      url.hash = `step=${n}`;
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch {
      return null;
    }
  }

  renderStory(lang: Lang): TemplateResult | typeof nothing {
    if (!this.#settings.story && !this.#story) return nothing;
    const panels = panelsModule.get(() => this.host.element.requestUpdate());
    if (!panels) return nothing;
    const story = this.#story;
    if (!story) return this.#storyUrl ? panels.renderStoryStatus(lang, this.#storyError) : nothing;
    const s = story.steps[this.#step - 1];
    if (!s) return nothing;
    return panels.renderStory({
      lang,
      storyTitle: localise(story.title, lang),
      step: this.#step,
      total: story.steps.length,
      title: localise(s.title, lang),
      blocks: parseStoryText(localise(s.text, lang)),
      link: this.stepLink(this.#step),
      onPrevious: () => this.goToStep(this.#step - 1),
      onNext: () => this.goToStep(this.#step + 1),
      onKey: this.#onStoryKey,
    });
  }

  // -------------------------------------------------------------------------------------------
  // Caption.

  /**
   * The "cite this view" URL: `cite-base` (else this page) with the view state in its query
   * (src/core/state/url.ts; `src` is the data's absolute URL), the UI language and `v=<version>`.
   */
  citeUrl(src: string | null): string | null {
    const el = this.host.element;
    // The encoding loads with the panels, before a load shows its graph (panels.ts).
    const panels = panelsModule.get(() => el.requestUpdate());
    if (!this.#version || !el.graph || !panels) return null;
    let url: URL;
    try {
      url = new URL(this.#settings.citeBase ?? location.href);
    } catch {
      return null;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") return null;
    url.hash = "";
    const state = el.viewState;
    let dataSource = state.dataSource;
    if (dataSource === BUILTIN_SOURCE && src) {
      dataSource = httpUrl(src, document.baseURI) ?? BUILTIN_SOURCE;
    }
    const lang = el.uiLang;
    const cited: ViewState = { ...state, dataSource, uiLanguage: lang };
    // Defaults with the other UI language, so that `ui=` is always written.
    const defaults: ViewState = { ...DEFAULT_VIEW_STATE, uiLanguage: lang === "fr" ? "en" : "fr" };
    const keep = new URLSearchParams(url.search);
    for (const p of [...panels.URL_PARAMS, "v"]) keep.delete(p);
    const query = [keep.toString(), panels.encodeViewState(cited, defaults), `v=${this.#version}`]
      .filter((q) => q !== "")
      .join("&");
    url.search = query;
    if (this.#story) url.hash = `step=${this.#step}`;
    return url.href;
  }

  /** Whether the data is not the version a cited view was pinned to. */
  get versionMismatch(): boolean {
    const wanted = this.#settings.version;
    return !!wanted && !!this.#version && wanted !== this.#version;
  }

  renderCaption(lang: Lang, src: string | null): TemplateResult | typeof nothing {
    const el = this.host.element;
    if (!el.graph || !this.#info) return nothing;
    const panels = panelsModule.get(() => el.requestUpdate());
    if (!panels) return nothing;
    return panels.renderCaption({
      lang,
      title: this.#settings.caption ?? this.#info.title,
      sources: this.#info.sources,
      version: this.#version,
      citeUrl: this.citeUrl(src),
      staleVersion: this.versionMismatch ? this.#settings.version : null,
    });
  }

  /** Stops everything: story fetch, timers, emphasis, the colour-scheme listener. Safe twice. */
  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#watchScheme(false);
    this.#storyAbort?.abort();
    for (const t of this.#timers) clearTimeout(t);
    this.#timers.clear();
    this.#heightSheet = null;
  }
}
