import { randomBytes } from "node:crypto";

/** Makes primary keys. Ids sort by creation time, which keeps B-tree inserts cheap and pagination stable. */
export interface Ids {
  next(): string;
}

const alphabet = "0123456789abcdefghijklmnopqrstuvwxyz";

function randomSuffix(length: number, nextByte: () => number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet.charAt(nextByte() % alphabet.length);
  return out;
}

export function timeOrderedIds(now: () => number = Date.now): Ids {
  return {
    next: () => {
      const bytes = randomBytes(12);
      let i = 0;
      return now().toString(36).padStart(9, "0") + randomSuffix(12, () => bytes[i++] ?? 0);
    },
  };
}

/** Deterministic ids for seeded data and tests: the same seed yields the same ids. */
export function seededIds(prefix: string): Ids {
  let counter = 0;
  return { next: () => `${prefix}${(++counter).toString(36).padStart(8, "0")}` };
}
