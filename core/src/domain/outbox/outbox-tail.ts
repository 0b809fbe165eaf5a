import type { Database } from "../../infra/prisma/database.js";
import { PostgresTail } from "./postgres-tail.js";
import { SqliteTail } from "./sqlite-tail.js";

/**
 * Where a reader of the outbox stands: every event behind it has been applied. Plain values, so that a
 * reader can store it (the search index keeps it in its own table) and hand it back after a restart.
 */
export interface OutboxPosition {
  /** What the database needs to find the events after this position; only the tail that wrote it reads it. */
  readonly cursor: string;
  /** No event ahead of the position was stamped before this (PostgreSQL); the epoch where order needs no time. */
  readonly since: Date;
}

/** An event as the feeds need it: which person or skill changed, and how. */
export interface OutboxEntry {
  readonly id: string;
  readonly type: string;
  readonly aggregateId: string;
}

/** One page of a pass; `end` is set on the last page: the position after everything the pass handed over. */
export interface TailPage {
  readonly entries: readonly OutboxEntry[];
  readonly end: OutboxPosition | null;
}

/** How one database tells which events have committed, in an order that skips none. */
export interface CommitOrder {
  start(now: Date): Promise<OutboxPosition>;
  /**
   * The events committed after `from` that this reader has not handed over before, a page at a time. The
   * pass ends without a last page when `from` cannot be read from any more (then the reader rebuilds).
   */
  pages(from: OutboxPosition, now: Date): AsyncGenerator<TailPage, void, undefined>;
  /** Forgets which events were handed over: the next pass hands over whatever it reads. */
  forget(): void;
}

/**
 * Follows the outbox for a derived view of the data (the search index, the match index). Every change to a
 * person commits together with its event, so a view that applies every event after its position misses no
 * change. "After" must follow commits, not clocks: a transaction may stamp its events long before it
 * commits, while others stamp and commit after it. SQLite commits one writer at a time, so the order rows
 * were inserted in is their commit order; PostgreSQL commits many at once, so its reader decides by the
 * state of each row's transaction (see postgres-tail.ts).
 */
export class OutboxTail {
  private readonly order: CommitOrder;

  constructor(database: Pick<Database, "provider" | "readRows">) {
    this.order = database.provider === "postgresql" ? new PostgresTail(database) : new SqliteTail(database);
  }

  /**
   * The position to give a view built from scratch. Take it before reading the data: whatever commits while
   * the view is built lies ahead of it, and is applied again by the first pass.
   */
  start(now: Date): Promise<OutboxPosition> {
    return this.order.start(now);
  }

  /**
   * Hands `apply` the events committed after `from`, a page at a time, and returns the position after them;
   * null when `from` cannot be read from any more. The last page comes with that position (possibly with no
   * events), so a view can store it together with its last changes. An event handed to an `apply` that
   * returned is not handed over again by this tail; one whose `apply` threw is.
   */
  async follow(
    from: OutboxPosition,
    now: Date,
    apply: (entries: readonly OutboxEntry[], end: OutboxPosition | null) => Promise<void>,
  ): Promise<OutboxPosition | null> {
    let end: OutboxPosition | null = null;
    // The loop runs to the pages' own end: a page counts as applied when the pass asks for the next one.
    for await (const page of this.order.pages(from, now)) {
      await apply(page.entries, page.end);
      end = page.end ?? end;
    }
    return end;
  }

  /** For a view rebuilt, or taken over from another process: events handed over before may be needed again. */
  forget(): void {
    this.order.forget();
  }
}

/** Positions are equal when a reader would read the same events from both. */
export const samePosition = (a: OutboxPosition | null, b: OutboxPosition | null): boolean =>
  a === b || (a !== null && b !== null && a.cursor === b.cursor && a.since.getTime() === b.since.getTime());
