/**
 * Orgraph core: the globals jsonld and its dependencies add where they load in a page or worker
 * (`JsonLdProcessor`; rdf-canonize's `setImmediate` polyfill and its `clearImmediate`). This
 * module is imported before jsonld, notes which of them were there already, and
 * `removeAddedGlobals` takes away the others: the widget leaves no globals in the host page.
 * jsonld keeps working: its modules hold their own references.
 */
const NAMES = ["JsonLdProcessor", "setImmediate", "clearImmediate"] as const;

const global = globalThis as unknown as Record<string, unknown>;
const had = new Set<string>(NAMES.filter((name) => name in global));

export function removeAddedGlobals(): void {
  for (const name of NAMES) {
    if (had.has(name)) continue;
    // The setImmediate polyfill may put them on the global's prototype.
    for (let o: object | null = global; o && o !== Object.prototype; o = Object.getPrototypeOf(o)) {
      if (Object.prototype.hasOwnProperty.call(o, name)) {
        delete (o as Record<string, unknown>)[name];
        break;
      }
    }
  }
}
