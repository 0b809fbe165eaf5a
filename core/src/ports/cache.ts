import type { ZodType } from "zod";

/** How one cached read is kept: under which key, for how long, what its value must look like when read back. */
export interface CacheRead<T> {
  readonly key: string;
  /**
   * Tags whose invalidation drops the entry (a person, the skill catalog). An entry remembers the tags' versions
   * read before its value was loaded, so a value loaded while its tag was being invalidated is never served.
   */
  readonly tags?: readonly string[];
  /** A safety net only: changes arrive as invalidations, the lifetime bounds what a missed one can cost. */
  readonly ttlMs: number;
  /** What comes back out of the cache is checked: an entry of an older shape is a miss, never a wrong value. */
  readonly schema: ZodType<T>;
}

/**
 * A cache of hot reads kept as JSON: in process by default (bounded LRU), in Redis when REDIS_URL is set so
 * every web process shares it. Never the source of truth, so never a cause of failure: an implementation whose
 * store is unreachable answers from `load` (the database) and reports the outage once, not per request.
 */
export interface Cache {
  readonly kind: "memory" | "redis";
  /** The value kept for `read.key`, or what `load` answers (then kept for the next reader). */
  remember<T>(read: CacheRead<T>, load: () => Promise<T>): Promise<T>;
  /** The value kept for `key`, or undefined: absent, expired, of another shape, or one of its tags invalidated. */
  get<T>(key: string, schema: ZodType<T>, tags?: readonly string[]): Promise<T | undefined>;
  /** Keeps `value` (JSON-serialisable) under `key`, stamped with the tags' current versions. */
  set(
    key: string,
    value: unknown,
    options: { readonly ttlMs: number; readonly tags?: readonly string[] },
  ): Promise<void>;
  delete(key: string): Promise<void>;
  /** Drops every entry stamped with any of `tags`, now and for readers already loading. */
  invalidateTags(tags: readonly string[]): Promise<void>;
  /** Drops everything this cache kept (a reader that lost its place in the outbox cannot tell what changed). */
  invalidateAll(): Promise<void>;
  close(): Promise<void>;
}

/** The longest an entry is kept, whatever a read asks: tag versions outlive every entry stamped with them. */
export const maxCacheTtlMs = 60 * 60 * 1000;
