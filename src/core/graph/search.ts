/**
 * Orgraph core: full-text search over the nodes (minisearch).
 *
 * One document per node: its label, its labels in every language, its alternative labels
 * (skos:altLabel, skos:hiddenLabel, schema:alternateName, foaf:nick, …) and its text
 * (schema:text of a statement, descriptions, comments). Terms are folded (accents removed,
 * lower-cased, œ → oe), so "ministere" finds "Ministère"; prefix and fuzzy matching find
 * "lago" and "lagoon". Scores are weighted by category (an entity before a statement or a
 * document that merely mentions it, so "lagon" gives Mark Lagon first). Results are ordered by
 * score, then label, then key: the same query on the same graph always gives the same list.
 */
import MiniSearch, { type SearchResult as MiniSearchResult } from "minisearch";
import type { Category, NodeAttributes, OrgraphGraph } from "../model/types";
import { compareStrings } from "../rdf/terms";
import { NS } from "../model/vocab";
import { OrgraphError } from "../errors";
import { factFilter, filtersFacts, visibleProperties, type FactFilter } from "./facts";

/** The indexed fields, by decreasing weight. */
export const SEARCH_FIELDS = ["label", "labels", "altLabels", "text"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];

const BOOST: Record<SearchField, number> = { label: 3, labels: 2, altLabels: 1.5, text: 1 };

/** Score weight per category: entities first, then what talks about them. */
export const CATEGORY_SEARCH_WEIGHT: Readonly<Record<Category, number>> = {
  person: 1,
  role: 1,
  organisation: 1,
  ministry: 1,
  country: 1,
  place: 1,
  event: 1,
  statement: 0.75,
  document: 0.6,
  other: 0.9,
};

/** Alternative-label predicates, beyond the label predicates already in `labels`. */
export const ALT_LABEL_PREDICATES: readonly string[] = [
  `${NS.skos}altLabel`,
  `${NS.skos}hiddenLabel`,
  `${NS.schema}alternateName`,
  `${NS.foaf}nick`,
  `${NS.foaf}givenName`,
  `${NS.foaf}familyName`,
  `${NS.schema}givenName`,
  `${NS.schema}familyName`,
  `${NS.schema}legalName`,
];

/** Text predicates: statement text and descriptions. */
export const TEXT_PREDICATES: readonly string[] = [
  `${NS.schema}text`,
  `${NS.schema}description`,
  `${NS.rdfs}comment`,
  `${NS.dcterms}description`,
  `${NS.skos}definition`,
];

const LIGATURES: Record<string, string> = { œ: "oe", æ: "ae", ß: "ss", ø: "o", đ: "d", ł: "l" };

/** One character folded: accents removed, lower-cased, ligatures spelled out. */
function foldChar(ch: string): string {
  const lower = ch.toLowerCase();
  return LIGATURES[lower] ?? lower.normalize("NFD").replace(/\p{M}/gu, "");
}

/** Text folded for matching: "Ministère" -> "ministere", "Œuvre" -> "oeuvre". */
export function foldText(text: string): string {
  let out = "";
  for (const ch of text) out += foldChar(ch);
  return out;
}

export interface SearchMatch {
  /** Indexed terms that matched (folded). */
  terms: string[];
  /** Fields they matched in, by weight. */
  fields: SearchField[];
  /** The text that matched: a label, or a short excerpt of a statement around the match. */
  text: string;
}

export interface SearchResult {
  key: string;
  label: string;
  category: Category;
  score: number;
  match: SearchMatch;
}

export interface SearchOptions {
  /** Most results (default 20). */
  limit?: number;
  /** Restrict to these node keys (e.g. the visible ones). */
  within?: ReadonlySet<string>;
  /**
   * Keys of the filter by source (`graph:<iri>`, `source:<name>`): a node is found by a fact
   * only while that fact is shown, i.e. asserted in a graph or given by a source not hidden.
   */
  hiddenSources?: readonly string[];
}

export interface SearchIndex {
  /** Number of nodes indexed. */
  readonly size: number;
  search(query: string, options?: SearchOptions): SearchResult[];
}

export interface SearchIndexOptions {
  /** Language preference for the label results show (default: the node's `label`). */
  languages?: readonly string[];
}

interface NodeDocument {
  id: string;
  label: string;
  labels: string;
  altLabels: string;
  text: string;
}

function uniqueValues(values: Iterable<string>): string[] {
  return [...new Set([...values].map((v) => v.trim()).filter((v) => v !== ""))];
}

function documentOf(key: string, a: NodeAttributes): NodeDocument {
  const labels = uniqueValues(Object.values(a.labels).flat());
  const alt = uniqueValues(
    ALT_LABEL_PREDICATES.flatMap((p) => (a.properties[p] ?? []).map((v) => v.value)),
  ).filter((v) => !labels.includes(v));
  const text = uniqueValues(
    TEXT_PREDICATES.flatMap((p) => (a.properties[p] ?? []).map((v) => v.value)),
  );
  return {
    id: key,
    label: a.label,
    labels: labels.join("\n"),
    altLabels: alt.join("\n"),
    text: text.join("\n"),
  };
}

/** A label in the preferred language, else the node's label. */
function displayLabel(a: NodeAttributes, languages: readonly string[] | undefined): string {
  for (const lang of languages ?? []) {
    const l = a.labels[lang.toLowerCase()]?.[0];
    if (l !== undefined && l.trim() !== "") return l;
  }
  return a.label;
}

const EXCERPT = 60;

/** The line of `value` where a folded term starts, cut to an excerpt around it. */
function excerpt(value: string, terms: readonly string[]): string {
  // Fold char by char, remembering where each folded char came from.
  for (const term of terms) {
    let folded = "";
    const origin: number[] = [];
    const chars = Array.from(value);
    let offset = 0;
    for (const ch of chars) {
      const f = foldChar(ch);
      for (let i = 0; i < f.length; i++) origin.push(offset);
      folded += f;
      offset += ch.length;
    }
    const m = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(term)}`, "u").exec(folded);
    if (!m) continue;
    const start = origin[m.index + (m[1] ?? "").length] ?? 0;
    const from = Math.max(0, start - EXCERPT);
    const to = Math.min(value.length, start + term.length + EXCERPT);
    const text = value.slice(from, to).replace(/\s+/g, " ").trim();
    return `${from > 0 ? "…" : ""}${text}${to < value.length ? "…" : ""}`;
  }
  return (value.split("\n")[0] ?? "").trim();
}

/** The first line of `value` where a folded term starts a word. */
function matchingLine(value: string, terms: readonly string[]): string {
  const lines = value.split("\n");
  for (const term of terms) {
    const re = new RegExp(`(^|[^\\p{L}\\p{N}])${escapeRegExp(term)}`, "u");
    const line = lines.find((l) => re.test(foldText(l)));
    if (line !== undefined) return line;
  }
  return lines[0] ?? "";
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function tokenize(text: string): string[] {
  return text.split(/[\s\p{P}\p{S}]+/u).filter((t) => t !== "");
}

/**
 * The document of a node as the fact filter shows it: its hidden facts left out (labels and
 * the label field too when only hidden facts give them); null when nothing is hidden.
 */
function visibleDocumentOf(
  key: string,
  a: NodeAttributes,
  filter: FactFilter,
): NodeDocument | null {
  const properties = visibleProperties(a, filter);
  if (properties === a.properties) return null;
  const shown = new Set<string>();
  const all = new Set<string>();
  for (const values of Object.values(properties)) for (const v of values) shown.add(v.value);
  for (const values of Object.values(a.properties)) for (const v of values) all.add(v.value);
  const labels: Record<string, string[]> = {};
  for (const [lang, values] of Object.entries(a.labels)) {
    const kept = values.filter((v) => shown.has(v));
    if (kept.length > 0) labels[lang] = kept;
  }
  // A label no fact gives (e.g. from the IRI) stays; one only hidden facts give goes.
  const label = shown.has(a.label) || !all.has(a.label) ? a.label : "";
  return documentOf(key, { ...a, label, labels, properties });
}

function emptyIndex(): MiniSearch<NodeDocument> {
  return new MiniSearch<NodeDocument>({
    fields: [...SEARCH_FIELDS],
    idField: "id",
    tokenize,
    processTerm: (term) => {
      const folded = foldText(term);
      return folded === "" ? null : folded;
    },
  });
}

/** Builds the search index of every node of `graph`. */
export function createSearchIndex(
  graph: OrgraphGraph,
  options: SearchIndexOptions = {},
): SearchIndex {
  const mini = emptyIndex();
  const documents = new Map<string, NodeDocument>();
  const attributes = new Map<string, NodeAttributes>();
  graph.forEachNode((key, a) => {
    const doc = documentOf(key, a);
    documents.set(key, doc);
    attributes.set(key, a);
  });
  mini.addAll([...documents.values()]);
  return searchOver(mini, documents, attributes, options);
}

export interface SlicedIndexOptions extends SearchIndexOptions {
  /** Checked between slices: once aborted, the build rejects (OrgraphError "cancelled"). */
  signal?: { readonly aborted: boolean };
  /** Longest run between two yields, in ms (default 8). */
  sliceMs?: number;
  /** How to yield between slices (default: a 0 ms timer; pass a macrotask for shorter gaps). */
  yieldTo?: () => Promise<void>;
  /** Clock in ms (default performance.now, else Date.now). */
  now?: () => number;
}

/**
 * The same index as `createSearchIndex`, built in time slices: between two slices of at most
 * `sliceMs` the caller's thread handles its events (the page stays responsive while a big
 * graph's index is built before it is shown).
 */
export async function createSearchIndexSliced(
  graph: OrgraphGraph,
  options: SlicedIndexOptions = {},
): Promise<SearchIndex> {
  const sliceMs = options.sliceMs ?? 8;
  const yieldTo = options.yieldTo ?? nextTimer;
  const clock = options.now ?? defaultClock;
  const mini = emptyIndex();
  const documents = new Map<string, NodeDocument>();
  const attributes = new Map<string, NodeAttributes>();
  const keys = graph.nodes();
  let start = clock();
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const a = graph.getNodeAttributes(key);
    const doc = documentOf(key, a);
    documents.set(key, doc);
    attributes.set(key, a);
    mini.add(doc);
    if ((i & 15) === 15 && clock() - start > sliceMs) {
      await yieldTo();
      if (options.signal?.aborted) {
        throw new OrgraphError("cancelled", "Building the search index was cancelled.");
      }
      start = clock();
    }
  }
  return searchOver(mini, documents, attributes, options);
}

function nextTimer(): Promise<void> {
  const g = globalThis as { setTimeout?: (callback: () => void, ms: number) => unknown };
  return new Promise((resolve) => (g.setTimeout ? g.setTimeout(resolve, 0) : resolve()));
}

function defaultClock(): number {
  const g = globalThis as { performance?: { now(): number } };
  return g.performance ? g.performance.now() : Date.now();
}

/** The SearchIndex over a filled MiniSearch index. */
function searchOver(
  mini: MiniSearch<NodeDocument>,
  documents: ReadonlyMap<string, NodeDocument>,
  attributes: ReadonlyMap<string, NodeAttributes>,
  options: SearchIndexOptions,
): SearchIndex {
  const run = (
    query: string,
    combineWith: "AND" | "OR",
    over: MiniSearch<NodeDocument> = mini,
  ): MiniSearchResult[] =>
    over.search(query, {
      boost: BOOST,
      combineWith,
      prefix: (term) => term.length >= 2,
      fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
      weights: { prefix: 0.5, fuzzy: 0.3 },
      boostDocument: (id) => {
        const a = attributes.get(String(id));
        return a ? CATEGORY_SEARCH_WEIGHT[a.category] : 1;
      },
    });

  return {
    size: documents.size,
    search(query: string, searchOptions: SearchOptions = {}): SearchResult[] {
      const limit = Math.max(0, Math.floor(searchOptions.limit ?? 20));
      if (typeof query !== "string" || query.trim() === "" || limit === 0) return [];
      let hits = run(query, "AND");
      let combineWith: "AND" | "OR" = "AND";
      if (hits.length === 0) {
        hits = run(query, "OR");
        combineWith = "OR";
      }
      const filter = factFilter(searchOptions.hiddenSources ?? []);
      const filtering = filtersFacts(filter);
      const results: SearchResult[] = [];
      for (let hit of hits) {
        const key = String(hit.id);
        if (searchOptions.within && !searchOptions.within.has(key)) continue;
        const a = attributes.get(key);
        let doc = documents.get(key);
        if (!a || !doc) continue;
        const shown = filtering ? visibleDocumentOf(key, a, filter) : null;
        if (shown !== null) {
          // Some facts are hidden: the node is found only by what is shown (the same query,
          // over its shown document alone); the score stays the whole index's.
          const one = emptyIndex();
          one.add(shown);
          const again = run(query, combineWith, one)[0];
          if (again === undefined) continue;
          hit = { ...again, score: hit.score };
          doc = shown;
        }
        // Fields by how many terms they matched, then by weight: the text shown is the best one.
        const termCount = new Map<string, number>();
        for (const fs of Object.values(hit.match)) {
          for (const f of fs) termCount.set(f, (termCount.get(f) ?? 0) + 1);
        }
        const fields = SEARCH_FIELDS.filter((f) => termCount.has(f));
        const first =
          [...fields].sort((x, y) => (termCount.get(y) ?? 0) - (termCount.get(x) ?? 0))[0] ??
          "label";
        const terms = [...hit.terms].sort(compareStrings);
        const matched = [...hit.terms, ...hit.queryTerms];
        const text =
          first === "label"
            ? doc.label
            : first === "text"
              ? excerpt(doc.text, matched)
              : matchingLine(doc[first], matched);
        results.push({
          key,
          label: displayLabel(a, options.languages),
          category: a.category,
          score: Math.round(hit.score * 1e9) / 1e9,
          match: { terms, fields, text },
        });
      }
      results.sort(
        (x, y) =>
          y.score - x.score || compareStrings(x.label, y.label) || compareStrings(x.key, y.key),
      );
      return results.slice(0, limit);
    },
  };
}

/** One-off search: builds the index and queries it. Build the index once for a search box. */
export function searchGraph(
  graph: OrgraphGraph,
  query: string,
  options: SearchOptions & SearchIndexOptions = {},
): SearchResult[] {
  return createSearchIndex(graph, options).search(query, options);
}
