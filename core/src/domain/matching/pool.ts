import type { Database, Db } from "../../infra/prisma/database.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import { SkillLevels } from "./skill-levels.js";
import type { MatchProfile, MeetingMode } from "./types.js";
import { weekInUtc } from "./week-utc.js";

const profileSelect = {
  id: true,
  handle: true,
  displayName: true,
  timeZone: true,
  meetingMode: true,
  maxDistanceKm: true,
  lastActiveAt: true,
  location: { select: { name: true, latitude: true, longitude: true } },
  skills: { where: { skill: { status: "approved" } }, select: { skillId: true, direction: true, level: true } },
  availability: { where: { userSkillId: null }, select: { weekday: true, startMinute: true, endMinute: true } },
  reviewsReceived: { select: { rating: true } },
} satisfies Prisma.UserSelect;

type ProfileRow = Prisma.UserGetPayload<{ select: typeof profileSelect }>;

function toMatchProfile(row: ProfileRow, now: Date): MatchProfile {
  return {
    userId: row.id,
    handle: row.handle,
    displayName: row.displayName,
    teaches: SkillLevels.of(row.skills.filter((s) => s.direction === "teach").map((s) => [s.skillId, s.level])),
    learns: SkillLevels.of(row.skills.filter((s) => s.direction === "learn").map((s) => [s.skillId, s.level])),
    weekUtc: weekInUtc(row.availability, row.timeZone, now),
    mode: row.meetingMode as MeetingMode,
    location: row.location,
    maxDistanceKm: row.maxDistanceKm,
    ratingCount: row.reviewsReceived.length,
    ratingSum: row.reviewsReceived.reduce((sum, review) => sum + review.rating, 0),
    lastActiveAt: row.lastActiveAt,
  };
}

export async function loadActor(
  db: Db,
  actorId: string,
  now: Date,
  options: { excludePrivate?: boolean } = {},
): Promise<MatchProfile | null> {
  const row = await db.user.findUnique({
    where: { id: actorId },
    select: { ...profileSelect, status: true, visibility: true },
  });
  if (row === null || row.status !== "active" || (options.excludePrivate === true && row.visibility === "private"))
    return null;
  return toMatchProfile(row, now);
}

/** Every active user as a match profile, page by page: the naive baseline benchmarks compare against. */
export async function loadAllMatchProfiles(db: Db, now: Date, pageSize = 5_000): Promise<MatchProfile[]> {
  const profiles: MatchProfile[] = [];
  let cursor: string | undefined;
  for (;;) {
    const rows = await db.user.findMany({
      where: { status: "active", ...(cursor === undefined ? {} : { id: { gt: cursor } }) },
      select: profileSelect,
      orderBy: { id: "asc" },
      take: pageSize,
    });
    for (const row of rows) profiles.push(toMatchProfile(row, now));
    const last = rows.at(-1);
    if (last === undefined || rows.length < pageSize) return profiles;
    cursor = last.id;
  }
}

/** "partnerId|youTeach|theyTeach" for every pending or accepted pair swap between the actor and someone. */
export async function openSwapKeys(database: Pick<Database, "readRows">, actorId: string): Promise<Set<string>> {
  // One flat query on the plain driver (the actor's participations joined to the swap and its other
  // participants): this runs on every recommendation.
  const rows = await database.readRows(
    `SELECT s."requesterId", s."offeredSkillId", s."wantedSkillId", other."userId" AS "partnerId"
     FROM "SwapParticipant" me
     JOIN "Swap" s ON s."id" = me."swapId"
     JOIN "SwapParticipant" other ON other."swapId" = s."id" AND other."userId" <> ?
     WHERE me."userId" = ? AND s."status" IN ('pending', 'accepted')`,
    [actorId, actorId],
  );
  const keys = new Set<string>();
  for (const row of rows) {
    const actorAsked = row.requesterId === actorId;
    const offered = String(row.offeredSkillId);
    const wanted = String(row.wantedSkillId);
    keys.add(`${String(row.partnerId)}|${actorAsked ? offered : wanted}|${actorAsked ? wanted : offered}`);
  }
  return keys;
}
