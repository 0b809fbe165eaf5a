import { createHash, randomUUID } from "node:crypto";
import { Redis } from "ioredis";
import { maxCacheTtlMs, type Cache } from "../../ports/cache.js";
import { taggedCache, type TagStore } from "../cache/tagged-cache.js";
import { KEY_PREFIX } from "./redis-connection.js";
import { RedisOutage } from "./outage.js";

export interface RedisCacheOptions {
  /**
   * Separates caches sharing one Redis (deployments, test databases). Every process tails the outbox and
   * invalidates its own namespace, so processes that disagree on it are still each kept fresh.
   */
  readonly namespace: string;
  readonly log: (line: string) => void;
  /** How long one command may take before the read goes to the database instead (default 300 ms). */
  readonly commandTimeoutMs?: number;
}

/**
 * A tag's version outlives every entry stamped with its previous one: when it expires and reads as absent
 * again, no entry stamped "absent" before the invalidation is left.
 */
const tagLifetimeMs = 2 * maxCacheTtlMs;

class RedisTagStore implements TagStore {
  readonly kind = "redis";
  private readonly outage: RedisOutage;
  /** An invalidation that did not reach Redis: the whole cache is dropped before it is read again. */
  private missedInvalidation = false;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    log: (line: string) => void,
  ) {
    this.outage = new RedisOutage("cache", log);
    redis.on("error", (error: unknown) => this.outage.fault(error));
    // Other processes read Redis again as soon as it is back, and would be served what this one could not
    // invalidate (a revoked session): the drop cannot wait for this process's next read.
    redis.on("ready", () => {
      if (this.missedInvalidation) void this.bumpAll();
    });
  }

  private entryKey = (key: string) => `${this.prefix}e:${key}`;
  private tagKey = (tag: string) => `${this.prefix}t:${tag}`;
  private get epochKey() {
    return `${this.prefix}epoch`;
  }

  /** Runs `command` when Redis is connected; otherwise, or when it fails, reports the outage and answers undefined. */
  private async attempt<T>(command: () => Promise<T>): Promise<T | undefined> {
    // Without an offline queue a command sent while reconnecting fails at once; asking first saves the throw.
    // The connection's own "error" events report the outage (not the first connection still under way).
    if (this.redis.status !== "ready") return undefined;
    try {
      const result = await command();
      this.outage.recovered();
      return result;
    } catch (error) {
      this.outage.fault(error);
      return undefined;
    }
  }

  async read(key: string, tags: readonly string[]) {
    if (this.missedInvalidation) {
      await this.bumpAll();
      if (this.missedInvalidation) return undefined;
    }
    const values = await this.attempt(() =>
      this.redis.mget(this.entryKey(key), this.epochKey, ...tags.map((tag) => this.tagKey(tag))),
    );
    if (values === undefined) return undefined;
    const [entry, ...versions] = values;
    return { entry: entry ?? null, stamp: versions.map((version) => version ?? "").join(",") };
  }

  async write(key: string, entry: string, ttlMs: number): Promise<void> {
    await this.attempt(() => this.redis.set(this.entryKey(key), entry, "PX", ttlMs));
  }

  async remove(key: string): Promise<void> {
    const done = await this.attempt(() => this.redis.del(this.entryKey(key)));
    if (done === undefined) this.missedInvalidation = true;
  }

  async bump(tags: readonly string[]): Promise<void> {
    const done = await this.attempt(() => {
      const batch = this.redis.multi();
      for (const tag of tags) batch.set(this.tagKey(tag), randomUUID(), "PX", tagLifetimeMs);
      return batch.exec();
    });
    if (done === undefined) this.missedInvalidation = true;
  }

  async bumpAll(): Promise<void> {
    const done = await this.attempt(() => this.redis.set(this.epochKey, randomUUID(), "PX", tagLifetimeMs));
    this.missedInvalidation = done === undefined;
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

/** A namespace per database, without writing its address (and the password it may hold) into key names. */
export const cacheNamespaceOf = (databaseUrl: string): string =>
  createHash("sha256").update(databaseUrl).digest("hex").slice(0, 16);

/**
 * The scale-out cache: Redis (REDIS_URL), shared by every web process, on a connection of its own that fails
 * fast. No offline queue (a read during an outage goes to the database at once instead of waiting for a
 * reconnection), short connect and command timeouts, reconnection in the background.
 */
export function redisCache(url: string, options: RedisCacheOptions): Cache {
  const redis = new Redis(url, {
    enableOfflineQueue: false,
    maxRetriesPerRequest: 0,
    connectTimeout: 1_000,
    commandTimeout: options.commandTimeoutMs ?? 300,
    retryStrategy: (times) => Math.min(times * 200, 5_000),
    enableAutoPipelining: true,
  });
  return taggedCache(new RedisTagStore(redis, `${KEY_PREFIX}cache:${options.namespace}:`, options.log));
}
