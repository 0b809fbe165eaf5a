/** Top-k selection for rankings: keep the best few of many without sorting them all. */

/** Puts `item` into `ranked` (sorted by `order`) after every item it does not beat, as a stable sort would. */
export function insertRanked<T>(ranked: T[], item: T, order: (a: T, b: T) => number): void {
  let at = ranked.length;
  while (at > 0 && order(item, ranked[at - 1] as T) < 0) at--;
  ranked.splice(at, 0, item);
}

/** [...items].sort(order).slice(0, limit), without ordering the many that cannot make the cut. */
export function topOf<T>(items: Iterable<T>, order: (a: T, b: T) => number, limit: number): T[] {
  const top: T[] = [];
  if (limit <= 0) return top;
  for (const item of items) {
    const last = top[limit - 1];
    if (last !== undefined && order(item, last) >= 0) continue;
    insertRanked(top, item, order);
    if (top.length > limit) top.pop();
  }
  return top;
}
