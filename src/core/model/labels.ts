/**
 * Orgraph core: readable labels.
 *
 * A node's label comes from its label literals (skos:prefLabel, rdfs:label, foaf:name,
 * schema:name, dcterms:title, then skos:altLabel as a last resort), by language preference
 * (default fr, en), then untagged, then any other language (sorted, so the choice is stable).
 * A label is never blank: without literals it is a prefixed name (`ex:lagon`), else the IRI's
 * last segment, else the IRI itself.
 */
import { sortSmall } from "./sort-small";
import type { LiteralValue } from "./types";
import { canonicalIri, DCTERMS, FOAF, NS, PREDICATE_LABELS, RDFS, SCHEMA, SKOS } from "./vocab";

export const DEFAULT_LANGUAGES: readonly string[] = ["fr", "en"];

/** Label predicates, most preferred first. skos:altLabel is used only when no other one is. */
export const LABEL_PREDICATES: readonly string[] = [
  SKOS.prefLabel,
  RDFS.label,
  FOAF.name,
  SCHEMA.name,
  DCTERMS.title,
  SKOS.altLabel,
];

/** A label literal with the predicate that gave it. */
export interface LabelCandidate {
  predicate: string;
  value: string;
  /** Language tag, lower-case; "" or absent for none. */
  lang?: string;
}

/** Rank of each predicate IRI met (canonicalIri and a search, done once per IRI). */
const predicateRanks = new Map<string, number>();

function predicateRank(predicate: string): number {
  let rank = predicateRanks.get(predicate);
  if (rank === undefined) {
    const i = LABEL_PREDICATES.indexOf(canonicalIri(predicate));
    rank = i < 0 ? LABEL_PREDICATES.length : i;
    // Bounded: a document with a great many predicates does not grow the table without end.
    if (predicateRanks.size < 4096) predicateRanks.set(predicate, rank);
  }
  return rank;
}

export function isLabelPredicate(predicate: string): boolean {
  return predicateRank(predicate) < LABEL_PREDICATES.length;
}

/** Does tag `lang` satisfy the preference `wanted` ("fr" accepts "fr" and "fr-ca")? */
function langMatches(lang: string, wanted: string): boolean {
  return lang === wanted || lang.startsWith(`${wanted}-`);
}

/**
 * Label candidates of a resource from its literal properties (label predicates only), in
 * preference order of predicate then value.
 */
export function labelCandidates(
  properties: Readonly<Record<string, LiteralValue[]>>,
): LabelCandidate[] {
  const out: LabelCandidate[] = [];
  for (const predicate in properties) {
    if (!isLabelPredicate(predicate)) continue;
    for (const v of properties[predicate]!) {
      if (v.value.trim() === "") continue;
      out.push({ predicate, value: v.value, lang: v.lang ?? "" });
    }
  }
  return sortSmall(
    out,
    (a, b) =>
      predicateRank(a.predicate) - predicateRank(b.predicate) ||
      compare(a.lang ?? "", b.lang ?? "") ||
      compare(a.value, b.value),
  );
}

/** Every label per language ("" for none), each list in preference order without repeats. */
export function labelsByLanguage(candidates: readonly LabelCandidate[]): Record<string, string[]> {
  const sorted = sortSmall(
    [...candidates],
    (a, b) =>
      compare(a.lang ?? "", b.lang ?? "") ||
      predicateRank(a.predicate) - predicateRank(b.predicate) ||
      compare(a.value, b.value),
  );
  const out: Record<string, string[]> = {};
  for (const c of sorted) {
    const lang = c.lang ?? "";
    const list = out[lang];
    // A list made by a literal holds its values exactly; one grown by push keeps spare room
    // (kept lists are held by every node), so a grown one is copied to its size below.
    if (list === undefined) out[lang] = [c.value];
    else if (!list.includes(c.value)) list.push(c.value);
  }
  for (const lang in out) if (out[lang]!.length > 1) out[lang] = out[lang]!.slice();
  return out;
}

/**
 * The best label among `candidates`, or undefined when there is none. Order: preferred
 * languages in turn, then untagged, then other languages (sorted); within a language the
 * predicate order of LABEL_PREDICATES. skos:altLabel only when no other predicate gives one.
 */
export function resolveLabel(
  candidates: readonly LabelCandidate[],
  languages: readonly string[] = DEFAULT_LANGUAGES,
): string | undefined {
  // The first in that order (the first of equals) among the candidates other than
  // skos:altLabel, else among all: a pass each, no filtered or sorted copy.
  for (let pass = 0; pass < 2; pass++) {
    let best: LabelCandidate | undefined;
    for (const c of candidates) {
      if (pass === 0 && predicateRank(c.predicate) === ALT_LABEL_RANK) continue;
      if (best === undefined || labelOrder(c, best, languages) < 0) best = c;
    }
    if (best !== undefined) return best.value.trim();
  }
  return undefined;
}

/** Rank of skos:altLabel among LABEL_PREDICATES (the last). */
const ALT_LABEL_RANK = LABEL_PREDICATES.indexOf(SKOS.altLabel);

/** The order of resolveLabel: language preference, tag, predicate, value. */
function labelOrder(a: LabelCandidate, b: LabelCandidate, languages: readonly string[]): number {
  return (
    languageRank(a.lang ?? "", languages) - languageRank(b.lang ?? "", languages) ||
    compare(a.lang ?? "", b.lang ?? "") ||
    predicateRank(a.predicate) - predicateRank(b.predicate) ||
    compare(a.value, b.value)
  );
}

/** 0..n-1 for the preferred languages (exact tag before subtags), then untagged, then others. */
function languageRank(lang: string, languages: readonly string[]): number {
  const n = languages.length;
  for (let i = 0; i < n; i++) {
    const wanted = (languages[i] ?? "").toLowerCase();
    if (lang === wanted) return 2 * i;
    if (langMatches(lang, wanted)) return 2 * i + 1;
  }
  return lang === "" ? 2 * n : 2 * n + 1;
}

/** Plain code-unit comparison, so that order does not depend on the runtime's locale. */
export function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * `prefix:local` for an IRI under one of `prefixes` (the longest namespace wins; ties by
 * prefix name), with a local part that reads as a name; undefined otherwise.
 */
export function prefixedName(
  iri: string,
  prefixes: Readonly<Record<string, string>>,
): string | undefined {
  let best: [string, string] | undefined;
  for (const [prefix, ns] of Object.entries(prefixes)) {
    if (ns === "" || !iri.startsWith(ns)) continue;
    const local = iri.slice(ns.length);
    if (!/^[\p{L}\p{N}_][\p{L}\p{N}_.-]*$/u.test(local) && local !== "") continue;
    if (
      best === undefined ||
      ns.length > (prefixes[best[0]] ?? "").length ||
      (ns.length === (prefixes[best[0]] ?? "").length && compare(prefix, best[0]) < 0)
    ) {
      best = [prefix, local];
    }
  }
  return best === undefined ? undefined : `${best[0]}:${best[1]}`;
}

/** The last non-empty path segment or fragment of an IRI, decoded; undefined if none. */
export function lastSegment(iri: string): string | undefined {
  const trimmed = iri.replace(/[/#]+$/, "");
  const cut = Math.max(
    trimmed.lastIndexOf("/"),
    trimmed.lastIndexOf("#"),
    trimmed.lastIndexOf(":"),
  );
  const segment = trimmed.slice(cut + 1);
  if (segment === "" || cut < 0) return undefined;
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A label for a resource without label literals: prefixed name, last segment, or the key. */
export function fallbackLabel(key: string, prefixes: Readonly<Record<string, string>>): string {
  if (key.startsWith("_:")) return key;
  return (
    prefixedName(key, prefixes) ??
    prefixedName(key, NS) ??
    lastSegment(key) ??
    (key === "" ? "(unnamed)" : key)
  );
}

/** The label of a resource: best literal, else fallbackLabel. Never blank. */
export function labelOf(
  key: string,
  candidates: readonly LabelCandidate[],
  languages: readonly string[],
  prefixes: Readonly<Record<string, string>>,
): string {
  const best = resolveLabel(candidates, languages);
  return best !== undefined && best !== "" ? best : fallbackLabel(key, prefixes);
}

/**
 * Labels of a predicate per language: the data's labels (rdfs:label etc. of the predicate IRI)
 * over the built-in table; `label` picks one by language preference, else a prefixed name.
 */
export function predicateLabels(
  predicate: string,
  dataCandidates: readonly LabelCandidate[],
  languages: readonly string[],
  prefixes: Readonly<Record<string, string>>,
): { label: string; labels: Record<string, string> } {
  const builtIn = PREDICATE_LABELS[canonicalIri(predicate)];
  const candidates: LabelCandidate[] = [...dataCandidates];
  const labels: Record<string, string> = {};
  if (builtIn) {
    labels.en = builtIn.en;
    labels.fr = builtIn.fr;
  }
  for (const [lang, values] of Object.entries(labelsByLanguage(dataCandidates))) {
    const first = values[0];
    if (first !== undefined) labels[lang] = first;
  }
  // Built-in labels rank below any data label: as rdfs:label candidates appended after them,
  // considered only for languages the data does not cover.
  if (builtIn) {
    for (const lang of ["en", "fr"] as const) {
      if (!dataCandidates.some((c) => c.lang === lang)) {
        candidates.push({ predicate: RDFS.label, value: builtIn[lang], lang });
      }
    }
  }
  const sortedLabels: Record<string, string> = {};
  for (const lang of Object.keys(labels).sort(compare)) sortedLabels[lang] = labels[lang] ?? "";
  return { label: labelOf(predicate, candidates, languages, prefixes), labels: sortedLabels };
}

/**
 * The label of a node (labels: language -> values, best first) or an edge (language -> value)
 * in the first of `languages` that has one (exact tag, then the same primary language, e.g.
 * "en" for "en-gb"); undefined when none has one.
 */
export function labelIn(
  labels: Readonly<Record<string, string | readonly string[]>>,
  languages: readonly string[],
): string | undefined {
  const first = (v: string | readonly string[] | undefined): string | undefined => {
    const value = typeof v === "string" ? v : v?.[0];
    return value !== undefined && value !== "" ? value : undefined;
  };
  for (const lang of languages) {
    const exact = first(labels[lang]);
    if (exact !== undefined) return exact;
    const primary = lang.split("-")[0];
    for (const tag of Object.keys(labels).sort()) {
      if (tag.split("-")[0] === primary) {
        const value = first(labels[tag]);
        if (value !== undefined) return value;
      }
    }
  }
  return undefined;
}
