import type { Database } from "../../infra/prisma/database.js";

type Row = Record<string, unknown>;
const str = (value: unknown) => String(value);
/** A person's skill in one direction: what a skill row and the slots of its own have in common. */
export const ownKey = (row: Row) => `${str(row.userId)}|${str(row.skillId)}|${str(row.direction)}`;
const hasSkill = (slot: Row) => slot.userSkillId !== null && slot.userSkillId !== undefined;

/** One page of searchable, matchable people as flat rows, with what the indexes of people need about them. */
export interface PersonPage {
  /** Active people whose profile is not private, with their location (and bio, when asked for). */
  readonly users: readonly Row[];
  /** Their approved skills (a skill's category is in `categoryOf`), each with its own mode (null: none). */
  readonly skills: readonly Row[];
  /** Approved skill id → its category id. */
  readonly categoryOf: ReadonlyMap<string, string>;
  /** Their general weekly slots. */
  readonly slots: readonly Row[];
  /** The weekly slots some of their skills have of their own, with that skill's "skillId" and "direction". */
  readonly skillSlots: readonly Row[];
  /** Review count ("n") and rating sum ("total") per reviewed person ("subjectId"). */
  readonly reviews: readonly Row[];
  /** Community memberships, when asked for. */
  readonly members: readonly Row[];
}

/**
 * Every person the search and match indexes hold, a page at a time in id order, each page read with a few
 * flat range queries on the plain driver: a nested ORM read of 100,000 people takes ~30 s, and whole-table
 * reads keep hundreds of megabytes of rows in the heap long after an index is built.
 *
 * Conditions on other columns than the key (status, visibility, skill approval, per-skill slots) are applied
 * in code: in the WHERE clause they lead SQLite to their own indexes, and every page then scans a whole table.
 */
export async function* personPages(
  database: Pick<Database, "readRows">,
  options: { readonly pageSize: number; readonly members: boolean; readonly bios: boolean },
): AsyncGenerator<PersonPage> {
  // Only approved skills are searchable or matchable: skill id → category id.
  const approved = new Map(
    (await database.readRows(`SELECT "id", "categoryId" FROM "Skill" WHERE "status" = 'approved'`)).map((r) => [
      str(r.id),
      str(r.categoryId),
    ]),
  );
  for (let after = ""; ;) {
    const users = await database.readRows(
      `SELECT u."id", u."status", u."visibility", u."handle", u."displayName", u."avatarKey",${options.bios ? ` u."bio",` : ""} u."timeZone",
              u."meetingMode", u."maxDistanceKm", u."lastActiveAt",
              l."name" AS "locationName", l."latitude", l."longitude"
       FROM "User" u LEFT JOIN "Location" l ON l."id" = u."locationId"
       WHERE u."id" > ? ORDER BY u."id" LIMIT ?`,
      [after, options.pageSize],
    );
    const first = users[0];
    const last = users.at(-1);
    if (first === undefined || last === undefined) return;
    const range = [str(first.id), str(last.id)];
    const [skills, slots, reviews, members] = await Promise.all([
      database.readRows(
        `SELECT "userId", "skillId", "direction", "level", "mode" FROM "UserSkill" WHERE "userId" BETWEEN ? AND ?`,
        range,
      ),
      database.readRows(
        `SELECT "userId", "userSkillId", "weekday", "startMinute", "endMinute" FROM "AvailabilitySlot"
         WHERE "userId" BETWEEN ? AND ?`,
        range,
      ),
      database.readRows(
        `SELECT "subjectId", COUNT(*) AS "n", SUM("rating") AS "total" FROM "Review"
         WHERE "subjectId" BETWEEN ? AND ? GROUP BY "subjectId"`,
        range,
      ),
      options.members
        ? database.readRows(
            `SELECT "userId", "communityId" FROM "CommunityMember" WHERE "userId" BETWEEN ? AND ?`,
            range,
          )
        : Promise.resolve([]),
    ]);
    const skillSlots = await ownSlotsOf(database, slots.filter(hasSkill));
    yield {
      users: users.filter((u) => u.status === "active" && u.visibility !== "private"),
      // Rows are filtered, never copied with their category: 550,000 spread copies at 100,000 people doubled
      // the heap the match index build peaks at (and the process's RSS stays at that peak).
      skills: skills.filter((r) => approved.has(str(r.skillId))),
      categoryOf: approved,
      slots: slots.filter((r) => !hasSkill(r)),
      skillSlots,
      reviews,
      members,
    };
    if (users.length < options.pageSize) return;
    after = str(last.id);
  }
}

/**
 * The skill (id and direction) each of a few per-skill slots belongs to, read by primary key only when a page
 * holds some: the skill rows of a page carry no id, which at 550,000 rows doubled the garbage an index build makes.
 */
async function ownSlotsOf(database: Pick<Database, "readRows">, slots: readonly Row[]): Promise<Row[]> {
  if (slots.length === 0) return [];
  const ids = [...new Set(slots.map((slot) => str(slot.userSkillId)))];
  const owners = new Map<string, Row>();
  for (let at = 0; at < ids.length; at += 500) {
    const batch = ids.slice(at, at + 500);
    const rows = await database.readRows(
      `SELECT "id", "skillId", "direction" FROM "UserSkill" WHERE "id" IN (${batch.map(() => "?").join(", ")})`,
      batch,
    );
    for (const row of rows) owners.set(str(row.id), row);
  }
  return slots.flatMap((slot) => {
    const owner = owners.get(str(slot.userSkillId));
    return owner === undefined ? [] : [{ ...slot, skillId: owner.skillId, direction: owner.direction }];
  });
}

/** A page's rows grouped by a column (or a key made of several), each mapped once: rows of one person together. */
export function groupRows<T = Row>(
  rows: readonly Row[],
  key: string | ((row: Row) => string),
  map: (row: Row) => T = (row) => row as T,
): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = typeof key === "string" ? str(row[key]) : key(row);
    const list = groups.get(id);
    if (list === undefined) groups.set(id, [map(row)]);
    else list.push(map(row));
  }
  return groups;
}
