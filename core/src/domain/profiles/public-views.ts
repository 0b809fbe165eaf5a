import { LRUCache } from "lru-cache";
import type { Database } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import { personChangeEvents } from "../outbox/events.js";
import { LookPace } from "../outbox/look-pace.js";
import { OutboxTail, type OutboxEntry, type OutboxPosition } from "../outbox/outbox-tail.js";
import type { ProfileView } from "./types.js";

const maxViews = 10_000;
/** What no event announces (when the person was last active) is at most this old. */
const maxAgeMs = 60_000;

/**
 * Profiles as the public sees them — the web's hottest read, and the same view for every signed-out visitor —
 * built once and kept until the person changes. Changes are found in the outbox, as the search and match
 * indexes find them: every change to a person commits together with its event. A process sees its own
 * writes at once and other processes' within a quarter second; a person who turns their profile private or
 * deletes their account is gone from every process's public views by then.
 */
export class PublicViews {
  private readonly views: LRUCache<string, ProfileView>;
  /** The handle each cached person is kept under, to find them by the user id events carry. */
  private readonly handleOf = new Map<string, string>();
  private readonly tail: OutboxTail;
  private position: OutboxPosition | null = null;
  private queue: Promise<void> = Promise.resolve();
  private readonly pace: LookPace;
  /** Moves with every eviction: a view loaded while one happened may predate it, and is not kept. */
  private evictions = 0;

  constructor(
    database: Database,
    private readonly clock: Clock,
  ) {
    this.tail = new OutboxTail(database);
    this.pace = new LookPace(database);
    this.views = new LRUCache<string, ProfileView>({
      max: maxViews,
      ttl: maxAgeMs,
      dispose: (view, handle) => {
        if (this.handleOf.get(view.id) === handle) this.handleOf.delete(view.id);
      },
    });
  }

  /** The public view of `handle`: kept, or loaded by `load` (which refuses a profile the public may not see). */
  async get(handle: string, load: () => Promise<ProfileView>): Promise<ProfileView> {
    await this.catchUp();
    const kept = this.views.get(handle);
    if (kept !== undefined) return kept;
    const before = this.evictions;
    const view = await load();
    if (this.evictions === before) {
      this.views.set(handle, view);
      this.handleOf.set(view.id, handle);
    }
    return view;
  }

  /** Reads the outbox past the last look (at once after this process wrote) and drops whoever changed. */
  private catchUp(): Promise<void> {
    // The first look is always due: the position starts there.
    if (!this.pace.due() && this.position !== null) return this.queue;
    const run = this.queue.then(() => this.follow());
    this.queue = run.catch(() => undefined);
    return run;
  }

  private async follow(): Promise<void> {
    const now = this.clock.now();
    if (this.position === null) {
      this.position = await this.tail.start(now);
      this.clear();
      return;
    }
    const next = await this.tail.follow(this.position, now, (entries) => {
      this.apply(entries);
      return Promise.resolve();
    });
    if (next === null) {
      // The tail lost its place: start over from now, forgetting everything kept.
      this.position = await this.tail.start(now);
      this.tail.forget();
      this.clear();
      return;
    }
    this.position = next;
  }

  private apply(entries: readonly OutboxEntry[]): void {
    for (const entry of entries) {
      // An approved or rejected skill changes the skill lists of everyone who had it: start afresh.
      if (entry.type === "skill.reviewed") this.clear();
      else if (personChangeEvents.has(entry.type)) this.evict(entry.aggregateId);
    }
  }

  private evict(userId: string): void {
    this.evictions += 1;
    const handle = this.handleOf.get(userId);
    if (handle !== undefined) this.views.delete(handle);
  }

  private clear(): void {
    this.evictions += 1;
    this.views.clear();
    this.handleOf.clear();
  }
}
