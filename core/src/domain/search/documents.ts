import type { Database, Db } from "../../infra/prisma/database.js";
import type { SearchDirection, SearchDocument, SearchMeetingMode } from "../../ports/search-index.js";
import { weekInUtc } from "../matching/week-utc.js";
import { summarizeRatingTotals } from "../profiles/rules.js";

type Row = Record<string, unknown>;
const str = (value: unknown) => String(value);
const num = (value: unknown) => Number(value);

interface PersonFacts {
  readonly id: string;
  readonly handle: string;
  readonly displayName: string;
  readonly bio: string;
  readonly visibility: string;
  readonly meetingMode: string;
  readonly timeZone: string;
  readonly lastActiveAt: Date;
  readonly location: { name: string; latitude: number; longitude: number } | null;
}

function toDocument(
  person: PersonFacts,
  skills: ReadonlyArray<{ skillId: string; categoryId: string; direction: string; level: number }>,
  slots: ReadonlyArray<{ weekday: number; startMinute: number; endMinute: number }>,
  communityIds: readonly string[],
  ratings: { readonly count: number; readonly sum: number },
  now: Date,
): SearchDocument {
  const summary = summarizeRatingTotals(ratings.count, ratings.sum);
  return {
    userId: person.id,
    handle: person.handle,
    displayName: person.displayName,
    bio: person.bio,
    visibility: person.visibility === "public" ? "public" : "communities",
    communityIds,
    mode: person.meetingMode as SearchMeetingMode,
    location: person.location,
    ratingCount: summary.count,
    trust: summary.bayesian,
    lastActiveAt: person.lastActiveAt,
    skills: skills.map((s) => ({
      skillId: s.skillId,
      categoryId: s.categoryId,
      direction: s.direction as SearchDirection,
      level: s.level,
    })),
    week: weekInUtc(slots, person.timeZone, now),
  };
}

/**
 * The current search documents of some people; those who are gone, deleted or private come back in `remove`.
 * Only approved skills are searchable.
 */
export async function loadDocuments(
  db: Db,
  userIds: readonly string[],
  now: Date,
): Promise<{ upsert: SearchDocument[]; remove: string[] }> {
  if (userIds.length === 0) return { upsert: [], remove: [] };
  const rows = await db.user.findMany({
    where: { id: { in: [...userIds] } },
    select: {
      id: true,
      status: true,
      handle: true,
      displayName: true,
      bio: true,
      visibility: true,
      meetingMode: true,
      timeZone: true,
      lastActiveAt: true,
      location: { select: { name: true, latitude: true, longitude: true } },
      skills: {
        where: { skill: { status: "approved" } },
        select: { skillId: true, direction: true, level: true, skill: { select: { categoryId: true } } },
      },
      availability: { where: { userSkillId: null }, select: { weekday: true, startMinute: true, endMinute: true } },
      memberships: { select: { communityId: true } },
      reviewsReceived: { select: { rating: true } },
    },
  });
  const upsert = rows
    .filter((row) => row.status === "active" && row.visibility !== "private")
    .map((row) =>
      toDocument(
        row,
        row.skills.map((s) => ({ ...s, categoryId: s.skill.categoryId })),
        row.availability,
        row.memberships.map((m) => m.communityId),
        {
          count: row.reviewsReceived.length,
          sum: row.reviewsReceived.reduce((total, r) => total + r.rating, 0),
        },
        now,
      ),
    );
  const kept = new Set(upsert.map((d) => d.userId));
  return { upsert, remove: userIds.filter((id) => !kept.has(id)) };
}

function groupBy<T>(rows: readonly Row[], key: string, map: (row: Row) => T): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const id = str(row[key]);
    const list = groups.get(id);
    if (list === undefined) groups.set(id, [map(row)]);
    else list.push(map(row));
  }
  return groups;
}

/**
 * Every searchable person, a page at a time in id order, each page read with a few flat range queries on the
 * plain driver (a nested ORM read of 100,000 people takes ~30 s; holding them all at once costs hundreds of
 * megabytes the index does not need).
 */
export async function* documentPages(
  database: Pick<Database, "readRows">,
  now: Date,
  pageSize = 5_000,
): AsyncGenerator<SearchDocument[]> {
  // Only approved skills are searchable: skill id → category id.
  const approved = new Map(
    (await database.readRows(`SELECT "id", "categoryId" FROM "Skill" WHERE "status" = 'approved'`)).map((r) => [
      str(r.id),
      str(r.categoryId),
    ]),
  );
  let after = "";
  for (;;) {
    // By id only: with the status in the WHERE clause SQLite walks the status index instead of the key.
    const users = await database.readRows(
      `SELECT u."id", u."status", u."handle", u."displayName", u."bio", u."visibility", u."meetingMode",
              u."timeZone", u."lastActiveAt", l."name" AS "locationName", l."latitude", l."longitude"
       FROM "User" u LEFT JOIN "Location" l ON l."id" = u."locationId"
       WHERE u."id" > ? ORDER BY u."id" LIMIT ?`,
      [after, pageSize],
    );
    const first = users[0];
    const last = users.at(-1);
    if (first === undefined || last === undefined) return;
    const range = [str(first.id), str(last.id)];
    // Conditions on other columns are applied in code: given one, SQLite's planner prefers that column's index
    // (skill status, slot owner skill) and walks every row instead of the user range.
    const [skillRows, slotRows, members, reviews] = await Promise.all([
      database.readRows(
        `SELECT "userId", "skillId", "direction", "level" FROM "UserSkill" WHERE "userId" BETWEEN ? AND ?`,
        range,
      ),
      database.readRows(
        `SELECT "userId", "userSkillId", "weekday", "startMinute", "endMinute" FROM "AvailabilitySlot"
         WHERE "userId" BETWEEN ? AND ?`,
        range,
      ),
      database.readRows(`SELECT "userId", "communityId" FROM "CommunityMember" WHERE "userId" BETWEEN ? AND ?`, range),
      database.readRows(
        `SELECT "subjectId", COUNT(*) AS "n", SUM("rating") AS "total" FROM "Review"
         WHERE "subjectId" BETWEEN ? AND ? GROUP BY "subjectId"`,
        range,
      ),
    ]);
    const skills = skillRows.flatMap((r) => {
      const categoryId = approved.get(str(r.skillId));
      return categoryId === undefined ? [] : [{ ...r, categoryId }];
    });
    const slots = slotRows.filter((r) => r.userSkillId === null || r.userSkillId === undefined);
    const skillsOf = groupBy(skills, "userId", (r) => ({
      skillId: str(r.skillId),
      categoryId: str(r.categoryId),
      direction: str(r.direction),
      level: num(r.level),
    }));
    const slotsOf = groupBy(slots, "userId", (r) => ({
      weekday: num(r.weekday),
      startMinute: num(r.startMinute),
      endMinute: num(r.endMinute),
    }));
    const communitiesOf = groupBy(members, "userId", (r) => str(r.communityId));
    const ratingsOf = new Map(reviews.map((r) => [str(r.subjectId), { count: num(r.n), sum: num(r.total) }]));
    yield users
      .filter((u) => u.status === "active" && u.visibility !== "private")
      .map((u) => {
        const id = str(u.id);
        return toDocument(
          {
            id,
            handle: str(u.handle),
            displayName: str(u.displayName),
            bio: str(u.bio),
            visibility: str(u.visibility),
            meetingMode: str(u.meetingMode),
            timeZone: str(u.timeZone),
            lastActiveAt: new Date(u.lastActiveAt as string | number | Date),
            location:
              u.latitude === null || u.latitude === undefined
                ? null
                : { name: str(u.locationName), latitude: num(u.latitude), longitude: num(u.longitude) },
          },
          skillsOf.get(id) ?? [],
          slotsOf.get(id) ?? [],
          communitiesOf.get(id) ?? [],
          ratingsOf.get(id) ?? { count: 0, sum: 0 },
          now,
        );
      });
    if (users.length < pageSize) return;
    after = str(last.id);
  }
}

/** Every searchable person at once (MiniSearch in the benchmark is built from the same documents). */
export async function loadAllDocuments(database: Pick<Database, "readRows">, now: Date): Promise<SearchDocument[]> {
  const all: SearchDocument[] = [];
  for await (const page of documentPages(database, now)) all.push(...page);
  return all;
}
