/**
 * Orgraph core: the key of a relation's edge, on its own so that code which only names edges
 * (the loader's merge of a batch) does not pull in the whole RDF-to-graph builder.
 */

/** Key of an edge: subject, predicate, object (and the n-ary node it stands for). */
export function edgeKey(subject: string, predicate: string, object: string, via?: string): string {
  // join builds one flat string (a template literal, a tree of parts that a hash flattens into
  // a second copy: graph keys are held for the graph's life).
  return (
    via === undefined ? [subject, predicate, object] : [subject, predicate, object, via]
  ).join(" ");
}
