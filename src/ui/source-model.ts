/**
 * The source text seen from the graph: which spans lie where once verified, what each one
 * supports, and how the text splits into parts (page template, release body). Pure logic (no DOM,
 * no lit): it runs and is tested in Node.
 */
import { verifySpans, labelIn, type SpanWarning } from "../core";
import type { Category, OrgraphGraph, Span } from "../core/model/types";
import { partRegions } from "./segments";

/** What one annotation supports: the nodes and edges whose spans carry it. */
export interface Support {
  nodes: string[];
  edges: string[];
}

/** A verified span of the text: its offsets are where its quote really is. */
export interface TextMark {
  id: number;
  annotation: string;
  part?: string;
  start: number;
  end: number;
  /** The span was corrected (its position selector did not slice its quote). */
  corrected: boolean;
}

export interface TextPart {
  key: string;
  label: string;
  start: number;
  end: number;
}

/** A source document and its text, verified against the graph's spans. */
export interface SourceDoc {
  key: string;
  label: string;
  /** Where the text was read from, when fetched. */
  url?: string;
  text?: string;
  /** Why the text could not be read. */
  error?: string;
  marks: TextMark[];
  parts: TextPart[];
  /** Every selector problem, none dropped (span-not-found spans are not marked). */
  warnings: SpanWarning[];
}

/** Annotation -> what it supports, over every node and edge of the graph. */
export function supportIndex(graph: OrgraphGraph): Map<string, Support> {
  const index = new Map<string, Support>();
  const entry = (annotation: string): Support => {
    let s = index.get(annotation);
    if (!s) {
      s = { nodes: [], edges: [] };
      index.set(annotation, s);
    }
    return s;
  };
  graph.forEachNode((key, a) => {
    for (const span of a.spans) {
      const s = entry(span.annotation);
      if (!s.nodes.includes(key)) s.nodes.push(key);
    }
  });
  graph.forEachEdge((key, a) => {
    for (const span of a.spans) {
      const s = entry(span.annotation);
      if (!s.edges.includes(key)) s.edges.push(key);
    }
  });
  return index;
}

const PRIMARY_ORDER: readonly Category[] = [
  "statement",
  "person",
  "organisation",
  "ministry",
  "event",
  "role",
  "country",
  "place",
  "document",
  "other",
];

/**
 * The node a span is mostly about: a statement when it supports one, else the node with the most
 * supported relations (counting the node's own support), then by category, then by key.
 */
export function primaryNode(graph: OrgraphGraph, support: Support): string | undefined {
  const score = new Map<string, number>();
  for (const n of support.nodes) score.set(n, (score.get(n) ?? 0) + 1);
  for (const e of support.edges) {
    for (const n of [graph.source(e), graph.target(e)]) score.set(n, (score.get(n) ?? 0) + 1);
  }
  const rank = (k: string) => PRIMARY_ORDER.indexOf(graph.getNodeAttribute(k, "category"));
  const candidates = [...score.keys()].filter((k) => graph.hasNode(k));
  const statement = candidates.find((k) => graph.getNodeAttribute(k, "category") === "statement");
  if (statement !== undefined) return statement;
  return candidates.sort(
    (a, b) =>
      (score.get(b) ?? 0) - (score.get(a) ?? 0) ||
      rank(a) - rank(b) ||
      (a < b ? -1 : a > b ? 1 : 0),
  )[0];
}

/** Every node a span supports, with the ends of the relations it supports. */
export function supportedNodes(graph: OrgraphGraph, support: Support): string[] {
  const out = new Set(support.nodes);
  for (const e of support.edges) {
    out.add(graph.source(e));
    out.add(graph.target(e));
  }
  return [...out];
}

/** Short description of what a span supports, for a mark's tooltip. */
export function supportLabel(
  graph: OrgraphGraph,
  support: Support | undefined,
  languages?: readonly string[],
): string {
  if (!support) return "";
  const nodes = support.nodes.map((k) => labelIn(graph, k, languages));
  const edges = support.edges.map((e) => {
    const a = graph.getEdgeAttributes(e);
    return `${labelIn(graph, graph.source(e), languages)} → ${a.label} → ${labelIn(graph, graph.target(e), languages)}`;
  });
  const all = [...nodes, ...edges];
  return all.length > 6 ? `${all.slice(0, 6).join(" ; ")} ; …` : all.join(" ; ");
}

/** The source IRIs (oa:hasSource) the graph's spans address, in order. */
export function spanSources(graph: OrgraphGraph): string[] {
  const out = new Set<string>();
  graph.forEachNode((_k, a) => a.spans.forEach((s) => out.add(s.source)));
  graph.forEachEdge((_k, a) => a.spans.forEach((s) => out.add(s.source)));
  return [...out].sort();
}

/** Verifies the graph's spans on `key` against `text` and lays out marks and parts. */
export function buildSourceDoc(
  graph: OrgraphGraph,
  key: string,
  text: string,
  languages?: readonly string[],
): SourceDoc {
  const { checks, warnings } = verifySpans(graph, text, key);
  const marks: TextMark[] = [];
  for (const check of checks) {
    const r: Span | undefined = check.resolved;
    if (!r || r.start === undefined || r.end === undefined) continue;
    const mark: TextMark = {
      id: marks.length,
      annotation: r.annotation,
      start: r.start,
      end: r.end,
      corrected: check.status === "corrected",
    };
    if (r.part !== undefined) mark.part = r.part;
    marks.push(mark);
  }
  const regions = partRegions(
    text.length,
    marks.filter((m) => m.part !== undefined).map((m) => ({ part: m.part ?? "", start: m.start })),
  );
  const parts = regions.map((r) => ({
    key: r.part,
    label: graph.hasNode(r.part) ? labelIn(graph, r.part, languages) : r.part,
    start: r.start,
    end: r.end,
  }));
  return {
    key,
    label: graph.hasNode(key) ? labelIn(graph, key, languages) : key,
    text,
    marks,
    parts,
    warnings,
  };
}

/**
 * Where a statement's verbatim text lies in the source: inside its (verified) span when found
 * there, else the whole span. Whitespace differences are not forgiven: the quote is verbatim.
 */
export function quoteRange(
  doc: SourceDoc,
  annotation: string,
  quote: string,
): { start: number; end: number } | undefined {
  const mark = doc.marks.find((m) => m.annotation === annotation);
  if (!mark || doc.text === undefined) return undefined;
  const i = quote === "" ? -1 : doc.text.slice(mark.start, mark.end).indexOf(quote);
  return i < 0
    ? { start: mark.start, end: mark.end }
    : { start: mark.start + i, end: mark.start + i + quote.length };
}
