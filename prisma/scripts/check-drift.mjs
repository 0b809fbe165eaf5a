// Fails when prisma/schema.prisma and the migrations disagree: the schema changed without `npm run db:migration`,
// the derived PostgreSQL schema is stale, or the two providers' migration folders differ.
// Usage: npm run db:check [-- --database file:<migrated sqlite file>]
import { readFileSync } from "node:fs";
import { derivePostgresSchema, postgresSchemaPath, readSqliteSchema } from "./postgres-schema.mjs";
import { latestSnapshot, listMigrations, migrationDirs } from "./migrations.mjs";
import { diffSchemas, diffSqliteDatabase } from "./schema-engine.mjs";

const problems = [];
const current = readSqliteSchema();
const snapshot = latestSnapshot();
if (snapshot === null) problems.push("There are no migrations yet: run `npm run db:migration -- init`.");
else {
  const sql = await diffSchemas("sqlite", snapshot, current);
  if (sql !== "")
    problems.push(`schema.prisma has changes no migration covers:\n${sql}\nRun \`npm run db:migration -- <name>\`.`);
}
if (readFileSync(postgresSchemaPath, "utf8") !== derivePostgresSchema(current)) {
  problems.push("prisma/postgres/schema.prisma is stale: run `npm run db:generate`.");
}
const sqliteNames = listMigrations(migrationDirs.sqlite).join(",");
const postgresNames = listMigrations(migrationDirs.postgresql).join(",");
if (sqliteNames !== postgresNames)
  problems.push(`SQLite and PostgreSQL migrations differ: [${sqliteNames}] vs [${postgresNames}]`);

// --database file:<path>: also compare a migrated SQLite database with the schema (introspection works on SQLite only).
const databaseFlag = process.argv.indexOf("--database");
if (databaseFlag !== -1) {
  const url = process.argv[databaseFlag + 1] ?? "";
  const sql = await diffSqliteDatabase(url, current);
  if (sql !== "") problems.push(`The database at ${url} does not match schema.prisma:\n${sql}`);
}

if (problems.length > 0) {
  console.error(problems.join("\n\n"));
  process.exit(1);
}
console.log("Schema and migrations agree.");
