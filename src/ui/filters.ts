/**
 * The filters panel: categories, relation types (predicates), sources and named graphs (with a
 * box to narrow a long list), each with how many items are shown out of the total, "hide
 * isolated nodes" and a reset. Native checkboxes (keyboard
 * and screen-reader ready); the panel only reports changes, the view state decides.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { GraphCount, PredicateCount } from "../core/graph/filters";
import { graphSourceKey, SOURCE_KINDS, type SourceKind } from "../core/graph/sources";
import type { Category } from "../core/model/types";
import { explorerMessages, messages, type Lang } from "./messages";

export interface FilterCounts {
  /** Per category present in the graph: nodes in total and shown. */
  categories: { category: Category; total: number; shown: number }[];
  predicates: PredicateCount[];
  /** Per source kind: items (nodes + edges) in total and shown. */
  sources: Record<SourceKind, { total: number; shown: number }>;
  /** Per named graph ("" the default graph): relations in total and shown. */
  graphs: GraphCount[];
}

export interface FiltersOptions {
  lang: Lang;
  counts: FilterCounts;
  hiddenCategories: readonly Category[];
  hiddenPredicates: readonly string[];
  hiddenSources: readonly string[];
  hideIsolated: boolean;
  /** Whether anything differs from "no filter". */
  active: boolean;
  onCategory: (category: Category) => void;
  onPredicate: (predicate: string) => void;
  onSource: (kind: SourceKind) => void;
  /** Text narrowing the list of named graphs (matches label and IRI, case-insensitive). */
  graphQuery: string;
  onGraphQuery: (query: string) => void;
  /** Shows or hides a named graph ("" the default graph). */
  onGraph: (graph: string) => void;
  onShowAllGraphs: () => void;
  onHideIsolated: (hide: boolean) => void;
  onReset: () => void;
  onClose: () => void;
}

/** Number of filters in effect (for the toolbar's badge). */
export function activeFilterCount(o: {
  hiddenCategories: readonly unknown[];
  hiddenPredicates: readonly unknown[];
  hiddenSources: readonly unknown[];
  hideIsolated: boolean;
}): number {
  return (
    o.hiddenCategories.length +
    o.hiddenPredicates.length +
    o.hiddenSources.length +
    (o.hideIsolated ? 1 : 0)
  );
}

function check(
  id: string,
  checked: boolean,
  label: TemplateResult | string,
  count: string,
  onChange: () => void,
  title?: string,
): TemplateResult {
  return html`<li class="filter-row">
    <input id=${id} type="checkbox" .checked=${checked} @change=${onChange} />
    <label for=${id} title=${title ?? nothing}>${label}</label>
    <span class="filter-count">${count}</span>
  </li>`;
}

/** The named graphs whose label, shortened IRI or IRI contains `query` (case-insensitive). */
export function matchingGraphs(
  graphs: readonly GraphCount[],
  query: string,
  defaultLabel: string,
): GraphCount[] {
  const q = query.trim().toLocaleLowerCase();
  if (q === "") return [...graphs];
  return graphs.filter((g) =>
    [g.graph === "" ? defaultLabel : g.label, g.short, g.graph].some((t) =>
      t.toLocaleLowerCase().includes(q),
    ),
  );
}

function renderGraphs(o: FiltersOptions, hidden: ReadonlySet<string>): TemplateResult {
  const m = explorerMessages(o.lang);
  const shown = matchingGraphs(o.counts.graphs, o.graphQuery, m.defaultGraph);
  const anyHidden = o.counts.graphs.some((g) => hidden.has(graphSourceKey(g.graph)));
  return html`<fieldset class="graphs">
    <legend>${m.filterGraphs}</legend>
    <input
      class="graph-query"
      type="search"
      aria-label=${m.narrowGraphs}
      placeholder=${m.narrowGraphs}
      .value=${o.graphQuery}
      @input=${(e: Event) => o.onGraphQuery((e.target as HTMLInputElement).value)}
    />
    ${
      shown.length === 0
        ? html`<p class="hint">${m.noGraphMatches}</p>`
        : html`<ul class="filter-list predicates graph-list">
            ${shown.map((g) => {
              const index = o.counts.graphs.indexOf(g);
              const label =
                g.graph === ""
                  ? m.defaultGraph
                  : g.label === g.short
                    ? g.label
                    : html`${g.label} <span class="graph-short">${g.short}</span>`;
              return check(
                `og-fg-${index}`,
                !hidden.has(graphSourceKey(g.graph)),
                label,
                m.shownOfTotal(g.visible, g.count),
                () => o.onGraph(g.graph),
                g.graph === "" ? undefined : g.graph,
              );
            })}
          </ul>`
    }
    ${
      anyHidden
        ? html`<button type="button" class="tool-button show-graphs" @click=${o.onShowAllGraphs}>
            ${m.showAllGraphs}
          </button>`
        : nothing
    }
  </fieldset>`;
}

export function renderFilters(o: FiltersOptions): TemplateResult {
  const m = explorerMessages(o.lang);
  const categories = messages(o.lang).categories;
  const hiddenCategories = new Set(o.hiddenCategories);
  const hiddenPredicates = new Set(o.hiddenPredicates);
  const hiddenSources = new Set(o.hiddenSources);
  return html`<section class="drawer-section filters" aria-labelledby="og-filters-title">
    <header class="drawer-header">
      <h2 id="og-filters-title">${m.filtersTitle}</h2>
      <button type="button" class="icon-button" aria-label=${m.close} @click=${o.onClose}>×</button>
    </header>
    <fieldset>
      <legend>${m.filterCategories}</legend>
      <ul class="filter-list">
        ${o.counts.categories.map((c, i) =>
          check(
            `og-fc-${i}`,
            !hiddenCategories.has(c.category),
            html`<span class="swatch cat-${c.category}" aria-hidden="true"></span>
              ${categories[c.category]}`,
            m.shownOfTotal(c.shown, c.total),
            () => o.onCategory(c.category),
          ),
        )}
      </ul>
    </fieldset>
    <fieldset>
      <legend>${m.filterRelations}</legend>
      <ul class="filter-list predicates">
        ${o.counts.predicates.map((p, i) =>
          check(
            `og-fp-${i}`,
            !hiddenPredicates.has(p.predicate),
            p.label,
            m.shownOfTotal(p.visible, p.count),
            () => o.onPredicate(p.predicate),
            p.predicate,
          ),
        )}
      </ul>
    </fieldset>
    <fieldset>
      <legend>${m.filterSources}</legend>
      <ul class="filter-list">
        ${SOURCE_KINDS.map((kind, i) =>
          check(
            `og-fs-${i}`,
            !hiddenSources.has(kind),
            m.sourceKinds[kind],
            m.shownOfTotal(o.counts.sources[kind].shown, o.counts.sources[kind].total),
            () => o.onSource(kind),
          ),
        )}
      </ul>
    </fieldset>
    ${o.counts.graphs.some((g) => g.graph !== "") ? renderGraphs(o, hiddenSources) : nothing}
    <div class="filter-row isolated">
      <input
        id="og-f-isolated"
        type="checkbox"
        .checked=${o.hideIsolated}
        @change=${(e: Event) => o.onHideIsolated((e.target as HTMLInputElement).checked)}
      />
      <label for="og-f-isolated">${m.hideIsolated}</label>
    </div>
    <button
      type="button"
      class="tool-button reset-filters"
      ?disabled=${!o.active}
      @click=${o.onReset}
    >
      ${m.resetFilters}
    </button>
  </section>`;
}
