// The WebAssembly Prisma schema engine, used offline to compute migration SQL from schema text.
// Needs `node --experimental-wasm-modules` (the engine package imports its .wasm as an ES module).
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

// The search index's tables are derived data owned by core/src/infra/sqlite-fts (hand-written in the
// search_index migration: FTS5 is beyond schema.prisma); FTS5 adds its shadow tables.
const searchTables = ["search_person", "search_skill", "search_slot", "search_member", "search_word", "search_feed"];
const ftsTables = ["search_text", "search_term"].flatMap((t) => [
  t,
  ...["data", "idx", "content", "docsize", "config"].map((s) => `${t}_${s}`),
]);
// Only an introspected SQLite database has them; a diff between two schema texts needs no filter (and the
// PostgreSQL engine would insist on schema-qualified names).
const sqliteDatabaseFilters = { externalTables: [...searchTables, ...ftsTables], externalEnums: [] };
const noFilters = { externalTables: [], externalEnums: [] };

function adapterFactory(provider) {
  // A diff between two schema texts reads and writes no database, but the PostgreSQL engine insists on
  // connecting once at start-up: give it any reachable server (the local test database by default).
  return provider === "sqlite"
    ? new PrismaBetterSqlite3({ url: "file::memory:" })
    : new PrismaPg({
        connectionString:
          process.env.MIGRATION_DATABASE_URL ??
          process.env.TEST_DATABASE_URL ??
          "postgres://postgres@127.0.0.1:5432/test",
      });
}

async function diffWith(adapter, schemaText, from, filters = noFilters) {
  const files = [{ path: "schema.prisma", content: schemaText }];
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaText]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapter),
  );
  try {
    const result = await engine.diff({
      from: from(files),
      to: { tag: "schemaDatamodel", files },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 2 ? result.stdout : "";
  } finally {
    engine.free?.();
  }
}

/** SQL that takes a database from `fromText` (null = empty) to `toText`; "" when nothing changes. */
export function diffSchemas(provider, fromText, toText) {
  return diffWith(adapterFactory(provider), toText, () =>
    fromText === null
      ? { tag: "empty" }
      : { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: fromText }] },
  );
}

/** SQL that would take the live SQLite database at `url` to `schemaText`; "" when they match. */
export function diffSqliteDatabase(url, schemaText) {
  return diffWith(
    new PrismaBetterSqlite3({ url }),
    schemaText,
    (files) => ({ tag: "schemaDatasource", files, configDir: process.cwd() }),
    sqliteDatabaseFilters,
  );
}
