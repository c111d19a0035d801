/**
 * Orgraph core: a read-only index of quads by subject, used by the model builders.
 *
 * Quads are put in a canonical order first (subject, graph, predicate, object), so every lookup
 * returns values in a stable order whatever the input order. Predicate and class IRIs are read
 * through `canonicalIri` (schema.org https). Each quad of the index carries its keys (subject,
 * canonical predicate, object, graph), computed once.
 */
import { isQuadArray, type Quads } from "../rdf/quad-store";
import { compareStrings, termKey, type RdfQuad, type RdfTerm } from "../rdf/terms";
import { canonicalIri, RDF } from "./vocab";

/** A quad of the index: an RdfQuad with its keys (predicate canonical) computed once. */
export interface IndexedQuad extends RdfQuad {
  /** Key of the subject. */
  readonly s: string;
  /** Canonical IRI of the predicate. */
  readonly p: string;
  /** Key of the object. */
  readonly o: string;
  /** Key of the graph ("" for the default graph). */
  readonly g: string;
  /** Term type of the subject (read once: n3's term types are getters, slow to call often). */
  readonly st: string;
  /** Term type of the object. */
  readonly ot: string;
}

/** Is a term of this type a resource (an IRI or a blank node)? */
export function isResourceType(termType: string): boolean {
  return termType === "NamedNode" || termType === "BlankNode";
}

export interface QuadIndex {
  /** All quads, in canonical order: by subject, then graph, predicate, object. */
  readonly quads: readonly IndexedQuad[];
  /** Keys of the named graphs (not the default graph). */
  readonly graphNames: ReadonlySet<string>;
  /** Quads whose subject has this key, in canonical order. */
  about(subject: string): readonly IndexedQuad[];
  /** Objects of (subject, predicate) over every graph, without repeats, in canonical order. */
  objects(subject: string, predicate: string): RdfTerm[];
  /** rdf:types of a subject (canonical IRIs, sorted, without repeats). */
  typesOf(subject: string): string[];
  /** Keys of the subjects with this rdf:type, sorted. */
  instancesOf(cls: string): string[];
}

/** Order of one subject's quads: graph, predicate, object. */
function compareInSubject(a: IndexedQuad, b: IndexedQuad): number {
  return (
    compareStrings(a.g, b.g) ||
    // A parser's terms are interned: the same predicate is most often the same object.
    (a.predicate === b.predicate ? 0 : compareStrings(a.predicate.value, b.predicate.value)) ||
    compareStrings(a.o, b.o)
  );
}

const NO_QUADS: readonly IndexedQuad[] = [];

export function indexQuads(input: Quads): QuadIndex {
  // Terms by key, and (for parsers whose terms carry an `id`, as n3's do) by id per term type,
  // so that each distinct term is read and keyed once.
  const predicates = new Map<string, string>();
  // Keys of literals and blank nodes, by term: a parser's terms are interned, so a term used
  // again gives the same key string (cheap to hash and compare), built once.
  const keys = new Map<RdfTerm, string>();
  const keyOf = (term: RdfTerm): string => {
    if (term.termType === "NamedNode") return term.value;
    let key = keys.get(term);
    if (key === undefined) keys.set(term, (key = termKey(term)));
    return key;
  };
  const keyed: IndexedQuad[] = new Array<IndexedQuad>(input.length);
  let i = 0;
  if (!isQuadArray(input)) {
    // Terms by their index in the table: each keyed once, no lookup by term, no quad objects.
    const { terms, indices } = input;
    const termKeys = new Array<string | undefined>(terms.length);
    const keyAt = (id: number): string => (termKeys[id] ??= keyOf(terms[id]!));
    const canonical = new Array<string | undefined>(terms.length);
    const types = new Array<string | undefined>(terms.length);
    const typeAt = (id: number): string => (types[id] ??= terms[id]!.termType);
    for (let at = 0; at < indices.length; at += 4) {
      const si = indices[at]!;
      const pi = indices[at + 1]!;
      const oi = indices[at + 2]!;
      const gi = indices[at + 3]!;
      keyed[i++] = {
        subject: terms[si]!,
        predicate: terms[pi]!,
        object: terms[oi]!,
        graph: terms[gi]!,
        s: keyAt(si),
        p: (canonical[pi] ??= canonicalIri(terms[pi]!.value)),
        o: keyAt(oi),
        g: typeAt(gi) === "DefaultGraph" ? "" : keyAt(gi),
        st: typeAt(si),
        ot: typeAt(oi),
      };
    }
  }
  for (const q of isQuadArray(input) ? input : []) {
    const { subject, predicate, object, graph } = q;
    const pk = predicate.value;
    let p = predicates.get(pk);
    if (p === undefined) predicates.set(pk, (p = canonicalIri(pk)));
    keyed[i++] = {
      subject,
      predicate,
      object,
      graph,
      s: keyOf(subject),
      p,
      o: keyOf(object),
      g: graph.termType === "DefaultGraph" ? "" : keyOf(graph),
      st: subject.termType,
      ot: object.termType,
    };
  }
  // Canonical order without a sort of all quads: subjects sorted, then each subject's quads by
  // graph, predicate, object (lists are short; keys with long shared prefixes are compared far
  // less often than in one big sort).
  const bySubject = new Map<string, IndexedQuad[]>();
  const graphNames = new Set<string>();
  const byType = new Map<string, Set<string>>();
  for (const q of keyed) {
    const s = q.s;
    let list = bySubject.get(s);
    if (!list) bySubject.set(s, (list = []));
    list.push(q);
    if (q.g !== "" || q.graph.termType !== "DefaultGraph") graphNames.add(q.g);
    if (q.p === RDF.type && q.ot === "NamedNode") {
      const cls = canonicalIri(q.object.value);
      let set = byType.get(cls);
      if (!set) byType.set(cls, (set = new Set()));
      set.add(s);
    }
  }
  const quads: IndexedQuad[] = new Array<IndexedQuad>(keyed.length);
  let at = 0;
  const subjects = [...bySubject].sort((a, b) => compareStrings(a[0], b[0]));
  for (const [, list] of subjects) {
    if (list.length > 1) list.sort(compareInSubject);
    for (const q of list) quads[at++] = q;
  }
  const about = (subject: string): readonly IndexedQuad[] => bySubject.get(subject) ?? NO_QUADS;
  const objects = (subject: string, predicate: string): RdfTerm[] => {
    let seen: Set<string> | undefined;
    const out: RdfTerm[] = [];
    for (const q of about(subject)) {
      if (q.p !== predicate) continue;
      if (out.length > 0) {
        seen ??= new Set(out.map(termKey));
        if (seen.has(q.o)) continue;
        seen.add(q.o);
      }
      out.push(q.object);
    }
    return out;
  };
  return {
    quads,
    graphNames,
    about,
    objects,
    typesOf: (subject) => {
      const out: string[] = [];
      for (const q of about(subject)) {
        if (q.p !== RDF.type || q.ot !== "NamedNode") continue;
        const cls = canonicalIri(q.o);
        if (!out.includes(cls)) out.push(cls);
      }
      return out.sort();
    },
    instancesOf: (cls) => [...(byType.get(canonicalIri(cls)) ?? [])].sort(),
  };
}
