import type { Db } from "../../infra/prisma/database.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
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

/**
 * Who the actor may be matched with: active, not the actor, not private, public or sharing a community
 * with the actor, and not blocked in either direction. Applied in the query, so hidden people never load.
 */
function visibleTo(actorId: string): Prisma.UserWhereInput {
  return {
    status: "active",
    id: { not: actorId },
    OR: [
      { visibility: "public" },
      { visibility: "communities", memberships: { some: { community: { members: { some: { userId: actorId } } } } } },
    ],
    blocking: { none: { blockedId: actorId } },
    blockedBy: { none: { blockerId: actorId } },
  };
}

export interface PoolQuery {
  /** Skill ids the candidate must teach (any of), and/or learn (any of). */
  readonly teachesAny?: readonly string[];
  readonly learnsAny?: readonly string[];
  /** At most this many, the most recently active first: freshness is part of every score anyway. */
  readonly cap: number;
}

export async function loadActor(db: Db, actorId: string, now: Date): Promise<MatchProfile | null> {
  const row = await db.user.findUnique({ where: { id: actorId }, select: { ...profileSelect, status: true } });
  if (row === null || row.status !== "active") return null;
  return toMatchProfile(row, now);
}

/** Loads the candidates matching `query` that the actor may see, as match profiles. */
export async function loadCandidates(db: Db, actorId: string, query: PoolQuery, now: Date): Promise<MatchProfile[]> {
  const skillFilters: Prisma.UserWhereInput[] = [];
  if (query.teachesAny !== undefined)
    skillFilters.push({ skills: { some: { direction: "teach", skillId: { in: [...query.teachesAny] } } } });
  if (query.learnsAny !== undefined)
    skillFilters.push({ skills: { some: { direction: "learn", skillId: { in: [...query.learnsAny] } } } });
  const rows = await db.user.findMany({
    where: { AND: [visibleTo(actorId), ...skillFilters] },
    select: profileSelect,
    orderBy: [{ lastActiveAt: "desc" }, { id: "asc" }],
    take: query.cap,
  });
  return rows.map((row) => toMatchProfile(row, now));
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
