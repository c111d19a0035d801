/**
 * Orgraph core: per-source claims read from the quads, for what the data graph folds away.
 *
 * The data graph keeps one value per literal property and one `during` per membership, without
 * saying which named graph asserted which value. When two sources date the same fact at
 * different precisions (AllGov: 2007-05-31, Georgetown: 2007-05, on the same time:Instant), only
 * the quads still tell them apart. `indexClaims` reads them once; `claimsAbout` lists, for a
 * subject, each typed literal and each interval end with the graphs and sources that assert it;
 * `differencesOf` reports where sources disagree.
 */
import type { Quads } from "../rdf/quad-store";
import { readProvenance, type Provenance } from "../model/provenance";
import { BLANK, indexQuads, LITERAL, NAMED, type QuadIndex } from "../model/quad-index";
import { literalValue } from "../model/rdf-to-graph";
import type { LiteralValue, SourceRef, Span } from "../model/types";
import { TIME } from "../model/vocab";
import { compareStrings, termKey } from "../rdf/terms";
import { indexQuadsInSlices, type Pause } from "../model/quad-index";
import { dateContains, tryParseDate, type ParsedDate } from "./dates";

const TIME_DATE_PREDICATES: readonly string[] = [
  TIME.inXSDDate,
  TIME.inXSDDateTime,
  TIME.inXSDDateTimeStamp,
  TIME.inXSDgYearMonth,
  TIME.inXSDgYear,
];

/** The quads, indexed, with their provenance. */
export interface ClaimIndex {
  readonly index: QuadIndex;
  readonly provenance: Provenance;
}

/** Where a claim comes from: the named graph, its source(s) and spans. */
export interface ClaimSupport {
  graph: string;
  /** Source keys: the span parts (or files) and span-less sources of the graph. */
  sources: string[];
  spans: Span[];
  refs: SourceRef[];
}

/** One value asserted about a subject. */
export interface Claim {
  subject: string;
  /** Predicate IRI; for an interval end, `<predicate>` with `end` "start" or "end". */
  predicate: string;
  end?: "start" | "end";
  value: LiteralValue;
  date?: ParsedDate;
  support: ClaimSupport;
}

/** A field on which sources give different values. */
export interface SourceDifference {
  subject: string;
  predicate: string;
  end?: "start" | "end";
  values: { value: LiteralValue; date?: ParsedDate; sources: string[]; graphs: string[] }[];
  /** "precision": the values nest (one refines the other); "conflict": they do not. */
  kind: "precision" | "conflict";
}

export function indexClaims(quads: Quads): ClaimIndex {
  const index = indexQuads(quads);
  return { index, provenance: readProvenance(index) };
}

/**
 * `indexClaims`, its quad index built a slice at a time (`pause` between slices: it yields, and
 * rejects to stop).
 */
export async function indexClaimsInSlices(quads: Quads, pause: Pause): Promise<ClaimIndex> {
  const index = await indexQuadsInSlices(quads, pause);
  await pause();
  return { index, provenance: readProvenance(index) };
}

/** Support of a named graph ("" for the default graph). */
export function graphSupport(claims: ClaimIndex, graph: string): ClaimSupport {
  const spans = claims.provenance.graphSpans.get(graph) ?? [];
  const refs = claims.provenance.graphSources.get(graph) ?? [];
  const sources = [
    ...new Set([...spans.map((s) => s.part ?? s.source), ...refs.map((r) => r.source)]),
  ];
  return { graph, sources: sources.sort(compareStrings), spans, refs };
}

function isTyped(value: LiteralValue): boolean {
  return value.datatype !== undefined && value.lang === undefined;
}

/**
 * Typed literal values about `subject` and the dates of the interval ends it points to, each with
 * the graph that asserts it. An interval end counts for a graph only when that graph itself
 * dates the instant (a graph that reuses another's instant makes no claim of its own).
 */
export function claimsAbout(claims: ClaimIndex, subject: string): Claim[] {
  const { index } = claims;
  const { keys, terms, kinds, predicates } = index;
  const out: Claim[] = [];
  const { start, end: last } = index.about(subject);
  for (let i = start; i < last; i++) {
    const predicate = predicates[index.p[i]!]!;
    const graph = keys[index.g[i]!]!;
    const o = index.o[i]!;
    if (kinds[o] === LITERAL) {
      const value = literalValue(terms[o]!);
      if (!isTyped(value)) continue;
      const claim: Claim = { subject, predicate, value, support: graphSupport(claims, graph) };
      const date = tryParseDate(value);
      if (date) claim.date = date;
      out.push(claim);
      continue;
    }
    if (kinds[o] !== NAMED && kinds[o] !== BLANK) continue;
    const object = keys[o]!;
    const ends: ["start" | "end" | undefined, string][] = [];
    for (const t of index.objects(object, TIME.hasBeginning)) ends.push(["start", termKey(t)]);
    for (const t of index.objects(object, TIME.hasEnd)) ends.push(["end", termKey(t)]);
    if (ends.length === 0) ends.push([undefined, object]);
    for (const [end, instant] of ends) {
      const range = index.about(instant);
      for (let j = range.start; j < range.end; j++) {
        if (keys[index.g[j]!] !== graph || kinds[index.o[j]!] !== LITERAL) continue;
        if (!TIME_DATE_PREDICATES.includes(predicates[index.p[j]!]!)) continue;
        const value = literalValue(terms[index.o[j]!]!);
        const claim: Claim = { subject, predicate, value, support: graphSupport(claims, graph) };
        if (end) claim.end = end;
        const date = tryParseDate(value);
        if (date) claim.date = date;
        out.push(claim);
      }
    }
  }
  return out;
}

function valueKey(v: LiteralValue): string {
  return `${v.datatype ?? ""}\u0000${v.value}`;
}

/** Fields of `subject` on which the graphs' sources give different values. */
export function differencesOf(claims: ClaimIndex, subject: string): SourceDifference[] {
  const byField = new Map<string, Claim[]>();
  for (const c of claimsAbout(claims, subject)) {
    const field = `${c.predicate} ${c.end ?? ""}`;
    const list = byField.get(field) ?? [];
    list.push(c);
    byField.set(field, list);
  }
  const out: SourceDifference[] = [];
  for (const field of [...byField.keys()].sort(compareStrings)) {
    const list = byField.get(field) ?? [];
    const byValue = new Map<string, SourceDifference["values"][number]>();
    for (const c of list) {
      const k = valueKey(c.value);
      const entry = byValue.get(k) ?? { value: c.value, sources: [], graphs: [] };
      if (c.date) entry.date = c.date;
      for (const s of c.support.sources) if (!entry.sources.includes(s)) entry.sources.push(s);
      if (!entry.graphs.includes(c.support.graph)) entry.graphs.push(c.support.graph);
      byValue.set(k, entry);
    }
    if (byValue.size < 2) continue;
    for (const v of byValue.values()) {
      v.sources.sort(compareStrings);
      v.graphs.sort(compareStrings);
    }
    const values = [...byValue.values()].sort(
      (a, b) =>
        compareStrings(a.sources[0] ?? "", b.sources[0] ?? "") ||
        compareStrings(a.value.value, b.value.value),
    );
    const dates = values.map((v) => v.date);
    const nest = dates.every((a, i) =>
      dates.every(
        (b, j) =>
          i === j ||
          (a !== undefined && b !== undefined && (dateContains(a, b) || dateContains(b, a))),
      ),
    );
    const first = list[0];
    const diff: SourceDifference = {
      subject,
      predicate: first?.predicate ?? "",
      values,
      kind: nest ? "precision" : "conflict",
    };
    if (first?.end) diff.end = first.end;
    out.push(diff);
  }
  return out;
}
