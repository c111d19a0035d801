/**
 * The table view: the text alternative to the canvas. Two tables, the visible nodes (label,
 * category, degree in the view) and the visible relations (source, relation, target), each
 * sortable (a button in every header, `aria-sort` on the sorted column) and filtered by a text
 * box; a name is a button that selects the node, and the selected row is marked
 * (`aria-current`). Built from the same visible subgraph as the picture, so both stay in sync.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { VisibleSubgraph } from "../core/graph/filters";
import { foldText } from "../core/graph/search";
import type { Category, OrgraphGraph } from "../core/model/types";
import { CATEGORIES } from "../core/model/types";
import { explorerMessages, messages, type Lang } from "./messages";

export type TableTab = "nodes" | "relations";
export type NodeColumn = "label" | "category" | "degree";
export type RelationColumn = "source" | "relation" | "target";
export type SortDirection = "ascending" | "descending";

export interface TableSort<C extends string> {
  column: C;
  direction: SortDirection;
}

export interface NodeRow {
  key: string;
  label: string;
  category: Category;
  degree: number;
}

export interface RelationRow {
  key: string;
  source: string;
  sourceLabel: string;
  relation: string;
  predicate: string;
  target: string;
  targetLabel: string;
}

const collator = new Intl.Collator(undefined, { sensitivity: "base", numeric: true });

/** Rows of the visible nodes; degree counts the visible edges. */
export function nodeRows(graph: OrgraphGraph, visible: VisibleSubgraph): NodeRow[] {
  const degree = new Map<string, number>();
  for (const e of visible.edges) {
    const s = graph.source(e);
    const t = graph.target(e);
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  }
  const rows: NodeRow[] = [];
  for (const key of visible.nodes) {
    if (!graph.hasNode(key)) continue;
    const a = graph.getNodeAttributes(key);
    rows.push({ key, label: a.label, category: a.category, degree: degree.get(key) ?? 0 });
  }
  return rows;
}

export function relationRows(graph: OrgraphGraph, visible: VisibleSubgraph): RelationRow[] {
  const rows: RelationRow[] = [];
  for (const key of visible.edges) {
    if (!graph.hasEdge(key)) continue;
    const source = graph.source(key);
    const target = graph.target(key);
    const a = graph.getEdgeAttributes(key);
    rows.push({
      key,
      source,
      sourceLabel: graph.getNodeAttribute(source, "label"),
      relation: a.label,
      predicate: a.predicate,
      target,
      targetLabel: graph.getNodeAttribute(target, "label"),
    });
  }
  return rows;
}

/** Node rows sorted (ties by label, then key: a stable order). */
export function sortNodeRows(rows: readonly NodeRow[], sort: TableSort<NodeColumn>): NodeRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const byLabel = (a: NodeRow, b: NodeRow): number =>
    collator.compare(a.label, b.label) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  const primary = (a: NodeRow, b: NodeRow): number => {
    switch (sort.column) {
      case "label":
        return 0;
      case "category":
        return CATEGORIES.indexOf(a.category) - CATEGORIES.indexOf(b.category);
      case "degree":
        return a.degree - b.degree;
    }
  };
  return [...rows].sort((a, b) => sign * (primary(a, b) || byLabel(a, b)));
}

export function sortRelationRows(
  rows: readonly RelationRow[],
  sort: TableSort<RelationColumn>,
): RelationRow[] {
  const sign = sort.direction === "ascending" ? 1 : -1;
  const field = (r: RelationRow, c: RelationColumn): string =>
    c === "source" ? r.sourceLabel : c === "target" ? r.targetLabel : r.relation;
  const order: RelationColumn[] = [
    sort.column,
    ...(["source", "relation", "target"] as const).filter((c) => c !== sort.column),
  ];
  return [...rows].sort((a, b) => {
    for (const c of order) {
      const d = collator.compare(field(a, c), field(b, c));
      if (d) return sign * d;
    }
    return sign * (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);
  });
}

/** Whether every word of `query` (folded: accents and case ignored) occurs in `texts`. */
export function matchesFilter(query: string, ...texts: string[]): boolean {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = foldText(texts.join(" "));
  return words.every((w) => hay.includes(w));
}

export interface TableViewState {
  tab: TableTab;
  filter: string;
  nodeSort: TableSort<NodeColumn>;
  relationSort: TableSort<RelationColumn>;
}

export const DEFAULT_TABLE_VIEW: TableViewState = {
  tab: "nodes",
  filter: "",
  nodeSort: { column: "degree", direction: "descending" },
  relationSort: { column: "source", direction: "ascending" },
};

export interface TableViewOptions {
  graph: OrgraphGraph;
  visible: VisibleSubgraph;
  lang: Lang;
  selected: string | null;
  view: TableViewState;
  onView: (view: TableViewState) => void;
  onSelect: (key: string) => void;
  onClose: () => void;
}

function toggle<C extends string>(sort: TableSort<C>, column: C, first: SortDirection) {
  return sort.column === column
    ? {
        column,
        direction: (sort.direction === "ascending" ? "descending" : "ascending") as SortDirection,
      }
    : { column, direction: first };
}

function header<C extends string>(
  label: string,
  column: C,
  sort: TableSort<C>,
  first: SortDirection,
  onSort: (s: TableSort<C>) => void,
  sortLabel: (c: string) => string,
  numeric = false,
): TemplateResult {
  const sorted = sort.column === column;
  return html`<th
    scope="col"
    class=${numeric ? "num" : ""}
    aria-sort=${sorted ? sort.direction : "none"}
  >
    <button
      type="button"
      class="sort-button"
      title=${sortLabel(label)}
      @click=${() => onSort(toggle(sort, column, first))}
    >
      ${label}<span class="sort-mark" aria-hidden="true"
        >${sorted ? (sort.direction === "ascending" ? "▲" : "▼") : "↕"}</span
      >
    </button>
  </th>`;
}

export function renderTableView(o: TableViewOptions): TemplateResult {
  const m = explorerMessages(o.lang);
  const categories = messages(o.lang).categories;
  const v = o.view;
  const select = (key: string) =>
    html`<button
      type="button"
      class="link-button"
      data-key=${key}
      aria-current=${key === o.selected ? "true" : nothing}
      @click=${() => o.onSelect(key)}
    >
      ${o.graph.getNodeAttribute(key, "label")}
    </button>`;

  let table: TemplateResult;
  let shown: number;
  let total: number;
  if (v.tab === "nodes") {
    const all = nodeRows(o.graph, o.visible);
    const rows = sortNodeRows(
      all.filter((r) => matchesFilter(v.filter, r.label, categories[r.category])),
      v.nodeSort,
    );
    shown = rows.length;
    total = all.length;
    const onSort = (nodeSort: TableSort<NodeColumn>) => o.onView({ ...v, nodeSort });
    table = html`<table class="data-table nodes">
      <caption class="visually-hidden">
        ${m.tableNodes} — ${m.tableRows(shown, total)}
      </caption>
      <thead>
        <tr>
          ${header(m.columnLabel, "label", v.nodeSort, "ascending", onSort, m.sortBy)}
          ${header(m.columnCategory, "category", v.nodeSort, "ascending", onSort, m.sortBy)}
          ${header(m.columnDegree, "degree", v.nodeSort, "descending", onSort, m.sortBy, true)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr class=${r.key === o.selected ? "selected" : ""} data-key=${r.key}>
              <th scope="row">${select(r.key)}</th>
              <td>
                <span class="swatch cat-${r.category}" aria-hidden="true"></span>
                ${categories[r.category]}
              </td>
              <td class="num">${r.degree}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  } else {
    const all = relationRows(o.graph, o.visible);
    const rows = sortRelationRows(
      all.filter((r) => matchesFilter(v.filter, r.sourceLabel, r.relation, r.targetLabel)),
      v.relationSort,
    );
    shown = rows.length;
    total = all.length;
    const onSort = (relationSort: TableSort<RelationColumn>) => o.onView({ ...v, relationSort });
    table = html`<table class="data-table relations">
      <caption class="visually-hidden">
        ${m.tableRelations} — ${m.tableRows(shown, total)}
      </caption>
      <thead>
        <tr>
          ${header(m.columnSource, "source", v.relationSort, "ascending", onSort, m.sortBy)}
          ${header(m.columnRelation, "relation", v.relationSort, "ascending", onSort, m.sortBy)}
          ${header(m.columnTarget, "target", v.relationSort, "ascending", onSort, m.sortBy)}
        </tr>
      </thead>
      <tbody>
        ${rows.map(
          (r) =>
            html`<tr
              class=${r.source === o.selected || r.target === o.selected ? "selected" : ""}
              data-edge=${r.key}
            >
              <td>${select(r.source)}</td>
              <td title=${r.predicate}>${r.relation}</td>
              <td>${select(r.target)}</td>
            </tr>`,
        )}
      </tbody>
    </table>`;
  }

  const tab = (id: TableTab, label: string) =>
    html`<button
      type="button"
      class="segment"
      aria-pressed=${v.tab === id ? "true" : "false"}
      data-tab=${id}
      @click=${() => o.onView({ ...v, tab: id })}
    >
      ${label}
    </button>`;

  return html`<section class="table-pane" aria-labelledby="og-table-title">
    <header class="table-head">
      <h2 id="og-table-title" class="visually-hidden">${m.tableTitle}</h2>
      <div class="segmented" role="group" aria-label=${m.tableTitle}>
        ${tab("nodes", m.tableNodes)} ${tab("relations", m.tableRelations)}
      </div>
      <label class="visually-hidden" for="og-table-filter">${m.tableFilter}</label>
      <input
        id="og-table-filter"
        class="table-filter"
        type="search"
        placeholder=${m.tableFilterPlaceholder}
        .value=${v.filter}
        @input=${(e: Event) => o.onView({ ...v, filter: (e.target as HTMLInputElement).value })}
      />
      <span class="table-count" role="status">${m.tableRows(shown, total)}</span>
      <button type="button" class="icon-button" aria-label=${m.close} @click=${o.onClose}>×</button>
    </header>
    <div class="table-scroll" tabindex="0" aria-label=${m.tableTitle}>${table}</div>
  </section>`;
}
