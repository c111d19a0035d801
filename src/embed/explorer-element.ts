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
 * Events (CustomEvent subclasses; bubbles and composed)
 * - `orgraph-load`, detail `{ triples, nodes, edges }`, after a graph is swapped in.
 * - `orgraph-error`, detail `{ message, line, column, source }` (line/column/source null when
 *   unknown), when a load fails.
 * - `orgraph-select`, detail `{ key, label, category }` or null, when the selection changes
 *   (by click, by a relation button, or by `select()`).
 */
import { LitElement, html, nothing, type PropertyValues } from "lit";
import { loadRdf, resolveFormat } from "../core";
import type { OrgraphGraph } from "../core/model/types";
import { createRenderer, layoutGraph, legendEntries, type OrgraphRenderer } from "../render";
import { isLang, messages, renderDetails, renderLegend, uiStyles, type Lang } from "../ui";
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
  static override styles = [uiStyles, elementStyles];

  static override properties = {
    src: { type: String },
    format: { type: String },
    _error: { state: true },
    _loading: { state: true },
    _selected: { state: true },
    _summary: { state: true },
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
  }

  /** The graph on screen (null before the first successful load). */
  get graph(): OrgraphGraph | null {
    return this.#graph;
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
      layoutGraph(graph);
      if (seq !== this.#loadSeq) throw new DOMException("Superseded by a later load", "AbortError");
      await this.updateComplete;
      if (this.isConnected) this.#mount(graph);
      this.#graph = graph;
      this._selected = null;
      this._error = null;
      const summary: LoadSummary = {
        triples: result.triples,
        nodes: graph.order,
        edges: graph.size,
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
    if (key === this._selected) return true;
    this._selected = key;
    this.#renderer?.select(key, options);
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
    } catch (error) {
      layer.remove();
      throw error;
    }
    this.#unmount();
    this.#renderer = renderer;
    this.#layer = layer;
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

  #dismissError = (): void => {
    this._error = null;
  };

  override render() {
    const lang = this.uiLang;
    const m = messages(lang);
    const graph = this.#graph;
    const selected = this._selected;
    const summary = this._summary;
    const details =
      graph && selected !== null && graph.hasNode(selected)
        ? renderDetails({
            graph,
            key: selected,
            lang,
            onSelect: (key) => this.select(key, { center: true }),
            onClose: () => this.select(null),
          })
        : html`<p class="hint">${m.noSelection}</p>`;
    const toolbar = graph
      ? html`<div class="overlay top-right">
          <button type="button" class="tool-button" @click=${() => this.#renderer?.resetCamera()}>
            ${m.resetView}
          </button>
        </div>`
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
    return html`<div class="layout" lang=${lang}>
        <div class="stage">
          <div class="sigma"></div>
          ${toolbar} ${stats}
          ${this._loading ? html`<div class="loading" role="status">${m.loading}</div>` : nothing}
        </div>
        <aside class="panel" aria-label=${m.details}>
          ${graph ? renderLegend(legendEntries(graph), lang) : nothing} ${details}
        </aside>
      </div>
      ${banner}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    "orgraph-explorer": OrgraphExplorer;
  }
}
