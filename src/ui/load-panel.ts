/**
 * The load panel (issue 6): sources (file picker, URL, paste), "replace" or "load more", the
 * sources loaded (name, format, triples, time; shown or hidden by the filter by source; removed),
 * the progress bar with its cancel button, the drop zone and the triple-cap offer.
 */
import { css, html, nothing, type TemplateResult } from "lit";
import { ref } from "lit/directives/ref.js";
import { RDF_FORMAT_IDS, RDF_FORMATS } from "../core/rdf/formats";
import type { Lang } from "./messages";

export interface LoadedSourceInfo {
  /** Unique among the sources loaded (the filter key is `source:<name>`). */
  name: string;
  format: string;
  triples: number;
  /** When it was loaded (ms since the epoch). */
  time: number;
  /** Shown (not hidden by the filter by source). */
  shown: boolean;
  /** A sample of its first triples only. */
  sample: boolean;
}

/**
 * The steps of the "swap" phase: what is prepared, in slices, before the new graph is shown
 * (statements and source texts, the dataset's title and sources, the search index, the
 * layout's start), then drawing it.
 */
export const SWAP_STEPS = ["statements", "info", "search", "layout", "drawing"] as const;
export type SwapStep = (typeof SWAP_STEPS)[number];

export interface LoadProgressView {
  phase: "read" | "parse" | "build" | "swap";
  /** The step of the "swap" phase. */
  step?: SwapStep;
  bytes: number;
  totalBytes: number;
  triples: number;
  source: string;
}

interface LoadMessages {
  open: string;
  close: string;
  title: string;
  file: string;
  url: string;
  urlLoad: string;
  paste: string;
  pastePlaceholder: string;
  pasteLoad: string;
  format: string;
  replace: string;
  merge: string;
  mode: string;
  sources: string;
  noSources: string;
  remove: (name: string) => string;
  show: (name: string) => string;
  triples: (n: number) => string;
  sample: string;
  progress: string;
  phases: Record<LoadProgressView["phase"], string>;
  steps: Record<SwapStep, string>;
  bytes: (done: string, total: string) => string;
  cancel: string;
  drop: string;
  offer: (max: string) => string;
  loadSample: (max: string) => string;
  dismiss: string;
}

const EN: LoadMessages = {
  open: "Load data…",
  close: "Close",
  title: "Load RDF",
  file: "File",
  url: "URL",
  urlLoad: "Fetch",
  paste: "Paste",
  pastePlaceholder: "Paste Turtle, TriG, N-Triples, N-Quads or JSON-LD here",
  pasteLoad: "Load the text",
  format: "Format",
  replace: "Replace the graph",
  merge: "Load more (add to the graph)",
  mode: "Loading",
  sources: "Sources loaded",
  noSources: "None yet.",
  remove: (name) => `Remove ${name}`,
  show: (name) => `Show what ${name} says`,
  triples: (n) => `${n.toLocaleString("en")} triples`,
  sample: "sample",
  progress: "Loading progress",
  phases: {
    read: "Reading",
    parse: "Parsing",
    build: "Building the graph",
    swap: "Drawing",
  },
  steps: {
    statements: "Reading statements and sources",
    info: "Reading the data's title",
    search: "Indexing for search",
    layout: "Placing the nodes",
    drawing: "Drawing",
  },
  bytes: (done, total) => `${done} of ${total}`,
  cancel: "Cancel",
  drop: "Drop an RDF file to load it",
  offer: (max) => `Load only the first ${max} triples instead?`,
  loadSample: (max) => `Load the first ${max} triples`,
  dismiss: "No",
};

const FR: LoadMessages = {
  open: "Charger des données…",
  close: "Fermer",
  title: "Charger du RDF",
  file: "Fichier",
  url: "URL",
  urlLoad: "Télécharger",
  paste: "Coller",
  pastePlaceholder: "Collez ici du Turtle, TriG, N-Triples, N-Quads ou JSON-LD",
  pasteLoad: "Charger le texte",
  format: "Format",
  replace: "Remplacer le graphe",
  merge: "Ajouter au graphe",
  mode: "Chargement",
  sources: "Sources chargées",
  noSources: "Aucune pour l'instant.",
  remove: (name) => `Retirer ${name}`,
  show: (name) => `Montrer ce que dit ${name}`,
  triples: (n) => `${n.toLocaleString("fr")} triplets`,
  sample: "échantillon",
  progress: "Progression du chargement",
  phases: {
    read: "Lecture",
    parse: "Analyse",
    build: "Construction du graphe",
    swap: "Affichage",
  },
  steps: {
    statements: "Lecture des déclarations et des sources",
    info: "Lecture du titre des données",
    search: "Indexation pour la recherche",
    layout: "Placement des nœuds",
    drawing: "Affichage",
  },
  bytes: (done, total) => `${done} sur ${total}`,
  cancel: "Annuler",
  drop: "Déposez un fichier RDF pour le charger",
  offer: (max) => `Charger seulement les ${max} premiers triplets ?`,
  loadSample: (max) => `Charger les ${max} premiers triplets`,
  dismiss: "Non",
};

export function loadMessages(lang: Lang): LoadMessages {
  return lang === "fr" ? FR : EN;
}

function size(bytes: number, lang: Lang): string {
  const locale = lang === "fr" ? "fr" : "en";
  if (bytes < 1024 * 1024) {
    return `${(bytes / 1024).toLocaleString(locale, { maximumFractionDigits: 0 })} KB`;
  }
  return `${(bytes / (1024 * 1024)).toLocaleString(locale, { maximumFractionDigits: 1 })} MB`;
}

/** The percentage shown: parsing is most of the work (0-90 %), building the rest. */
export function progressPercent(p: LoadProgressView): number {
  if (p.phase === "read") return 0;
  if (p.phase === "swap") return p.step ? Math.min(99, 95 + SWAP_STEPS.indexOf(p.step)) : 99;
  const parsed = p.totalBytes > 0 ? Math.min(1, p.bytes / p.totalBytes) : 1;
  return p.phase === "parse" ? Math.floor(parsed * 90) : 95;
}

export interface ProgressOptions {
  lang: Lang;
  progress: LoadProgressView;
  /** Percentage; 100 once the graph is in. */
  percent: number;
  onCancel: () => void;
}

export function renderLoadProgress(o: ProgressOptions): TemplateResult {
  const t = loadMessages(o.lang);
  const p = o.progress;
  const bytes =
    p.totalBytes > 0
      ? t.bytes(size(p.bytes, o.lang), size(p.totalBytes, o.lang))
      : size(p.bytes, o.lang);
  const phase = p.phase === "swap" && p.step ? t.steps[p.step] : t.phases[p.phase];
  return html`<div class="load-progress" role="group" aria-label=${t.progress}>
    <div class="load-progress-text">
      <span class="load-phase">${phase}</span>
      <span class="load-source" title=${p.source}>${p.source}</span>
    </div>
    <div
      class="load-bar"
      role="progressbar"
      aria-label=${t.progress}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${o.percent}
      aria-valuetext=${`${o.percent} %, ${bytes}, ${t.triples(p.triples)}`}
    >
      <div
        class="load-bar-fill"
        ${ref((el) => {
          // CSSOM, not a style="" attribute: a page's CSP may forbid inline styles.
          if (el instanceof HTMLElement) el.style.width = `${o.percent}%`;
        })}
      ></div>
    </div>
    <div class="load-progress-text">
      <span class="load-bytes">${bytes}</span>
      <span class="load-triples">${t.triples(p.triples)}</span>
      <button type="button" class="load-cancel" @click=${o.onCancel}>${t.cancel}</button>
    </div>
  </div>`;
}

export interface OfferOptions {
  lang: Lang;
  max: number;
  onSample: () => void;
  onDismiss: () => void;
}

/** The triple cap's offer: load a sample (the first N triples) or not. */
export function renderSampleOffer(o: OfferOptions): TemplateResult {
  const t = loadMessages(o.lang);
  const max = o.max.toLocaleString(o.lang === "fr" ? "fr" : "en");
  return html`<div class="load-offer" role="group" aria-label=${t.offer(max)}>
    <p>${t.offer(max)}</p>
    <button type="button" class="load-sample" @click=${o.onSample}>${t.loadSample(max)}</button>
    <button type="button" class="load-offer-dismiss" @click=${o.onDismiss}>${t.dismiss}</button>
  </div>`;
}

export interface PanelOptions {
  lang: Lang;
  open: boolean;
  busy: boolean;
  merge: boolean;
  sources: readonly LoadedSourceInfo[];
  onToggle: () => void;
  onMode: (merge: boolean) => void;
  onFile: (file: File) => void;
  onUrl: (url: string) => void;
  onText: (text: string, format: string) => void;
  onShow: (name: string, shown: boolean) => void;
  onRemove: (name: string) => void;
}

export function renderLoadPanel(o: PanelOptions): TemplateResult {
  const t = loadMessages(o.lang);
  const button = html`<button
    type="button"
    class="load-open"
    aria-expanded=${o.open ? "true" : "false"}
    @click=${o.onToggle}
  >
    ${t.open}
  </button>`;
  if (!o.open) return html`<div class="load-menu">${button}</div>`;
  const onFile = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const file = input.files?.[0];
    if (file) o.onFile(file);
    input.value = "";
  };
  const onUrl = (event: Event): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const url = (form.elements.namedItem("url") as HTMLInputElement).value.trim();
    if (url) o.onUrl(url);
  };
  const onText = (event: Event): void => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const text = (form.elements.namedItem("text") as HTMLTextAreaElement).value;
    const format = (form.elements.namedItem("format") as HTMLSelectElement).value;
    if (text.trim()) o.onText(text, format);
  };
  const locale = o.lang === "fr" ? "fr" : "en";
  return html`<div class="load-menu">
    ${button}
    <section class="load-panel" aria-label=${t.title}>
      <fieldset class="load-mode">
        <legend>${t.mode}</legend>
        <label
          ><input
            type="radio"
            name="load-mode"
            value="replace"
            .checked=${!o.merge}
            @change=${() => o.onMode(false)}
          />${t.replace}</label
        >
        <label
          ><input
            type="radio"
            name="load-mode"
            value="merge"
            .checked=${o.merge}
            @change=${() => o.onMode(true)}
          />${t.merge}</label
        >
      </fieldset>
      <label class="load-row"
        >${t.file}
        <input
          type="file"
          class="load-file"
          accept=".ttl,.trig,.nt,.nq,.turtle,.ntriples,.nquads,.jsonld,.json-ld,.json,text/turtle,application/trig,application/n-triples,application/n-quads,application/ld+json,application/json"
          ?disabled=${o.busy}
          @change=${onFile}
      /></label>
      <form class="load-row load-url-form" @submit=${onUrl}>
        <label
          >${t.url} <input type="url" name="url" class="load-url" placeholder="https://…" required
        /></label>
        <button type="submit" ?disabled=${o.busy}>${t.urlLoad}</button>
      </form>
      <form class="load-paste-form" @submit=${onText}>
        <label class="load-paste-label"
          >${t.paste}
          <textarea
            name="text"
            class="load-text"
            rows="4"
            spellcheck="false"
            placeholder=${t.pastePlaceholder}
          ></textarea>
        </label>
        <div class="load-row">
          <label
            >${t.format}
            <select name="format" class="load-format">
              ${RDF_FORMAT_IDS.map(
                (id) => html`<option value=${id}>${RDF_FORMATS[id].label}</option>`,
              )}
            </select></label
          >
          <button type="submit" ?disabled=${o.busy}>${t.pasteLoad}</button>
        </div>
      </form>
      <h3>${t.sources}</h3>
      ${
        o.sources.length === 0
          ? html`<p class="hint">${t.noSources}</p>`
          : html`<ul class="load-sources">
              ${o.sources.map(
                (s) =>
                  html`<li data-source=${s.name}>
                    <label title=${s.name}
                      ><input
                        type="checkbox"
                        class="load-source-shown"
                        aria-label=${t.show(s.name)}
                        .checked=${s.shown}
                        ?disabled=${o.sources.length < 2}
                        @change=${(e: Event) =>
                          o.onShow(s.name, (e.target as HTMLInputElement).checked)}
                      /><span class="load-source-name">${s.name}</span></label
                    >
                    <span class="load-source-meta"
                      >${RDF_FORMATS[s.format as keyof typeof RDF_FORMATS]?.label ?? s.format} ·
                      ${t.triples(s.triples)}${s.sample ? html` · ${t.sample}` : nothing} ·
                      <time datetime=${new Date(s.time).toISOString()}
                        >${new Date(s.time).toLocaleTimeString(locale)}</time
                      ></span
                    >
                    <button
                      type="button"
                      class="icon-button load-source-remove"
                      aria-label=${t.remove(s.name)}
                      ?disabled=${o.busy}
                      @click=${() => o.onRemove(s.name)}
                    >
                      ×
                    </button>
                  </li>`,
              )}
            </ul>`
      }
    </section>
  </div>`;
}

/** The drop zone's feedback while a file is dragged over the graph. */
export function renderDropZone(lang: Lang): TemplateResult {
  return html`<div class="drop-zone" aria-hidden="true">
    <p>${loadMessages(lang).drop}</p>
  </div>`;
}

export const loadPanelStyles = css`
  .load-menu {
    position: absolute;
    top: 0.5rem;
    right: 0.5rem;
    z-index: 6;
    display: flex;
    flex-direction: column;
    align-items: flex-end;
    gap: 0.25rem;
    max-width: min(26rem, calc(100% - 1rem));
  }
  .load-open {
    font: inherit;
    font-size: 0.85rem;
  }
  .load-panel {
    background: var(--orgraph-panel-background, #fff);
    color: inherit;
    border: 1px solid var(--orgraph-border, #ccc);
    border-radius: 6px;
    padding: 0.5rem 0.75rem;
    box-shadow: 0 2px 8px rgb(0 0 0 / 15%);
    max-height: 70vh;
    overflow: auto;
    font-size: 0.85rem;
    width: 100%;
    box-sizing: border-box;
  }
  .load-panel h3 {
    font-size: 0.85rem;
    margin: 0.5rem 0 0.25rem;
  }
  .load-panel fieldset {
    border: none;
    padding: 0;
    margin: 0 0 0.5rem;
  }
  .load-panel legend {
    font-weight: 600;
  }
  .load-panel fieldset label {
    display: block;
  }
  .load-row {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    flex-wrap: wrap;
    margin: 0.25rem 0;
  }
  .load-paste-label {
    display: block;
    margin-top: 0.25rem;
  }
  .load-text {
    display: block;
    width: 100%;
    box-sizing: border-box;
    font-family: ui-monospace, monospace;
    font-size: 0.8rem;
  }
  .load-sources {
    list-style: none;
    padding: 0;
    margin: 0;
  }
  .load-sources li {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 0 0.25rem;
    padding: 0.2rem 0;
    border-top: 1px solid var(--orgraph-border, #eee);
  }
  .load-source-name {
    overflow-wrap: anywhere;
  }
  .load-source-meta {
    grid-column: 1;
    color: var(--orgraph-muted, #555);
    font-size: 0.75rem;
  }
  .load-source-remove {
    grid-row: 1 / span 2;
    grid-column: 2;
  }
  .load-progress {
    position: absolute;
    left: 50%;
    bottom: 2.5rem;
    transform: translateX(-50%);
    z-index: 7;
    width: min(24rem, calc(100% - 2rem));
    background: var(--orgraph-panel-background, #fff);
    border: 1px solid var(--orgraph-border, #ccc);
    border-radius: 6px;
    padding: 0.5rem 0.75rem;
    font-size: 0.8rem;
    box-shadow: 0 2px 8px rgb(0 0 0 / 15%);
  }
  .load-progress-text {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    justify-content: space-between;
  }
  .load-source {
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
    max-width: 60%;
  }
  .load-bar {
    height: 0.5rem;
    margin: 0.3rem 0;
    border-radius: 3px;
    background: var(--orgraph-border, #ddd);
    overflow: hidden;
  }
  .load-bar-fill {
    height: 100%;
    background: var(--orgraph-accent, #2563eb);
    transition: width 0.1s linear;
  }
  .load-offer {
    position: absolute;
    left: 50%;
    bottom: 2.5rem;
    transform: translateX(-50%);
    z-index: 7;
    background: var(--orgraph-panel-background, #fff);
    border: 1px solid var(--orgraph-border, #ccc);
    border-radius: 6px;
    padding: 0.5rem 0.75rem;
    font-size: 0.85rem;
  }
  .load-offer p {
    margin: 0 0 0.4rem;
  }
  .drop-zone {
    position: absolute;
    inset: 0.25rem;
    z-index: 8;
    display: flex;
    align-items: center;
    justify-content: center;
    border: 3px dashed var(--orgraph-accent, #2563eb);
    border-radius: 8px;
    background: rgb(37 99 235 / 10%);
    pointer-events: none;
    font-size: 1.1rem;
    font-weight: 600;
  }
`;
