import type { Database } from "../../infra/prisma/database.js";

/** How stale another process's changes may be in a view that follows the outbox. */
export const lookEveryMs = 250;

/**
 * When a view kept from the outbox (the search index, the match index, public profiles) reads it again: at
 * once when this process wrote events since the last look, so people see their own changes, otherwise at most
 * every quarter second, so a busy server does not read the outbox on every request while other processes'
 * changes still arrive within that.
 */
export class LookPace {
  private lastWrites = -1;
  private lastLook = 0;

  constructor(private readonly database: Pick<Database, "outboxWrites">) {}

  /** Whether a look is due now; a due look counts as taken. */
  due(): boolean {
    const writes = this.database.outboxWrites;
    const now = performance.now();
    if (writes === this.lastWrites && now - this.lastLook < lookEveryMs) return false;
    this.lastWrites = writes;
    this.lastLook = now;
    return true;
  }
}
