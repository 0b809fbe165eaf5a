import type { Database } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import type { FeedPosition, SearchIndex } from "../../ports/search-index.js";
import { personChangeEvents } from "../outbox/events.js";
import { documentPages, loadDocuments } from "./documents.js";

/** Transactions commit a little after they stamp their events: each look re-reads this much before the last. */
const overlapMs = 5_000;
const pageSize = 2_000;
const lookEveryMs = 250;
/** Before any event, for an index built from an empty outbox. */
const origin: FeedPosition = { eventId: "", createdAt: new Date(0) };

/**
 * Keeps the search index true by reading the outbox: every change to a person commits together with its
 * event, so whatever the index missed (a crash, another process) is found by reading events past the
 * position the index stored with its last update. Applying an event reloads the person from the database,
 * so applying one twice is harmless.
 */
export class SearchFeed {
  private queue: Promise<void> = Promise.resolve();
  private readonly applied = new Set<string>();
  private lastWrites = -1;
  private lastLook = 0;

  constructor(
    private readonly database: Database,
    private readonly index: SearchIndex,
    private readonly clock: Clock,
  ) {}

  /**
   * Applies every event not yet in the index. Calls are serialised; a failure surfaces to the caller. The
   * outbox is read at once when this process wrote events since the last look (so people see their own
   * changes), otherwise at most every quarter second: other processes' changes arrive within that.
   */
  sync(): Promise<void> {
    const writes = this.database.outboxWrites;
    const now = performance.now();
    if (writes === this.lastWrites && now - this.lastLook < lookEveryMs) return this.queue;
    this.lastWrites = writes;
    this.lastLook = now;
    const run = this.queue.then(() => this.catchUp());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Rebuilds the whole index from the database. */
  reindex(): Promise<{ people: number; ms: number }> {
    const run = this.queue.then(() => this.rebuild());
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async rebuild(): Promise<{ people: number; ms: number }> {
    const started = performance.now();
    // The position is read first: changes committed while documents load are after it, and get re-applied.
    const latest = await this.database.db.outboxEvent.findFirst({
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      select: { id: true, createdAt: true },
    });
    const people = await this.index.rebuild(
      documentPages(this.database, this.clock.now()),
      latest === null ? origin : { eventId: latest.id, createdAt: latest.createdAt },
    );
    this.applied.clear();
    return { people, ms: Math.round(performance.now() - started) };
  }

  private async catchUp(): Promise<void> {
    const position = await this.index.position();
    if (position === null) {
      await this.rebuild();
      return;
    }
    let since = new Date(position.createdAt.getTime() - overlapMs);
    let skip = 0;
    for (;;) {
      const events = await this.database.db.outboxEvent.findMany({
        where: { createdAt: { gte: since } },
        select: { id: true, type: true, aggregateId: true, payload: true, createdAt: true },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        skip,
        take: pageSize,
      });
      const fresh = events.filter((e) => !this.applied.has(e.id) && e.id !== position.eventId);
      if (fresh.length > 0) await this.applyEvents(fresh);
      if (events.length < pageSize) return;
      const last = events.at(-1);
      if (last === undefined) return;
      // Next page: strictly after the events read, even when many share a timestamp.
      skip = events.filter((e) => e.createdAt.getTime() === last.createdAt.getTime()).length;
      since = last.createdAt;
    }
  }

  private async applyEvents(
    events: ReadonlyArray<{ id: string; type: string; aggregateId: string; payload: string; createdAt: Date }>,
  ): Promise<void> {
    const people = new Set<string>();
    const reviewedSkills: string[] = [];
    for (const event of events) {
      if (personChangeEvents.has(event.type)) people.add(event.aggregateId);
      else if (event.type === "skill.reviewed") reviewedSkills.push(event.aggregateId);
    }
    if (reviewedSkills.length > 0) {
      // An approved skill becomes searchable for everyone who had listed it while it was pending.
      const holders = await this.database.db.userSkill.findMany({
        where: { skillId: { in: reviewedSkills } },
        select: { userId: true },
      });
      for (const { userId } of holders) people.add(userId);
    }
    const { upsert, remove } = await loadDocuments(this.database.db, [...people], this.clock.now());
    const last = events.at(-1);
    await this.index.apply({
      upsert,
      remove,
      position: last === undefined ? null : { eventId: last.id, createdAt: last.createdAt },
    });
    for (const event of events) this.applied.add(event.id);
    if (this.applied.size > 50_000) this.applied.clear();
  }
}
