import type { Database } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import type { SearchIndex } from "../../ports/search-index.js";
import { personChangeEvents } from "../outbox/events.js";
import { LookPace } from "../outbox/look-pace.js";
import { OutboxTail, samePosition, type OutboxEntry, type OutboxPosition } from "../outbox/outbox-tail.js";
import { documentPages, loadDocuments } from "./documents.js";

/** What a rebuild did: who is searchable now, who was left out and why. */
export interface Rebuilt {
  readonly people: number;
  readonly leftOut: { readonly privateProfiles: number; readonly inactiveAccounts: number };
  readonly ms: number;
}

/**
 * Keeps the search index true by reading the outbox: every change to a person commits together with its
 * event, so whatever the index missed (a crash, another process) is found by reading events past the
 * position the index stored with its last update. Applying an event reloads the person from the database,
 * so applying one twice is harmless.
 */
export class SearchFeed {
  private queue: Promise<void> = Promise.resolve();
  private readonly tail: OutboxTail;
  /** The stored position as this process last wrote or read it: another process moved it when they differ. */
  private stored: OutboxPosition | null = null;
  /** Where this process has read to; ahead of the stored position when its last passes applied nothing. */
  private position: OutboxPosition | null = null;
  private readonly pace: LookPace;
  private changes = 0;

  constructor(
    private readonly database: Database,
    private readonly index: SearchIndex,
    private readonly clock: Clock,
  ) {
    this.tail = new OutboxTail(database);
    this.pace = new LookPace(database);
  }

  /**
   * Applies every event not yet in the index. Calls are serialised; a failure surfaces to the caller. The
   * outbox is read at once when this process wrote events since the last look (so people see their own
   * changes), otherwise at most every quarter second: other processes' changes arrive within that.
   */
  sync(): Promise<void> {
    if (!this.pace.due()) return this.queue;
    const run = this.queue.then(() => this.catchUp());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * A number that moves whenever the index may have changed since this process last looked: rebuilt, events
   * applied here, or another process's changes found. Results keyed by it are never older than the index.
   */
  get version(): number {
    return this.changes;
  }

  /** Rebuilds the whole index from the database. */
  reindex(): Promise<Rebuilt> {
    const run = this.queue.then(() => this.rebuild());
    this.queue = run.then(
      () => undefined,
      () => undefined,
    );
    return run;
  }

  private async rebuild(): Promise<Rebuilt> {
    const started = performance.now();
    const now = this.clock.now();
    // The position is taken first: changes committed while documents load are after it, and get re-applied.
    const start = await this.tail.start(now);
    const people = await this.index.rebuild(documentPages(this.database, now), start);
    this.tail.forget();
    this.stored = start;
    this.position = start;
    this.changes += 1;
    // Counted after the rebuild, so an admin comparing `people` with their member count sees where the rest went.
    // Deleted accounts leave no row (their data goes with them); inactive ones are those an operator suspended.
    const users = this.database.db.user;
    const [privateProfiles, inactiveAccounts] = await Promise.all([
      users.count({ where: { status: "active", visibility: "private" } }),
      users.count({ where: { status: { not: "active" } } }),
    ]);
    return { people, leftOut: { privateProfiles, inactiveAccounts }, ms: Math.round(performance.now() - started) };
  }

  private async catchUp(): Promise<void> {
    const stored = await this.index.position();
    if (stored === null) {
      await this.rebuild();
      return;
    }
    if (this.position === null || !samePosition(stored, this.stored)) {
      // Another process applied events (or rebuilt) since: what this one handed over may have been overwritten.
      this.tail.forget();
      this.stored = stored;
      this.position = stored;
      this.changes += 1;
    }
    const from = this.position;
    let applied = false;
    const next = await this.tail.follow(from, this.clock.now(), async (events, end) => {
      // The position is stored with the index's changes, and only then: a pass that changed nothing leaves it
      // (this process reads on from its own), unless it gives other processes a scan bounded in time at last.
      const store = end !== null && (applied || events.length > 0 || (isUnbounded(from) && !isUnbounded(end)));
      if (events.length === 0 && !store) return;
      await this.applyEvents(events, store ? end : null);
      applied = true;
      if (store) this.stored = end;
    });
    if (next === null) {
      await this.rebuild();
      return;
    }
    this.position = next;
  }

  private async applyEvents(events: readonly OutboxEntry[], position: OutboxPosition | null): Promise<void> {
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
    await this.index.apply({ upsert, remove, position });
    if (upsert.length > 0 || remove.length > 0) this.changes += 1;
  }
}

/** A position whose reader must scan the whole outbox (see OutboxTail.start). */
const isUnbounded = (position: OutboxPosition) => position.since.getTime() === 0;
