/**
 * Orgraph core: filter statement records by speaker, organisation, event, kind and text.
 *
 * Text matching ignores case, accents (NFD, combining marks stripped), typographic apostrophes
 * and line breaks, so "eradiquer la traite" finds "éradiquer la\ntraite".
 */
import type { StatementKind, StatementRecord } from "./statements";

export interface StatementFilter {
  /** Speaker node key. */
  speaker?: string;
  /** Organisation node key: of a post named for the speaker or of the membership held. */
  organisation?: string;
  /** Event node key: the statement's event or an event it is part of. */
  event?: string;
  kind?: StatementKind;
  /** Words to find in the verbatim text or the label (accent- and case-insensitive). */
  text?: string;
}

/** Text folded for matching: NFD without combining marks, lower case, one space per blank run. */
export function normalizeText(text: string): string {
  return text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .toLowerCase()
    .replace(/\s+/gu, " ")
    .trim();
}

function organisations(s: StatementRecord): string[] {
  const keys = [
    ...s.speakerPosts.map((p) => p.organisation?.key),
    ...s.roles.map((r) => r.organisation?.key),
  ];
  return keys.filter((k): k is string => k !== undefined);
}

/** Does `s` pass every criterion of `filter` (absent or empty criteria pass)? */
export function matchesStatement(s: StatementRecord, filter: StatementFilter): boolean {
  if (filter.speaker && s.speaker?.key !== filter.speaker) return false;
  if (filter.organisation && !organisations(s).includes(filter.organisation)) return false;
  if (filter.event) {
    const events = s.event ? [s.event.key, ...s.event.superEvents.map((e) => e.key)] : [];
    if (!events.includes(filter.event)) return false;
  }
  if (filter.kind && s.kind !== filter.kind) return false;
  const needle = normalizeText(filter.text ?? "");
  if (needle !== "") {
    const hay = `${normalizeText(s.text)}\n${normalizeText(s.label)}`;
    if (!hay.includes(needle)) return false;
  }
  return true;
}

/** The statements that pass `filter`, in their order. */
export function filterStatements(
  list: readonly StatementRecord[],
  filter: StatementFilter,
): StatementRecord[] {
  return list.filter((s) => matchesStatement(s, filter));
}
