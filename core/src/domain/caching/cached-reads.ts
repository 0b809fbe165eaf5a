import type { Database } from "../../infra/prisma/database.js";
import type { Cache, CacheRead } from "../../ports/cache.js";
import type { Clock } from "../../ports/clock.js";
import { LookPace } from "../outbox/look-pace.js";
import { OutboxTail, type OutboxEntry, type OutboxPosition } from "../outbox/outbox-tail.js";
import { tagsChangedBy } from "./invalidation.js";

/**
 * The cache as use cases read through it: before a read, the outbox is followed past the last look and what
 * changed is invalidated, as the search and match indexes follow it (every change commits with its event). A
 * process sees its own writes at once and other processes' within a quarter second (see LookPace); with Redis,
 * whichever process looks first invalidates for all of them.
 */
export class CachedReads {
  private readonly tail: OutboxTail;
  private readonly pace: LookPace;
  private position: OutboxPosition | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly listeners: Array<(tags: readonly string[] | "all") => void> = [];

  constructor(
    private readonly cache: Cache,
    database: Database,
    private readonly clock: Clock,
  ) {
    this.tail = new OutboxTail(database);
    this.pace = new LookPace(database);
  }

  /** The value kept for `read`, or what `load` answers; what changed up to now is never served. */
  async remember<T>(read: CacheRead<T>, load: () => Promise<T>): Promise<T> {
    await this.catchUp();
    return this.cache.remember(read, load);
  }

  /**
   * Tells `listener` what was invalidated, for what a service keeps in its own memory beside the cache (the
   * catalog's spellings): call `catchUp` before reading such a memo.
   */
  onInvalidated(listener: (tags: readonly string[] | "all") => void): void {
    this.listeners.push(listener);
  }

  /** Reads the outbox past the last look (at once after this process wrote) and invalidates what changed. */
  catchUp(): Promise<void> {
    // The first look is always due: the position starts there.
    if (!this.pace.due() && this.position !== null) return this.queue;
    const run = this.queue.then(() => this.follow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async follow(): Promise<void> {
    const now = this.clock.now();
    if (this.position === null) {
      // What changed while no process of this one's followed the outbox is unknown: start afresh.
      this.position = await this.tail.start(now);
      await this.invalidateAll();
      return;
    }
    const next = await this.tail.follow(this.position, now, (entries) => this.apply(entries));
    if (next === null) {
      // The tail lost its place: start over from now, forgetting everything kept.
      this.position = await this.tail.start(now);
      this.tail.forget();
      await this.invalidateAll();
      return;
    }
    this.position = next;
  }

  private async apply(entries: readonly OutboxEntry[]): Promise<void> {
    const tags = [...new Set(entries.flatMap(tagsChangedBy))];
    if (tags.length === 0) return;
    await this.cache.invalidateTags(tags);
    for (const listener of this.listeners) listener(tags);
  }

  private async invalidateAll(): Promise<void> {
    await this.cache.invalidateAll();
    for (const listener of this.listeners) listener("all");
  }
}
