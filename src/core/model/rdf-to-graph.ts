/**
 * Orgraph core: map RDF quads to the Orgraph data graph (a graphology MultiDirectedGraph).
 *
 * One node per IRI or blank node that is typed or linked to another resource; one edge per
 * distinct (subject, predicate, object) between resources (rdf:type is not drawn). Annotation
 * machinery is folded into spans and sources, OWL-Time intervals into `during`, vocabulary
 * terms (classes, properties) are not drawn, and by default each org:Membership becomes one
 * edge member -> organisation labelled by its role. On request, each org:Post with a holder
 * becomes one edge holder -> organisation labelled by the post (org:holds, `via` the post), and
 * each statement with a speaker one edge speaker -> event (schema:recordedAt; else what it is
 * about) labelled by an excerpt of its text in « » (og:said, `via` the statement). The result is deterministic: the same quads
 * in any order give the same keys, insertion order and attributes.
 */
import type { Quads } from "../rdf/quad-store";
import { MultiDirectedGraph } from "graphology";
import { compareStrings, isResource, termKey } from "../rdf/terms";
import { runSteps } from "../steps";
import { literalValue } from "./literal";
import { useDictionaryAdjacency } from "./adjacency";
import { sortSmall } from "./sort-small";
import { categoryOf } from "./categories";
import {
  DEFAULT_LANGUAGES,
  labelCandidates,
  labelOf,
  labelsByLanguage,
  predicateLabels,
  resolveLabel,
} from "./labels";
import { readProvenance, sortSources, sortSpans, type Provenance } from "./provenance";
import { BLANK, indexQuads, LITERAL, NAMED, type QuadIndex } from "./quad-index";
import type {
  Category,
  EdgeAttributes,
  GraphAttributes,
  LiteralValue,
  NamedGraphInfo,
  NodeAttributes,
  OrgraphGraph,
  Period,
  SourceRef,
  Span,
} from "./types";
import { canonicalIri, OG, ORG, OWL, PROV, RDF, RDFS, SCHEMA, TIME } from "./vocab";
import { keepShape } from "../shapes";

export { literalValue };

export interface RdfToGraphOptions {
  /** Prefixes of the input (prefix -> namespace), for fallback labels. */
  prefixes?: Readonly<Record<string, string>>;
  /** Language preference for labels; default ["fr", "en"]. */
  languages?: readonly string[];
  /** Draw each org:Membership as one edge member -> organisation (default true). */
  collapseMemberships?: boolean;
  /** Draw each held org:Post as one edge holder -> organisation (default false). */
  collapsePosts?: boolean;
  /** Draw each statement as one edge speaker -> event or topic (default false). */
  collapseStatements?: boolean;
}

/** Longest quote excerpt on a collapsed statement's edge (characters, « » excluded). */
export const STATEMENT_EXCERPT_LENGTH = 48;

/** `text` on one line, cut at a word boundary to at most `max` characters (with "…"). */
function excerpt(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ").trim();
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const cut = chars.slice(0, max - 1).join("");
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s,;:.(«"'-]+$/u, "")}…`;
}

/** Predicates that state vocabulary (schema), whose subjects and objects are not drawn. */
const SCHEMA_PREDICATES = new Set<string>([
  RDFS.subClassOf,
  RDFS.subPropertyOf,
  RDFS.domain,
  RDFS.range,
  OWL.equivalentClass,
  OWL.equivalentProperty,
  OWL.inverseOf,
]);

/** Types of vocabulary terms, not drawn. */
const VOCABULARY_TYPES = new Set<string>([
  RDFS.Class,
  RDFS.Datatype,
  OWL.Class,
  RDF.Property,
  OWL.ObjectProperty,
  OWL.DatatypeProperty,
  OWL.AnnotationProperty,
  OWL.FunctionalProperty,
  OWL.TransitiveProperty,
  OWL.SymmetricProperty,
  OWL.InverseFunctionalProperty,
  OWL.Ontology,
]);

const TIME_TYPES = new Set<string>([
  TIME.Interval,
  TIME.ProperInterval,
  TIME.Instant,
  TIME.TemporalEntity,
]);
const TIME_DATE_PREDICATES = [
  TIME.inXSDDate,
  TIME.inXSDDateTime,
  TIME.inXSDDateTimeStamp,
  TIME.inXSDgYearMonth,
  TIME.inXSDgYear,
];

/** Predicates whose subject is an OWL-Time node. */
const TIME_NODE_PREDICATES = new Set<string>([
  TIME.hasBeginning,
  TIME.hasEnd,
  ...TIME_DATE_PREDICATES,
]);

/** A 32-bit FNV-1a hash, then mixed: a seeded, deterministic stand-in for randomness. */
function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Initial position of a node, in [-100, 100), from its key alone. */
export function initialPosition(key: string): { x: number; y: number } {
  return {
    x: (hash32(key, 1) / 2 ** 32) * 200 - 100,
    y: (hash32(key, 2) / 2 ** 32) * 200 - 100,
  };
}

/** Key of an edge: subject, predicate, object (and the n-ary node it stands for). */
export function edgeKey(subject: string, predicate: string, object: string, via?: string): string {
  // join builds one flat string (a template literal, a tree of parts that a hash flattens into
  // a second copy: graph keys are held for the graph's life).
  return (
    via === undefined ? [subject, predicate, object] : [subject, predicate, object, via]
  ).join(" ");
}

/** What a predicate number stands for in the scan: a schema predicate, a time one. */
const SCHEMA_P = 1;
const TIME_P = 2;

/** Flags of a term number in the build (Builder.flagsOf). */
const KNOWN = 1;
const EXCLUDED = 2;
const TIME_NODE = 4;

/** A subject's drafts searched in a list up to this many, then in a map (Relations). */
const SCAN_DRAFTS = 16;

/** `Builder.lastFactGraph` when a resource's literals are in several graphs. */
const MIXED_GRAPHS = -2;

/** Items (quads, nodes, edges) between two yields of `buildGraphInSteps`. */
const STEP = 2048;

/** What the scan of relations gathers (Builder.relations), and where it stands. */
interface Relations {
  /** One draft per (subject, predicate, object), in order of the index. */
  readonly drafts: EdgeDraft[];
  /**
   * A relation asserted in several graphs is found again among its subject's drafts (a subject's
   * quads are one range of the index): no key string is built to look it up. The current
   * subject's drafts start at `subjectStart` in `drafts`; past SCAN_DRAFTS of them, they are
   * also in `subjectDrafts` by predicate and object numbers.
   */
  readonly subjectDrafts: Map<number, EdgeDraft>;
  subjectStart: number;
  /** End of the current subject's range. */
  rangeEnd: number;
  /** Node -> the period of its interval (OWL-Time folded). */
  readonly periods: Map<string, Period>;
  /** Node -> predicate -> dates of its instants (OWL-Time folded). */
  readonly timeProperties: Map<string, Map<string, LiteralValue[]>>;
  /** Node -> predicate -> per date, the graphs of the quads that link the node to it. */
  readonly timeGraphs: Map<string, Map<string, Set<string>[]>>;
  /** The last subject read, and whether it is excluded. */
  lastSubject: number;
  excluded: boolean;
}

interface EdgeDraft {
  /** The edge's key (edgeKey). */
  key: string;
  subject: string;
  predicate: string;
  object: string;
  /** Term numbers of the subject and object, predicate number (-1 for a collapsed node's). */
  s: number;
  o: number;
  p: number;
  /** The graphs asserting it: one key, or a set of them. */
  graphs: ReadonlySet<string> | string;
  via?: string;
  /** The label of a collapsed membership, post or statement. */
  label?: { label: string; labels: Record<string, string> };
  extraSpans?: Span[];
  extraSources?: SourceRef[];
  during?: Period;
}

class Builder {
  private readonly index: QuadIndex;
  /** Numbers of the OWL-Time predicates read per interval (-1: no quad has it). */
  private readonly hasBeginning: number;
  private readonly hasEnd: number;
  private readonly timeDatePredicates: readonly number[];
  private readonly provenance: Provenance;
  private readonly subClassOf = new Map<string, string[]>();
  private readonly vocabulary = new Set<string>();
  private readonly timeNodes = new Set<string>();
  private readonly memberships = new Set<string>();
  private readonly posts = new Set<string>();
  private readonly statements = new Set<string>();
  /** post -> its holders (subjects of org:holds). */
  private readonly holders = new Map<string, Set<string>>();
  private readonly languages: readonly string[];
  private readonly prefixes: Readonly<Record<string, string>>;
  /** Term number by key (see termNumber), made when first needed. */
  private termNumbers: Map<string, number> | undefined;
  /** Everything `excluded`, in one set, once the scan is done. */
  private hidden: Set<string> | undefined;
  private readonly rolesLabelCache = new Map<
    string,
    { label: string; labels: Record<string, string> }
  >();
  private readonly predicateLabelCache = new Map<
    string,
    { label: string; labels: Record<string, string> }
  >();
  /**
   * Attribute values many nodes and edges have in common (graph lists, type lists, source and
   * span lists, source references), one instance each, by content key: less memory. Treat
   * attribute values as read-only (graphology's setters replace them, never edit in place).
   */
  private readonly sharedLists = new Map<string, Map<string, readonly unknown[]>>();
  private readonly sharedSources = new Map<string, SourceRef>();
  /** Category by shared type list (categoryOf). */
  private readonly categories = new Map<readonly string[], Category>();
  /**
   * The graph of the literals the last literalProperties call read: -1 none, MIXED_GRAPHS
   * several, else the one graph's term number.
   */
  private lastFactGraph = -1;
  /** Literal values by term number: each literal read once, shared. */
  private readonly literals: (LiteralValue | undefined)[];
  /** Flags by term number (see flagsOf); 0 until read. */
  private readonly flags: Uint8Array;
  /** Merged support lists of edges, by the identity of the two lists merged (see mergedSupport). */
  private readonly mergedSpans = new Map<readonly Span[], Map<readonly Span[], Span[]>>();
  private readonly mergedSources = new Map<
    readonly SourceRef[],
    Map<readonly SourceRef[], SourceRef[]>
  >();
  /** `graphsAndSupport` of one graph, by the graph's key. */
  private readonly singleGraphs = new Map<
    string,
    { graphs: string[]; support: { spans: Span[]; sources: SourceRef[] } }
  >();
  /** Sorted support (spans, sources) of a set of graphs, by the graphs' sorted key. */
  private readonly graphSupport = new Map<string, { spans: Span[]; sources: SourceRef[] }>();

  constructor(
    quads: Quads,
    private readonly options: RdfToGraphOptions,
  ) {
    this.index = indexQuads(quads);
    this.flags = new Uint8Array(this.index.keys.length);
    // Filled up front: an array grown by assignment at scattered places is slow to index.
    this.literals = new Array<LiteralValue | undefined>(this.index.keys.length).fill(undefined);
    this.provenance = readProvenance(this.index);
    this.hasBeginning = this.index.predicateId(TIME.hasBeginning);
    this.hasEnd = this.index.predicateId(TIME.hasEnd);
    this.timeDatePredicates = TIME_DATE_PREDICATES.map((iri) => this.index.predicateId(iri)).filter(
      (p) => p !== -1,
    );
    this.languages = (options.languages ?? DEFAULT_LANGUAGES).map((l) => l.toLowerCase());
    this.prefixes = options.prefixes ?? {};
    keepShape(this);
  }

  private *scan(): Generator<void, void> {
    const { index } = this;
    const { predicates } = index;
    // What each predicate number stands for, read once.
    const roles = new Uint8Array(predicates.length);
    for (let p = 0; p < predicates.length; p++) {
      const iri = predicates[p]!;
      roles[p] =
        (SCHEMA_PREDICATES.has(iri) ? SCHEMA_P : 0) | (TIME_NODE_PREDICATES.has(iri) ? TIME_P : 0);
    }
    const last = { predicate: -1 };
    // A plain method called a slice at a time (see build).
    for (let from = 0; from < index.length; from += STEP) {
      this.scanQuads(from, Math.min(index.length, from + STEP), roles, last);
      yield;
    }
    if (this.options.collapseMemberships ?? true) {
      for (const m of index.instancesOf(ORG.Membership)) {
        if (this.provenance.machinery.has(m)) continue;
        if (this.hasDrawableObject(m, ORG.member) && this.hasDrawableObject(m, ORG.organization))
          this.memberships.add(m);
      }
    }
    if (this.options.collapsePosts ?? false) {
      for (const post of index.instancesOf(ORG.Post)) {
        if (this.provenance.machinery.has(post)) continue;
        if (this.postHolders(post).length > 0 && this.drawableObjects(post, ORG.postIn).length > 0)
          this.posts.add(post);
      }
    }
    if (this.options.collapseStatements ?? false) {
      const candidates = new Set<string>();
      const speaker = index.predicateId(OG.speaker);
      const { keys, kinds, s: S, p: P } = index;
      for (let i = 0; i < index.length; i++) {
        if (P[i] === speaker && kinds[S[i]!]! <= BLANK) candidates.add(keys[S[i]!]!);
      }
      for (const s of [...candidates].sort(compareStrings)) {
        if (this.provenance.machinery.has(s)) continue;
        if (categoryOf(index.typesOf(s), this.subClassOf) !== "statement") continue;
        if (this.drawableObjects(s, OG.speaker).length > 0 && this.statementTargets(s).length > 0)
          this.statements.add(s);
      }
    }
    const hidden = new Set<string>(this.provenance.machinery);
    for (const set of [
      this.vocabulary,
      this.timeNodes,
      this.memberships,
      this.posts,
      this.statements,
    ])
      for (const k of set) hidden.add(k);
    this.hidden = hidden;
  }

  /** Vocabulary, time nodes, classes and post holders stated by quads [from, to). */
  private scanQuads(
    from: number,
    to: number,
    roles: Uint8Array,
    last: { predicate: number },
  ): void {
    const { index } = this;
    const { keys, kinds, predicates } = index;
    const S = index.s;
    const P = index.p;
    const O = index.o;
    const typeId = index.predicateId(RDF.type);
    const subClassOf = index.predicateId(RDFS.subClassOf);
    const holds = index.predicateId(ORG.holds);
    for (let i = from; i < to; i++) {
      const p = P[i]!;
      // A subject's quads are in predicate order within a graph: most repeat the last one.
      if (p !== last.predicate) this.vocabulary.add(predicates[(last.predicate = p)]!);
      const si = S[i]!;
      const oi = O[i]!;
      if (p === typeId && kinds[oi] === NAMED) {
        const cls = canonicalIri(keys[oi]!);
        this.vocabulary.add(cls);
        if (VOCABULARY_TYPES.has(cls)) this.vocabulary.add(keys[si]!);
        if (TIME_TYPES.has(cls)) this.timeNodes.add(keys[si]!);
      }
      const role = roles[p]!;
      if (role === 0 && p !== holds) continue;
      const sResource = kinds[si]! <= BLANK;
      const oResource = kinds[oi]! <= BLANK;
      if ((role & SCHEMA_P) !== 0) {
        if (sResource) this.vocabulary.add(canonicalIri(keys[si]!));
        if (oResource) this.vocabulary.add(canonicalIri(keys[oi]!));
      }
      if (p === subClassOf && sResource && oResource) {
        const sub = canonicalIri(keys[si]!);
        const list = this.subClassOf.get(sub) ?? [];
        list.push(canonicalIri(keys[oi]!));
        this.subClassOf.set(sub, list);
      }
      if ((role & TIME_P) !== 0) {
        this.timeNodes.add(keys[si]!);
      }
      if (p === holds && sResource && oResource) {
        const post = keys[oi]!;
        const set = this.holders.get(post) ?? new Set<string>();
        set.add(keys[si]!);
        this.holders.set(post, set);
      }
    }
  }

  /** The holders of a post (org:holds), drawable ones, sorted. */
  private postHolders(post: string): string[] {
    return [...(this.holders.get(post) ?? [])]
      .filter((k) => !this.excluded(k))
      .sort(compareStrings);
  }

  /** Where a collapsed statement points: the event it was recorded at, else what it is about. */
  private statementTargets(statement: string): string[] {
    const events = this.drawableObjects(statement, SCHEMA.recordedAt);
    return events.length > 0 ? events : this.drawableObjects(statement, SCHEMA.about);
  }

  /** The label of a collapsed post: the post's own label, per language. */
  private nodeLabel(key: string): { label: string; labels: Record<string, string> } {
    const candidates = labelCandidates(this.literalProperties(key));
    const labels: Record<string, string> = {};
    for (const [lang, values] of Object.entries(labelsByLanguage(candidates))) {
      if (values[0] !== undefined) labels[lang] = values[0];
    }
    return { label: labelOf(key, candidates, this.languages, this.prefixes), labels };
  }

  /** The label of a collapsed statement: an excerpt of its text in « », per language. */
  private quoteLabel(key: string): { label: string; labels: Record<string, string> } {
    const texts = this.literalProperties(key)[SCHEMA.text] ?? [];
    if (texts.length === 0) return this.nodeLabel(key);
    const labels: Record<string, string> = {};
    for (const t of texts) {
      const lang = t.lang ?? "";
      labels[lang] ??= `« ${excerpt(t.value, STATEMENT_EXCERPT_LENGTH)} »`;
    }
    const preferred =
      this.languages.map((l) => labels[l]).find((l) => l !== undefined) ??
      labels[""] ??
      Object.values(labels)[0] ??
      "";
    return { label: preferred, labels };
  }

  /** Not drawn as a node: machinery, vocabulary, time, collapsed memberships. */
  private excluded(key: string): boolean {
    if (this.hidden) return this.hidden.has(key);
    return (
      this.provenance.machinery.has(key) ||
      this.vocabulary.has(key) ||
      this.timeNodes.has(key) ||
      this.memberships.has(key) ||
      this.posts.has(key) ||
      this.statements.has(key)
    );
  }

  /**
   * Keys of the drawable resources objects of (subject, predicate), without repeats, in order.
   */
  private drawableObjects(subject: string, predicate: string): string[] {
    return this.drawableObjectIds(subject, predicate).map((o) => this.index.keys[o]!);
  }

  /** `drawableObjects` as term numbers (the first term of each key). */
  private drawableObjectIds(subject: string, predicate: string): number[] {
    // As index.objects(…) filtered to resources, keyed, and not excluded; read from the keys.
    const out: number[] = [];
    const { index } = this;
    const { keys } = index;
    const p = index.predicateId(predicate);
    if (p === -1) return out;
    const { start, end } = index.about(subject);
    for (let i = start; i < end; i++) {
      const oi = index.o[i]!;
      if (index.p[i] !== p || index.kinds[oi]! > BLANK) continue;
      const o = keys[oi]!;
      let known = false;
      for (let k = 0; k < out.length && !known; k++) known = keys[out[k]!] === o;
      if (!known && this.drawable(oi)) out.push(oi);
    }
    return out;
  }

  /** Whether term number `t` (a resource) is drawn (read from the flags once the scan is done). */
  private drawable(t: number): boolean {
    return this.hidden ? (this.flagsOf(t) & EXCLUDED) === 0 : !this.excluded(this.index.keys[t]!);
  }

  /**
   * The number of the first term with key `key` (posts' holders and statements' ends are
   * gathered as keys): the table is made the first time it is needed.
   */
  private termNumber(key: string): number {
    if (this.termNumbers === undefined) {
      const numbers = new Map<string, number>();
      const { keys } = this.index;
      for (let t = 0; t < keys.length; t++) if (!numbers.has(keys[t]!)) numbers.set(keys[t]!, t);
      this.termNumbers = numbers;
    }
    return this.termNumbers.get(key) ?? -1;
  }

  /** Whether (subject, predicate) has a drawable resource object. */
  private hasDrawableObject(subject: string, predicate: string): boolean {
    // Whether drawableObjectIds(…) has any, without a list made.
    const { index } = this;
    const p = index.predicateId(predicate);
    if (p === -1) return false;
    const { start, end } = index.about(subject);
    for (let i = start; i < end; i++) {
      const oi = index.o[i]!;
      if (index.p[i] === p && index.kinds[oi]! <= BLANK && this.drawable(oi)) return true;
    }
    return false;
  }

  /** The date of a time:Instant (term number `instant`). */
  private instantDate(instant: number): LiteralValue | undefined {
    const { index } = this;
    const start = index.termStart[instant]!;
    const end = index.termEnd[instant]!;
    if (start === end) return undefined;
    for (const p of this.timeDatePredicates) {
      for (let i = start; i < end; i++) {
        const o = index.o[i]!;
        if (index.p[i] === p && index.kinds[o] === LITERAL) return this.literal(o);
      }
    }
    return undefined;
  }

  /** The period of a time:Interval (term number `interval`). */
  private intervalPeriod(interval: number): Period | undefined {
    const start = this.intervalEnd(interval, this.hasBeginning);
    const end = this.intervalEnd(interval, this.hasEnd);
    if (!start && !end) return undefined;
    const period: Period = {};
    if (start) period.start = start;
    if (end) period.end = end;
    return period;
  }

  /** The date of an interval's beginning or end (predicate number `p`, -1 when absent). */
  private intervalEnd(interval: number, p: number): LiteralValue | undefined {
    if (p === -1) return undefined;
    const { index } = this;
    const to = index.termEnd[interval]!;
    // Objects in order (a repeat in another graph, tried again, gives nothing new).
    for (let i = index.termStart[interval]!; i < to; i++) {
      if (index.p[i] !== p) continue;
      const o = index.o[i]!;
      if (index.kinds[o] === LITERAL) return this.literal(o);
      const d = this.instantDate(o);
      if (d) return d;
    }
    return undefined;
  }

  private predicateLabel(predicate: string): { label: string; labels: Record<string, string> } {
    let cached = this.predicateLabelCache.get(predicate);
    if (!cached) {
      cached = predicateLabels(
        predicate,
        labelCandidates(this.literalProperties(predicate)),
        this.languages,
        this.prefixes,
      );
      this.predicateLabelCache.set(predicate, cached);
    }
    return cached;
  }

  /** Literal properties of a resource: canonical predicate IRI -> values, keys sorted. */
  private literalProperties(key: string): Record<string, LiteralValue[]> {
    // Values in order of first use, without repeats (a repeat is the same literal in another
    // graph: its quads are apart, and rare, so the list is searched only then). Literals are
    // numbered by kind and key, one value object each: the same object is the same literal.
    // A subject's quads come by predicate within a graph: the keys are made in order, and
    // sorted again only when they were not (predicates in several graphs, schema.org's http
    // and https names read as one).
    const { index } = this;
    const { o: O, p: P, g: G, kinds } = index;
    const names = index.predicates;
    const out: Record<string, LiteralValue[]> = {};
    let last: string | undefined;
    let sorted = true;
    let grown = false;
    const { start, end } = index.about(key);
    let graph = -1;
    for (let i = start; i < end; i++) {
      const o = O[i]!;
      if (kinds[o] !== LITERAL) continue;
      const g = G[i]!;
      if (graph !== g && graph !== MIXED_GRAPHS) graph = graph === -1 ? g : MIXED_GRAPHS;
      const name = names[P[i]!]!;
      const value = this.literal(o);
      const values = out[name];
      if (values === undefined) {
        if (last !== undefined && compareStrings(last, name) > 0) sorted = false;
        out[name] = [value];
        last = name;
      } else if (!values.includes(value)) {
        values.push(value);
        grown = true;
      }
    }
    this.lastFactGraph = graph;
    if (grown) {
      // A list grown by push keeps spare room (17 slots for 2 values): held values are copied.
      for (const name in out) if (out[name]!.length > 1) out[name] = out[name]!.slice();
    }
    if (sorted) return out;
    const inOrder: Record<string, LiteralValue[]> = {};
    for (const name of sortSmall(Object.keys(out), compareStrings)) inOrder[name] = out[name]!;
    return inOrder;
  }

  /** `literalValue` of term number `id`, one object per term (read-only, like every value). */
  private literal(id: number): LiteralValue {
    return (this.literals[id] ??= literalValue(this.index.terms[id]!));
  }

  /**
   * What term number `id` is to the build (EXCLUDED, TIME_NODE), read once the scan is done.
   */
  private flagsOf(id: number): number {
    let flags = this.flags[id]!;
    if (flags === 0) {
      const key = this.index.keys[id]!;
      flags =
        KNOWN | (this.excluded(key) ? EXCLUDED : 0) | (this.timeNodes.has(key) ? TIME_NODE : 0);
      this.flags[id] = flags;
    }
    return flags;
  }

  /** The category of a shared type list (see shareList), computed once per list. */
  private categoryOf(types: readonly string[]): Category {
    let category = this.categories.get(types);
    if (category === undefined)
      this.categories.set(types, (category = categoryOf(types, this.subClassOf)));
    return category;
  }

  /** `list`, or the equal list given before under the same `kind` and key (one instance). */
  private shareList<T>(kind: string, key: string, list: T[]): T[] {
    // A map per kind: no key built by concatenation (a string hashed anew each time).
    let lists = this.sharedLists.get(kind);
    if (lists === undefined) this.sharedLists.set(kind, (lists = new Map()));
    const known = lists.get(key);
    if (known !== undefined) return known as T[];
    // A list grown by push keeps spare room (36 slots for one type): the kept one is exact.
    const kept = list.slice();
    lists.set(key, kept);
    return kept;
  }

  /** Sorted sources, each reference and the list itself shared by content. */
  private shareSources(sources: readonly SourceRef[]): SourceRef[] {
    const keys: string[] = [];
    const refs = sources.map((s) => {
      const k = `${s.graph} ${s.source}`;
      keys.push(k);
      let ref = this.sharedSources.get(k);
      if (ref === undefined) this.sharedSources.set(k, (ref = s));
      return ref;
    });
    return this.shareList("sources", keys.join("\u0000"), refs);
  }

  /** Sorted spans; the empty list shared (spans are rarely shared otherwise). */
  private shareSpans(spans: Span[]): Span[] {
    return spans.length === 0 ? this.shareList("spans", "", spans) : spans;
  }

  /** The sorted list of `graphs` (shared) and its support; for one graph, from a cache. */
  private graphsAndSupport(graphs: ReadonlySet<string> | string): {
    graphs: string[];
    support: { spans: Span[]; sources: SourceRef[] };
  } {
    const one =
      typeof graphs === "string"
        ? graphs
        : graphs.size === 1
          ? graphs.values().next().value
          : undefined;
    if (one !== undefined) {
      let known = this.singleGraphs.get(one);
      if (known === undefined) {
        const list = this.shareList("graphs", one, [one]);
        known = { graphs: list, support: this.supportOfGraphs(list) };
        this.singleGraphs.set(one, known);
      }
      return known;
    }
    const sorted = [...(graphs as ReadonlySet<string>)].sort(compareStrings);
    const list = this.shareList("graphs", sorted.join("\u0000"), sorted);
    return { graphs: list, support: this.supportOfGraphs(list) };
  }

  /** Sorted spans and sources that support every triple of these graphs (sorted, distinct). */
  private supportOfGraphs(graphs: readonly string[]): { spans: Span[]; sources: SourceRef[] } {
    const key = graphs.join("\u0000");
    let support = this.graphSupport.get(key);
    if (support === undefined) {
      const { spans, sources } = this.spansOfGraphs(graphs);
      support = {
        spans: this.shareSpans(sortSpans(spans)),
        sources: this.shareSources(sortSources(sources)),
      };
      this.graphSupport.set(key, support);
    }
    return support;
  }

  private spansOfGraphs(graphs: Iterable<string>): { spans: Span[]; sources: SourceRef[] } {
    const spans: Span[] = [];
    const sources: SourceRef[] = [];
    for (const g of graphs) {
      spans.push(...(this.provenance.graphSpans.get(g) ?? []));
      sources.push(...(this.provenance.graphSources.get(g) ?? []));
    }
    return { spans, sources };
  }

  /** Graphs of the quads about `key`, sorted, without repeats (keys; "" the default graph). */
  private graphsOf(key: string): string[] {
    // The quads about `key` are in canonical order, graph first: their graphs come sorted.
    const { index } = this;
    const graphs: string[] = [];
    const { start, end } = index.about(key);
    for (let i = start; i < end; i++) {
      const g = index.keys[index.g[i]!]!;
      if (graphs.length === 0 || graphs[graphs.length - 1] !== g) graphs.push(g);
    }
    return graphs;
  }

  /** Spans and sources of every triple about `key`, plus annotations whose body is `key`. */
  private supportOf(key: string, oneGraph?: string): { spans: Span[]; sources: SourceRef[] } {
    const graphs = oneGraph === undefined ? this.graphsOf(key) : [oneGraph];
    const ownSpans = this.provenance.resourceSpans.get(key);
    const ownSources = this.provenance.resourceSources.get(key);
    if (ownSpans === undefined && ownSources === undefined) {
      // One graph (most resources): its support from the cache by graph, no key joined.
      return graphs.length === 1
        ? this.graphsAndSupport(graphs[0]!).support
        : this.supportOfGraphs(graphs);
    }
    const { spans, sources } = this.spansOfGraphs(graphs);
    spans.push(...(ownSpans ?? []));
    sources.push(...(ownSources ?? []));
    return {
      spans: this.shareSpans(sortSpans(spans)),
      sources: this.shareSources(sortSources(sources)),
    };
  }

  /** Relations between drawn resources of quads [from, to), into `r` (see build). */
  private relations(from: number, to: number, r: Relations): void {
    const { index } = this;
    const { keys, kinds, predicates } = index;
    const { drafts, subjectDrafts, periods, timeProperties, timeGraphs } = r;
    const S = index.s;
    const P = index.p;
    const O = index.o;
    const G = index.g;
    const terms = keys.length;
    const typeId = index.predicateId(RDF.type);
    for (let i = from; i < to; i++) {
      if (i >= r.rangeEnd) {
        r.rangeEnd = index.termEnd[S[i]!]!;
        r.subjectStart = drafts.length;
        if (subjectDrafts.size > 0) subjectDrafts.clear();
      }
      const si = S[i]!;
      const oi = O[i]!;
      if (kinds[si]! > BLANK || kinds[oi]! > BLANK) continue;
      const pi = P[i]!;
      if (pi === typeId) continue;
      const s = keys[si]!;
      // A subject's quads are together: whether it is drawn is read once.
      if (si !== r.lastSubject) {
        r.lastSubject = si;
        r.excluded = (this.flagsOf(si) & EXCLUDED) !== 0;
      }
      if (r.excluded) continue;
      const p = predicates[pi]!;
      const o = keys[oi]!;
      const objectFlags = this.flagsOf(oi);
      if ((objectFlags & TIME_NODE) !== 0) {
        // Fold OWL-Time: an interval becomes `during`, an instant a dated literal property.
        const period = this.intervalPeriod(oi);
        if (period) {
          if (!periods.has(s)) periods.set(s, period);
        } else {
          const date = this.instantDate(oi);
          if (date) {
            const props = timeProperties.get(s) ?? new Map<string, LiteralValue[]>();
            const list = props.get(p) ?? [];
            let at = list.findIndex((v) => JSON.stringify(v) === JSON.stringify(date));
            if (at === -1) at = list.push(date) - 1;
            props.set(p, list);
            timeProperties.set(s, props);
            // The graph of the link node -> instant: where the fact is said about this node.
            const graphsByP = timeGraphs.get(s) ?? new Map<string, Set<string>[]>();
            const graphs = graphsByP.get(p) ?? [];
            (graphs[at] ??= new Set()).add(keys[G[i]!]!);
            graphsByP.set(p, graphs);
            timeGraphs.set(s, graphsByP);
          }
        }
        continue;
      }
      if ((objectFlags & EXCLUDED) !== 0) continue;
      const g = keys[G[i]!]!;
      let draft: EdgeDraft | undefined;
      const pairKey = pi * terms + oi;
      if (drafts.length - r.subjectStart <= SCAN_DRAFTS) {
        for (let k = drafts.length - 1; k >= r.subjectStart; k--) {
          const d = drafts[k]!;
          if (d.o === oi && d.p === pi) {
            draft = d;
            break;
          }
        }
      } else {
        if (subjectDrafts.size === 0) {
          for (let k = r.subjectStart; k < drafts.length; k++) {
            const d = drafts[k]!;
            subjectDrafts.set(d.p * terms + d.o, d);
          }
        }
        draft = subjectDrafts.get(pairKey);
      }
      // Most relations are asserted in one graph: a set only for those in several.
      if (draft === undefined) {
        const made: EdgeDraft = {
          key: edgeKey(s, p, o),
          subject: s,
          predicate: p,
          object: o,
          s: si,
          o: oi,
          p: pi,
          graphs: g,
        };
        if (subjectDrafts.size > 0) subjectDrafts.set(pairKey, made);
        drafts.push(made);
      } else if (typeof draft.graphs !== "string") (draft.graphs as Set<string>).add(g);
      else if (draft.graphs !== g) draft.graphs = new Set([draft.graphs, g]);
    }
  }

  /** Builds the graph, yielding every STEP items so that a caller can slice the work. */
  *build(): Generator<void, OrgraphGraph> {
    yield* this.scan();
    const { index } = this;
    const drafts: EdgeDraft[] = [];
    const periods = new Map<string, Period>();
    const timeProperties = new Map<string, Map<string, LiteralValue[]>>();
    const timeGraphs = new Map<string, Map<string, Set<string>[]>>();

    const { keys, p: P, o: O, g: G } = index;
    const relations: Relations = {
      drafts,
      subjectDrafts: new Map(),
      subjectStart: 0,
      rangeEnd: 0,
      periods,
      timeProperties,
      timeGraphs,
      lastSubject: -1,
      excluded: false,
    };
    let n = 0;
    // The loops' bodies are plain methods, called a slice at a time: V8 optimizes them better
    // than the same code inside a generator.
    for (let from = 0; from < index.length; from += STEP) {
      this.relations(from, Math.min(index.length, from + STEP), relations);
      n += STEP;
      yield;
    }
    // Collapsed nodes' edges: keys of four parts, apart from the relations' and each other's.
    const collapsed: EdgeDraft[] = [];

    const memberships = [...this.memberships].sort(compareStrings);
    for (let from = 0; from < memberships.length; from += STEP) {
      this.collapseMemberships(
        memberships,
        from,
        Math.min(memberships.length, from + STEP),
        collapsed,
      );
      n += STEP;
      yield;
    }

    // Collapsed posts: holder -> organisation, labelled by the post.
    const holds = index.predicateId(ORG.holds);
    for (const post of [...this.posts].sort(compareStrings)) {
      if (++n % STEP === 0) yield;
      const graphs = new Set(this.graphsOf(post));
      const support = this.supportOf(post);
      const label = this.nodeLabel(post);
      for (const holder of this.postHolders(post)) {
        for (const org of this.drawableObjects(post, ORG.postIn)) {
          // The holding itself (holder org:holds post) is part of the evidence.
          const held: string[] = [];
          const { start, end } = index.about(holder);
          for (let i = start; i < end; i++) {
            if (P[i] === holds && keys[O[i]!] === post) held.push(keys[G[i]!]!);
          }
          collapsed.push({
            key: edgeKey(holder, ORG.holds, org, post),
            subject: holder,
            predicate: ORG.holds,
            object: org,
            s: this.termNumber(holder),
            o: this.termNumber(org),
            p: -1,
            graphs: new Set([...graphs, ...held]),
            via: post,
            label,
            extraSpans: support.spans,
            extraSources: support.sources,
          });
        }
      }
    }

    // Collapsed statements: speaker -> event (or topic), labelled by a quote excerpt.
    for (const statement of [...this.statements].sort(compareStrings)) {
      if (++n % STEP === 0) yield;
      const graphs = new Set(this.graphsOf(statement));
      const support = this.supportOf(statement);
      const label = this.quoteLabel(statement);
      for (const speaker of this.drawableObjects(statement, OG.speaker)) {
        for (const target of this.statementTargets(statement)) {
          collapsed.push({
            key: edgeKey(speaker, OG.said, target, statement),
            subject: speaker,
            predicate: OG.said,
            object: target,
            s: this.termNumber(speaker),
            o: this.termNumber(target),
            p: -1,
            graphs,
            via: statement,
            label,
            extraSpans: support.spans,
            extraSources: support.sources,
          });
        }
      }
    }

    // Nodes: typed resources and edge endpoints, minus what is folded away.
    // Marked by term number, then sorted by key: one node per key (the same key of two
    // kinds, possible for quads given as objects, is one node).
    const isNode = new Uint8Array(keys.length);
    for (let from = 0; from < index.length; from += STEP) {
      this.typedNodes(from, Math.min(index.length, from + STEP), isNode);
      yield;
    }
    for (const d of drafts) {
      isNode[d.s] = 1;
      isNode[d.o] = 1;
    }
    for (const d of collapsed) {
      isNode[d.s] = 1;
      isNode[d.o] = 1;
    }

    const graph: OrgraphGraph = new MultiDirectedGraph<
      NodeAttributes,
      EdgeAttributes,
      GraphAttributes
    >();
    const sortedPrefixes: Record<string, string> = {};
    for (const k of Object.keys(this.prefixes).sort(compareStrings)) {
      sortedPrefixes[k] = this.prefixes[k] ?? "";
    }
    graph.replaceAttributes({
      prefixes: sortedPrefixes,
      languages: [...this.languages],
      triples: index.length,
      namedGraphs: this.namedGraphs(),
    });

    const nodes: number[] = [];
    for (let t = 0; t < isNode.length; t++) if (isNode[t] === 1) nodes.push(t);
    nodes.sort((a, b) => compareStrings(keys[a]!, keys[b]!));
    const sortedKeys: string[] = [];
    for (const t of nodes) {
      const key = keys[t]!;
      if (sortedKeys.length === 0 || sortedKeys[sortedKeys.length - 1] !== key)
        sortedKeys.push(key);
    }
    for (let from = 0; from < sortedKeys.length; from += STEP) {
      this.addNodes(graph, sortedKeys, from, Math.min(sortedKeys.length, from + STEP), relations);
      yield;
    }
    const sortedDrafts = [...drafts, ...collapsed].sort((a, b) => compareStrings(a.key, b.key));
    drafts.length = 0;
    collapsed.length = 0;
    for (let from = 0; from < sortedDrafts.length; from += STEP) {
      this.addEdges(graph, sortedDrafts, from, Math.min(sortedDrafts.length, from + STEP));
      yield;
    }
    return graph;
  }

  /** Edges of the collapsed memberships `memberships[from, to)`, into `collapsed`. */
  private collapseMemberships(
    memberships: readonly string[],
    from: number,
    to: number,
    collapsed: EdgeDraft[],
  ): void {
    const { index } = this;
    const { keys, kinds, p: P, o: O, g: G } = index;
    const role = index.predicateId(ORG.role);
    const memberDuring = index.predicateId(ORG.memberDuring);
    for (let k = from; k < to; k++) {
      const m = memberships[k]!;
      // Read from the membership's indexed quads, in order: its graphs, its roles (resources,
      // without repeats), the first of its intervals that has a period.
      // Quads come graph first: a set only once a second graph is met (as in `relations`).
      let graphs: Set<string> | string | undefined;
      const roles: string[] = [];
      let during: Period | undefined;
      const { start, end } = index.about(m);
      for (let i = start; i < end; i++) {
        const g = keys[G[i]!]!;
        if (graphs === undefined) graphs = g;
        else if (typeof graphs !== "string") graphs.add(g);
        else if (graphs !== g) graphs = new Set([graphs, g]);
        const oi = O[i]!;
        if (P[i] === role) {
          if (kinds[oi]! <= BLANK && !roles.includes(keys[oi]!)) roles.push(keys[oi]!);
        } else if (P[i] === memberDuring && during === undefined && kinds[oi]! <= BLANK) {
          during = this.intervalPeriod(oi);
        }
      }
      // Its graphs were just read: one graph (most memberships) is not read again.
      const support = this.supportOf(m, typeof graphs === "string" ? graphs : undefined);
      const label = roles.length > 0 ? this.rolesLabel(roles) : undefined;
      const orgs = this.drawableObjectIds(m, ORG.organization);
      for (const mi of this.drawableObjectIds(m, ORG.member)) {
        const member = keys[mi]!;
        for (const oi of orgs) {
          const org = keys[oi]!;
          const draft: EdgeDraft = {
            key: edgeKey(member, ORG.memberOf, org, m),
            subject: member,
            predicate: ORG.memberOf,
            object: org,
            s: mi,
            o: oi,
            p: -1,
            graphs: graphs ?? new Set<string>(),
            via: m,
            extraSpans: support.spans,
            extraSources: support.sources,
          };
          if (label) draft.label = label;
          if (during) draft.during = during;
          collapsed.push(draft);
        }
      }
    }
  }

  /** Typed resources among the subjects of quads [from, to) that are drawn, into `nodes`. */
  private typedNodes(from: number, to: number, isNode: Uint8Array): void {
    const { index } = this;
    const { kinds, s: S, p: P } = index;
    const typeId = index.predicateId(RDF.type);
    for (let i = from; i < to; i++) {
      if (P[i] !== typeId || kinds[S[i]!]! > BLANK) continue;
      if ((this.flagsOf(S[i]!) & EXCLUDED) === 0) isNode[S[i]!] = 1;
    }
  }

  /** Nodes `keys[from, to)` added to `graph`. */
  private addNodes(
    graph: OrgraphGraph,
    keys: readonly string[],
    from: number,
    to: number,
    { periods, timeProperties, timeGraphs }: Relations,
  ): void {
    for (let i = from; i < to; i++) {
      const key = keys[i]!;
      graph.addNode(
        key,
        this.nodeAttributes(key, periods.get(key), timeProperties.get(key), timeGraphs.get(key)),
      );
      useDictionaryAdjacency(graph, key);
    }
  }

  /** Edges `drafts[from, to)` added to `graph`. */
  private addEdges(
    graph: OrgraphGraph,
    drafts: readonly EdgeDraft[],
    from: number,
    to: number,
  ): void {
    for (let i = from; i < to; i++) {
      const d = drafts[i]!;
      graph.addDirectedEdgeWithKey(d.key, d.subject, d.object, this.edgeAttributes(d));
    }
  }

  /** Label and derivation of every named graph that has either (for the filter by graph). */
  private namedGraphs(): Record<string, NamedGraphInfo> {
    const out: Record<string, NamedGraphInfo> = {};
    const sourceLabels = new Map<string, string>();
    const sourceLabel = (iri: string): string => {
      let label = sourceLabels.get(iri);
      if (label === undefined) {
        const candidates = labelCandidates(this.literalProperties(iri));
        label = labelOf(iri, candidates, this.languages, this.prefixes);
        sourceLabels.set(iri, label);
      }
      return label;
    };
    for (const g of [...this.index.graphNames].sort(compareStrings)) {
      if (g === "") continue;
      const info: NamedGraphInfo = {};
      const own = resolveLabel(labelCandidates(this.literalProperties(g)), this.languages);
      if (own !== undefined && own !== "") info.label = own;
      const derived = this.index
        .objects(g, PROV.wasDerivedFrom)
        .filter(isResource)
        .map((t) => {
          const iri = termKey(t);
          return { iri, label: sourceLabel(iri) };
        });
      if (derived.length > 0) info.derivedFrom = derived;
      if (info.label !== undefined || info.derivedFrom) out[g] = info;
    }
    return out;
  }

  private nodeAttributes(
    key: string,
    during: Period | undefined,
    timeProps: Map<string, LiteralValue[]> | undefined,
    timeGraphs: Map<string, Set<string>[]> | undefined,
  ): NodeAttributes {
    const properties = this.literalProperties(key);
    // Read before any other literalProperties call (the label lookups below make some).
    const factGraph = this.lastFactGraph;
    // literalProperties gives its keys sorted: sort again only after adding time properties.
    let sortedProperties = properties;
    if (timeProps) {
      for (const [p, values] of timeProps) properties[p] = [...(properties[p] ?? []), ...values];
      sortedProperties = {};
      for (const p of Object.keys(properties).sort(compareStrings)) {
        sortedProperties[p] = properties[p] ?? [];
      }
    }
    const candidates = labelCandidates(sortedProperties);
    const typeList = this.index.typesOf(key);
    // A list of one type is keyed by the type itself (no string joined).
    const typesKey = typeList.length === 1 ? typeList[0]! : typeList.join("\u0000");
    const types = this.shareList("types", typesKey, typeList);
    const { spans, sources } = this.supportOf(key);
    const { x, y } = initialPosition(key);
    const label = labelOf(key, candidates, this.languages, this.prefixes);
    const labels = labelsByLanguage(candidates);
    const category = this.categoryOf(types);
    const factGraphs = this.factGraphsOf(key, factGraph, sortedProperties, timeProps, timeGraphs);
    // Written in the literal (held in the object, not in a store of added properties).
    const attributes: NodeAttributes =
      factGraphs === undefined
        ? {
            iri: key,
            label,
            labels,
            types,
            category,
            properties: sortedProperties,
            spans,
            sources,
            x,
            y,
          }
        : {
            iri: key,
            label,
            labels,
            types,
            category,
            properties: sortedProperties,
            spans,
            sources,
            x,
            y,
            factGraphs,
          };
    if (during) attributes.during = during;
    return attributes;
  }

  /**
   * `NodeAttributes.factGraphs` of `key`: `single` is what literalProperties found (-1: no
   * literal, MIXED_GRAPHS: several graphs, else the one graph's term number); the folded dates
   * (`timeProps`) are said in the graphs of their links (`timeGraphs`).
   */
  private factGraphsOf(
    key: string,
    single: number,
    properties: Record<string, LiteralValue[]>,
    timeProps: Map<string, LiteralValue[]> | undefined,
    timeGraphs: Map<string, Set<string>[]> | undefined,
  ): NodeAttributes["factGraphs"] {
    const { keys } = this.index;
    let one: string | undefined = single >= 0 ? keys[single] : undefined;
    let mixed = single === MIXED_GRAPHS;
    if (timeGraphs && !mixed) {
      for (const lists of timeGraphs.values()) {
        for (const set of lists) {
          for (const g of set) {
            if (one === undefined) one = g;
            else if (one !== g) mixed = true;
          }
        }
      }
    }
    // Most nodes: one graph (or none), so no list per fact.
    if (!mixed) return one === undefined || one === "" ? undefined : one;
    const sets: Record<string, Set<string>[]> = {};
    const { start, end } = this.index.about(key);
    const { o: O, p: P, g: G, kinds, predicates } = this.index;
    for (let i = start; i < end; i++) {
      const o = O[i]!;
      if (kinds[o] !== LITERAL) continue;
      const p = predicates[P[i]!]!;
      const at = properties[p]?.indexOf(this.literal(o)) ?? -1;
      if (at === -1) continue;
      ((sets[p] ??= [])[at] ??= new Set()).add(keys[G[i]!]!);
    }
    if (timeProps && timeGraphs) {
      for (const [p, values] of timeProps) {
        // Folded dates follow the literals' own values (see nodeAttributes).
        const offset = (properties[p]?.length ?? 0) - values.length;
        const lists = timeGraphs.get(p) ?? [];
        for (let k = 0; k < values.length; k++) {
          const target = ((sets[p] ??= [])[offset + k] ??= new Set());
          for (const g of lists[k] ?? []) target.add(g);
        }
      }
    }
    const out: Record<string, (readonly string[])[]> = {};
    for (const [p, values] of Object.entries(properties)) {
      const perValue = sets[p] ?? [];
      out[p] = values.map((_v, k) => {
        const list = [...(perValue[k] ?? [])].sort(compareStrings);
        // Keyed as in graphsAndSupport (the edges' lists); no fact is without a graph.
        const listKey = list.length === 0 ? "\u0000" : list.join("\u0000");
        return this.shareList("graphs", listKey, list);
      });
    }
    return out;
  }

  private edgeAttributes(d: EdgeDraft): EdgeAttributes {
    const { graphs, support } = this.graphsAndSupport(d.graphs);
    let label: string;
    let labels: Record<string, string>;
    if (d.label) {
      ({ label, labels } = d.label);
    } else {
      ({ label, labels } = this.predicateLabel(d.predicate));
    }
    const extraSpans = d.extraSpans ?? [];
    const extraSources = d.extraSources ?? [];
    const attributes: EdgeAttributes = {
      predicate: d.predicate,
      label,
      // Shared with every edge of the same predicate (or roles, post, statement): read-only.
      labels,
      graphs,
      spans:
        extraSpans.length === 0
          ? support.spans
          : this.mergedSupport(this.mergedSpans, support.spans, extraSpans, (a, b) =>
              this.shareSpans(sortSpans([...a, ...b])),
            ),
      sources:
        extraSources.length === 0
          ? support.sources
          : this.mergedSupport(this.mergedSources, support.sources, extraSources, (a, b) =>
              this.shareSources(sortSources([...a, ...b])),
            ),
    };
    if (d.via !== undefined) attributes.via = d.via;
    if (d.during) attributes.during = d.during;
    return attributes;
  }

  /**
   * `merge(a, b)`, computed once per pair of lists: support lists are shared, read-only
   * instances (many edges of a collapsed node kind merge the same two), so their identity stands
   * for their content.
   */
  private mergedSupport<T>(
    cache: Map<readonly T[], Map<readonly T[], T[]>>,
    a: readonly T[],
    b: readonly T[],
    merge: (a: readonly T[], b: readonly T[]) => T[],
  ): T[] {
    let byB = cache.get(a);
    if (byB === undefined) cache.set(a, (byB = new Map()));
    let merged = byB.get(b);
    if (merged === undefined) byB.set(b, (merged = merge(a, b)));
    return merged;
  }

  /** The label of a collapsed membership: its roles' labels, joined with ", ". */
  private rolesLabel(roles: readonly string[]): { label: string; labels: Record<string, string> } {
    const cacheKey = roles.length === 1 ? roles[0]! : roles.join("\u0000");
    let cached = this.rolesLabelCache.get(cacheKey);
    if (!cached) this.rolesLabelCache.set(cacheKey, (cached = this.computeRolesLabel(roles)));
    return cached;
  }

  private computeRolesLabel(roles: readonly string[]): {
    label: string;
    labels: Record<string, string>;
  } {
    const perRole = roles.map((r) => labelCandidates(this.literalProperties(r)));
    const label = roles
      .map((r, i) => labelOf(r, perRole[i] ?? [], this.languages, this.prefixes))
      .join(", ");
    const languages = new Set<string>();
    for (const c of perRole.flat()) languages.add(c.lang ?? "");
    const labels: Record<string, string> = {};
    for (const lang of [...languages].sort(compareStrings)) {
      labels[lang] = roles
        .map((r, i) => {
          const all = perRole[i] ?? [];
          const inLang = all.filter((c) => (c.lang ?? "") === lang);
          return resolveLabel(inLang, [lang]) ?? labelOf(r, all, this.languages, this.prefixes);
        })
        .join(", ");
    }
    return { label, labels };
  }
}

/** Builds the Orgraph data graph from quads. Pure and deterministic. */
export function rdfToGraph(quads: Quads, options: RdfToGraphOptions = {}): OrgraphGraph {
  return runSteps(buildGraphInSteps(quads, options));
}

/**
 * `rdfToGraph` as steps: each `next()` does a bounded share of the work (indexing the quads,
 * then about STEP quads, nodes or edges), and the last returns the graph. The graph is built
 * apart: nothing is visible to the caller before the end.
 */
export function* buildGraphInSteps(
  quads: Quads,
  options: RdfToGraphOptions = {},
): Generator<void, OrgraphGraph> {
  const builder = new Builder(quads, options);
  yield;
  return yield* builder.build();
}
