import type { Db, Tx } from "../../infra/prisma/database.js";
import { normalizeText } from "../../text/words.js";
import { catalogCategories, catalogSkills } from "./catalog-data.js";
import type { CatalogEntry } from "./types.js";

// Catalog rows get ids derived from their slugs, so every installation agrees on them and re-running is a no-op.
export const categoryIdFor = (slug: string) => `cat:${slug}`;
export const skillIdFor = (slug: string) => `skill:${slug}`;

export function slugify(name: string): string {
  return normalizeText(name)
    .replace(/\+/g, "-plus")
    .replace(/#/g, "-sharp")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

type AliasKind = "name" | "alias" | "misspelling" | "translation";

function aliasRows(skillId: string, entries: Array<[AliasKind, readonly string[]]>) {
  const seen = new Set<string>();
  const rows: Array<{ id: string; skillId: string; alias: string; kind: AliasKind }> = [];
  for (const [kind, values] of entries) {
    for (const value of values) {
      const alias = normalizeText(value);
      if (alias === "" || seen.has(alias)) continue;
      seen.add(alias);
      rows.push({ id: `${skillId}:${alias}`, skillId, alias, kind });
    }
  }
  return rows;
}

export function nameAliasRows(skillId: string, name: string) {
  return aliasRows(skillId, [["name", [name]]]);
}

/**
 * Loads the shipped catalog: inserts whatever categories, skills and aliases are missing, leaves the rest.
 * Runs after migrations at start-up, so a release that grows the catalog reaches existing installations.
 */
export async function ensureCatalog(db: Db): Promise<{ categories: number; skills: number; aliases: number }> {
  const [categoryIds, skillIds, aliasIds] = await Promise.all([
    db.skillCategory.findMany({ select: { id: true } }).then((rows) => new Set(rows.map((r) => r.id))),
    db.skill.findMany({ select: { id: true } }).then((rows) => new Set(rows.map((r) => r.id))),
    db.skillAlias.findMany({ select: { id: true } }).then((rows) => new Set(rows.map((r) => r.id))),
  ]);
  const categories = catalogCategories
    .map((category, index) => ({
      id: categoryIdFor(category.slug),
      slug: category.slug,
      name: category.name,
      sortOrder: index,
    }))
    .filter((row) => !categoryIds.has(row.id));
  const skills = catalogSkills
    .map((skill) => ({
      id: skillIdFor(skill.slug),
      slug: skill.slug,
      name: skill.name,
      categoryId: categoryIdFor(skill.category),
      status: "approved",
    }))
    .filter((row) => !skillIds.has(row.id));
  const aliases = catalogSkills
    .flatMap((skill) =>
      aliasRows(skillIdFor(skill.slug), [
        ["name", [skill.name]],
        ["alias", skill.aliases],
        ["translation", skill.translations],
        ["misspelling", skill.misspellings],
      ]),
    )
    .filter((row) => !aliasIds.has(row.id));
  if (categories.length + skills.length + aliases.length > 0) {
    // Thousands of rows in one go: Prisma's default 5 s transaction limit is too tight on a busy machine (a CI
    // runner starting many databases at once), and a first start that fails there leaves no catalog at all.
    await db.$transaction(
      async (tx) => {
        if (categories.length > 0) await tx.skillCategory.createMany({ data: categories });
        if (skills.length > 0) await tx.skill.createMany({ data: skills });
        if (aliases.length > 0) await tx.skillAlias.createMany({ data: aliases });
      },
      { timeout: 60_000, maxWait: 30_000 },
    );
  }
  return { categories: categories.length, skills: skills.length, aliases: aliases.length };
}

const entrySelect = { id: true, slug: true, name: true, status: true, category: { select: { name: true } } } as const;

function toEntry(row: {
  id: string;
  slug: string;
  name: string;
  status: string;
  category: { name: string };
}): CatalogEntry {
  return {
    id: row.id,
    slug: row.slug,
    name: row.name,
    category: row.category.name,
    status: row.status as CatalogEntry["status"],
  };
}

/**
 * The skill a person means by `text`: its name, an alias, a listed misspelling or a translation. Approved
 * skills for everyone; a pending community skill only for members of that community (so they can list it
 * while it waits for approval).
 */
export async function findSkillByName(db: Db | Tx, text: string, userId: string): Promise<CatalogEntry | null> {
  const alias = normalizeText(text);
  const rows = await db.skillAlias.findMany({
    where: {
      alias,
      skill: {
        OR: [
          { status: "approved" },
          { status: "pending", community: { members: { some: { userId } } } },
          { status: "pending", proposedById: userId },
        ],
      },
    },
    select: { skill: { select: entrySelect } },
    take: 2,
  });
  const first = rows[0];
  return first === undefined ? null : toEntry(first.skill);
}

export async function findSkillById(db: Db | Tx, id: string): Promise<CatalogEntry | null> {
  const row = await db.skill.findUnique({ where: { id }, select: entrySelect });
  return row === null ? null : toEntry(row);
}

/** normalised spelling → display name, for "did you mean" suggestions. */
export async function knownSpellings(db: Db): Promise<Map<string, string>> {
  const rows = await db.skillAlias.findMany({
    where: { skill: { status: "approved" } },
    select: { alias: true, skill: { select: { name: true } } },
  });
  return new Map(rows.map((row) => [row.alias, row.skill.name]));
}

/** Category ids by how people name them: slug or display name, normalised ("music", "Cooking & food"). */
export function categoryIndex(
  categories: ReadonlyArray<{ readonly id: string; readonly slug: string; readonly name: string }>,
): Map<string, string> {
  const byName = new Map<string, string>();
  for (const c of categories) {
    byName.set(normalizeText(c.slug), c.id);
    byName.set(normalizeText(c.name), c.id);
  }
  return byName;
}
