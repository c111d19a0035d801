/**
 * The legend: category → colour and shape swatch (the shape the canvas draws, in `data-shape`),
 * with node counts. With `onToggle` it doubles as the
 * category filter: each entry is a toggle button (`aria-pressed` = the category is shown) whose
 * count reads "shown/total" while some of its nodes are filtered out.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { Category } from "../core/model/types";
import type { LegendEntry } from "../render/palette";
import { explorerMessages, messages, type Lang } from "./messages";

export interface LegendOptions {
  /** Nodes shown per category (default: every node). */
  shown?: Partial<Record<Category, number>>;
  /** Categories filtered out. */
  hidden?: readonly Category[];
  /** Makes the entries toggle buttons. */
  onToggle?: (category: Category) => void;
  /** Shows a "show all" button when some category is hidden. */
  onShowAll?: () => void;
  /** A note under the title (e.g. the number of communities in that colour mode). */
  note?: string;
}

export function renderLegend(
  entries: readonly LegendEntry[],
  lang: Lang,
  options: LegendOptions = {},
): TemplateResult {
  const m = messages(lang);
  const x = explorerMessages(lang);
  const hidden = new Set(options.hidden ?? []);
  const { onToggle } = options;
  return html`<section class="legend" aria-label=${m.legend}>
    <div class="legend-head">
      <h2 class="legend-title">${m.legend}</h2>
      ${
        options.onShowAll && hidden.size > 0
          ? html`<button type="button" class="link-button legend-all" @click=${options.onShowAll}>
              ${x.showAll}
            </button>`
          : nothing
      }
    </div>
    ${options.note ? html`<p class="legend-note">${options.note}</p>` : nothing}
    <ul class="legend-list ${onToggle ? "toggles" : ""}">
      ${entries.map((entry) => {
        const name = m.categories[entry.category];
        const visible = !hidden.has(entry.category);
        const shown = visible ? (options.shown?.[entry.category] ?? entry.count) : 0;
        const count = x.shownOfTotal(shown, entry.count);
        const body = html`<span
            class="swatch cat-${entry.category}"
            data-shape=${entry.shape}
            aria-hidden="true"
          ></span>
          <span class="legend-name">${name}</span>
          <span class="legend-count">${count}</span>`;
        return html`<li class="legend-item ${visible ? "" : "off"}" data-category=${entry.category}>
          ${
            onToggle
              ? html`<button
                  type="button"
                  class="legend-button"
                  aria-pressed=${visible ? "true" : "false"}
                  aria-label=${x.toggleCategory(name, shown, entry.count, visible)}
                  @click=${() => onToggle(entry.category)}
                >
                  ${body}
                </button>`
              : body
          }
        </li>`;
      })}
    </ul>
    ${onToggle ? html`<p class="legend-hint">${x.legendHint}</p>` : nothing}
  </section>`;
}
