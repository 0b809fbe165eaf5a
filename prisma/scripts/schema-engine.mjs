// The WebAssembly Prisma schema engine, used offline to compute migration SQL from schema text.
// Needs `node --experimental-wasm-modules` (the engine package imports its .wasm as an ES module).
import { SchemaEngine } from "@prisma/schema-engine-wasm";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";

const filters = { externalTables: [], externalEnums: [] };

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

/** SQL that takes a database from `fromText` (null = empty) to `toText`; "" when nothing changes. */
export async function diffSchemas(provider, fromText, toText) {
  const file = (content) => ({ tag: "schemaDatamodel", files: [{ path: "schema.prisma", content }] });
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", toText]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(adapterFactory(provider)),
  );
  try {
    const result = await engine.diff({
      from: fromText === null ? { tag: "empty" } : file(fromText),
      to: { tag: "schemaDatamodel", files: [{ path: "schema.prisma", content: toText }] },
      script: true,
      exitCode: true,
      filters,
    });
    return result.exitCode === 2 ? result.stdout : "";
  } finally {
    engine.free?.();
  }
}

/** SQL that would take the live SQLite database at `url` to `schemaText`; "" when they match. */
export async function diffSqliteDatabase(url, schemaText) {
  const files = [{ path: "schema.prisma", content: schemaText }];
  const engine = await SchemaEngine.new(
    { datamodels: [["schema.prisma", schemaText]] },
    () => {},
    bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url })),
  );
  try {
    const result = await engine.diff({
      from: { tag: "schemaDatasource", files, configDir: process.cwd() },
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
