/** The legend: category → colour swatch, with node counts. */
import { html, type TemplateResult } from "lit";
import type { LegendEntry } from "../render/palette";
import { messages, type Lang } from "./messages";

export function renderLegend(entries: readonly LegendEntry[], lang: Lang): TemplateResult {
  const m = messages(lang);
  return html`<section class="legend" aria-label=${m.legend}>
    <h2 class="legend-title">${m.legend}</h2>
    <ul class="legend-list">
      ${entries.map(
        (entry) =>
          html`<li class="legend-item" data-category=${entry.category}>
            <span class="swatch cat-${entry.category}" aria-hidden="true"></span>
            <span class="legend-name">${m.categories[entry.category]}</span>
            <span class="legend-count">${entry.count}</span>
          </li>`,
      )}
    </ul>
  </section>`;
}
