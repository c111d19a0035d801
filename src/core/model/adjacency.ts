/**
 * Orgraph core: graphology's adjacency objects kept as hash tables. A graphology node holds its
 * neighbours in plain objects keyed by neighbour key (`in`, `out`). V8 gives each new set of keys
 * its own hidden class (a map and a descriptor list, ~150 bytes, built anew at each key added),
 * and almost every node has its own neighbours: at 100k triples, 13k hidden classes. An object
 * put in dictionary mode before any key is added skips them: a hash table, smaller and quicker to
 * grow. Same keys, same order, same behaviour; only V8's layout differs.
 */

/** The part of graphology's (0.26) node data this reads; anything else is left as it is. */
interface NodeData {
  in?: unknown;
  out?: unknown;
}

/** An empty object in dictionary mode (deleting a property other than the last one does it). */
function dictionaryObject(): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  o.a = 0;
  o.b = 0;
  delete o.a;
  delete o.b;
  return o;
}

/** Whether `o` is a plain object with no keys (graphology's fresh adjacency). */
function isEmptyPlain(o: unknown): o is Record<string, unknown> {
  if (typeof o !== "object" || o === null || Object.getPrototypeOf(o) !== Object.prototype) {
    return false;
  }
  for (const _ in o) return false;
  return true;
}

/**
 * Gives node `key` of `graph` (just added: no edges yet) dictionary-mode adjacency objects.
 * Does nothing when graphology's internals are not as expected.
 */
export function useDictionaryAdjacency(graph: object, key: string): void {
  const nodes = (graph as { _nodes?: unknown })._nodes;
  if (!(nodes instanceof Map)) return;
  const data = nodes.get(key) as NodeData | undefined;
  if (data === undefined) return;
  if (isEmptyPlain(data.in)) data.in = dictionaryObject();
  if (isEmptyPlain(data.out)) data.out = dictionaryObject();
}
