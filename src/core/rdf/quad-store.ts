/**
 * Orgraph core: quads kept compactly. A QuadStore holds each distinct term once (a term table)
 * and the quads as four term indices each in one Int32Array: 16 bytes a quad instead of an
 * object per quad. It is the in-memory form of `EncodedQuads` (src/core/load/protocol.ts), so
 * quads posted by a worker are used as they come. Read-only.
 */
import type { RdfQuad, RdfTerm } from "./terms";
import { keepShape } from "../shapes";

/** Quads read in order: a plain array or a QuadStore. */
export type Quads = readonly RdfQuad[] | QuadStore;

/** Whether `quads` is a plain array (else a QuadStore, whichever copy of the class made it). */
export function isQuadArray(quads: Quads): quads is readonly RdfQuad[] {
  return Array.isArray(quads);
}

export class QuadStore implements Iterable<RdfQuad> {
  /**
   * @param terms the term table
   * @param indices subject, predicate, object, graph indices into `terms`, quad after quad
   * @param distinct whether no two IRIs, blank nodes or literals of `terms` have the same key
   *   (a parser's interned terms): an index can then number terms by their place in the table
   */
  constructor(
    readonly terms: readonly RdfTerm[],
    readonly indices: Int32Array | Uint32Array,
    readonly distinct = false,
  ) {
    if (indices.length % 4 !== 0) throw new RangeError("QuadStore: 4 indices a quad");
  }

  /** The quads of `quads` in order, terms shared by identity (a parser's terms are interned). */
  static from(quads: Iterable<RdfQuad>, sizeHint = 0): QuadStore {
    const ids = new Map<RdfTerm, number>();
    const terms: RdfTerm[] = [];
    let indices = new Int32Array(Math.max(4, sizeHint * 4));
    let at = 0;
    const id = (term: RdfTerm): number => {
      let i = ids.get(term);
      if (i === undefined) {
        i = terms.length;
        ids.set(term, i);
        terms.push(term);
      }
      return i;
    };
    for (const q of quads) {
      if (at + 4 > indices.length) {
        const grown = new Int32Array(indices.length * 2);
        grown.set(indices);
        indices = grown;
      }
      indices[at++] = id(q.subject);
      indices[at++] = id(q.predicate);
      indices[at++] = id(q.object);
      indices[at++] = id(q.graph);
    }
    return new QuadStore(terms, at === indices.length ? indices : indices.slice(0, at));
  }

  /**
   * The same quads with term `i` replaced by `terms[i]` (a table of the same length);
   * `distinct` as in the constructor.
   */
  withTerms(terms: readonly RdfTerm[], distinct = false): QuadStore {
    if (terms.length !== this.terms.length) throw new RangeError("QuadStore: term table length");
    return new QuadStore(terms, this.indices, distinct);
  }

  /** The quads of `first`, then those of `second` (term tables put end to end). */
  static concat(first: QuadStore, second: QuadStore): QuadStore {
    const offset = first.terms.length;
    const indices = new Int32Array(first.indices.length + second.indices.length);
    indices.set(first.indices);
    const from = second.indices;
    for (let i = 0, at = first.indices.length; i < from.length; i++)
      indices[at + i] = from[i]! + offset;
    return new QuadStore([...first.terms, ...second.terms], indices);
  }

  get length(): number {
    return this.indices.length >> 2;
  }

  /** Quad `i` (a new object each call; its terms are shared). */
  get(i: number): RdfQuad {
    if (!(i >= 0 && i < this.length)) throw new RangeError(`QuadStore: no quad ${i}`);
    const { terms, indices } = this;
    const at = i << 2;
    return {
      subject: terms[indices[at]!]!,
      predicate: terms[indices[at + 1]!]!,
      object: terms[indices[at + 2]!]!,
      graph: terms[indices[at + 3]!]!,
    };
  }

  *[Symbol.iterator](): Iterator<RdfQuad> {
    const n = this.length;
    for (let i = 0; i < n; i++) yield this.get(i);
  }

  /** The quads as an array (one object a quad). */
  toArray(): RdfQuad[] {
    const out = new Array<RdfQuad>(this.length);
    for (let i = 0; i < out.length; i++) out[i] = this.get(i);
    return out;
  }
}

/**
 * Quad `i` of `quads`. Arrays are told apart with Array.isArray, not `instanceof QuadStore`: the
 * widget's library build may hold two copies of this class (its first chunk and the lazily loaded
 * parser), and a store made by one is no instance of the other.
 */
export function quadAt(quads: Quads, i: number): RdfQuad {
  if (!isQuadArray(quads)) return quads.get(i);
  const q = quads[i];
  if (q === undefined) throw new RangeError(`no quad ${i}`);
  return q;
}

/**
 * A term that keeps its own number in one builder's table: `-1` until the builder first meets
 * it. A parser that makes its own terms gives them this field from the start (one builder per
 * parser), so that numbering a term reads a field instead of hashing the object.
 */
export interface NumberedTerm extends RdfTerm {
  _storeId: number;
}

/** A term made with a `_storeId` of its own (see NumberedTerm). */
function isNumbered(term: RdfTerm): term is NumberedTerm {
  return typeof (term as Partial<NumberedTerm>)._storeId === "number";
}

/**
 * Builds a QuadStore quad by quad (as a parser gives them), terms shared by identity: no object
 * per quad while parsing. Terms with a `_storeId` (NumberedTerm) are numbered in that field:
 * give such terms to one builder only.
 */
export class QuadStoreBuilder {
  private readonly ids = new Map<RdfTerm, number>();
  private readonly terms: RdfTerm[] = [];
  private indices = new Int32Array(1024);
  private at = 0;
  private lastSubject: RdfTerm | undefined;
  private lastSubjectId = 0;
  private lastGraph: RdfTerm | undefined;
  private lastGraphId = 0;

  constructor() {
    keepShape(this);
  }

  get length(): number {
    return this.at >> 2;
  }

  add(subject: RdfTerm, predicate: RdfTerm, object: RdfTerm, graph: RdfTerm): void {
    if (this.at + 4 > this.indices.length) {
      const grown = new Int32Array(this.indices.length * 2);
      grown.set(this.indices);
      this.indices = grown;
    }
    const indices = this.indices;
    // Parsed quads mostly share their subject and graph with the quad before: no lookup then.
    if (subject !== this.lastSubject) {
      this.lastSubject = subject;
      this.lastSubjectId = this.id(subject);
    }
    indices[this.at++] = this.lastSubjectId;
    indices[this.at++] = this.id(predicate);
    indices[this.at++] = this.id(object);
    // After the object: terms are numbered in order of first use (blank nodes are named so).
    if (graph !== this.lastGraph) {
      this.lastGraph = graph;
      this.lastGraphId = this.id(graph);
    }
    indices[this.at++] = this.lastGraphId;
  }

  /**
   * The store of the quads added so far (later additions do not change it); `distinct` when the
   * terms given were interned by key (see the QuadStore constructor).
   */
  build(distinct = false): QuadStore {
    return new QuadStore([...this.terms], this.indices.slice(0, this.at), distinct);
  }

  private id(term: RdfTerm): number {
    if (isNumbered(term)) {
      let n = term._storeId;
      if (n === -1) {
        n = term._storeId = this.terms.length;
        this.terms.push(term);
      }
      return n;
    }
    let i = this.ids.get(term);
    if (i === undefined) {
      i = this.terms.length;
      this.ids.set(term, i);
      this.terms.push(term);
    }
    return i;
  }
}
