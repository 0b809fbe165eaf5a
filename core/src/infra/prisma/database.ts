import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import BetterSqlite3 from "better-sqlite3";
import { createHash } from "node:crypto";
import type pg from "pg";
import { databaseProvider, type DatabaseProvider } from "../../config.js";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.js";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgres/client.js";
import { plainPool } from "../pg-pool.js";
import { rejectEmptyWhere, rejectUnstorableText, requireStorableText } from "./guard.js";
import { migrate, sqliteFile, type MigrationReport } from "./migrate.js";
import { SerialTransactionsPg } from "./serial-transactions.js";

function extend(client: SqlitePrismaClient) {
  return client.$extends(rejectEmptyWhere).$extends(rejectUnstorableText);
}

// SQLite note: the better-sqlite3 adapter holds one connection and serialises interactive transactions with a
// mutex, but a query outside a transaction runs on that same connection, inside whatever transaction is open.
// Hence the rule in core: every write happens inside db.$transaction, so nothing commits or rolls back by accident.

/** The database as use cases see it: the Prisma client over either provider, with the empty-where guard. */
export type Db = ReturnType<typeof extend>;
/** What an interactive transaction hands its callback. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

/** A read-only SQL query (`?` placeholders, quoted identifiers) to flat rows. */
export type RowReader = (sql: string, params?: readonly unknown[]) => Promise<Array<Record<string, unknown>>>;

export interface Database {
  readonly db: Db;
  readonly provider: DatabaseProvider;
  readonly url: string;
  /**
   * Runs a read-only SQL query (`?` placeholders, quoted identifiers) on a plain driver connection and returns
   * flat rows. For whole-table loads and the hot read paths of search and matching: a Prisma query costs
   * 1–3 ms of overhead and ~30 µs a row, a prepared statement on the plain driver a few microseconds. It sees
   * committed data only, so it is never used inside a transaction.
   */
  readRows: RowReader;
  /**
   * The same kind of read inside a transaction, on its own connection (a write's checks must see what the
   * transaction sees): Prisma's raw query with the placeholders the provider wants.
   */
  readRowsIn(tx: Tx): RowReader;
  /** How many outbox events this process has written: feeds check the outbox at once when it moved. */
  readonly outboxWrites: number;
  noteOutboxWrite(): void;
  close(): Promise<void>;
}

/** `?` placeholders, in order, as PostgreSQL's `$1, $2, …` (the SQL written for plain reads has no `?` in literals). */
export function numberedPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** Beyond this many values a plain read is not prepared on PostgreSQL (see rowReader). */
const maxPreparedParams = 64;

function rowReader(provider: DatabaseProvider, url: string) {
  let sqlite: BetterSqlite3.Database | undefined;
  let postgres: pg.Pool | undefined;
  const statements = new Map<string, BetterSqlite3.Statement>();
  return {
    read: async (sql: string, params: readonly unknown[] = []): Promise<Array<Record<string, unknown>>> => {
      requireStorableText(params);
      if (provider === "sqlite") {
        sqlite ??= new BetterSqlite3(sqliteFile(url), { readonly: true, timeout: 10_000 });
        let statement = statements.get(sql);
        if (statement === undefined) {
          if (statements.size > 200) statements.clear();
          statement = sqlite.prepare(sql);
          statements.set(sql, statement);
        }
        return statement.all(...params) as Array<Record<string, unknown>>;
      }
      postgres ??= plainPool(url);
      const text = numberedPlaceholders(sql);
      // Prepared once per connection, as SQLite's statements above are: a plain read runs on every request
      // (who may see whom, the searcher's own facts), and parsing and planning it again cost more than running
      // it. Statements with long lists of values are one-offs (each length is another text): those stay unnamed.
      const name =
        params.length <= maxPreparedParams ? `read-${createHash("sha1").update(text).digest("hex")}` : undefined;
      return (
        await postgres.query<Record<string, unknown>>({
          text,
          values: [...params],
          ...(name === undefined ? {} : { name }),
        })
      ).rows;
    },
    close: async () => {
      sqlite?.close();
      await postgres?.end();
    },
  };
}

export interface OpenOptions {
  /** Apply pending migrations first (default true). */
  readonly migrate?: boolean;
  readonly onMigrated?: (report: MigrationReport) => void;
}

export async function openDatabase(url: string, options: OpenOptions = {}): Promise<Database> {
  const provider = databaseProvider(url);
  if (provider === "sqlite" && sqliteFile(url) === ":memory:") {
    // The migration runner and Prisma use separate connections; an in-memory database would be two databases.
    throw new Error("In-memory SQLite is not supported: use a file (tests use a temporary file per suite).");
  }
  if (options.migrate ?? true) {
    const report = await migrate(provider, url);
    options.onMigrated?.(report);
  }
  const client =
    provider === "sqlite"
      ? new SqlitePrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 10_000 }) })
      : // Both clients are generated from one schema (postgres/schema.prisma is derived, provider swapped), so they
        // have the same shape; the SQLite type stands for both in use cases.
        (new PostgresPrismaClient({
          adapter: new SerialTransactionsPg({ connectionString: url }),
        }) as unknown as SqlitePrismaClient);
  if (provider === "sqlite") {
    // Per connection, not stored in the file: enforce relations, and wait rather than fail on a busy writer.
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
  const db = extend(client);
  const reader = rowReader(provider, url);
  let outboxWrites = 0;
  return {
    db,
    provider,
    url,
    readRows: reader.read,
    readRowsIn:
      (tx) =>
      (sql, params = []) => {
        requireStorableText(params);
        return tx.$queryRawUnsafe<Array<Record<string, unknown>>>(
          provider === "postgresql" ? numberedPlaceholders(sql) : sql,
          ...params,
        );
      },
    get outboxWrites() {
      return outboxWrites;
    },
    noteOutboxWrite: () => {
      outboxWrites += 1;
    },
    close: async () => {
      await reader.close();
      await client.$disconnect();
    },
  };
}
