import type { Database } from "../prisma/database.js";
import type { CatalogSpelling } from "./people-index-body.js";

/** Every spelling of every approved skill, as the catalog stores them (normalised): the index's synonym rules. */
export async function catalogSpellings(database: Database): Promise<CatalogSpelling[]> {
  const rows = await database.db.skillAlias.findMany({
    where: { skill: { status: "approved" } },
    select: { alias: true, skillId: true },
  });
  return rows.map((row) => ({ spelling: row.alias, skillId: row.skillId }));
}
