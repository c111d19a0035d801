/**
 * The explorer's toolbar (`role="toolbar"` is not used on purpose: it holds a text box and
 * selects, which keep their own arrow keys; every control is a native one, reached by Tab).
 * Search, filters, neighbourhood (ego network and its depth), colour and size modes, the n-ary
 * toggle, the table view, and room for other tools (layout, export).
 */
import { html, nothing, type TemplateResult } from "lit";
import type { ColourMode, EgoDepth, SizeMode } from "../core/state/view-state";
import { COLOUR_MODES, EGO_DEPTHS, SIZE_MODES } from "../core/state/view-state";
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
  collapseNary: boolean;
  /** Whether the data has n-ary nodes the toggle would change. */
  hasNary: boolean;
  tableOpen: boolean;
  /** Other tools (layout, export), shown before "reset view". */
  extra?: TemplateResult | typeof nothing;
  onFilters: () => void;
  onEgo: () => void;
  onDepth: (depth: EgoDepth) => void;
  onColour: (mode: ColourMode) => void;
  onSize: (mode: SizeMode) => void;
  onNary: (collapse: boolean) => void;
  onTable: () => void;
  onResetView: () => void;
  resetViewLabel: string;
}

export function renderToolbar(o: ToolbarOptions): TemplateResult {
  const m = explorerMessages(o.lang);
  const value = (e: Event): string => (e.target as HTMLSelectElement).value;
  return html`<div class="toolbar" role="group" aria-label=${m.toolbar}>
    ${o.search}
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
      ${
        o.hasNary
          ? html`<label class="tool-check" title=${m.naryHint}>
              <input
                type="checkbox"
                data-tool="nary"
                .checked=${o.collapseNary}
                @change=${(e: Event) => o.onNary((e.target as HTMLInputElement).checked)}
              />
              ${m.nary}
            </label>`
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
