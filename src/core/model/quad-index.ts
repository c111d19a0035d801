/**
 * Orgraph core: a read-only index of quads by subject, used by the model builders.
 *
 * Quads are sorted canonically first, so every lookup returns values in a stable order whatever
 * the input order. Predicate and class IRIs are read through `canonicalIri` (schema.org https).
 */
import { compareStrings, termKey, type RdfQuad, type RdfTerm } from "../rdf/terms";
import { canonicalIri, RDF } from "./vocab";

export interface QuadIndex {
  /** All quads, in canonical order. */
  readonly quads: readonly RdfQuad[];
  /** Keys of the named graphs (not the default graph). */
  readonly graphNames: ReadonlySet<string>;
  /** Quads whose subject has this key, in canonical order. */
  about(subject: string): readonly RdfQuad[];
  /** Objects of (subject, predicate) over every graph, without repeats, in canonical order. */
  objects(subject: string, predicate: string): RdfTerm[];
  /** rdf:types of a subject (canonical IRIs, sorted, without repeats). */
  typesOf(subject: string): string[];
  /** Keys of the subjects with this rdf:type, sorted. */
  instancesOf(cls: string): string[];
}

export function indexQuads(input: readonly RdfQuad[]): QuadIndex {
  const quads = sortQuads(input);
  const bySubject = new Map<string, RdfQuad[]>();
  const graphNames = new Set<string>();
  const byType = new Map<string, Set<string>>();
  for (const q of quads) {
    const s = termKey(q.subject);
    let list = bySubject.get(s);
    if (!list) bySubject.set(s, (list = []));
    list.push(q);
    if (q.graph.termType !== "DefaultGraph") graphNames.add(termKey(q.graph));
    if (canonicalIri(q.predicate.value) === RDF.type && q.object.termType === "NamedNode") {
      const cls = canonicalIri(q.object.value);
      let set = byType.get(cls);
      if (!set) byType.set(cls, (set = new Set()));
      set.add(s);
    }
  }
  const about = (subject: string): readonly RdfQuad[] => bySubject.get(subject) ?? [];
  const objects = (subject: string, predicate: string): RdfTerm[] => {
    const seen = new Set<string>();
    const out: RdfTerm[] = [];
    for (const q of about(subject)) {
      if (canonicalIri(q.predicate.value) !== predicate) continue;
      const k = termKey(q.object);
      if (seen.has(k)) continue;
      seen.add(k);
      out.push(q.object);
    }
    return out;
  };
  return {
    quads,
    graphNames,
    about,
    objects,
    typesOf: (subject) =>
      [
        ...new Set(
          objects(subject, RDF.type)
            .filter((t) => t.termType === "NamedNode")
            .map((t) => canonicalIri(t.value)),
        ),
      ].sort(),
    instancesOf: (cls) => [...(byType.get(canonicalIri(cls)) ?? [])].sort(),
  };
}

/** Quads in canonical order (graph, subject, predicate, object), each key computed once. */
function sortQuads(input: readonly RdfQuad[]): RdfQuad[] {
  const keyed = input.map((q) => ({
    q,
    k: [termKey(q.graph), termKey(q.subject), termKey(q.predicate), termKey(q.object)] as const,
  }));
  keyed.sort(
    (a, b) =>
      compareStrings(a.k[0], b.k[0]) ||
      compareStrings(a.k[1], b.k[1]) ||
      compareStrings(a.k[2], b.k[2]) ||
      compareStrings(a.k[3], b.k[3]),
  );
  return keyed.map((x) => x.q);
}
