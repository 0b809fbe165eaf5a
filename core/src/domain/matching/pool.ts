import type { Db } from "../../infra/prisma/database.js";
import { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import { canViewProfile } from "../profiles/rules.js";
import type { Visibility } from "../profiles/types.js";
import { sharedSkillId } from "./skill-ids.js";
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
    teaches: new Map(row.skills.filter((s) => s.direction === "teach").map((s) => [sharedSkillId(s.skillId), s.level])),
    learns: new Map(row.skills.filter((s) => s.direction === "learn").map((s) => [sharedSkillId(s.skillId), s.level])),
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

/**
 * Of `userIds`, those the actor may see right now, decided by the profile visibility rule on fresh rows (not on
 * any cache). Rows are fetched by primary key and judged in code: a correlated "visible to" filter would make
 * the database scan every user. One flat query: the nested Prisma read it replaces took five round trips.
 */
export async function visibleAmong(db: Db, actorId: string, userIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(userIds)];
  if (ids.length === 0) return new Set();
  const rows = await db.$queryRaw<VisibilityRow[]>`
    SELECT u."id", u."status", u."visibility",
      CASE WHEN EXISTS (
        SELECT 1 FROM "CommunityMember" theirs
        JOIN "CommunityMember" mine ON mine."communityId" = theirs."communityId" AND mine."userId" = ${actorId}
        WHERE theirs."userId" = u."id") THEN 1 ELSE 0 END AS "shareCommunity",
      CASE WHEN EXISTS (SELECT 1 FROM "Block" b WHERE b."blockerId" = u."id" AND b."blockedId" = ${actorId})
             OR EXISTS (SELECT 1 FROM "Block" b WHERE b."blockerId" = ${actorId} AND b."blockedId" = u."id")
           THEN 1 ELSE 0 END AS "blocked"
    FROM "User" u
    WHERE u."id" IN (${Prisma.join(ids)})`;
  const visible = rows.filter((row) =>
    canViewProfile({
      viewerId: actorId,
      ownerId: row.id,
      ownerVisibility: row.visibility as Visibility,
      ownerDeleted: row.status !== "active",
      // Drivers differ on integer types (SQLite may hand back a bigint); Number() reads either.
      blockedEitherWay: Number(row.blocked) !== 0,
      shareCommunity: Number(row.shareCommunity) !== 0,
    }),
  );
  return new Set(visible.map((row) => row.id));
}

interface VisibilityRow {
  readonly id: string;
  readonly status: string;
  readonly visibility: string;
  readonly shareCommunity: number | bigint;
  readonly blocked: number | bigint;
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
export async function openSwapKeys(db: Db, actorId: string): Promise<Set<string>> {
  // One flat query (the actor's participations joined to the swap and its other participants) instead of a
  // nested read: this runs on every recommendation.
  const rows = await db.$queryRaw<OpenSwapRow[]>`
    SELECT s."requesterId", s."offeredSkillId", s."wantedSkillId", other."userId" AS "partnerId"
    FROM "SwapParticipant" me
    JOIN "Swap" s ON s."id" = me."swapId"
    JOIN "SwapParticipant" other ON other."swapId" = s."id" AND other."userId" <> ${actorId}
    WHERE me."userId" = ${actorId} AND s."status" IN ('pending', 'accepted')`;
  const keys = new Set<string>();
  for (const row of rows) {
    const actorAsked = row.requesterId === actorId;
    keys.add(
      `${row.partnerId}|${actorAsked ? row.offeredSkillId : row.wantedSkillId}|${actorAsked ? row.wantedSkillId : row.offeredSkillId}`,
    );
  }
  return keys;
}

interface OpenSwapRow {
  readonly requesterId: string | null;
  readonly offeredSkillId: string | null;
  readonly wantedSkillId: string | null;
  readonly partnerId: string;
}
