import type { Database } from "../../infra/prisma/database.js";

type Row = Record<string, unknown>;
const str = (value: unknown) => String(value);
const hasSkill = (slot: Row) => slot.userSkillId !== null && slot.userSkillId !== undefined;

/** One page of searchable, matchable people as flat rows, with what the indexes of people need about them. */
export interface PersonPage {
  /** Active people whose profile is not private, with their location. */
  readonly users: readonly Row[];
  /** Their approved skills (a skill's category is in `categoryOf`), with the row id and the skill's own mode. */
  readonly skills: readonly Row[];
  /** Approved skill id → its category id. */
  readonly categoryOf: ReadonlyMap<string, string>;
  /** Their general weekly slots. */
  readonly slots: readonly Row[];
  /** The weekly slots some of their skills have of their own, by UserSkill id ("userSkillId"). */
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
  options: { readonly pageSize: number; readonly members: boolean },
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
      `SELECT u."id", u."status", u."visibility", u."handle", u."displayName", u."bio", u."timeZone",
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
        `SELECT "id", "userId", "skillId", "direction", "level", "mode" FROM "UserSkill" WHERE "userId" BETWEEN ? AND ?`,
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
    yield {
      users: users.filter((u) => u.status === "active" && u.visibility !== "private"),
      // Rows are filtered, never copied with their category: 550,000 spread copies at 100,000 people doubled
      // the heap the match index build peaks at (and the process's RSS stays at that peak).
      skills: skills.filter((r) => approved.has(str(r.skillId))),
      categoryOf: approved,
      slots: slots.filter((r) => !hasSkill(r)),
      skillSlots: slots.filter(hasSkill),
      reviews,
      members,
    };
    if (users.length < options.pageSize) return;
    after = str(last.id);
  }
}
