// Derives prisma/postgres/schema.prisma from the SQLite source of truth: same models, other provider,
// other client output. Shared by generate.mjs (writes it) and the drift test (compares it).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export const sqliteSchemaPath = fileURLToPath(new URL("../schema.prisma", import.meta.url));
export const postgresSchemaPath = fileURLToPath(new URL("../postgres/schema.prisma", import.meta.url));

const header = "// GENERATED from prisma/schema.prisma by prisma/scripts/generate.mjs — do not edit by hand.\n";

export function derivePostgresSchema(sqliteText) {
  const swapped = sqliteText
    .replace('provider = "sqlite"', 'provider = "postgresql"')
    .replace('"../core/src/infra/prisma/generated/sqlite"', '"../../core/src/infra/prisma/generated/postgres"');
  if (swapped === sqliteText) throw new Error("schema.prisma no longer has the expected provider/output lines");
  return header + swapped;
}

export function readSqliteSchema() {
  return readFileSync(sqliteSchemaPath, "utf8");
}
