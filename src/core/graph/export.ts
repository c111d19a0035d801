/**
 * Orgraph core: export the (visible) graph as GEXF, GraphML, Turtle, N-Triples and CSV.
 *
 * Every export carries each node's key (its IRI), label, labels per language, category and
 * types, and each edge's predicate, label and supporting sentences. GEXF is written by
 * graphology-gexf; graphology-graphml only parses, so GraphML is written here (a small,
 * escaped XML writer that Gephi and graphology-graphml read). Turtle and N-Triples (n3's
 * Writer) give back the original IRIs, rdf:type and every literal property, and one triple per
 * edge (a collapsed membership as its org:Membership node), so an export re-imports into
 * Orgraph as the same nodes and edges. TriG and N-Quads write the same quads in their named
 * graphs: each literal fact in every graph that asserts it (NodeAttributes.factGraphs), each
 * edge in its `graphs` (types, whose graphs are not kept, in the default graph), so that a
 * re-import gives each fact and relation its graphs back. CSV follows RFC 4180 (CRLF, quotes doubled) and
 * defuses spreadsheet formulas: a text cell starting with = + - @ (or tab / CR) gets a leading
 * apostrophe. Keep this module apart: n3's Writer pulls Node stream polyfills into a browser
 * bundle, so the app should load it lazily (`import("…/export")`).
 */
import { MultiDirectedGraph } from "graphology";
import { write as writeGexfDocument } from "graphology-gexf";
import { DataFactory, Writer } from "n3";
import type { Quad } from "n3";
import { OrgraphError } from "../errors";
import type {
  EdgeAttributes,
  GraphAttributes,
  LiteralValue,
  NodeAttributes,
  OrgraphGraph,
} from "../model/types";
import { compareStrings } from "../rdf/terms";
import { NS, ORG, RDF } from "../model/vocab";
import { factFilter, factGraphs, factOrigin, factVisible } from "./facts";
import type { VisibleSubgraph } from "./filters";

export const EXPORT_FORMATS = {
  gexf: { label: "GEXF", mimeType: "application/gexf+xml", extension: "gexf" },
  graphml: { label: "GraphML", mimeType: "application/graphml+xml", extension: "graphml" },
  turtle: { label: "Turtle", mimeType: "text/turtle", extension: "ttl" },
  "n-triples": { label: "N-Triples", mimeType: "application/n-triples", extension: "nt" },
  trig: { label: "TriG", mimeType: "application/trig", extension: "trig" },
  "n-quads": { label: "N-Quads", mimeType: "application/n-quads", extension: "nq" },
  "nodes-csv": { label: "Nodes (CSV)", mimeType: "text/csv", extension: "csv" },
  "edges-csv": { label: "Edges (CSV)", mimeType: "text/csv", extension: "csv" },
} as const;
export type ExportFormat = keyof typeof EXPORT_FORMATS;
export const EXPORT_FORMAT_NAMES = Object.keys(EXPORT_FORMATS) as ExportFormat[];

/** How a node is drawn, when the caller wants the picture in the export (GEXF viz, GraphML). */
export interface NodeViz {
  x?: number;
  y?: number;
  size?: number;
  /** CSS hex colour, "#rrggbb". */
  color?: string;
}

export interface ExportOptions {
  /** Export only these nodes and edges (the visible subgraph); default everything. */
  visible?: VisibleSubgraph;
  /** Positions, sizes and colours (default: the data graph's x and y). */
  nodeViz?: (key: string) => NodeViz | undefined;
  /**
   * Keys of the filter by source (`graph:<iri>`, `source:<name>`): the RDF exports leave out the
   * literal facts they hide, and write nothing in a hidden graph (what is shown).
   */
  hiddenSources?: readonly string[];
}

export interface ExportResult {
  text: string;
  mimeType: string;
  /** Suggested file name extension, without the dot. */
  extension: string;
}

/**
 * A copy of `graph` holding only `visible`'s nodes and the edges among them (same keys,
 * attributes copied, insertion order kept). Without `visible`, a full copy.
 */
export function subgraphCopy(graph: OrgraphGraph, visible?: VisibleSubgraph): OrgraphGraph {
  const copy = new MultiDirectedGraph<NodeAttributes, EdgeAttributes, GraphAttributes>();
  copy.replaceAttributes({ ...graph.getAttributes() });
  graph.forEachNode((key, attributes) => {
    if (!visible || visible.nodes.has(key)) copy.addNode(key, { ...attributes });
  });
  graph.forEachEdge((key, attributes, source, target) => {
    if (visible && !visible.edges.has(key)) return;
    if (!copy.hasNode(source) || !copy.hasNode(target)) return;
    copy.addDirectedEdgeWithKey(key, source, target, { ...attributes });
  });
  return copy;
}

/** Languages that label some node, sorted ("" for untagged labels left out). */
function labelLanguages(graph: OrgraphGraph): string[] {
  const set = new Set<string>();
  graph.forEachNode((_key, a) => {
    for (const [lang, values] of Object.entries(a.labels)) {
      if (lang !== "" && values.length > 0) set.add(lang);
    }
  });
  return [...set].sort(compareStrings);
}

/** The sentences that support an edge: its spans' quoted text, without repeats. */
function evidence(a: EdgeAttributes): string {
  return [...new Set(a.spans.map((s) => s.exact ?? "").filter((e) => e !== ""))].join(" | ");
}

function sourceList(a: NodeAttributes | EdgeAttributes): string {
  const set = new Set<string>();
  for (const s of a.spans) set.add(s.part ?? s.source);
  for (const s of a.sources) set.add(s.source);
  return [...set].sort(compareStrings).join(" ");
}

function nodeRecord(
  key: string,
  a: NodeAttributes,
  languages: readonly string[],
): Record<string, string> {
  const record: Record<string, string> = {
    iri: key,
    category: a.category,
    types: a.types.join(" "),
  };
  for (const lang of languages) record[`label_${lang}`] = (a.labels[lang] ?? []).join(" | ");
  record.sources = sourceList(a);
  return record;
}

function edgeRecord(a: EdgeAttributes): Record<string, string> {
  return {
    predicate: a.predicate,
    via: a.via ?? "",
    evidence: evidence(a),
    sources: sourceList(a),
  };
}

function vizOf(key: string, a: NodeAttributes, options: ExportOptions): NodeViz {
  const viz = options.nodeViz?.(key) ?? {};
  return { x: viz.x ?? a.x, y: viz.y ?? a.y, size: viz.size, color: viz.color };
}

// ---------------------------------------------------------------------------------------------
// GEXF

/** GEXF 1.2 (Gephi, graphology-gexf), directed, with node and edge attributes. */
export function toGexf(graph: OrgraphGraph, options: ExportOptions = {}): string {
  const sub = subgraphCopy(graph, options.visible);
  const languages = labelLanguages(sub);
  return writeGexfDocument(sub, {
    version: "1.2",
    formatNode: (key, a) => {
      const viz = vizOf(key, a, options);
      const out: { x?: number; y?: number; size?: number; color?: string } = {};
      if (viz.x !== undefined && Number.isFinite(viz.x)) out.x = viz.x;
      if (viz.y !== undefined && Number.isFinite(viz.y)) out.y = viz.y;
      if (viz.size !== undefined && Number.isFinite(viz.size)) out.size = viz.size;
      if (viz.color !== undefined && /^#[0-9a-f]{6}$/i.test(viz.color)) out.color = viz.color;
      return { label: a.label, attributes: nodeRecord(key, a, languages), viz: out };
    },
    formatEdge: (_key, a) => ({ label: a.label, attributes: edgeRecord(a) }),
  });
}

// ---------------------------------------------------------------------------------------------
// GraphML

/** Text safe in XML 1.0: escaped, characters XML forbids removed. */
export function xmlEscape(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, "")
    .replace(/&/g, "&amp;")
    .replace(/</g, "&lt;")
    .replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;")
    .replace(/'/g, "&apos;");
}

interface GraphmlKey {
  id: string;
  for: "node" | "edge";
  name: string;
  type: "string" | "double";
}

/** GraphML (Gephi, yEd, graphology-graphml), directed, one <data> per attribute. */
export function toGraphml(graph: OrgraphGraph, options: ExportOptions = {}): string {
  const sub = subgraphCopy(graph, options.visible);
  const languages = labelLanguages(sub);
  const nodeKeys: GraphmlKey[] = [
    { id: "label", for: "node", name: "label", type: "string" },
    { id: "iri", for: "node", name: "iri", type: "string" },
    { id: "category", for: "node", name: "category", type: "string" },
    { id: "types", for: "node", name: "types", type: "string" },
    ...languages.map((l): GraphmlKey => ({
      id: `label_${l}`,
      for: "node",
      name: `label_${l}`,
      type: "string",
    })),
    { id: "sources", for: "node", name: "sources", type: "string" },
    { id: "x", for: "node", name: "x", type: "double" },
    { id: "y", for: "node", name: "y", type: "double" },
    { id: "size", for: "node", name: "size", type: "double" },
    { id: "color", for: "node", name: "color", type: "string" },
  ];
  const edgeKeys: GraphmlKey[] = [
    { id: "e_label", for: "edge", name: "label", type: "string" },
    { id: "e_predicate", for: "edge", name: "predicate", type: "string" },
    { id: "e_via", for: "edge", name: "via", type: "string" },
    { id: "e_evidence", for: "edge", name: "evidence", type: "string" },
    { id: "e_sources", for: "edge", name: "sources", type: "string" },
  ];
  const lines: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" ' +
      'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" ' +
      'xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns ' +
      'http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">',
  ];
  for (const k of [...nodeKeys, ...edgeKeys]) {
    lines.push(`  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>`);
  }
  lines.push('  <graph id="G" edgedefault="directed">');
  const data = (key: string, value: string | number | undefined): string =>
    value === undefined || value === ""
      ? ""
      : `\n      <data key="${key}">${xmlEscape(String(value))}</data>`;
  sub.forEachNode((key, a) => {
    const record = nodeRecord(key, a, languages);
    const viz = vizOf(key, a, options);
    let body = data("label", a.label);
    for (const [name, value] of Object.entries(record)) body += data(name, value);
    if (viz.x !== undefined && Number.isFinite(viz.x)) body += data("x", viz.x);
    if (viz.y !== undefined && Number.isFinite(viz.y)) body += data("y", viz.y);
    if (viz.size !== undefined && Number.isFinite(viz.size)) body += data("size", viz.size);
    if (viz.color !== undefined) body += data("color", viz.color);
    lines.push(`    <node id="${xmlEscape(key)}">${body}\n    </node>`);
  });
  sub.forEachEdge((key, a, source, target) => {
    let body = data("e_label", a.label);
    for (const [name, value] of Object.entries(edgeRecord(a))) body += data(`e_${name}`, value);
    lines.push(
      `    <edge id="${xmlEscape(key)}" source="${xmlEscape(source)}" target="${xmlEscape(target)}">${body}\n    </edge>`,
    );
  });
  lines.push("  </graph>", "</graphml>", "");
  return lines.join("\n");
}

// ---------------------------------------------------------------------------------------------
// RDF

const { namedNode, blankNode, literal, quad, defaultGraph } = DataFactory;

function graphTerm(graph: string) {
  return graph === "" ? defaultGraph() : resourceTerm(graph);
}

function resourceTerm(key: string) {
  return key.startsWith("_:") ? blankNode(key.slice(2)) : namedNode(key);
}

function literalTerm(v: LiteralValue) {
  if (v.lang !== undefined && v.lang !== "") return literal(v.value, v.lang);
  if (v.datatype !== undefined) return literal(v.value, namedNode(v.datatype));
  return literal(v.value);
}

/**
 * The triples of the (visible) graph: types, literal properties, one per edge. With `inGraphs`,
 * quads: each literal fact in each graph that asserts it, each edge in each of its graphs
 * (types in the default graph); without, every triple in the default graph.
 */
export function graphToQuads(
  graph: OrgraphGraph,
  visible?: VisibleSubgraph,
  inGraphs = false,
  hiddenSources: readonly string[] = [],
): Quad[] {
  const sub = subgraphCopy(graph, visible);
  const quads: Quad[] = [];
  const type = namedNode(RDF.type);
  const DEFAULT: readonly string[] = [""];
  const filter = factFilter(hiddenSources);
  const { hiddenGraphs } = filter;
  /** The graphs to write a quad in: its shown graphs (the default graph alone without graphs). */
  const writtenIn = (graphs: readonly string[]): readonly string[] => {
    if (!inGraphs || graphs.length === 0) return DEFAULT;
    if (hiddenGraphs.size === 0) return graphs;
    const shown = graphs.filter((g) => !hiddenGraphs.has(g));
    // An edge shown all the same (brought back by "expand") keeps its graphs.
    return shown.length > 0 ? shown : graphs;
  };
  sub.forEachNode((key, a) => {
    const s = resourceTerm(key);
    for (const t of a.types) quads.push(quad(s, type, namedNode(t)));
    for (const [p, values] of Object.entries(a.properties)) {
      values.forEach((v, i) => {
        const graphs = factGraphs(a, p, i);
        const origin = factOrigin(a, p, i);
        if (!factVisible({ graphs, ...(origin ? { origin } : {}) }, filter)) return;
        for (const g of writtenIn(graphs)) {
          quads.push(quad(s, namedNode(p), literalTerm(v), graphTerm(g)));
        }
      });
    }
  });
  sub.forEachEdge((_key, a, source, target) => {
    const graphs = writtenIn(a.graphs);
    for (const g of graphs) {
      const in_ = graphTerm(g);
      if (a.via === undefined) {
        quads.push(quad(resourceTerm(source), namedNode(a.predicate), resourceTerm(target), in_));
        continue;
      }
      // A collapsed n-ary node: write it back as the org:Membership it came from.
      const m = resourceTerm(a.via);
      quads.push(
        quad(m, type, namedNode(ORG.Membership), in_),
        quad(m, namedNode(ORG.member), resourceTerm(source), in_),
        quad(m, namedNode(ORG.organization), resourceTerm(target), in_),
      );
    }
  });
  return quads;
}

function writeRdf(
  graph: OrgraphGraph,
  format: "Turtle" | "N-Triples" | "TriG" | "N-Quads",
  options: ExportOptions,
): string {
  const prefixes: Record<string, string> = {};
  if (format === "Turtle" || format === "TriG") {
    Object.assign(prefixes, NS, graph.getAttribute("prefixes") ?? {});
  }
  const writer = new Writer({ format, prefixes });
  const quads = graphToQuads(
    graph,
    options.visible,
    format === "TriG" || format === "N-Quads",
    options.hiddenSources,
  );
  // n3's TriG writer opens a graph block each time the graph changes: quads grouped by graph.
  if (format === "TriG") {
    const order = new Map<string, number>();
    for (const q of quads) if (!order.has(q.graph.value)) order.set(q.graph.value, order.size);
    quads.sort((a, b) => order.get(a.graph.value)! - order.get(b.graph.value)!);
  }
  writer.addQuads(quads);
  let output: string | undefined;
  let failure: unknown;
  writer.end((error: unknown, result: string) => {
    failure = error;
    output = result;
  });
  if (failure || output === undefined) {
    throw new OrgraphError("unsupported", `Could not write ${format}.`, { cause: failure });
  }
  return output;
}

/** Turtle with the input's prefixes (and the common ones). */
export function toTurtle(graph: OrgraphGraph, options: ExportOptions = {}): string {
  return writeRdf(graph, "Turtle", options);
}

export function toNTriples(graph: OrgraphGraph, options: ExportOptions = {}): string {
  return writeRdf(graph, "N-Triples", options);
}

/** TriG: every fact and relation in the named graphs that assert it. */
export function toTrig(graph: OrgraphGraph, options: ExportOptions = {}): string {
  return writeRdf(graph, "TriG", options);
}

export function toNQuads(graph: OrgraphGraph, options: ExportOptions = {}): string {
  return writeRdf(graph, "N-Quads", options);
}

// ---------------------------------------------------------------------------------------------
// CSV

/** First characters that make a spreadsheet read a cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV cell (RFC 4180): numbers as they are; text with a leading apostrophe when it starts
 * like a formula, quoted (quotes doubled) when it holds a comma, quote, CR or LF.
 */
export function csvCell(value: string | number | boolean | undefined | null): string {
  if (value === undefined || value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  if (typeof value === "boolean") return value ? "true" : "false";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csv(rows: readonly (readonly (string | number | undefined)[])[]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/** Nodes as CSV, Gephi's column names first: Id, Label, then category, types, labels, x, y. */
export function toNodesCsv(graph: OrgraphGraph, options: ExportOptions = {}): string {
  const sub = subgraphCopy(graph, options.visible);
  const languages = labelLanguages(sub);
  const rows: (string | number | undefined)[][] = [
    [
      "Id",
      "Label",
      "Category",
      "Types",
      ...languages.map((l) => `Label@${l}`),
      "Sources",
      "X",
      "Y",
    ],
  ];
  sub.forEachNode((key, a) => {
    const viz = vizOf(key, a, options);
    rows.push([
      key,
      a.label,
      a.category,
      a.types.join(" "),
      ...languages.map((l) => (a.labels[l] ?? []).join(" | ")),
      sourceList(a),
      viz.x,
      viz.y,
    ]);
  });
  return csv(rows);
}

/** Edges as CSV: Id, Source, Target, Type (Gephi's columns), Label, Predicate, Via, Evidence. */
export function toEdgesCsv(graph: OrgraphGraph, options: ExportOptions = {}): string {
  const sub = subgraphCopy(graph, options.visible);
  const rows: (string | number | undefined)[][] = [
    ["Id", "Source", "Target", "Type", "Label", "Predicate", "Via", "Evidence", "Sources"],
  ];
  sub.forEachEdge((key, a, source, target) => {
    rows.push([
      key,
      source,
      target,
      "Directed",
      a.label,
      a.predicate,
      a.via ?? "",
      evidence(a),
      sourceList(a),
    ]);
  });
  return csv(rows);
}

/** Any export by name, with its MIME type and file extension. */
export function exportGraph(
  graph: OrgraphGraph,
  format: ExportFormat,
  options: ExportOptions = {},
): ExportResult {
  const info = EXPORT_FORMATS[format];
  if (!info) {
    throw new OrgraphError(
      "format",
      `Unknown export format "${String(format)}"; use one of ${EXPORT_FORMAT_NAMES.join(", ")}.`,
    );
  }
  const writers: Record<ExportFormat, (g: OrgraphGraph, o: ExportOptions) => string> = {
    gexf: toGexf,
    graphml: toGraphml,
    turtle: toTurtle,
    "n-triples": toNTriples,
    trig: toTrig,
    "n-quads": toNQuads,
    "nodes-csv": toNodesCsv,
    "edges-csv": toEdgesCsv,
  };
  return {
    text: writers[format](graph, options),
    mimeType: info.mimeType,
    extension: info.extension,
  };
}
