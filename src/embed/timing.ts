/**
 * Timing marks of the load (issue 6): each step of a load shows in the browser's performance
 * timeline as an "orgraph:<step>" measure, so that a profile or tests/bench/main-thread.mjs
 * can tell which step a long task belongs to. Costs one mark per step; never throws.
 */

/** Measures `fn` (sync or async) as "orgraph:<name>"; returns what it returns. */
export async function timed<T>(name: string, fn: () => T | Promise<T>): Promise<T> {
  const start = now();
  try {
    return await fn();
  } finally {
    measure(name, start);
  }
}

/** The same, for a synchronous step. */
export function timedSync<T>(name: string, fn: () => T): T {
  const start = now();
  try {
    return fn();
  } finally {
    measure(name, start);
  }
}

function now(): number {
  return typeof performance === "undefined" ? 0 : performance.now();
}

function measure(name: string, start: number): void {
  try {
    performance.measure(`orgraph:${name}`, { start, end: performance.now() });
  } catch {
    // No User Timing (old browser, Node without it): nothing to record.
  }
}
