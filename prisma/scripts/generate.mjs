// Writes the derived PostgreSQL schema and generates both Prisma clients without downloading engines:
// Prisma 7 clients run on driver adapters, so generate needs no engine binary (see shared recipe).
import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { derivePostgresSchema, postgresSchemaPath, readSqliteSchema, sqliteSchemaPath } from "./postgres-schema.mjs";

writeFileSync(postgresSchemaPath, derivePostgresSchema(readSqliteSchema()));

const prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
for (const schema of [sqliteSchemaPath, postgresSchemaPath]) {
  execFileSync(process.execPath, [prismaCli, "generate", "--schema", schema], {
    stdio: ["ignore", "ignore", "inherit"],
    env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: "/bin/false", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
  });
}
console.log("prisma: generated the sqlite and postgres clients");
