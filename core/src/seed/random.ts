/** mulberry32: a tiny, fast, seedable PRNG — the same seed yields the same demo and benchmark data everywhere. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Random = () => number;

export const intBetween = (random: Random, min: number, max: number): number =>
  min + Math.floor(random() * (max - min + 1));

export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error("pick from an empty list");
  return item;
}

/** Distinct items drawn with probability proportional to `weight(index)`. */
export function pickWeighted<T>(
  random: Random,
  items: readonly T[],
  cumulative: readonly number[],
  count: number,
): T[] {
  const chosen = new Set<number>();
  for (let tries = 0; chosen.size < Math.min(count, items.length) && tries < count * 20; tries++) {
    chosen.add(weightedIndex(random, cumulative));
  }
  return [...chosen].map((index) => items[index] as T);
}

/** One index drawn with probability proportional to its weight, given the running sums of the weights. */
export function weightedIndex(random: Random, cumulative: readonly number[]): number {
  const target = random() * (cumulative.at(-1) ?? 0);
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((cumulative[mid] ?? 0) < target) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Running sums of Zipf weights 1/(rank+1)^s: a few skills are everywhere, most are niche, as in real communities. */
export function zipfCumulative(length: number, exponent = 0.9): number[] {
  const sums: number[] = [];
  let total = 0;
  for (let rank = 0; rank < length; rank++) {
    total += 1 / (rank + 1) ** exponent;
    sums.push(total);
  }
  return sums;
}
