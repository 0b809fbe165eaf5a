import type { ZodType } from "zod";
import { maxCacheTtlMs, type Cache, type CacheRead } from "../../ports/cache.js";

/**
 * What a cache implementation stores; the protocol on top (stamps, shapes, loading) is the same for all.
 * A stamp is the current versions of an entry's tags and of the whole cache, as one string: an entry is valid
 * while the stamp it was written with is still the current one.
 */
export interface TagStore {
  readonly kind: Cache["kind"];
  /** The raw entry under `key` and the tags' current stamp; undefined when the store cannot answer right now. */
  read(
    key: string,
    tags: readonly string[],
  ): Promise<{ readonly entry: string | null; readonly stamp: string } | undefined>;
  write(key: string, entry: string, ttlMs: number): Promise<void>;
  remove(key: string): Promise<void>;
  /** Gives each tag a version it never had before. */
  bump(tags: readonly string[]): Promise<void>;
  /** Gives the whole cache a version it never had before. */
  bumpAll(): Promise<void>;
  close(): Promise<void>;
}

// A stamp is versions joined by commas (numbers or UUIDs), so the first "|" ends it.
const encode = (stamp: string, value: unknown): string => `${stamp}|${JSON.stringify(value)}`;

function decode<T>(entry: string | null, stamp: string, schema: ZodType<T>): T | undefined {
  if (entry === null) return undefined;
  const bar = entry.indexOf("|");
  if (bar < 0 || entry.slice(0, bar) !== stamp) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(entry.slice(bar + 1));
  } catch {
    return undefined;
  }
  const parsed = schema.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

const lifetime = (ttlMs: number): number => Math.max(1, Math.min(Math.round(ttlMs), maxCacheTtlMs));

/**
 * The Cache port over a TagStore. `remember` reads the tags' stamp before loading and writes the value with
 * that stamp: when an invalidation lands while the database is being read, the value is written under a stamp
 * that is already old, and no reader takes it.
 */
export function taggedCache(store: TagStore): Cache {
  return {
    kind: store.kind,

    async remember<T>(read: CacheRead<T>, load: () => Promise<T>): Promise<T> {
      const found = await store.read(read.key, read.tags ?? []);
      const kept = found === undefined ? undefined : decode(found.entry, found.stamp, read.schema);
      if (kept !== undefined) return kept;
      const value = await load();
      if (found !== undefined) await store.write(read.key, encode(found.stamp, value), lifetime(read.ttlMs));
      return value;
    },

    async get<T>(key: string, schema: ZodType<T>, tags: readonly string[] = []): Promise<T | undefined> {
      const found = await store.read(key, tags);
      return found === undefined ? undefined : decode(found.entry, found.stamp, schema);
    },

    async set(key, value, options) {
      const found = await store.read(key, options.tags ?? []);
      if (found !== undefined) await store.write(key, encode(found.stamp, value), lifetime(options.ttlMs));
    },

    delete: (key) => store.remove(key),
    invalidateTags: (tags) => (tags.length === 0 ? Promise.resolve() : store.bump(tags)),
    invalidateAll: () => store.bumpAll(),
    close: () => store.close(),
  };
}
