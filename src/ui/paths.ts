/**
 * The paths panel: the two ends, every shortest path between them as an ordered list of hops,
 * and for each hop the relation (with its direction) and the sentence of the source that supports
 * it (the span's exact text), else the sources that state it.
 */
import { html, nothing, type TemplateResult } from "lit";
import type { GraphPath, Hop, ShortestPaths } from "../core/graph/paths";
import type { OrgraphGraph } from "../core/model/types";
import { compactIri } from "./iri";
import { explorerMessages, type Lang } from "./messages";

export interface PathPanelOptions {
  graph: OrgraphGraph;
  lang: Lang;
  from: string | null;
  to: string | null;
  result: ShortestPaths | null;
  /** True when the ends are connected in the whole graph but not in the filtered view. */
  filteredOut?: boolean;
  onSelect: (key: string) => void;
  onClear: () => void;
  onSwap: () => void;
  onClose: () => void;
}

function labelOf(graph: OrgraphGraph, key: string): string {
  return graph.hasNode(key) ? graph.getNodeAttribute(key, "label") || key : key;
}

/** The sentences that support a hop (distinct span texts), in source order. */
export function hopSentences(hop: Hop): string[] {
  const spans = [...hop.spans].sort((a, b) => (a.start ?? 0) - (b.start ?? 0));
  return [...new Set(spans.map((s) => s.exact?.trim() ?? "").filter((t) => t !== ""))];
}

function nodeButton(graph: OrgraphGraph, key: string, onSelect: (k: string) => void) {
  return html`<button
    type="button"
    class="link-button"
    data-key=${key}
    @click=${() => onSelect(key)}
  >
    ${labelOf(graph, key)}
  </button>`;
}

function renderHop(o: PathPanelOptions, hop: Hop): TemplateResult {
  const m = explorerMessages(o.lang);
  const prefixes = o.graph.getAttribute("prefixes") ?? {};
  const sentences = hopSentences(hop);
  const arrow = hop.direction === "forward" ? "→" : "←";
  return html`<li class="hop" data-edge=${hop.edge}>
    <div class="hop-line">
      ${nodeButton(o.graph, hop.from, o.onSelect)}
      <span class="hop-relation" title=${hop.predicate}
        ><span aria-hidden="true">${arrow === "←" ? arrow : ""}</span> ${hop.label}
        <span aria-hidden="true">${arrow === "→" ? arrow : ""}</span></span
      >
      ${nodeButton(o.graph, hop.to, o.onSelect)}
      ${
        hop.alternatives.length
          ? html`<span class="muted hop-alt">${m.pathAlternatives(hop.alternatives.length)}</span>`
          : nothing
      }
    </div>
    ${
      sentences.length
        ? sentences.map((s) => html`<blockquote class="hop-sentence">${s}</blockquote>`)
        : hop.sources.length
          ? html`<p class="hop-sources">
              ${m.pathSource} :
              ${[...new Set(hop.sources.map((s) => s.source))].map(
                (s) => html`<span class="tag" title=${s}>${compactIri(s, prefixes)}</span> `,
              )}
            </p>`
          : html`<p class="muted hop-sources">${m.pathNoSentence}</p>`
    }
  </li>`;
}

function renderPath(o: PathPanelOptions, path: GraphPath, i: number): TemplateResult {
  const m = explorerMessages(o.lang);
  const list = html`<ol class="hops">
    ${path.hops.map((hop) => renderHop(o, hop))}
  </ol>`;
  return i === 0
    ? html`<section class="path" data-path=${i}>
        <h3>${m.pathNumber(i + 1)}</h3>
        ${list}
      </section>`
    : html`<details class="path" data-path=${i}>
        <summary>
          ${m.pathNumber(i + 1)} : ${path.nodes.map((k) => labelOf(o.graph, k)).join(" — ")}
        </summary>
        ${list}
      </details>`;
}

export function renderPathPanel(o: PathPanelOptions): TemplateResult {
  const m = explorerMessages(o.lang);
  const r = o.result;
  const end = (key: string | null) =>
    key ? nodeButton(o.graph, key, o.onSelect) : html`<span class="muted">—</span>`;
  return html`<section class="drawer-section paths" aria-labelledby="og-path-title">
    <header class="drawer-header">
      <h2 id="og-path-title">${m.pathTitle}</h2>
      <button type="button" class="icon-button" aria-label=${m.close} @click=${o.onClose}>×</button>
    </header>
    <dl class="path-ends">
      <dt>${m.pathFrom}</dt>
      <dd>${end(o.from)}</dd>
      <dt>${m.pathTo}</dt>
      <dd>${end(o.to)}</dd>
    </dl>
    <div class="path-actions">
      <button type="button" class="tool-button" ?disabled=${!(o.from && o.to)} @click=${o.onSwap}>
        ${m.swapPath}
      </button>
      <button type="button" class="tool-button" @click=${o.onClear}>${m.clearPath}</button>
    </div>
    ${
      !o.from || !o.to
        ? html`<p class="hint">${m.pathPick}</p>`
        : !r || r.distance < 0
          ? html`<p class="hint" role="status">
              ${o.filteredOut ? m.pathNoneFiltered : m.pathNone}
            </p>`
          : r.distance === 0
            ? html`<p class="hint" role="status">${m.pathSame}</p>`
            : html`<p class="path-summary" role="status">
                  ${m.pathSummary(r.paths.length, r.distance, r.truncated)}
                </p>
                ${r.paths.map((p, i) => renderPath(o, p, i))}`
    }
  </section>`;
}
