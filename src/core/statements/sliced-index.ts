/**
 * Orgraph core: `indexQuads` (model/quad-index.ts) built a slice at a time, for the main thread.
 *
 * The same steps and the same result as the one-shot index (a unit test compares them), but
 * every loop over the terms, the quads or the subjects runs in chunks, and between chunks, once
 * `sliceMs` have passed, it awaits `pause` (which yields to the event loop and rejects to stop:
 * a cancelled load). The subjects are sorted in runs merged a slice at a time. The loops are
 * plain methods called per chunk (V8 runs them much faster than inside a generator).
 */
import { QuadStore, isQuadArray, type Quads } from "../rdf/quad-store";
import { compareStrings, termKey, type RdfTerm } from "../rdf/terms";
import {
  BLANK,
  DEFAULT_GRAPH,
  LITERAL,
  NAMED,
  type QuadIndex,
  type Range,
} from "../model/quad-index";
import { canonicalIri, RDF } from "../model/vocab";

/** Yields to the event loop; rejects to stop. */
export type Pause = () => Promise<void>;

const OTHER = 4;
const CHUNK = 1024;
/** Subjects are sorted in runs of this many, then the runs merged. */
const RUN = 4096;
const NO_QUADS: Range = { start: 0, end: 0 };

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

/** Runs work in chunks, pausing once a slice's time is spent. */
class Slicer {
  #start: number;
  constructor(
    private readonly pause: Pause,
    private readonly sliceMs: number,
  ) {
    this.#start = performance.now();
  }

  /** Pauses when the slice's time is spent. */
  async check(): Promise<void> {
    if (performance.now() - this.#start < this.sliceMs) return;
    await this.pause();
    this.#start = performance.now();
  }

  /** Calls `step(from, to)` over [0, n) in chunks of `chunk`, checking the time between. */
  async run(n: number, step: (from: number, to: number) => void, chunk = CHUNK): Promise<void> {
    for (let i = 0; i < n; i += chunk) {
      step(i, Math.min(n, i + chunk));
      await this.check();
    }
  }
}

/** Sorts `list[from, to)` (positions) by `compare`, stably (as quad-index.ts does). */
function sortRange(
  list: Int32Array,
  from: number,
  to: number,
  compare: (a: number, b: number) => number,
): void {
  if (to - from <= 24) {
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

/** Sorts `list` by `compare` in runs, then merges the runs pairwise, in slices (stable). */
async function sortInSlices(
  list: number[],
  compare: (a: number, b: number) => number,
  slicer: Slicer,
): Promise<number[]> {
  const n = list.length;
  for (let from = 0; from < n; from += RUN) {
    const run = list.slice(from, from + RUN).sort(compare);
    for (let i = 0; i < run.length; i++) list[from + i] = run[i]!;
    await slicer.check();
  }
  let src = list;
  let dst = new Array<number>(n);
  for (let width = RUN; width < n; width *= 2) {
    for (let left = 0; left < n; left += 2 * width) {
      const mid = Math.min(n, left + width);
      const right = Math.min(n, left + 2 * width);
      let i = left;
      let j = mid;
      let k = left;
      while (k < right) {
        const stop = Math.min(right, k + CHUNK * 8);
        while (k < stop) {
          if (i < mid && (j >= right || compare(src[i]!, src[j]!) <= 0)) dst[k++] = src[i++]!;
          else dst[k++] = src[j++]!;
        }
        await slicer.check();
      }
    }
    [src, dst] = [dst, src];
  }
  return src;
}

/** `indexQuads(input)`, built a slice at a time; rejects (and stops) when `pause` rejects. */
export async function indexQuadsInSlices(
  input: Quads,
  pause: Pause,
  sliceMs = 8,
): Promise<QuadIndex> {
  const slicer = new Slicer(pause, sliceMs);
  const store = isQuadArray(input) ? QuadStore.from(input, input.length) : input;
  await slicer.check();
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
  await slicer.run(table.length, (from, to) => {
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
  await slicer.run(n, (from, to) => {
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
  await slicer.run(n, (from, to) => {
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

  // Subjects sorted; each quad placed in its subject's range, then each range sorted.
  const order = await sortInSlices(
    Array.from(groupKeys.keys()),
    (a, b) => compareStrings(groupKeys[a]!, groupKeys[b]!),
    slicer,
  );
  const rank = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) rank[order[r]!] = r;
  const starts = new Int32Array(order.length + 1);
  await slicer.run(n, (from, to) => {
    for (let at = from * 4; at < to * 4; at += 4) {
      const r = rank[groupOf[number[indices[at]!]!]!]! + 1;
      starts[r] = starts[r]! + 1;
    }
  });
  for (let r = 0; r < order.length; r++) starts[r + 1] = starts[r + 1]! + starts[r]!;
  const fill = starts.slice(0, order.length);
  const positions = new Int32Array(n);
  await slicer.run(n, (from, to) => {
    for (let i = from, at = from * 4; i < to; i++, at += 4)
      positions[fill[rank[groupOf[number[indices[at]!]!]!]!]!++] = i;
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
  await slicer.run(
    order.length,
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
  const typeId = predicateIds.get(RDF.type) ?? -1;
  await slicer.run(
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

  let lastAbout: string | undefined;
  let lastRange = NO_QUADS;
  const about = (subject: string): Range => {
    if (subject === lastAbout) return lastRange;
    const group = groups.get(subject);
    const r = group === undefined ? -1 : rank[group]!;
    lastAbout = subject;
    return (lastRange = r === -1 ? NO_QUADS : { start: starts[r]!, end: starts[r + 1]! });
  };
  const objects = (subject: string, predicate: string): RdfTerm[] => {
    const out: RdfTerm[] = [];
    const p = predicateIds.get(predicate);
    if (p === undefined) return out;
    const { start, end } = about(subject);
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
  };
  return {
    length: n,
    s: S,
    p: P,
    o: O,
    g: G,
    keys,
    terms,
    kinds,
    predicates,
    predicateId: (iri) => predicateIds.get(iri) ?? -1,
    graphNames,
    about,
    objects,
    typesOf: (subject) => {
      const out: string[] = [];
      const { start, end } = about(subject);
      for (let i = start; i < end; i++) {
        if (P[i] !== typeId || kinds[O[i]!] !== NAMED) continue;
        const cls = canonicalIri(keys[O[i]!]!);
        if (!out.includes(cls)) out.push(cls);
      }
      return out.sort();
    },
    instancesOf: (cls) => {
      const wanted = canonicalIri(cls);
      const out = new Set<string>();
      for (let i = 0; i < n; i++) {
        const o = O[i]!;
        if (P[i] === typeId && kinds[o] === NAMED && canonicalIri(keys[o]!) === wanted)
          out.add(keys[S[i]!]!);
      }
      return [...out].sort();
    },
  };
}
