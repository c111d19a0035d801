/** The layout controls and the export menu of the explorer's toolbar (templates only). */
import { css, html, nothing, type TemplateResult } from "lit";
import { toolMessages, type Lang } from "./messages";

export type LayoutModeName = "force" | "circular" | "category";
export type LayoutStatusName = "idle" | "running" | "paused" | "done" | "stopped";
export type ExportName =
  | "png"
  | "gexf"
  | "graphml"
  | "turtle"
  | "n-triples"
  | "trig"
  | "n-quads"
  | "nodes-csv"
  | "edges-csv";

export interface LayoutToolsOptions {
  lang: Lang;
  mode: LayoutModeName;
  seed: number;
  status: LayoutStatusName;
  /** Steps done and total (for the progress text). */
  done: number;
  total: number;
  inWorker: boolean;
  onMode: (mode: LayoutModeName) => void;
  onRun: () => void;
  onPause: () => void;
  onResume: () => void;
  onNewSeed: () => void;
}

export function renderLayoutTools(o: LayoutToolsOptions): TemplateResult {
  const t = toolMessages(o.lang);
  const percent = o.total > 0 ? Math.round((100 * o.done) / o.total) : 100;
  const statusText =
    o.status === "running"
      ? t.layoutRunning(percent)
      : o.status === "paused"
        ? t.layoutPaused
        : o.status === "done"
          ? t.layoutDone
          : "";
  const main =
    o.status === "running"
      ? html`<button type="button" class="tool-button" data-layout="pause" @click=${o.onPause}>
          ${t.pauseLayout}
        </button>`
      : o.status === "paused"
        ? html`<button type="button" class="tool-button" data-layout="resume" @click=${o.onResume}>
            ${t.resumeLayout}
          </button>`
        : html`<button type="button" class="tool-button" data-layout="run" @click=${o.onRun}>
            ${t.runLayout}
          </button>`;
  return html`<div class="layout-tools" role="group" aria-label=${t.layoutTools}>
    <label class="layout-mode">
      <span>${t.layoutMode}</span>
      <select
        data-layout="mode"
        @change=${(e: Event) => o.onMode((e.target as HTMLSelectElement).value as LayoutModeName)}
      >
        ${(["force", "circular", "category"] as const).map(
          (m) => html`<option value=${m} ?selected=${m === o.mode}>${t.layoutModes[m]}</option>`,
        )}
      </select>
    </label>
    ${main}
    <button
      type="button"
      class="tool-button"
      data-layout="seed"
      title=${t.newSeedHint(o.seed)}
      aria-label=${t.newSeedHint(o.seed)}
      @click=${o.onNewSeed}
    >
      ${t.newSeed}
    </button>
    <span class="layout-status" role="status" aria-live="polite"
      >${statusText}${
        statusText && !o.inWorker && o.status !== "done" ? html` ${t.layoutInPage}` : nothing
      }</span
    >
  </div>`;
}

export interface ExportMenuOptions {
  lang: Lang;
  busy: boolean;
  /** The last export's outcome, shown in a polite live region. */
  message: string;
  onExport: (name: ExportName) => void;
}

export const EXPORT_NAMES: readonly ExportName[] = [
  "png",
  "gexf",
  "graphml",
  "turtle",
  "n-triples",
  "trig",
  "n-quads",
  "nodes-csv",
  "edges-csv",
];

export function renderExportMenu(o: ExportMenuOptions): TemplateResult {
  const t = toolMessages(o.lang);
  return html`<details class="export-menu">
    <summary class="tool-button">${t.exportMenu}</summary>
    <div class="export-list" role="group" aria-label=${`${t.exportMenu} — ${t.exportHint}`}>
      <p class="export-hint">${t.exportHint}</p>
      ${EXPORT_NAMES.map(
        (name) =>
          html`<button
            type="button"
            class="export-item"
            data-export=${name}
            ?disabled=${o.busy}
            @click=${() => o.onExport(name)}
          >
            ${name === "png" ? t.exportPng : t.exportFormats[name]}
          </button>`,
      )}
    </div>
    <p class="export-message" role="status" aria-live="polite">${o.message}</p>
  </details>`;
}

export const toolStyles = css`
  .layout-tools {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 6px;
  }
  .layout-mode {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    font-size: 13px;
    color: #1f2937;
  }
  .layout-mode select {
    font: inherit;
    padding: 3px 4px;
    border: 1px solid #6b7280;
    border-radius: 4px;
    background: #ffffff;
    color: #111827;
  }
  .layout-status {
    font-size: 12px;
    color: #374151;
    min-width: 0;
  }
  .export-menu {
    position: relative;
  }
  .export-menu > summary {
    list-style: none;
    cursor: pointer;
  }
  .export-menu > summary::-webkit-details-marker {
    display: none;
  }
  .export-menu > summary::after {
    content: " ▾";
  }
  .export-list {
    position: absolute;
    right: 0;
    top: calc(100% + 4px);
    z-index: 5;
    display: flex;
    flex-direction: column;
    min-width: 190px;
    padding: 6px;
    background: #ffffff;
    border: 1px solid #9ca3af;
    border-radius: 6px;
    box-shadow: 0 4px 14px rgba(0, 0, 0, 0.15);
  }
  .export-hint {
    margin: 0 0 4px;
    font-size: 12px;
    color: #4b5563;
  }
  .export-item {
    font: inherit;
    font-size: 13px;
    text-align: left;
    padding: 5px 8px;
    border: 0;
    border-radius: 4px;
    background: transparent;
    color: #111827;
    cursor: pointer;
  }
  .export-item:hover,
  .export-item:focus-visible {
    background: #e8eefc;
  }
  .export-item:focus-visible,
  .layout-mode select:focus-visible {
    outline: 2px solid #1a56db;
    outline-offset: 1px;
  }
  .export-message {
    position: absolute;
    right: 0;
    top: calc(100% + 4px);
    margin: 0;
    font-size: 12px;
    color: #374151;
    white-space: nowrap;
  }
  .export-menu[open] .export-message {
    display: none;
  }
`;
