/**
 * What the details panel adds for "who said what": a person's statements, the sources of the
 * node (with "show in source"), and, under each relation, its period and validity on the "as of"
 * date, its sources (corroborated when two or more) with where they differ, and "show in
 * source". Data is bound as text.
 */
import { html, nothing, type TemplateResult } from "lit";
import {
  formatDate,
  formatPeriod,
  type Corroboration,
  type DatedPeriod,
  type EventTiming,
  type SourceDifference,
  type StatementRecord,
  type Validity,
} from "../core";
import { statementMessages, type Lang } from "./messages";
import { kindLabel, shownText } from "./statements";

/** When a relation holds, and whether it holds on the "as of" date. */
export interface EdgeTiming {
  timed: boolean;
  period?: DatedPeriod;
  /** Validity on the "as of" date (absent without a date). */
  status?: Validity;
}

export interface ProvenanceOptions {
  lang: Lang;
  /** The "as of" date (lexical), or null. */
  asOf: string | null;
  corroboration: (key: string) => Corroboration | undefined;
  /** Does this node or edge have spans in a source text? */
  hasSpans: (key: string) => boolean;
  timing: (edge: string) => EdgeTiming;
  onShowSource: (key: string) => void;
}

function asOfLabel(asOf: string, lang: Lang): string {
  try {
    return formatDate(asOf, lang);
  } catch {
    return asOf;
  }
}

function differenceLine(
  d: SourceDifference,
  labels: Map<string, string>,
  lang: Lang,
): TemplateResult {
  const m = statementMessages(lang);
  const field = d.end === "start" ? m.termStart : d.end === "end" ? m.termEnd : "";
  return html`<li class="difference" data-kind=${d.kind}>
    ${field ? html`<span class="muted">${field} :</span>` : nothing}
    ${d.values.map(
      (v, i) =>
        html`${i > 0 ? " · " : ""}<strong
            >${v.date ? formatDate(v.date, lang) : v.value.value}</strong
          >
          (${v.sources.map((s) => labels.get(s) ?? s).join(", ")})`,
    )}
    <span class="tag"
      >${d.kind === "precision" ? m.differencePrecision : m.differenceConflict}</span
    >
  </li>`;
}

/** Sources of a node or an edge: count, "corroborated", the list, and differences. */
export function renderSources(c: Corroboration, lang: Lang, open = false): TemplateResult {
  const m = statementMessages(lang);
  const labels = new Map(c.sources.map((s) => [s.key, s.label]));
  return html`<details class="source-list" ?open=${open}>
    <summary>
      <span class="sources-count">${m.sourcesCount(c.sources.length)}</span>
      ${c.corroborated ? html`<span class="badge corroborated">${m.corroborated}</span>` : nothing}
      ${c.differences.length ? html`<span class="badge differs">${m.differences}</span>` : nothing}
    </summary>
    <ul class="sources">
      ${c.sources.map(
        (s) =>
          html`<li data-source=${s.key}>
            ${s.label}${
              s.spans.length
                ? html` <span class="muted"
                    >${s.spans
                      .filter((sp) => sp.start !== undefined)
                      .map((sp) => m.offsets(sp.start ?? 0, sp.end ?? 0))
                      .join(", ")}</span
                  >`
                : nothing
            }
          </li>`,
      )}
    </ul>
    ${
      c.differences.length
        ? html`<p class="differences-title">${m.differences} :</p>
            <ul class="differences">
              ${c.differences.map((d) => differenceLine(d, labels, lang))}
            </ul>`
        : nothing
    }
  </details>`;
}

function sourceButton(key: string, options: ProvenanceOptions): TemplateResult | typeof nothing {
  if (!options.hasSpans(key)) return nothing;
  const m = statementMessages(options.lang);
  return html`<button
    type="button"
    class="link-button show-source"
    data-show-source=${key}
    @click=${() => options.onShowSource(key)}
  >
    ${m.showInSource}
  </button>`;
}

/** Under one relation (one or more parallel edges to the same neighbour). */
export function renderRelationExtra(
  edges: readonly string[],
  options: ProvenanceOptions,
): TemplateResult {
  const { lang, asOf } = options;
  const m = statementMessages(lang);
  return html`${edges.map((edge) => {
    const t = options.timing(edge);
    const c = options.corroboration(edge);
    const period = t.timed ? formatPeriod(t.period, lang) : "";
    const status = t.status;
    return html`<div class="relation-extra" data-edge=${edge} data-status=${status ?? ""}>
      ${
        t.timed
          ? html`<span class="period ${period ? "" : "undated"}">${period || m.undated}</span>`
          : nothing
      }
      ${
        asOf !== null && status !== undefined && t.timed
          ? html`<span class="badge status-${status}"
              >${m.statusAt(status, asOfLabel(asOf, lang))}</span
            >`
          : nothing
      }
      ${c && c.sources.length > 1 ? renderSources(c, lang) : nothing} ${sourceButton(edge, options)}
    </div>`;
  })}`;
}

/** The node's own sources, its "as of" status when an event, and "show in source". */
export function renderNodeProvenance(
  key: string,
  options: ProvenanceOptions & { eventTiming?: EventTiming },
): TemplateResult | typeof nothing {
  const c = options.corroboration(key);
  const m = statementMessages(options.lang);
  if (!c || (c.sources.length === 0 && !options.hasSpans(key))) return nothing;
  return html`<section class="node-provenance">
    <h3>${m.nodeSources}</h3>
    ${renderSources(c, options.lang, true)}
    ${
      options.eventTiming && options.asOf !== null
        ? html`<p class="badge event-${options.eventTiming}">${m.eventAt[options.eventTiming]}</p>`
        : nothing
    }
    ${sourceButton(key, options)}
  </section>`;
}

/** A person's statements, each selectable. */
export function renderPersonStatements(
  records: readonly StatementRecord[],
  lang: Lang,
  onSelect: (statement: string) => void,
): TemplateResult | typeof nothing {
  if (records.length === 0) return nothing;
  const m = statementMessages(lang);
  return html`<section class="person-statements">
    <h3>${m.statementsOfPerson(records.length)}</h3>
    <ul class="statement-list compact">
      ${records.map(
        (s) =>
          html`<li class="statement kind-${s.kind}" data-key=${s.key} data-kind=${s.kind}>
            <button type="button" class="statement-main" @click=${() => onSelect(s.key)}>
              <span class="kind-badge kind-${s.kind}">${kindLabel(s.kind, m)}</span>
              <span class="statement-text">${shownText(s, m)}</span>
            </button>
          </li>`,
      )}
    </ul>
  </section>`;
}
