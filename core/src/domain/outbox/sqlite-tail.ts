import type { Database } from "../../infra/prisma/database.js";
import type { CommitOrder, OutboxPosition, TailPage } from "./outbox-tail.js";

const pageSize = 2_000;
/** SQLite needs no time to bound a read: the rowid does. */
const noTime = new Date(0);
const cursorPattern = /^rowid:(\d+):(.*)$/s;

/**
 * SQLite has one writer at a time: a transaction takes the write lock at its first write and keeps it until it
 * commits, and a row's rowid is the table's largest plus one, given at the insert. So a transaction that
 * commits later inserts later and gets larger rowids, and reading past the last rowid seen skips nothing.
 * The event id cannot serve: it is made from the clock before the insert, possibly before the write lock is
 * taken (a transaction that reads first), so another process may commit a younger id earlier.
 *
 * The cursor also names the event at its rowid: VACUUM may renumber a table without an INTEGER PRIMARY KEY,
 * and then the position is no longer read from (the view rebuilds) rather than trusted.
 */
export class SqliteTail implements CommitOrder {
  constructor(private readonly database: Pick<Database, "readRows">) {}

  async start(): Promise<OutboxPosition> {
    const [last] = await this.database.readRows(
      `SELECT rowid AS "seq", "id" FROM "OutboxEvent" ORDER BY rowid DESC LIMIT 1`,
    );
    return last === undefined ? positionAt(0, "") : positionAt(Number(last.seq), String(last.id));
  }

  async *pages(from: OutboxPosition): AsyncGenerator<TailPage, void, undefined> {
    const match = cursorPattern.exec(from.cursor);
    if (match === null) return;
    let seq = Number(match[1]);
    const id = match[2] ?? "";
    if (seq > 0) {
      const [there] = await this.database.readRows(`SELECT "id" FROM "OutboxEvent" WHERE rowid = ?`, [seq]);
      if (there?.id !== id) return;
    }
    for (;;) {
      const rows = await this.database.readRows(
        `SELECT rowid AS "seq", "id", "type", "aggregateId" FROM "OutboxEvent" WHERE rowid > ? ORDER BY rowid LIMIT ?`,
        [seq, pageSize],
      );
      const last = rows.at(-1);
      const entries = rows.map((r) => ({ id: String(r.id), type: String(r.type), aggregateId: String(r.aggregateId) }));
      if (rows.length < pageSize || last === undefined) {
        yield { entries, end: last === undefined ? from : positionAt(Number(last.seq), String(last.id)) };
        return;
      }
      yield { entries, end: null };
      seq = Number(last.seq);
    }
  }

  /** Nothing to forget: no event is read twice. */
  forget(): void {}
}

const positionAt = (seq: number, id: string): OutboxPosition => ({ cursor: `rowid:${seq}:${id}`, since: noTime });
