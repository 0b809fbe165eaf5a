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

/** Every searchable person, read with a few flat queries (a nested ORM read of 100,000 people takes ~30 s). */
export async function loadAllDocuments(database: Database, now: Date): Promise<SearchDocument[]> {
  const [users, skills, slots, members, reviews] = await Promise.all([
    database.readRows(
      `SELECT u."id", u."handle", u."displayName", u."bio", u."visibility", u."meetingMode", u."timeZone",
              u."lastActiveAt", l."name" AS "locationName", l."latitude", l."longitude"
       FROM "User" u LEFT JOIN "Location" l ON l."id" = u."locationId"
       WHERE u."status" = 'active' AND u."visibility" <> 'private'`,
    ),
    database.readRows(
      `SELECT us."userId", us."skillId", us."direction", us."level", s."categoryId"
       FROM "UserSkill" us JOIN "Skill" s ON s."id" = us."skillId" WHERE s."status" = 'approved'`,
    ),
    database.readRows(
      `SELECT "userId", "weekday", "startMinute", "endMinute" FROM "AvailabilitySlot" WHERE "userSkillId" IS NULL`,
    ),
    database.readRows(`SELECT "userId", "communityId" FROM "CommunityMember"`),
    database.readRows(
      `SELECT "subjectId", COUNT(*) AS "n", SUM("rating") AS "total" FROM "Review" GROUP BY "subjectId"`,
    ),
  ]);
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
  return users.map((u) => {
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
}
