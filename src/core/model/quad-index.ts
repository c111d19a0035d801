/**
 * Orgraph core: a read-only index of quads by subject, used by the model builders.
 *
 * A subject's quads are put in a canonical order (graph, predicate, object), so every lookup gives
 * values in a stable order whatever the input order. Subjects follow one another in order of
 * first appearance: whatever reads across subjects sorts what it gathers. The index holds no object per quad: each
 * distinct term is numbered once (by kind and key), each quad is four numbers in typed arrays
 * (subject, canonical predicate, object, graph), and a subject's quads are one range of
 * positions. Predicate and class IRIs are read through `canonicalIri` (schema.org https).
 */
import { QuadStore, isQuadArray, type Quads } from "../rdf/quad-store";
import { compareStrings, termKey, type RdfTerm } from "../rdf/terms";
import { runSteps, runStepsInSlices, type Pause } from "../steps";
import { sortSmall } from "./sort-small";
import { canonicalIri, RDF } from "./vocab";
import { keepShape } from "../shapes";

/** Kinds of terms, by number (`QuadIndex.kinds`). */
export const TERM_KINDS = ["NamedNode", "BlankNode", "Literal", "DefaultGraph", "Other"] as const;
export const NAMED = 0;
export const BLANK = 1;
export const LITERAL = 2;
export const DEFAULT_GRAPH = 3;
const OTHER = 4;

/** Is a term of this type a resource (an IRI or a blank node)? */
export function isResourceType(termType: string): boolean {
  return termType === "NamedNode" || termType === "BlankNode";
}

/** Positions [start, end) of a subject's quads in the index. */
export interface Range {
  readonly start: number;
  readonly end: number;
}

export interface QuadIndex {
  /** Number of quads. */
  readonly length: number;
  /** Subject of the quad at each position (canonical order), a term number. */
  readonly s: Int32Array;
  /** Predicate of the quad at each position, a predicate number (see `predicates`). */
  readonly p: Int32Array;
  /** Object of the quad at each position, a term number. */
  readonly o: Int32Array;
  /** Graph of the quad at each position, a term number (the default graph's key is ""). */
  readonly g: Int32Array;
  /** Key of each term number (`termKey`). */
  readonly keys: readonly string[];
  /** A term of each term number. */
  readonly terms: readonly RdfTerm[];
  /** Kind of each term number: an index into TERM_KINDS. */
  readonly kinds: Uint8Array;
  /** Canonical IRI of each predicate number. */
  readonly predicates: readonly string[];
  /** The number of a canonical predicate IRI, -1 when no quad has it. */
  predicateId(iri: string): number;
  /** Keys of the named graphs (not the default graph). */
  readonly graphNames: ReadonlySet<string>;
  /** Positions of the quads whose subject has this key, in canonical order. */
  about(subject: string): Range;
  /**
   * `about` by term number: the quads of term `t` as a subject are at [termStart[t],
   * termEnd[t]) (an empty range for a term that is no subject).
   */
  readonly termStart: Int32Array;
  readonly termEnd: Int32Array;
  /** Objects of (subject, predicate) over every graph, without repeats, in canonical order. */
  objects(subject: string, predicate: string): RdfTerm[];
  /** rdf:types of a subject (canonical IRIs, sorted, without repeats). */
  typesOf(subject: string): string[];
  /** Keys of the subjects with this rdf:type, sorted. */
  instancesOf(cls: string): string[];
}

function kindOf(term: RdfTerm): number {
  switch (term.termType) {
    case "NamedNode":
      return NAMED;
    case "BlankNode":
      return BLANK;
    case "Literal":
      return LITERAL;
    case "DefaultGraph":
      return DEFAULT_GRAPH;
    default:
      return OTHER;
  }
}

const NO_QUADS: Range = { start: 0, end: 0 };

/** Sorts `list[from, to)` (positions) by `compare`, stably (ties keep their order). */
function sortRange(
  list: Int32Array,
  from: number,
  to: number,
  compare: (a: number, b: number) => number,
): void {
  if (to - from <= 24) {
    // Insertion sort: a subject has few quads.
    for (let i = from + 1; i < to; i++) {
      const x = list[i]!;
      let j = i - 1;
      while (j >= from && compare(list[j]!, x) > 0) {
        list[j + 1] = list[j]!;
        j--;
      }
      list[j + 1] = x;
    }
    return;
  }
  const part = Array.from(list.subarray(from, to)).sort(compare);
  list.set(part, from);
}

/** Items per step of a sliced build. */
const CHUNK = 1024;
/** Calls `step(from, to)` over [0, n): sliced, in chunks of `chunk` with a step between. */
function* chunks(
  sliced: boolean,
  n: number,
  step: (from: number, to: number) => void,
  chunk = CHUNK,
): Generator<void, void, void> {
  if (!sliced) return step(0, n);
  for (let i = 0; i < n; i += chunk) {
    step(i, Math.min(n, i + chunk));
    yield;
  }
}

/**
 * The index, built in steps: the loops run in plain functions (V8 runs them much faster than in
 * a generator's body), a chunk at a time when `sliced`, each chunk a step.
 */
function* indexSteps(input: Quads, sliced: boolean): Generator<void, QuadIndex, void> {
  const store = isQuadArray(input) ? QuadStore.from(input, input.length) : input;
  yield;
  const { terms: table, indices } = store;
  const n = indices.length >> 2;

  // Term numbers: one per distinct (kind, key), in order of first use in the table.
  const keys: string[] = [];
  const terms: RdfTerm[] = [];
  const kindList: number[] = [];
  const byKind = [new Map<string, number>(), new Map<string, number>(), new Map<string, number>()];
  const other = new Map<string, number>();
  const number = new Int32Array(table.length);
  const distinct = !isQuadArray(input) && input.distinct;
  yield* chunks(sliced, table.length, (from, to) => {
    for (let t = from; t < to; t++) {
      const term = table[t]!;
      const kind = kindOf(term);
      const key = kind === NAMED ? term.value : termKey(term);
      if (distinct && kind <= LITERAL) {
        number[t] = keys.length;
        keys.push(key);
        terms.push(term);
        kindList.push(kind);
        continue;
      }
      const ids = kind <= LITERAL ? byKind[kind]! : other;
      const mapKey = kind <= LITERAL ? key : `${kind}${key}`;
      let id = ids.get(mapKey);
      if (id === undefined) {
        id = keys.length;
        ids.set(mapKey, id);
        keys.push(key);
        terms.push(term);
        kindList.push(kind);
      }
      number[t] = id;
    }
  });
  const kinds = Uint8Array.from(kindList);

  // Predicates: canonical IRIs numbered; raw IRIs ranked.
  const predicates: string[] = [];
  const predicateIds = new Map<string, number>();
  const canonicalOf = new Int32Array(keys.length).fill(-1);
  const rawRank = new Int32Array(keys.length);
  const rawPredicates: number[] = [];
  yield* chunks(sliced, n, (from, to) => {
    for (let at = from * 4 + 1; at < to * 4; at += 4) {
      const id = number[indices[at]!]!;
      if (canonicalOf[id] !== -1) continue;
      const iri = canonicalIri(terms[id]!.value);
      let c = predicateIds.get(iri);
      if (c === undefined) {
        predicateIds.set(iri, (c = predicates.length));
        predicates.push(iri);
      }
      canonicalOf[id] = c;
      rawPredicates.push(id);
    }
  });
  rawPredicates.sort((a, b) => compareStrings(terms[a]!.value, terms[b]!.value));
  for (let r = 0; r < rawPredicates.length; r++) rawRank[rawPredicates[r]!] = r;

  // Graphs ranked by key; subjects grouped by key (the same key of two kinds is one subject).
  const graphRank = new Int32Array(keys.length);
  const graphIds: number[] = [];
  const isGraph = new Uint8Array(keys.length);
  const graphNames = new Set<string>();
  const groupOf = new Int32Array(keys.length).fill(-1);
  const groups = new Map<string, number>();
  const groupKeys: string[] = [];
  let lastSubject = -1;
  let lastGraph = -1;
  yield* chunks(sliced, n, (from, to) => {
    for (let at = from * 4; at < to * 4; at += 4) {
      const s = number[indices[at]!]!;
      if (s !== lastSubject) {
        lastSubject = s;
        if (groupOf[s] === -1) {
          const key = keys[s]!;
          let group = groups.get(key);
          if (group === undefined) {
            groups.set(key, (group = groupKeys.length));
            groupKeys.push(key);
          }
          groupOf[s] = group;
        }
      }
      const g = number[indices[at + 3]!]!;
      if (g !== lastGraph) {
        lastGraph = g;
        if (isGraph[g] === 0) {
          isGraph[g] = 1;
          graphIds.push(g);
          if (keys[g] !== "" || kinds[g] !== DEFAULT_GRAPH) graphNames.add(keys[g]!);
        }
      }
    }
  });
  graphIds.sort((a, b) => compareStrings(keys[a]!, keys[b]!));
  for (let r = 0; r < graphIds.length; r++) graphRank[graphIds[r]!] = r;

  // Subjects in order of first appearance (what is read across subjects is sorted by its
  // reader: no order of subjects is needed); each quad placed in its subject's range, then each
  // range sorted.
  const subjects = groupKeys.length;
  const starts = new Int32Array(subjects + 1);
  yield* chunks(sliced, n, (from, to) => {
    for (let at = from * 4; at < to * 4; at += 4) {
      const r = groupOf[number[indices[at]!]!]! + 1;
      starts[r] = starts[r]! + 1;
    }
  });
  for (let r = 0; r < subjects; r++) starts[r + 1] = starts[r + 1]! + starts[r]!;
  const fill = starts.slice(0, subjects);
  const positions = new Int32Array(n);
  yield* chunks(sliced, n, (from, to) => {
    for (let i = from, at = from * 4; i < to; i++, at += 4)
      positions[fill[groupOf[number[indices[at]!]!]!]!++] = i;
  });
  const compare = (a: number, b: number): number => {
    const ga = number[indices[(a << 2) + 3]!]!;
    const gb = number[indices[(b << 2) + 3]!]!;
    if (ga !== gb) {
      const d = graphRank[ga]! - graphRank[gb]!;
      if (d !== 0) return d;
    }
    const pa = number[indices[(a << 2) + 1]!]!;
    const pb = number[indices[(b << 2) + 1]!]!;
    if (pa !== pb) {
      const d = rawRank[pa]! - rawRank[pb]!;
      if (d !== 0) return d;
    }
    const oa = number[indices[(a << 2) + 2]!]!;
    const ob = number[indices[(b << 2) + 2]!]!;
    return (oa === ob ? 0 : compareStrings(keys[oa]!, keys[ob]!)) || a - b;
  };
  yield* chunks(
    sliced,
    subjects,
    (from, to) => {
      for (let r = from; r < to; r++) {
        if (starts[r + 1]! - starts[r]! > 1)
          sortRange(positions, starts[r]!, starts[r + 1]!, compare);
      }
    },
    256,
  );

  const S = new Int32Array(n);
  const P = new Int32Array(n);
  const O = new Int32Array(n);
  const G = new Int32Array(n);
  yield* chunks(
    sliced,
    n,
    (from, to) => {
      for (let i = from; i < to; i++) {
        const at = positions[i]! << 2;
        S[i] = number[indices[at]!]!;
        P[i] = canonicalOf[number[indices[at + 1]!]!]!;
        O[i] = number[indices[at + 2]!]!;
        G[i] = number[indices[at + 3]!]!;
      }
    },
    CHUNK * 8,
  );

  const termStart = new Int32Array(keys.length);
  const termEnd = new Int32Array(keys.length);
  for (let t = 0; t < keys.length; t++) {
    const group = groupOf[t]!;
    if (group === -1) continue;
    termStart[t] = starts[group]!;
    termEnd[t] = starts[group + 1]!;
  }

  return new Index(
    n,
    S,
    P,
    O,
    G,
    keys,
    terms,
    kinds,
    predicates,
    predicateIds,
    graphNames,
    groups,
    starts,
    termStart,
    termEnd,
    predicateIds.get(RDF.type) ?? -1,
  );
}

/**
 * The index's lookups as methods of one class (not closures made per index): V8's optimized
 * builder calls them whatever the load (see src/core/shapes.ts).
 */
class Index implements QuadIndex {
  private lastAbout: string | undefined;
  private lastRange = NO_QUADS;

  constructor(
    readonly length: number,
    readonly s: Int32Array,
    readonly p: Int32Array,
    readonly o: Int32Array,
    readonly g: Int32Array,
    readonly keys: readonly string[],
    readonly terms: readonly RdfTerm[],
    readonly kinds: Uint8Array,
    readonly predicates: readonly string[],
    private readonly predicateIds: ReadonlyMap<string, number>,
    readonly graphNames: ReadonlySet<string>,
    /** Subject group by key. */
    private readonly groups: ReadonlyMap<string, number>,
    /** Where each group's quads start (and the next's, for the end). */
    private readonly starts: Int32Array,
    readonly termStart: Int32Array,
    readonly termEnd: Int32Array,
    private readonly typeId: number,
  ) {
    keepShape(this);
  }

  predicateId(iri: string): number {
    return this.predicateIds.get(iri) ?? -1;
  }

  about(subject: string): Range {
    if (subject === this.lastAbout) return this.lastRange;
    const r = this.groups.get(subject);
    this.lastAbout = subject;
    return (this.lastRange =
      r === undefined ? NO_QUADS : { start: this.starts[r]!, end: this.starts[r + 1]! });
  }

  objects(subject: string, predicate: string): RdfTerm[] {
    const out: RdfTerm[] = [];
    const p = this.predicateIds.get(predicate);
    if (p === undefined) return out;
    const { p: P, o: O, keys, terms } = this;
    const { start, end } = this.about(subject);
    let seen: Set<string> | undefined;
    for (let i = start; i < end; i++) {
      if (P[i] !== p) continue;
      const key = keys[O[i]!]!;
      if (out.length > 0) {
        seen ??= new Set(out.map(termKey));
        if (seen.has(key)) continue;
        seen.add(key);
      }
      out.push(terms[O[i]!]!);
    }
    return out;
  }

  typesOf(subject: string): string[] {
    const out: string[] = [];
    const { p: P, o: O, keys, kinds, typeId } = this;
    const { start, end } = this.about(subject);
    for (let i = start; i < end; i++) {
      if (P[i] !== typeId || kinds[O[i]!] !== NAMED) continue;
      const cls = canonicalIri(keys[O[i]!]!);
      if (!out.includes(cls)) out.push(cls);
    }
    return sortSmall(out, compareStrings);
  }

  instancesOf(cls: string): string[] {
    const wanted = canonicalIri(cls);
    const out = new Set<string>();
    const { s: S, p: P, o: O, keys, kinds, typeId } = this;
    for (let i = 0; i < this.length; i++) {
      const o = O[i]!;
      if (P[i] === typeId && kinds[o] === NAMED && canonicalIri(keys[o]!) === wanted)
        out.add(keys[S[i]!]!);
    }
    return [...out].sort();
  }
}

export type { Pause };

export function indexQuads(input: Quads): QuadIndex {
  return runSteps(indexSteps(input, false));
}

/**
 * `indexQuads(input)` built a slice at a time, for the main thread: once `sliceMs` have passed
 * it awaits `pause` (which yields to the event loop, and rejects to stop: a cancelled load).
 * The same result as the one-shot build.
 */
export async function indexQuadsInSlices(
  input: Quads,
  pause: Pause,
  sliceMs = 8,
): Promise<QuadIndex> {
  return runStepsInSlices(indexSteps(input, true), pause, sliceMs);
}
