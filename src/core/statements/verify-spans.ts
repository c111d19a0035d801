/**
 * Orgraph core: verify text selectors against the source text at load.
 *
 * A span whose TextPositionSelector slices exactly its TextQuoteSelector's `exact` is "ok". One
 * that does not is looked up by its quote (prefix + exact + suffix, then exact alone, each only
 * when it occurs once): found, it is "corrected" with a `selector-mismatch` warning; not found,
 * it is "not-found" with a `span-not-found` warning. Every span is listed, none dropped.
 */
import type { OrgraphGraph, Span } from "../model/types";
import { compareStrings } from "../rdf/terms";

export type SpanWarningCode = "selector-mismatch" | "span-not-found";

export interface SpanWarning {
  code: SpanWarningCode;
  /** The annotation that carries the span. */
  annotation: string;
  /** The quote selector's exact text (what the span should cover). */
  expected: string;
  /** What the position selector slices (undefined without a position selector). */
  found?: string;
  /** Where the exact text was found instead (selector-mismatch only). */
  at?: number;
  /** The position selector's offsets, when present. */
  start?: number;
  end?: number;
  /** Why a span was not found: its text is absent, or occurs more than once. */
  reason?: "absent" | "ambiguous";
  message: string;
}

export interface SpanCheck {
  span: Span;
  status: "ok" | "corrected" | "not-found";
  /** The span with offsets that slice `exact` (the span itself when ok). */
  resolved?: Span;
}

export interface SpanVerification {
  checks: SpanCheck[];
  warnings: SpanWarning[];
}

function occurrences(text: string, needle: string): number[] {
  const out: number[] = [];
  if (needle === "") return out;
  for (let i = text.indexOf(needle); i !== -1; i = text.indexOf(needle, i + 1)) out.push(i);
  return out;
}

/** Where `exact` starts in `text`, by the quote selector; "ambiguous" / "absent" otherwise. */
export function locateQuote(
  text: string,
  quote: { exact: string; prefix?: string; suffix?: string },
): number | "ambiguous" | "absent" {
  const prefix = quote.prefix ?? "";
  const suffix = quote.suffix ?? "";
  if (prefix !== "" || suffix !== "") {
    const hits = occurrences(text, prefix + quote.exact + suffix);
    if (hits.length === 1) return (hits[0] ?? 0) + prefix.length;
  }
  const hits = occurrences(text, quote.exact);
  if (hits.length === 1) return hits[0] ?? 0;
  return hits.length === 0 ? "absent" : "ambiguous";
}

/** Every span of the graph (nodes and edges) on `sourceIri`, one per selector, in offset order. */
export function spansOnSource(graph: OrgraphGraph, sourceIri: string): Span[] {
  const byKey = new Map<string, Span>();
  const add = (spans: readonly Span[]): void => {
    for (const s of spans) {
      if (s.source !== sourceIri) continue;
      const k = JSON.stringify([s.annotation, s.start, s.end, s.exact, s.prefix, s.suffix]);
      if (!byKey.has(k)) byKey.set(k, s);
    }
  };
  graph.forEachNode((_k, a) => add(a.spans));
  graph.forEachEdge((_k, a) => add(a.spans));
  return [...byKey.values()].sort(
    (a, b) =>
      (a.start ?? -1) - (b.start ?? -1) ||
      (a.end ?? -1) - (b.end ?? -1) ||
      compareStrings(a.annotation, b.annotation),
  );
}

/** Checks one span against `text` (see the module comment). */
export function verifySpan(span: Span, text: string): { check: SpanCheck; warning?: SpanWarning } {
  const hasPosition = span.start !== undefined && span.end !== undefined;
  const found = hasPosition ? text.slice(span.start, span.end) : undefined;
  if (span.exact === undefined) {
    // Nothing to compare with: a position alone is taken as is.
    return { check: { span, status: "ok", resolved: span } };
  }
  if (found === span.exact) return { check: { span, status: "ok", resolved: span } };
  const at = locateQuote(text, {
    exact: span.exact,
    ...(span.prefix !== undefined ? { prefix: span.prefix } : {}),
    ...(span.suffix !== undefined ? { suffix: span.suffix } : {}),
  });
  const base = {
    annotation: span.annotation,
    expected: span.exact,
    ...(found !== undefined ? { found } : {}),
    ...(span.start !== undefined ? { start: span.start } : {}),
    ...(span.end !== undefined ? { end: span.end } : {}),
  };
  const where = hasPosition ? `[${span.start}, ${span.end})` : "(no position)";
  if (typeof at === "number") {
    const resolved: Span = { ...span, start: at, end: at + span.exact.length };
    if (!hasPosition) return { check: { span, status: "ok", resolved } };
    return {
      check: { span, status: "corrected", resolved },
      warning: {
        code: "selector-mismatch",
        ...base,
        at,
        message: `Annotation ${span.annotation}: the position selector ${where} does not slice its quote; the quote was found at ${at}.`,
      },
    };
  }
  return {
    check: { span, status: "not-found" },
    warning: {
      code: "span-not-found",
      ...base,
      reason: at,
      message: `Annotation ${span.annotation}: its quote is ${at === "absent" ? "not in the text" : "in the text more than once"} and the position selector ${where} does not slice it.`,
    },
  };
}

/** Verifies every span of the graph on `sourceIri` against the source `text`. */
export function verifySpans(
  graph: OrgraphGraph,
  text: string,
  sourceIri: string,
): SpanVerification {
  const checks: SpanCheck[] = [];
  const warnings: SpanWarning[] = [];
  for (const span of spansOnSource(graph, sourceIri)) {
    const { check, warning } = verifySpan(span, text);
    checks.push(check);
    if (warning) warnings.push(warning);
  }
  return { checks, warnings };
}
