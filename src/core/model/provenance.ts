/**
 * Orgraph core: fold Web Annotation and PROV machinery into spans and sources.
 *
 * An oa:Annotation's oa:hasBody is the named graph (or the resource) it supports; its oa:hasTarget
 * is a SpecificResource with an oa:hasSource text and selectors (TextPositionSelector start/end,
 * TextQuoteSelector exact/prefix/suffix), or directly the source. prov:wasDerivedFrom of the body
 * names the source part. Spans of a named graph support every triple in it; spans of a body that
 * is a plain resource support that resource. A named graph with prov:wasDerivedFrom and no span
 * gives `SourceRef`s instead. Annotations, targets, selectors and named graphs are "machinery":
 * they are not drawn as nodes.
 */
import type { Quads } from "../rdf/quad-store";
import { compareStrings, termKey, type RdfTerm } from "../rdf/terms";
import { indexQuads, type QuadIndex } from "./quad-index";
import type { OrgraphGraph, SourceRef, Span } from "./types";
import { OA, PROV } from "./vocab";

export interface Provenance {
  /** Keys not to draw: annotations, their SpecificResource targets, selectors, named graphs. */
  readonly machinery: ReadonlySet<string>;
  /** Named graph -> the spans that support every triple in it. */
  readonly graphSpans: ReadonlyMap<string, Span[]>;
  /** Resource (an annotation body that is not a named graph) -> the spans that support it. */
  readonly resourceSpans: ReadonlyMap<string, Span[]>;
  /** Named graph -> sources without spans (prov:wasDerivedFrom, no annotation target). */
  readonly graphSources: ReadonlyMap<string, SourceRef[]>;
  /** Resource (annotation body) -> sources without spans. */
  readonly resourceSources: ReadonlyMap<string, SourceRef[]>;
}

function resourceKeys(terms: readonly RdfTerm[]): string[] {
  return terms.filter((t) => t.termType === "NamedNode" || t.termType === "BlankNode").map(termKey);
}

function firstNumber(terms: readonly RdfTerm[]): number | undefined {
  for (const t of terms) {
    if (t.termType !== "Literal") continue;
    const n = Number(t.value.trim());
    if (t.value.trim() !== "" && Number.isInteger(n)) return n;
  }
  return undefined;
}

function firstString(terms: readonly RdfTerm[]): string | undefined {
  return terms.find((t) => t.termType === "Literal")?.value;
}

/** A span with its fields in a fixed order and no undefined values. */
function makeSpan(fields: Span): Span {
  const span: Span = { annotation: fields.annotation, source: fields.source };
  if (fields.part !== undefined) span.part = fields.part;
  if (fields.start !== undefined) span.start = fields.start;
  if (fields.end !== undefined) span.end = fields.end;
  if (fields.exact !== undefined) span.exact = fields.exact;
  if (fields.prefix !== undefined) span.prefix = fields.prefix;
  if (fields.suffix !== undefined) span.suffix = fields.suffix;
  return span;
}

function spanKey(s: Span): string {
  return JSON.stringify([
    s.source,
    s.start ?? -1,
    s.end ?? -1,
    s.annotation,
    s.part ?? "",
    s.exact ?? "",
  ]);
}

/** Spans without repeats, ordered by source, start, end, annotation. */
export function sortSpans(spans: Iterable<Span>): Span[] {
  const byKey = new Map<string, Span>();
  for (const s of spans) byKey.set(JSON.stringify(s), s);
  return [...byKey.values()].sort(
    (a, b) =>
      compareStrings(a.source, b.source) ||
      (a.start ?? -1) - (b.start ?? -1) ||
      (a.end ?? -1) - (b.end ?? -1) ||
      compareStrings(spanKey(a), spanKey(b)),
  );
}

/** Sources without repeats, ordered by graph then source. */
export function sortSources(sources: Iterable<SourceRef>): SourceRef[] {
  const byKey = new Map<string, SourceRef>();
  for (const s of sources)
    byKey.set(`${s.graph} ${s.source}`, { graph: s.graph, source: s.source });
  return [...byKey.values()].sort(
    (a, b) => compareStrings(a.graph, b.graph) || compareStrings(a.source, b.source),
  );
}

function push<K, V>(map: Map<K, V[]>, key: K, values: readonly V[]): void {
  if (values.length === 0) return;
  const list = map.get(key);
  if (list) list.push(...values);
  else map.set(key, [...values]);
}

/** Reads the provenance machinery of a set of quads (or of an index built from them). */
export function readProvenance(input: Quads | QuadIndex): Provenance {
  const index = "about" in input ? input : indexQuads(input);
  const machinery = new Set<string>(index.graphNames);
  const graphSpans = new Map<string, Span[]>();
  const resourceSpans = new Map<string, Span[]>();
  const spannedBodies = new Set<string>();

  const annotations = new Set(index.instancesOf(OA.Annotation));
  // OA's IRIs are their own canonical form: the predicate numbers stand for the raw IRIs.
  const hasBody = index.predicateId(OA.hasBody);
  const hasTarget = index.predicateId(OA.hasTarget);
  if (hasBody !== -1 || hasTarget !== -1) {
    for (let i = 0; i < index.length; i++) {
      const p = index.p[i];
      if (p === hasBody || p === hasTarget) annotations.add(index.keys[index.s[i]!]!);
    }
  }

  for (const annotation of [...annotations].sort(compareStrings)) {
    machinery.add(annotation);
    const bodies = resourceKeys(index.objects(annotation, OA.hasBody));
    const spans: Omit<Span, "part">[] = [];
    for (const target of index.objects(annotation, OA.hasTarget)) {
      if (target.termType === "Literal") continue;
      const t = termKey(target);
      const sources = resourceKeys(index.objects(t, OA.hasSource));
      if (sources.length === 0) {
        // The target is the source itself (no SpecificResource).
        spans.push({ annotation, source: t });
        continue;
      }
      machinery.add(t);
      const fields: Omit<Span, "annotation" | "source"> = {};
      for (const selector of index.objects(t, OA.hasSelector)) {
        if (selector.termType === "Literal") continue;
        const sk = termKey(selector);
        machinery.add(sk);
        fields.start ??= firstNumber(index.objects(sk, OA.start));
        fields.end ??= firstNumber(index.objects(sk, OA.end));
        fields.exact ??= firstString(index.objects(sk, OA.exact));
        fields.prefix ??= firstString(index.objects(sk, OA.prefix));
        fields.suffix ??= firstString(index.objects(sk, OA.suffix));
      }
      for (const source of sources) spans.push({ annotation, source, ...fields });
    }
    for (const body of bodies) {
      const parts = resourceKeys(index.objects(body, PROV.wasDerivedFrom));
      const bodySpans = spans.flatMap((s) =>
        parts.length === 0 ? [makeSpan(s)] : parts.map((part) => makeSpan({ ...s, part })),
      );
      if (bodySpans.length > 0) spannedBodies.add(body);
      push(index.graphNames.has(body) ? graphSpans : resourceSpans, body, bodySpans);
    }
  }

  // Named graphs derived from a source without a span (e.g. a news report).
  const graphSources = new Map<string, SourceRef[]>();
  const resourceSources = new Map<string, SourceRef[]>();
  for (const graph of [...index.graphNames].sort(compareStrings)) {
    if (spannedBodies.has(graph)) continue;
    const refs = resourceKeys(index.objects(graph, PROV.wasDerivedFrom)).map((source) => ({
      graph,
      source,
    }));
    push(graphSources, graph, refs);
  }
  // Annotation bodies (resources) without target spans but with a derivation.
  for (const annotation of annotations) {
    for (const body of resourceKeys(index.objects(annotation, OA.hasBody))) {
      if (spannedBodies.has(body) || index.graphNames.has(body)) continue;
      const refs = resourceKeys(index.objects(body, PROV.wasDerivedFrom)).map((source) => ({
        graph: annotation,
        source,
      }));
      push(resourceSources, body, refs);
    }
  }

  const sortValues = <V>(map: Map<string, V[]>, sort: (v: V[]) => V[]): Map<string, V[]> =>
    new Map(
      [...map.entries()].sort((a, b) => compareStrings(a[0], b[0])).map(([k, v]) => [k, sort(v)]),
    );
  return {
    machinery,
    graphSpans: sortValues(graphSpans, sortSpans),
    resourceSpans: sortValues(resourceSpans, sortSpans),
    graphSources: sortValues(graphSources, sortSources),
    resourceSources: sortValues(resourceSources, sortSources),
  };
}

/** Spans that support a triple asserted in these graphs ("" for the default graph). */
export function spansOfGraphs(provenance: Provenance, graphs: Iterable<string>): Span[] {
  const out: Span[] = [];
  for (const g of graphs) out.push(...(provenance.graphSpans.get(g) ?? []));
  return sortSpans(out);
}

/** Sources without spans that support a triple asserted in these graphs. */
export function sourcesOfGraphs(provenance: Provenance, graphs: Iterable<string>): SourceRef[] {
  const out: SourceRef[] = [];
  for (const g of graphs) out.push(...(provenance.graphSources.get(g) ?? []));
  return sortSources(out);
}

/** Spans of annotations whose body is this resource (not a graph). */
export function spansOfResource(provenance: Provenance, key: string): Span[] {
  return provenance.resourceSpans.get(key) ?? [];
}

/** The spans recorded on a node or an edge of a built graph. */
export function spansOf(graph: OrgraphGraph, item: { node: string } | { edge: string }): Span[] {
  return "node" in item
    ? graph.getNodeAttribute(item.node, "spans")
    : graph.getEdgeAttribute(item.edge, "spans");
}

/** The span-less sources recorded on a node or an edge of a built graph. */
export function sourcesOf(
  graph: OrgraphGraph,
  item: { node: string } | { edge: string },
): SourceRef[] {
  return "node" in item
    ? graph.getNodeAttribute(item.node, "sources")
    : graph.getEdgeAttribute(item.edge, "sources");
}
