/**
 * The statements panel: who said what, grouped by speaker, with the verbatim text (direct quotes
 * in quotation marks, reported speech marked as such), the post held when speaking (with its
 * dates and their precision, and whether it was held on the statement's date), the event, the
 * date and the source. Filters by speaker, organisation, event, kind and text. Every control is
 * a native button, select or input (keyboard accessible); data is bound as text.
 */
import { html, nothing, type TemplateResult } from "lit";
import {
  filterStatements,
  formatDate,
  formatPeriod,
  statementsBySpeaker,
  type HeldRole,
  type Ref,
  type StatementFilter,
  type StatementKind,
  type StatementRecord,
} from "../core";
import { statementMessages, type Lang, type StatementMessages } from "./messages";

export interface StatementsOptions {
  records: readonly StatementRecord[];
  filter: StatementFilter;
  lang: Lang;
  selected: string | null;
  /** Label of a source part or document key. */
  sourceLabel: (key: string) => string;
  onFilter: (filter: StatementFilter) => void;
  onSelect: (statement: string) => void;
  onSelectNode: (key: string) => void;
  onShowSource: (statement: string) => void;
}

/** The choices of each filter, from the records themselves (by label). */
export function filterChoices(records: readonly StatementRecord[]): {
  speakers: Ref[];
  organisations: Ref[];
  events: Ref[];
} {
  const add = (map: Map<string, Ref>, ref: Ref | undefined) => {
    if (ref && !map.has(ref.key)) map.set(ref.key, ref);
  };
  const speakers = new Map<string, Ref>();
  const organisations = new Map<string, Ref>();
  const events = new Map<string, Ref>();
  for (const s of records) {
    add(speakers, s.speaker);
    for (const p of s.speakerPosts) add(organisations, p.organisation);
    for (const r of s.roles) add(organisations, r.organisation);
    if (s.event) {
      add(events, { key: s.event.key, label: s.event.label });
      for (const e of s.event.superEvents) add(events, e);
    }
  }
  const sorted = (m: Map<string, Ref>) =>
    [...m.values()].sort((a, b) => a.label.localeCompare(b.label));
  return {
    speakers: sorted(speakers),
    organisations: sorted(organisations),
    events: sorted(events),
  };
}

export function kindLabel(kind: StatementKind, m: StatementMessages): string {
  return m[kind];
}

/** The verbatim text as shown: a direct quote in quotation marks, reported speech as is. */
export function shownText(s: StatementRecord, m: StatementMessages): string {
  return s.kind === "direct" ? m.quote(s.text) : s.text;
}

/** "post — organisation" unless the post's label already names the organisation. */
export function roleTitle(role: HeldRole): string {
  const org = role.organisation?.label;
  if (!org || role.post.label.toLowerCase().includes(org.toLowerCase())) return role.post.label;
  return `${role.post.label} — ${org}`;
}

/** "31 mai 2007 – 26 janvier 2009 · en fonction", or "non daté". */
export function roleWhen(role: HeldRole, lang: Lang): string {
  const m = statementMessages(lang);
  const period = formatPeriod(role.period, lang);
  return period ? `${period} · ${m.status[role.status]}` : m.status.undated;
}

function roleLine(role: HeldRole, lang: Lang): TemplateResult {
  return html`<li class="held-role" data-status=${role.status}>
    <span class="role-title">${roleTitle(role)}</span>
    <span class="role-when status-${role.status}">${roleWhen(role, lang)}</span>
  </li>`;
}

function selectFilter(
  id: string,
  label: string,
  any: string,
  choices: readonly Ref[],
  value: string | undefined,
  onChange: (value: string | undefined) => void,
): TemplateResult {
  return html`<label class="filter" for=${id}>
    <span class="filter-label">${label}</span>
    <select
      id=${id}
      @change=${(e: Event) => onChange((e.target as HTMLSelectElement).value || undefined)}
    >
      <option value="" ?selected=${!value}>${any}</option>
      ${choices.map(
        (c) => html`<option value=${c.key} ?selected=${value === c.key}>${c.label}</option>`,
      )}
    </select>
  </label>`;
}

function renderFilters(options: StatementsOptions): TemplateResult {
  const { filter, onFilter, lang } = options;
  const m = statementMessages(lang);
  const choices = filterChoices(options.records);
  const set = (patch: Partial<StatementFilter>) => {
    const next: StatementFilter = { ...filter, ...patch };
    for (const k of Object.keys(next) as (keyof StatementFilter)[]) {
      if (next[k] === undefined || next[k] === "") delete next[k];
    }
    onFilter(next);
  };
  const active = Object.values(filter).some((v) => v !== undefined && v !== "");
  return html`<form
    class="statement-filters"
    role="search"
    aria-label=${m.filters}
    @submit=${(e: Event) => e.preventDefault()}
  >
    <label class="filter filter-text" for="st-text">
      <span class="filter-label">${m.filterText}</span>
      <input
        id="st-text"
        type="search"
        .value=${filter.text ?? ""}
        placeholder=${m.filterTextPlaceholder}
        @input=${(e: Event) => set({ text: (e.target as HTMLInputElement).value || undefined })}
      />
    </label>
    ${selectFilter(
      "st-speaker",
      m.filterSpeaker,
      m.anySpeaker,
      choices.speakers,
      filter.speaker,
      (v) => set({ speaker: v }),
    )}
    ${selectFilter(
      "st-organisation",
      m.filterOrganisation,
      m.anyOrganisation,
      choices.organisations,
      filter.organisation,
      (v) => set({ organisation: v }),
    )}
    ${selectFilter("st-event", m.filterEvent, m.anyEvent, choices.events, filter.event, (v) =>
      set({ event: v }),
    )}
    <label class="filter" for="st-kind">
      <span class="filter-label">${m.filterKind}</span>
      <select
        id="st-kind"
        @change=${(e: Event) =>
          set({
            kind: ((e.target as HTMLSelectElement).value || undefined) as StatementKind | undefined,
          })}
      >
        <option value="" ?selected=${!filter.kind}>${m.anyKind}</option>
        <option value="direct" ?selected=${filter.kind === "direct"}>${m.direct}</option>
        <option value="reported" ?selected=${filter.kind === "reported"}>${m.reported}</option>
      </select>
    </label>
    ${
      active
        ? html`<button type="button" class="tool-button clear-filters" @click=${() => onFilter({})}>
            ${m.clearFilters}
          </button>`
        : nothing
    }
  </form>`;
}

/** One statement as a card: text (the select button), roles, event, date, source. */
export function renderStatementCard(
  s: StatementRecord,
  options: Pick<
    StatementsOptions,
    "lang" | "selected" | "sourceLabel" | "onSelect" | "onShowSource"
  >,
  showSpeaker = false,
): TemplateResult {
  const { lang } = options;
  const m = statementMessages(lang);
  const selected = options.selected === s.key;
  const span = s.spans[0];
  const event = s.event;
  return html`<li
    class="statement kind-${s.kind} ${selected ? "selected" : ""}"
    data-key=${s.key}
    data-kind=${s.kind}
  >
    <button
      type="button"
      class="statement-main"
      aria-pressed=${selected ? "true" : "false"}
      title=${m.showStatement}
      @click=${() => options.onSelect(s.key)}
    >
      <span class="kind-badge kind-${s.kind}">${kindLabel(s.kind, m)}</span>
      ${
        showSpeaker
          ? html`<span class="statement-speaker">${s.speaker?.label ?? m.unknownSpeaker}</span>`
          : nothing
      }
      <span class="statement-text" lang=${s.lang ?? nothing}>${shownText(s, m)}</span>
    </button>
    <dl class="statement-meta">
      <dt>${m.roleWhenSpeaking}</dt>
      <dd>
        <ul class="held-roles">
          ${s.roles.map((r) => roleLine(r, lang))}
        </ul>
      </dd>
      ${
        event
          ? html`<dt>${m.event}</dt>
              <dd class="statement-event">
                ${event.label}${
                  event.superEvents.length
                    ? html`<span class="muted">
                        · ${event.superEvents.map((e) => e.label).join(" · ")}</span
                      >`
                    : nothing
                }
              </dd>`
          : nothing
      }
      <dt>${m.date}</dt>
      <dd class="statement-date">${s.date ? formatDate(s.date, lang) : m.undatedEvent}</dd>
      ${
        span
          ? html`<dt>${m.source}</dt>
              <dd class="statement-source">
                <span class="source-part-label"
                  >${options.sourceLabel(span.part ?? span.source)}</span
                >
                ${
                  span.start !== undefined && span.end !== undefined
                    ? html`<span class="muted offsets">${m.offsets(span.start, span.end)}</span>`
                    : nothing
                }
                <button
                  type="button"
                  class="link-button show-source"
                  @click=${() => options.onShowSource(s.key)}
                >
                  ${m.showInSource}
                </button>
              </dd>`
          : nothing
      }
    </dl>
  </li>`;
}

export function renderStatements(options: StatementsOptions): TemplateResult {
  const m = statementMessages(options.lang);
  const all = options.records;
  if (all.length === 0) {
    return html`<div class="statements-view">
      <h2 class="view-title">${m.statementsTitle}</h2>
      <p class="hint">${m.noStatements}</p>
    </div>`;
  }
  const shown = filterStatements(all, options.filter);
  const groups = statementsBySpeaker(shown);
  return html`<div class="statements-view">
    <h2 class="view-title">${m.statementsTitle}</h2>
    ${renderFilters(options)}
    <p class="statements-count muted" role="status">
      ${m.statementsCount(shown.length, all.length)}
    </p>
    ${shown.length === 0 ? html`<p class="hint">${m.noMatch}</p>` : nothing}
    ${groups.map(
      (g) =>
        html`<section class="speaker-group" data-speaker=${g.speaker?.key ?? ""}>
          <h3 class="speaker-name">
            ${
              g.speaker
                ? html`<button
                    type="button"
                    class="link-button"
                    data-key=${g.speaker.key}
                    @click=${() => g.speaker && options.onSelectNode(g.speaker.key)}
                  >
                    ${g.speaker.label}
                  </button>`
                : m.unknownSpeaker
            }
            <span class="muted">(${g.statements.length})</span>
          </h3>
          <ul class="statement-list">
            ${g.statements.map((s) => renderStatementCard(s, options))}
          </ul>
        </section>`,
    )}
  </div>`;
}
