/** Orders person numbers: negative when `a` comes first. */
export type PersonOrder = (a: number, b: number) => number;

const empty = new Int32Array(0);

/**
 * Lists of person numbers under integer keys, each kept in one order. Built once as two flat typed arrays
 * (list k is entries[offsets[k] .. offsets[k+1])): at 100,000 people there are over 100,000 skill-pair lists,
 * most of one or two people, and an array or Map entry apiece would cost more than the people in them.
 * Later changes copy just the lists they touch into `changed`, so an update never shifts the shared arrays.
 */
export class Postings {
  private readonly changed = new Map<number, number[]>();

  private constructor(
    /** Where a key's list sits in the built arrays, or -1 for keys that came after the build. */
    private readonly slotOf: (key: number) => number,
    private readonly offsets: Int32Array,
    private readonly entries: Int32Array,
  ) {}

  static empty(): Postings {
    return new Postings(() => -1, empty, empty);
  }

  /**
   * Postings of people 0 … count-1, added in that order (so lists come out in it), each under `keysOf(person)`;
   * `slots` covers every key, and `slotOf` numbers them from 0 without gaps.
   */
  static build(
    slots: number,
    slotOf: (key: number) => number,
    count: number,
    keysOf: (person: number) => readonly number[],
  ): Postings {
    const offsets = new Int32Array(slots + 1);
    for (let person = 0; person < count; person++)
      for (const key of keysOf(person)) {
        const end = slotOf(key) + 1;
        offsets[end] = (offsets[end] ?? 0) + 1;
      }
    for (let slot = 0; slot < slots; slot++) offsets[slot + 1] = (offsets[slot + 1] ?? 0) + (offsets[slot] ?? 0);
    const entries = new Int32Array(offsets[slots] ?? 0);
    const next = offsets.slice(0, slots);
    for (let person = 0; person < count; person++)
      for (const key of keysOf(person)) {
        const slot = slotOf(key);
        entries[next[slot] ?? 0] = person;
        next[slot] = (next[slot] ?? 0) + 1;
      }
    return new Postings(slotOf, offsets, entries);
  }

  list(key: number): ArrayLike<number> {
    const changed = this.changed.get(key);
    if (changed !== undefined) return changed;
    const slot = this.slotOf(key);
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
