/**
 * The explorer's toolbar (`role="toolbar"` is not used on purpose: it holds a text box and
 * selects, which keep their own arrow keys; every control is a native one, reached by Tab).
 * Search, filters, neighbourhood (ego network and its depth), colour and size modes, the n-ary
 * toggle, the table view, and room for other tools (layout, export).
 */
import { html, nothing, type TemplateResult } from "lit";
import type { ColourMode, EgoDepth, NaryKind, SizeMode } from "../core/state/view-state";
import { COLOUR_MODES, EGO_DEPTHS, NARY_KINDS, SIZE_MODES } from "../core/state/view-state";

/** The data-label language choices: follow the UI language, or French / English first. */
export const DATA_LABEL_CHOICES = ["auto", "fr", "en"] as const;
export type DataLabelChoice = (typeof DATA_LABEL_CHOICES)[number];

const DATA_LABEL_NAMES: Record<Exclude<DataLabelChoice, "auto">, string> = {
  fr: "français",
  en: "English",
};

/** The tool names of the n-ary checkboxes (memberships keep "nary"). */
const NARY_TOOL: Record<NaryKind, string> = {
  memberships: "nary",
  posts: "nary-posts",
  statements: "nary-statements",
};
import { explorerMessages, type Lang } from "./messages";

export interface ToolbarOptions {
  lang: Lang;
  search: TemplateResult;
  filtersOpen: boolean;
  filterCount: number;
  /** Whether there is a selection to centre a neighbourhood on. */
  canEgo: boolean;
  ego: { key: string; depth: EgoDepth } | null;
  colourMode: ColourMode;
  sizeMode: SizeMode;
  /** Which n-ary kinds are collapsed into labelled edges. */
  nary: Readonly<Record<NaryKind, boolean>>;
  /** The data-label language choice. */
  dataLabels: DataLabelChoice;
  /** Whether the data has n-ary nodes the toggle would change. */
  hasNary: boolean;
  tableOpen: boolean;
  /** Narrow screens: whether the tools under the search box are shown. */
  toolsOpen?: boolean;
  onToolsToggle?: () => void;
  /** Other tools (layout, export), shown before "reset view". */
  extra?: TemplateResult | typeof nothing;
  onFilters: () => void;
  onEgo: () => void;
  onDepth: (depth: EgoDepth) => void;
  onColour: (mode: ColourMode) => void;
  onSize: (mode: SizeMode) => void;
  onNary: (kind: NaryKind, collapse: boolean) => void;
  onDataLabels: (choice: DataLabelChoice) => void;
  onTable: () => void;
  onResetView: () => void;
  resetViewLabel: string;
}

export function renderToolbar(o: ToolbarOptions): TemplateResult {
  const m = explorerMessages(o.lang);
  const value = (e: Event): string => (e.target as HTMLSelectElement).value;
  return html`<div
    class="toolbar ${o.toolsOpen ? "tools-open" : ""}"
    role="group"
    aria-label=${m.toolbar}
  >
    ${o.search}
    <button
      type="button"
      class="tool-button tools-toggle"
      data-tool="more"
      aria-expanded=${o.toolsOpen ? "true" : "false"}
      @click=${() => o.onToolsToggle?.()}
    >
      ${m.moreTools}
    </button>
    <div class="tool-group">
      <button
        type="button"
        class="tool-button"
        data-tool="filters"
        aria-expanded=${o.filtersOpen ? "true" : "false"}
        aria-controls="og-drawer"
        @click=${o.onFilters}
      >
        ${m.filters}${
          o.filterCount > 0 ? html` <span class="badge">${o.filterCount}</span>` : nothing
        }
      </button>
      <button
        type="button"
        class="tool-button"
        data-tool="ego"
        aria-pressed=${o.ego ? "true" : "false"}
        title=${m.neighbourhoodHint}
        ?disabled=${!o.ego && !o.canEgo}
        @click=${o.onEgo}
      >
        ${m.neighbourhood}
      </button>
      <label class="tool-select">
        <span>${m.depth}</span>
        <select
          data-tool="depth"
          ?disabled=${!o.ego}
          @change=${(e: Event) => o.onDepth(Number(value(e)) as EgoDepth)}
        >
          ${EGO_DEPTHS.map(
            (d) =>
              html`<option value=${d} ?selected=${(o.ego?.depth ?? 1) === d}>${m.hops(d)}</option>`,
          )}
        </select>
      </label>
    </div>
    <div class="tool-group">
      <label class="tool-select">
        <span>${m.colourBy}</span>
        <select data-tool="colour" @change=${(e: Event) => o.onColour(value(e) as ColourMode)}>
          ${COLOUR_MODES.map(
            (c) =>
              html`<option value=${c} ?selected=${o.colourMode === c}>${m.colourModes[c]}</option>`,
          )}
        </select>
      </label>
      <label class="tool-select">
        <span>${m.sizeBy}</span>
        <select data-tool="size" @change=${(e: Event) => o.onSize(value(e) as SizeMode)}>
          ${SIZE_MODES.map(
            (s) =>
              html`<option value=${s} ?selected=${o.sizeMode === s}>${m.sizeModes[s]}</option>`,
          )}
        </select>
      </label>
      <label class="tool-select" title=${m.dataLabelsHint}>
        <span>${m.dataLabels}</span>
        <select
          data-tool="data-labels"
          @change=${(e: Event) => o.onDataLabels(value(e) as DataLabelChoice)}
        >
          ${DATA_LABEL_CHOICES.map(
            (c) =>
              html`<option
                value=${c}
                lang=${c === "auto" ? nothing : c}
                ?selected=${o.dataLabels === c}
              >
                ${c === "auto" ? m.dataLabelsAuto : DATA_LABEL_NAMES[c]}
              </option>`,
          )}
        </select>
      </label>
      ${
        o.hasNary
          ? html`<span class="tool-checks" role="group" aria-label=${m.naryAsEdges}>
              <span class="tool-checks-title" aria-hidden="true">${m.naryAsEdges}</span>
              ${NARY_KINDS.map(
                (kind) =>
                  html`<label class="tool-check" title=${m.naryKindHints[kind]}>
                    <input
                      type="checkbox"
                      data-tool=${NARY_TOOL[kind]}
                      .checked=${o.nary[kind]}
                      @change=${(e: Event) =>
                        o.onNary(kind, (e.target as HTMLInputElement).checked)}
                    />
                    ${m.naryKinds[kind]}
                  </label>`,
              )}
            </span>`
          : nothing
      }
    </div>
    <div class="tool-group end">
      <button
        type="button"
        class="tool-button"
        data-tool="table"
        aria-pressed=${o.tableOpen ? "true" : "false"}
        @click=${o.onTable}
      >
        ${m.tableView}
      </button>
      ${o.extra ?? nothing}
      <button type="button" class="tool-button" data-tool="reset-view" @click=${o.onResetView}>
        ${o.resetViewLabel}
      </button>
    </div>
  </div>`;
}
