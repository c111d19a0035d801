/**
 * Orgraph core: one statement as a line of plain text (speaker, roles, kind, event, date, source
 * offsets, text), for notes, logs and tests. French or English.
 */
import type { Validity } from "./as-of";
import { formatDate, formatPeriod } from "./dates";
import type { HeldRole, StatementKind, StatementRecord } from "./statements";

const WORDS = {
  fr: {
    direct: "citation directe",
    reported: "discours rapporté",
    unspecified: "déclaration",
    active: "en fonction",
    inactive: "plus en fonction",
    uncertain: "incertain",
    undated: "non daté",
    noSpeaker: "(orateur inconnu)",
    noEvent: "(événement inconnu)",
    quote: (t: string) => `« ${t} »`,
  },
  en: {
    direct: "direct quote",
    reported: "reported speech",
    unspecified: "statement",
    active: "in office",
    inactive: "not in office",
    uncertain: "uncertain",
    undated: "undated",
    noSpeaker: "(unknown speaker)",
    noEvent: "(unknown event)",
    quote: (t: string) => `“${t}”`,
  },
} satisfies Record<
  string,
  Record<StatementKind | Validity | "noSpeaker" | "noEvent", string> & {
    quote: (t: string) => string;
  }
>;

function lastSegment(iri: string): string {
  const m = /[^/#]+$/.exec(iri);
  return m ? m[0] : iri;
}

/** A role as "post (period, status)". */
export function describeRole(role: HeldRole, lang: "fr" | "en" = "fr"): string {
  const w = WORDS[lang];
  const period = formatPeriod(role.period, lang);
  const status = w[role.status];
  return `${role.post.label} (${period ? `${period}, ${status}` : status})`;
}

/**
 * `speaker | roles | kind | event (date) | part [start, end) | text`, on one line (the text's
 * line breaks become spaces).
 */
export function describeStatement(s: StatementRecord, lang: "fr" | "en" = "fr"): string {
  const w = WORDS[lang];
  const roles = s.roles.map((r) => describeRole(r, lang)).join(" ; ");
  const event = s.event
    ? `${s.event.label}${s.date ? ` (${formatDate(s.date, lang)})` : ""}`
    : w.noEvent;
  const offsets = s.spans
    .map((sp) => `${lastSegment(sp.part ?? sp.source)} [${sp.start ?? "?"}, ${sp.end ?? "?"})`)
    .join(", ");
  const text = s.text.replace(/\s+/g, " ").trim();
  return [
    s.speaker?.label ?? w.noSpeaker,
    roles,
    w[s.kind],
    event,
    offsets,
    s.kind === "direct" ? w.quote(text) : text,
  ].join(" | ");
}
