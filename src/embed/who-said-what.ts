/**
 * What the explorer keeps for "who said what", built once per load: the statements, the claims
 * index (for differences between sources), what each span supports, the source texts (fetched,
 * or given) verified against the spans, and lookups for the details panel.
 */
import type { Quads } from "../core/rdf/quad-store";
import {
  activeAsOf,
  corroboration,
  eventAsOf,
  heldAt,
  indexClaimsInSlices,
  NS,
  periodOfEdge,
  statementsOf,
  TIMED_PREDICATES,
  tryParseDate,
  type ClaimIndex,
  type Corroboration,
  type EventTiming,
  type SpanWarning,
  type StatementRecord,
} from "../core";
import type { OrgraphGraph } from "../core/model/types";
import { timed, timedSync } from "./timing";
import {
  buildSourceDoc,
  primaryNode,
  quoteRange,
  spanSources,
  supportedNodes,
  supportIndex,
  type EdgeTiming,
  type SourceDoc,
  type SourceFocus,
  type Support,
} from "../ui";

export const CONTENT_URL = `${NS.schema}contentUrl`;
const ORG_HOLDS = `${NS.org}holds`;

export interface WhoSaidWhatInput {
  graph: OrgraphGraph;
  quads: Quads;
  languages: readonly string[];
  /** URL the RDF was read from: relative content URLs resolve against it. */
  baseUrl?: string;
  /** Source texts given directly, by source IRI (they win over content URLs). */
  texts?: Readonly<Record<string, string>>;
}

/** Where a source's text is: an http(s) URL only (never javascript:, data:, file:, ...). */
export function textUrl(contentUrl: string, baseUrl: string | undefined): URL {
  let url: URL;
  try {
    url = baseUrl === undefined ? new URL(contentUrl) : new URL(contentUrl, baseUrl);
  } catch {
    throw new Error(`"${contentUrl}" is not a URL (relative URLs need the data's own URL)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new Error(`${url.protocol} URLs are not fetched, only http(s)`);
  }
  return url;
}

async function readText(
  graph: OrgraphGraph,
  key: string,
  input: WhoSaidWhatInput,
): Promise<{ text?: string; url?: string; error?: string }> {
  const given = input.texts?.[key];
  if (given !== undefined) return { text: given };
  const contentUrl = graph.hasNode(key)
    ? graph.getNodeAttribute(key, "properties")[CONTENT_URL]?.[0]?.value
    : undefined;
  if (contentUrl === undefined) return { error: "no schema:contentUrl for this document" };
  try {
    const url = textUrl(contentUrl, input.baseUrl);
    const response = await fetch(url);
    if (!response.ok) return { url: url.href, error: `HTTP ${response.status} (${url.href})` };
    return { url: url.href, text: await response.text() };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

export class WhoSaidWhat {
  readonly graph: OrgraphGraph;
  readonly claims: ClaimIndex;
  readonly statements: StatementRecord[];
  readonly support: Map<string, Support>;
  readonly docs: SourceDoc[];
  readonly languages: readonly string[];
  #corroboration = new Map<string, Corroboration | undefined>();

  private constructor(
    input: WhoSaidWhatInput,
    parts: Pick<WhoSaidWhat, "claims" | "statements" | "support" | "docs">,
  ) {
    this.graph = input.graph;
    this.languages = input.languages;
    this.claims = parts.claims;
    this.statements = parts.statements;
    this.support = parts.support;
    this.docs = parts.docs;
  }

  /**
   * Builds the model, fetching the source texts the spans address. Never rejects on a text.
   * Each step (claims, statements, support, each text) runs in a task of its own when `pause`
   * is given (it yields, and rejects to stop: a cancelled load).
   */
  static async prepare(
    input: WhoSaidWhatInput,
    pause: () => Promise<void> = () => Promise.resolve(),
  ): Promise<WhoSaidWhat> {
    const claims = await timed("wsw-claims", () => indexClaimsInSlices(input.quads, pause));
    await pause();
    const statements = timedSync("wsw-statements", () =>
      statementsOf(input.graph, { claims, languages: input.languages }),
    );
    await pause();
    const support = timedSync("wsw-support", () => supportIndex(input.graph));
    await pause();
    const sources = spanSources(input.graph);
    await pause();
    const docs = await Promise.all(
      sources.map(async (key) => {
        const { text, url, error } = await readText(input.graph, key, input);
        await pause();
        if (text === undefined) {
          const doc: SourceDoc = {
            key,
            label: key,
            marks: [],
            parts: [],
            warnings: [],
            error: error ?? "unknown error",
          };
          if (url !== undefined) doc.url = url;
          if (input.graph.hasNode(key)) doc.label = input.graph.getNodeAttribute(key, "label");
          return doc;
        }
        const doc = buildSourceDoc(input.graph, key, text, input.languages);
        if (url !== undefined) doc.url = url;
        return doc;
      }),
    );
    return new WhoSaidWhat(input, { claims, statements, support, docs });
  }

  /** Every selector warning of every text. */
  get warnings(): SpanWarning[] {
    return this.docs.flatMap((d) => d.warnings);
  }

  label(key: string): string {
    return this.graph.hasNode(key) ? this.graph.getNodeAttribute(key, "label") : key;
  }

  corroboration(key: string): Corroboration | undefined {
    if (!this.#corroboration.has(key)) {
      let c: Corroboration | undefined;
      try {
        c = corroboration(this.graph, key, { claims: this.claims, languages: this.languages });
      } catch {
        c = undefined;
      }
      this.#corroboration.set(key, c);
    }
    return this.#corroboration.get(key);
  }

  /** The spans (their annotations) of a node or an edge. */
  spansOf(key: string): { source: string; annotation: string }[] {
    const spans = this.graph.hasEdge(key)
      ? this.graph.getEdgeAttribute(key, "spans")
      : this.graph.hasNode(key)
        ? this.graph.getNodeAttribute(key, "spans")
        : [];
    return spans.map((s) => ({ source: s.source, annotation: s.annotation }));
  }

  hasSpans(key: string): boolean {
    return this.spansOf(key).some((s) =>
      this.docs.some(
        (d) => d.key === s.source && d.marks.some((m) => m.annotation === s.annotation),
      ),
    );
  }

  /**
   * The graph shown, when it is another build of the same data (memberships, posts or
   * statements shown as nodes or collapsed): its edges are mapped to the model's (`modelEdge`,
   * `edgesIn`). The model itself always reads the graph it was built from.
   */
  display: OrgraphGraph | null = null;

  /** The model's edge that a shown edge stands for (itself when the model has it), or null. */
  modelEdge(edge: string): string | null {
    if (this.graph.hasEdge(edge)) return edge;
    const display = this.display;
    if (!display?.hasEdge(edge)) return null;
    const via = display.getEdgeAttribute(edge, "via");
    const s = display.source(edge);
    if (via !== undefined) {
      // A collapsed post: the model's `holder org:holds post`.
      const held = this.graph.hasNode(s) && this.graph.hasNode(via) ? this.graph.edges(s, via) : [];
      const holds = held.find((e) => this.graph.getEdgeAttribute(e, "predicate") === ORG_HOLDS);
      if (holds !== undefined) return holds;
    }
    // A membership (collapsed in the model), shown as it is or as a node.
    for (const m of [via, s, display.target(edge)]) {
      if (m === undefined) continue;
      const found = this.#byVia().get(m)?.[0];
      if (found !== undefined) return found;
    }
    return null;
  }

  #viaIndex: Map<string, string[]> | null = null;
  /** The model's edges by the n-ary node they stand for. */
  #byVia(): Map<string, string[]> {
    if (!this.#viaIndex) {
      const index = new Map<string, string[]>();
      this.graph.forEachEdge((e, a) => {
        if (a.via !== undefined) index.set(a.via, [...(index.get(a.via) ?? []), e]);
      });
      this.#viaIndex = index;
    }
    return this.#viaIndex;
  }

  /**
   * The edges of `display` (another build of the same data) that stand for these edges of the
   * model's graph: the same edge, the edges of a membership shown as a node, the collapsed edge
   * of a held post.
   */
  edgesIn(display: OrgraphGraph, edges: readonly string[]): string[] {
    if (display === this.graph) return [...edges];
    // Nothing to map (no "as of" date): no pass over the shown graph's edges.
    if (edges.length === 0) return [];
    const byVia = new Map<string, string[]>();
    display.forEachEdge((e, a) => {
      if (a.via !== undefined) byVia.set(a.via, [...(byVia.get(a.via) ?? []), e]);
    });
    const out = new Set<string>();
    for (const e of edges) {
      if (display.hasEdge(e)) {
        out.add(e);
        continue;
      }
      if (!this.graph.hasEdge(e)) continue;
      const via = this.graph.getEdgeAttribute(e, "via");
      if (via !== undefined && display.hasNode(via)) for (const d of display.edges(via)) out.add(d);
      const s = this.graph.source(e);
      for (const d of byVia.get(this.graph.target(e)) ?? []) {
        if (display.source(d) === s) out.add(d);
      }
    }
    return [...out];
  }

  /** The edges of `display` whose period excludes `asOf` (see outOfDate). */
  outOfDateIn(display: OrgraphGraph, asOf: string | null): string[] {
    return this.edgesIn(display, this.outOfDate(asOf));
  }

  timing(shown: string, asOf: string | null): EdgeTiming {
    const edge = this.modelEdge(shown);
    if (edge === null) return { timed: false };
    const a = this.graph.getEdgeAttributes(edge);
    const timed = TIMED_PREDICATES.includes(a.predicate) || a.during !== undefined;
    if (!timed) return { timed };
    const out: EdgeTiming = { timed };
    const { period } = periodOfEdge(this.graph, edge);
    if (period) out.period = period;
    if (asOf !== null && tryParseDate(asOf)) out.status = heldAt(this.graph, edge, asOf);
    return out;
  }

  eventTiming(node: string, asOf: string | null): EventTiming | undefined {
    if (asOf === null || !tryParseDate(asOf)) return undefined;
    if (this.graph.getNodeAttribute(node, "category") !== "event") return undefined;
    return eventAsOf(this.graph, node, asOf);
  }

  /** The edges whose period excludes `asOf` (none when `asOf` is null). */
  outOfDate(asOf: string | null): string[] {
    if (asOf === null || !tryParseDate(asOf)) return [];
    return activeAsOf(this.graph, asOf)
      .filter((t) => t.status === "inactive")
      .map((t) => t.edge);
  }

  /** The exact quote of a statement in its source text (else its span). */
  quoteFocus(record: StatementRecord): SourceFocus | null {
    for (const span of record.spans) {
      const doc = this.docs.find((d) => d.key === span.source);
      const range = doc ? quoteRange(doc, span.annotation, record.text) : undefined;
      if (doc && range) return { source: doc.key, ranges: [range] };
    }
    return null;
  }

  /** The verified spans of a node or an edge, in the first text that has any. */
  focusOf(key: string): SourceFocus | null {
    if (this.graph.hasNode(key) && this.graph.getNodeAttribute(key, "category") === "statement") {
      const record = this.statements.find((s) => s.key === key);
      if (record) return this.quoteFocus(record);
    }
    const spans = this.spansOf(key);
    for (const doc of this.docs) {
      const ranges = doc.marks
        .filter((m) => spans.some((s) => s.source === doc.key && s.annotation === m.annotation))
        .map((m) => ({ start: m.start, end: m.end }));
      if (ranges.length) return { source: doc.key, ranges };
    }
    return null;
  }

  /** What a span's mark selects: its primary node, and every node it supports. */
  markTarget(annotation: string): { primary: string; nodes: string[] } | undefined {
    const support = this.support.get(annotation);
    if (!support) return undefined;
    const primary = primaryNode(this.graph, support);
    return primary === undefined
      ? undefined
      : { primary, nodes: supportedNodes(this.graph, support) };
  }

  statementsBy(speaker: string): StatementRecord[] {
    return this.statements.filter((s) => s.speaker?.key === speaker);
  }
}
