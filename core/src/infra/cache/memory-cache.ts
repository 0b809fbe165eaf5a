import { LRUCache } from "lru-cache";
import type { Cache } from "../../ports/cache.js";
import { taggedCache, type TagStore } from "./tagged-cache.js";

export interface MemoryCacheLimits {
  /** At most this many entries; the least recently read go first. */
  readonly maxEntries?: number;
  /** At most this many characters of keys and JSON together (about twice as many bytes). */
  readonly maxChars?: number;
  /** At most this many tag versions remembered (see `floor`). */
  readonly maxTags?: number;
}

class MemoryTagStore implements TagStore {
  readonly kind = "memory";
  private readonly entries: LRUCache<string, string>;
  private readonly versions: LRUCache<string, number>;
  /** Every version ever given out is below this; each bump takes the next one, so no version repeats. */
  private counter = 0;
  private epoch = 0;
  /**
   * The version of a tag not remembered. A tag evicted from `versions` reads as the highest version ever
   * evicted: never the version an older entry was stamped with, so forgetting a tag can only cost misses.
   */
  private floor = 0;

  constructor(limits: MemoryCacheLimits) {
    this.entries = new LRUCache<string, string>({
      max: limits.maxEntries ?? 10_000,
      maxSize: limits.maxChars ?? 16_000_000,
      sizeCalculation: (entry, key) => entry.length + key.length,
    });
    this.versions = new LRUCache<string, number>({
      max: limits.maxTags ?? 50_000,
      dispose: (version, _tag, reason) => {
        if (reason === "evict") this.floor = Math.max(this.floor, version);
      },
    });
  }

  read(key: string, tags: readonly string[]) {
    const stamp = [this.epoch, ...tags.map((tag) => this.versions.get(tag) ?? this.floor)].join(",");
    return Promise.resolve({ entry: this.entries.get(key) ?? null, stamp });
  }

  write(key: string, entry: string, ttlMs: number): Promise<void> {
    this.entries.set(key, entry, { ttl: ttlMs });
    return Promise.resolve();
  }

  remove(key: string): Promise<void> {
    this.entries.delete(key);
    return Promise.resolve();
  }

  bump(tags: readonly string[]): Promise<void> {
    for (const tag of tags) this.versions.set(tag, ++this.counter);
    return Promise.resolve();
  }

  bumpAll(): Promise<void> {
    this.epoch = ++this.counter;
    this.entries.clear();
    return Promise.resolve();
  }

  close(): Promise<void> {
    this.entries.clear();
    return Promise.resolve();
  }
}

/** The embedded cache: this process's memory, bounded by entries and by size. */
export function memoryCache(limits: MemoryCacheLimits = {}): Cache {
  return taggedCache(new MemoryTagStore(limits));
}
