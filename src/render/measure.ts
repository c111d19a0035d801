/** Orgraph render: named performance measures ("orgraph:<name>", read by src/embed/timing.ts). */

/**
 * Runs `fn` as an "orgraph:<name>" performance measure (see src/embed/timing.ts), from `start`
 * (default: now).
 */
export function measured<T>(name: string, fn: () => T, start = performance.now()): T {
  try {
    return fn();
  } finally {
    try {
      performance.measure(`orgraph:${name}`, { start, end: performance.now() });
    } catch {
      // No User Timing: nothing recorded.
    }
  }
}
