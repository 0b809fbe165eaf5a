import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import BetterSqlite3 from "better-sqlite3";
import pg from "pg";
import { databaseProvider, type DatabaseProvider } from "../../config.js";
import { PrismaClient as SqlitePrismaClient } from "./generated/sqlite/client.js";
import { PrismaClient as PostgresPrismaClient } from "./generated/postgres/client.js";
import { rejectEmptyWhere } from "./guard.js";
import { migrate, sqliteFile, type MigrationReport } from "./migrate.js";

function extend(client: SqlitePrismaClient) {
  return client.$extends(rejectEmptyWhere);
}

// SQLite note: the better-sqlite3 adapter holds one connection and serialises interactive transactions with a
// mutex, but a query outside a transaction runs on that same connection, inside whatever transaction is open.
// Hence the rule in core: every write happens inside db.$transaction, so nothing commits or rolls back by accident.

/** The database as use cases see it: the Prisma client over either provider, with the empty-where guard. */
export type Db = ReturnType<typeof extend>;
/** What an interactive transaction hands its callback. */
export type Tx = Omit<Db, "$connect" | "$disconnect" | "$on" | "$transaction" | "$extends">;

export interface Database {
  readonly db: Db;
  readonly provider: DatabaseProvider;
  readonly url: string;
  /**
   * Runs a read-only SQL query on a plain driver connection and returns flat rows. For whole-table loads
   * (in-memory indexes): Prisma's row mapping costs ~30 µs a row, a plain driver a fraction of that.
   */
  readRows(sql: string): Promise<Array<Record<string, unknown>>>;
  close(): Promise<void>;
}

function rowReader(provider: DatabaseProvider, url: string) {
  let sqlite: BetterSqlite3.Database | undefined;
  let postgres: Promise<pg.Client> | undefined;
  return {
    read: async (sql: string): Promise<Array<Record<string, unknown>>> => {
      if (provider === "sqlite") {
        sqlite ??= new BetterSqlite3(sqliteFile(url), { readonly: true, timeout: 10_000 });
        return sqlite.prepare(sql).all() as Array<Record<string, unknown>>;
      }
      postgres ??= (async () => {
        const client = new pg.Client({ connectionString: url });
        await client.connect();
        return client;
      })();
      return (await (await postgres).query<Record<string, unknown>>(sql)).rows;
    },
    close: async () => {
      sqlite?.close();
      if (postgres !== undefined) await (await postgres).end();
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
          adapter: new PrismaPg({ connectionString: url }),
        }) as unknown as SqlitePrismaClient);
  if (provider === "sqlite") {
    // Per connection, not stored in the file: enforce relations, and wait rather than fail on a busy writer.
    await client.$executeRawUnsafe("PRAGMA foreign_keys = ON");
  }
  const db = extend(client);
  const reader = rowReader(provider, url);
  return {
    db,
    provider,
    url,
    readRows: reader.read,
    close: async () => {
      await reader.close();
      await client.$disconnect();
    },
  };
}
