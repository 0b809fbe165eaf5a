import type { Database } from "../../infra/prisma/database.js";
import type { CommitOrder, OutboxEntry, OutboxPosition, TailPage } from "./outbox-tail.js";

const pageSize = 2_000;
/**
 * How much earlier than a reader's clock an event of a younger transaction may be stamped: clock skew between
 * processes, and the moment between recordEvent's stamp and its INSERT reaching the server when that insert
 * is the transaction's first write (which is when the transaction gets its id). It only widens the scan.
 */
const slackMs = 10_000;
/** Marks kept while a long transaction holds the boundary back; thinned, never emptied, past this. */
const maxMarks = 64;
/** Ids remembered to skip re-reads; dropping them all only costs applying those events again. */
const maxHanded = 100_000;
const cursorPattern = /^xid:(\d+)$/;

/**
 * One statement, so the snapshot it reports is the one its rows were read with. A row's `xmin` is the 32-bit id
 * of the transaction that wrote that version of it; its 64-bit id is recovered from the snapshot's xmax, for
 * rows visible in the snapshot are older than it: age = (xmax - xmin) mod 2^32. That age can only understate
 * a row's real age (when it is over 2^32 transactions old), so a row at or after the boundary always passes,
 * wraparound or not; an ancient row may pass too, and is only applied again. The scan is bounded by time
 * (`createdAt`, indexed), but which rows are new is decided by their transactions alone.
 */
const readSql = `
  WITH "snap" AS (
    SELECT pg_snapshot_xmin(s)::text::bigint AS "lo", pg_snapshot_xmax(s)::text::bigint AS "hi"
    FROM pg_current_snapshot() AS s
  )
  SELECT "snap"."lo"::text AS "lo", "snap"."hi"::text AS "hi", e."id", e."type", e."aggregateId", e."createdMs"
  FROM "snap"
  LEFT JOIN LATERAL (
    SELECT o."id", o."type", o."aggregateId",
      (extract(epoch FROM o."createdAt") * 1000)::bigint::text AS "createdMs"
    FROM "OutboxEvent" o
    WHERE o."createdAt" >= ?::timestamp(3)
      AND (o."createdAt", o."id") > (?::timestamp(3), ?)
      AND ("snap"."hi" - o."xmin"::text::bigint) % 4294967296 <= "snap"."hi" - ?::bigint
    ORDER BY o."createdAt", o."id"
    LIMIT ?
  ) e ON true`;

/** At `at` (the reader's clock), transaction ids from `xmax` on were not given out yet. */
interface Mark {
  readonly xmax: bigint;
  readonly at: number;
}

interface Row extends OutboxEntry {
  readonly createdMs: number;
}

/**
 * PostgreSQL commits many transactions at once, and in no order related to the time they stamped their events
 * or the ids they got. So the position is a transaction id, the boundary: every transaction below it has
 * finished (committed or rolled back), so all of their rows are already visible; rows of transactions at or
 * above it may still appear. A pass reads the rows written by transactions at or above the boundary that its
 * snapshot sees, and moves the boundary to that snapshot's xmin, the oldest transaction still running then.
 * A transaction held open for minutes holds the boundary back and its event is read when it commits.
 *
 * Rows at or above the boundary are read again by every pass until the boundary passes them, and so is an
 * event the dispatcher updates (an update writes a new row version, with the updater's id): the ids handed
 * over are remembered so that a view applies each event once.
 *
 * The scan starts at `since`: no event of a transaction at or above the boundary was stamped before it. A
 * transaction gets its id at its first write, and recordEvent stamps the event just before writing it, so a
 * transaction whose id was not given out yet when the reader looked at its clock stamps later than that (less
 * the slack). Each pass marks its snapshot's xmax with the time it looked; once the boundary reaches a mark,
 * `since` moves to that mark's time. So `since` never passes a transaction still open, however long it stays
 * open, and an idle outbox is read from a few seconds back.
 */
export class PostgresTail implements CommitOrder {
  private marks: Mark[] = [];
  private readonly handed = new Map<string, number>();

  constructor(private readonly database: Pick<Database, "readRows">) {}

  async start(now: Date): Promise<OutboxPosition> {
    const [snap] = await this.database.readRows(
      `SELECT pg_snapshot_xmin(s)::text AS "lo", pg_snapshot_xmax(s)::text AS "hi" FROM pg_current_snapshot() AS s`,
    );
    const lo = BigInt(String(snap?.lo));
    this.mark({ xmax: BigInt(String(snap?.hi)), at: now.getTime() });
    // Transactions still open now may have stamped their events at any time: until the boundary passes them,
    // the first passes scan every row (by transaction id, without the time index).
    return { cursor: `xid:${lo}`, since: this.floorAt(lo, new Date(0)) };
  }

  async *pages(from: OutboxPosition, now: Date): AsyncGenerator<TailPage, void, undefined> {
    const match = cursorPattern.exec(from.cursor);
    if (match === null) return;
    const boundary = BigInt(match[1] ?? "0");
    let end: OutboxPosition | undefined;
    let after = { createdMs: from.since.getTime(), id: "" };
    for (;;) {
      const result = await this.database.readRows(readSql, [
        from.since.toISOString(),
        new Date(after.createdMs).toISOString(),
        after.id,
        boundary.toString(),
        pageSize,
      ]);
      if (end === undefined) {
        // The first page's snapshot is the pass's: every row it sees is read by this pass (later pages go on from
        // the last row read), and transactions that commit after it are at or above its xmin.
        const lo = BigInt(String(result[0]?.lo));
        const hi = BigInt(String(result[0]?.hi));
        // A boundary no transaction has reached belongs to another cluster (a dump restored elsewhere).
        if (boundary > hi) return;
        this.mark({ xmax: hi, at: now.getTime() });
        end = { cursor: `xid:${lo}`, since: this.floorAt(lo, from.since) };
      }
      const rows = result.filter((r) => r.id !== null && r.id !== undefined).map(rowOf);
      const fresh = rows.filter((r) => !this.handed.has(r.id));
      const last = rows.at(-1);
      const more = rows.length === pageSize && last !== undefined;
      yield { entries: fresh.map(({ id, type, aggregateId }) => ({ id, type, aggregateId })), end: more ? null : end };
      // Reached only when the page was applied: the next pass skips these.
      for (const r of fresh) this.handed.set(r.id, r.createdMs);
      if (!more) {
        this.forgetBefore(end.since);
        return;
      }
      after = last;
    }
  }

  forget(): void {
    this.handed.clear();
  }

  private mark(mark: Mark): void {
    // A later look with the same xmax bounds the same transactions more tightly.
    if (this.marks.at(-1)?.xmax === mark.xmax) this.marks.pop();
    // Dropping a mark only leaves an older one to move `since` to: keep every other, and the newest.
    if (this.marks.length >= maxMarks) this.marks = this.marks.filter((_, i) => i % 2 === 1);
    this.marks.push(mark);
  }

  /** `since` for a boundary: the time of the last mark the boundary reached, less the slack, if later than `since`. */
  private floorAt(boundary: bigint, since: Date): Date {
    const reached = this.marks.filter((m) => m.xmax <= boundary);
    if (reached.length === 0) return since;
    this.marks = this.marks.filter((m) => m.xmax > boundary);
    const at = Math.max(...reached.map((m) => m.at)) - slackMs;
    return at > since.getTime() ? new Date(at) : since;
  }

  /** Rows stamped before `since` are not read again. */
  private forgetBefore(since: Date): void {
    if (this.handed.size > maxHanded) this.handed.clear();
    for (const [id, createdMs] of this.handed) if (createdMs < since.getTime()) this.handed.delete(id);
  }
}

function rowOf(r: Record<string, unknown>): Row {
  return { id: String(r.id), type: String(r.type), aggregateId: String(r.aggregateId), createdMs: Number(r.createdMs) };
}
