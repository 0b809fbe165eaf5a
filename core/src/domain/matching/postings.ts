/** Orders person numbers: negative when `a` comes first. */
export type PersonOrder = (a: number, b: number) => number;

const empty = new Int32Array(0);

/**
 * Lists of person numbers under integer keys, each kept in one order. Built once as flat typed arrays: the
 * keys that have a list, sorted (found by binary search), and every list end to end, the one under keys[k]
 * at entries[offsets[k] .. offsets[k+1]). At 100,000 people there are over 100,000 skill-pair lists, most of
 * one or two people, and an array or Map entry apiece would cost more than the people in them.
 * Later changes copy just the lists they touch into `changed`, so an update never shifts the shared arrays.
 */
export class Postings {
  private readonly changed = new Map<number, number[]>();

  private constructor(
    private readonly keys: Int32Array,
    private readonly offsets: Int32Array,
    private readonly entries: Int32Array,
  ) {}

  static empty(): Postings {
    return new Postings(empty, new Int32Array(1), empty);
  }

  /** Postings of people 0 … count-1 under `keysOf(person)` (32-bit integers), added in that order. */
  static build(count: number, keysOf: (person: number) => readonly number[]): Postings {
    let total = 0;
    for (let person = 0; person < count; person++) total += keysOf(person).length;
    const keyAt = new Int32Array(total);
    const personAt = new Int32Array(total);
    for (let person = 0, at = 0; person < count; person++)
      for (const key of keysOf(person)) {
        keyAt[at] = key;
        personAt[at++] = person;
      }
    const keys = distinct(keyAt.slice().sort());
    const offsets = new Int32Array(keys.length + 1);
    // From here on each entry's key is replaced by its slot: one array less at the build's peak.
    const slots = keyAt;
    for (let at = 0; at < total; at++) slots[at] = slotIn(keys, slots[at] ?? 0);
    for (const slot of slots) offsets[slot + 1] = (offsets[slot + 1] ?? 0) + 1;
    for (let slot = 0; slot < keys.length; slot++) offsets[slot + 1] = (offsets[slot + 1] ?? 0) + (offsets[slot] ?? 0);
    const entries = new Int32Array(total);
    const next = offsets.slice(0, keys.length);
    // An index loop, not entries(): that made a [position, slot] pair for each of a million entries.
    for (let at = 0; at < total; at++) {
      const slot = slots[at] ?? 0;
      entries[next[slot] ?? 0] = personAt[at] ?? 0;
      next[slot] = (next[slot] ?? 0) + 1;
    }
    return new Postings(keys, offsets, entries);
  }

  list(key: number): ArrayLike<number> {
    const changed = this.changed.get(key);
    if (changed !== undefined) return changed;
    const slot = slotIn(this.keys, key);
    return slot < 0 ? empty : this.entries.subarray(this.offsets[slot] ?? 0, this.offsets[slot + 1] ?? 0);
  }

  insert(key: number, person: number, order: PersonOrder): void {
    const list = this.editable(key);
    list.splice(positionOf(list, person, order), 0, person);
  }

  remove(key: number, person: number, order: PersonOrder): void {
    const list = this.editable(key);
    let at = positionOf(list, person, order);
    if (list[at] !== person) at = list.indexOf(person);
    if (at >= 0) list.splice(at, 1);
  }

  private editable(key: number): number[] {
    let list = this.changed.get(key);
    if (list === undefined) {
      list = Array.from(this.list(key));
      this.changed.set(key, list);
    }
    return list;
  }
}

/** Where `person` goes in a list kept in `order`: the first position whose person comes after it. */
function positionOf(list: readonly number[], person: number, order: PersonOrder): number {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (order(list[middle] ?? person, person) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

/** The sorted values of `sorted`, each once. */
function distinct(sorted: Int32Array): Int32Array {
  let kept = 0;
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) sorted[kept++] = sorted[i] ?? 0;
  return sorted.slice(0, kept);
}

/** Where `key` is in the sorted `keys`, or -1. */
function slotIn(keys: Int32Array, key: number): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((keys[middle] ?? 0) < key) low = middle + 1;
    else high = middle;
  }
  return keys[low] === key ? low : -1;
}
