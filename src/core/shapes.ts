/**
 * Orgraph core: object layouts kept alive from one load to the next.
 *
 * V8 compiles hot code against the layouts ("hidden classes") of the objects it meets, and throws
 * that code away once a full garbage collection finds no object left with such a layout (a
 * "weak objects" deoptimization). Between two loads nothing of the first one may be left: the
 * next load then runs the parser and the model builder unoptimized until V8 has compiled them
 * again. On 100k triples loaded after a full collection (the benchmark's setting, and a page
 * that loads a second file) that made the load about 1.4 times as long.
 *
 * The objects of one small load, made once, are kept for the life of the page or worker (a few
 * kilobytes): the parser's and builder's classes give their instances to `keepShape`, which
 * keeps them only while `keepShapesOf` runs that small load.
 */

let capturing = false;
let kept: unknown[] | undefined;

/** Keeps `instance` when called while `keepShapesOf` runs its load; does nothing otherwise. */
export function keepShape(instance: object): void {
  if (capturing) kept!.push(instance);
}

/**
 * Runs `load` the first time it is called (later calls do nothing) and keeps what it returns and
 * every object given to `keepShape` meanwhile. An error is swallowed: the layouts are an
 * optimization, never a reason for a load to fail.
 */
export function keepShapesOf(load: () => unknown): void {
  if (kept !== undefined) return;
  kept = [];
  capturing = true;
  try {
    kept.push(load());
  } catch {
    // What was made before the error is kept.
  } finally {
    capturing = false;
  }
}

/** How many objects are kept (tests). */
export function keptShapeCount(): number {
  return kept?.length ?? 0;
}
