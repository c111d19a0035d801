/**
 * Orgraph core: sorting the short lists built per node (label candidates, literal predicates,
 * types). `Array.prototype.sort` copies its array into a work array at each call, a few hundred
 * bytes of garbage for a list of three; an insertion sort in place makes none. Same order:
 * stable, like `Array.prototype.sort`.
 */

/** Lists longer than this go to `Array.prototype.sort`. */
const SHORT = 16;

/** Sorts `list` in place by `compare` (stably) and returns it. */
export function sortSmall<T>(list: T[], compare: (a: T, b: T) => number): T[] {
  const n = list.length;
  if (n > SHORT) return list.sort(compare);
  for (let i = 1; i < n; i++) {
    const x = list[i]!;
    let j = i - 1;
    while (j >= 0 && compare(list[j]!, x) > 0) {
      list[j + 1] = list[j]!;
      j--;
    }
    list[j + 1] = x;
  }
  return list;
}
