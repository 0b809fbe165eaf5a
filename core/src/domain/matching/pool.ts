import type { Db } from "../../infra/prisma/database.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import { canViewProfile } from "../profiles/rules.js";
import type { Visibility } from "../profiles/types.js";
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
    teaches: new Map(row.skills.filter((s) => s.direction === "teach").map((s) => [s.skillId, s.level])),
    learns: new Map(row.skills.filter((s) => s.direction === "learn").map((s) => [s.skillId, s.level])),
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
 * the database scan every user.
 */
export async function visibleAmong(db: Db, actorId: string, userIds: readonly string[]): Promise<Set<string>> {
  if (userIds.length === 0) return new Set();
  const [mine, rows] = await Promise.all([
    db.communityMember.findMany({ where: { userId: actorId }, select: { communityId: true } }),
    db.user.findMany({
      where: { id: { in: [...userIds] } },
      select: {
        id: true,
        status: true,
        visibility: true,
        memberships: { select: { communityId: true } },
        blocking: { where: { blockedId: actorId }, select: { blockedId: true } },
        blockedBy: { where: { blockerId: actorId }, select: { blockerId: true } },
      },
    }),
  ]);
  const actorCommunities = new Set(mine.map((m) => m.communityId));
  const visible = rows.filter((row) =>
    canViewProfile({
      viewerId: actorId,
      ownerId: row.id,
      ownerVisibility: row.visibility as Visibility,
      ownerDeleted: row.status !== "active",
      blockedEitherWay: row.blocking.length + row.blockedBy.length > 0,
      shareCommunity: row.memberships.some((m) => actorCommunities.has(m.communityId)),
    }),
  );
  return new Set(visible.map((row) => row.id));
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
  const swaps = await db.swap.findMany({
    where: { status: { in: ["pending", "accepted"] }, participants: { some: { userId: actorId } } },
    select: {
      requesterId: true,
      offeredSkillId: true,
      wantedSkillId: true,
      participants: { select: { userId: true } },
    },
  });
  const keys = new Set<string>();
  for (const swap of swaps) {
    for (const { userId } of swap.participants) {
      if (userId === actorId) continue;
      const actorAsked = swap.requesterId === actorId;
      keys.add(
        `${userId}|${actorAsked ? swap.offeredSkillId : swap.wantedSkillId}|${actorAsked ? swap.wantedSkillId : swap.offeredSkillId}`,
      );
    }
  }
  return keys;
}
