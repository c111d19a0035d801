/**
 * Orgraph core: running work written as steps (a generator that yields between bounded shares
 * of it), either at once or a slice of time at a time with a pause between slices, so that the
 * main thread can answer in between. DOM-free: the clock is `performance`, else `Date`.
 */

/** Yields to the event loop; rejects to stop (a cancelled load). */
export type Pause = () => Promise<void>;

const clock: { now(): number } =
  (globalThis as { performance?: { now(): number } }).performance ?? Date;

/** Runs every step of `steps` at once and returns its result. */
export function runSteps<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * Runs `steps` a slice at a time: once `sliceMs` have passed, awaits `pause` (a rejection stops
 * the run with its error). The same result as `runSteps`.
 */
export async function runStepsInSlices<T>(
  steps: Generator<void, T>,
  pause: Pause,
  sliceMs = 8,
): Promise<T> {
  let start = clock.now();
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (clock.now() - start >= sliceMs) {
      await pause();
      start = clock.now();
    }
  }
}
