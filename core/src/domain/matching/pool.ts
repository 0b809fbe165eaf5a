import type { Database, Db, Tx } from "../../infra/prisma/database.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import type { Visibility } from "../profiles/types.js";
import type { Direction } from "../skills/types.js";
import { SkillLevels } from "./skill-levels.js";
import { SkillSettings } from "./skill-settings.js";
import type { MatchProfile, MeetingMode } from "./types.js";
import { weekInUtc } from "./week-utc.js";

const slotSelect = { weekday: true, startMinute: true, endMinute: true } as const;

const profileSelect = {
  id: true,
  handle: true,
  displayName: true,
  timeZone: true,
  meetingMode: true,
  maxDistanceKm: true,
  lastActiveAt: true,
  status: true,
  visibility: true,
  location: { select: { name: true, latitude: true, longitude: true } },
  skills: {
    where: { skill: { status: "approved" } },
    select: { skillId: true, direction: true, level: true, mode: true, availability: { select: slotSelect } },
  },
  availability: { where: { userSkillId: null }, select: slotSelect },
  reviewsReceived: { select: { rating: true } },
  memberships: { select: { communityId: true } },
} satisfies Prisma.UserSelect;

type ProfileRow = Prisma.UserGetPayload<{ select: typeof profileSelect }>;

function toMatchProfile(row: ProfileRow, now: Date): MatchProfile {
  const levelsOf = (direction: Direction) =>
    SkillLevels.of(row.skills.filter((s) => s.direction === direction).map((s) => [s.skillId, s.level]));
  return {
    userId: row.id,
    handle: row.handle,
    displayName: row.displayName,
    teaches: levelsOf("teach"),
    learns: levelsOf("learn"),
    weekUtc: weekInUtc(row.availability, row.timeZone, now),
    mode: row.meetingMode as MeetingMode,
    skillSettings: SkillSettings.of(
      row.skills.map((s) => ({
        skillId: s.skillId,
        direction: s.direction as Direction,
        mode: s.mode as MeetingMode | null,
        weekUtc: s.availability.length === 0 ? null : weekInUtc(s.availability, row.timeZone, now),
      })),
    ),
    location: row.location,
    maxDistanceKm: row.maxDistanceKm,
    ratingCount: row.reviewsReceived.length,
    ratingSum: row.reviewsReceived.reduce((sum, review) => sum + review.rating, 0),
    lastActiveAt: row.lastActiveAt,
    visibility: row.visibility as Visibility,
    communities: row.memberships.map((m) => m.communityId).sort(),
  };
}

/** Active people as matching sees them, in no particular order; deleted and unknown ids are left out. */
export async function loadMatchProfiles(db: Db | Tx, userIds: readonly string[], now: Date): Promise<MatchProfile[]> {
  const rows = await db.user.findMany({ where: { id: { in: [...new Set(userIds)] } }, select: profileSelect });
  return rows.filter((row) => row.status === "active").map((row) => toMatchProfile(row, now));
}

export async function loadActor(
  db: Db,
  actorId: string,
  now: Date,
  options: { excludePrivate?: boolean } = {},
): Promise<MatchProfile | null> {
  const [profile] = await loadMatchProfiles(db, [actorId], now);
  if (profile === undefined || (options.excludePrivate === true && profile.visibility === "private")) return null;
  return profile;
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

/** The actor's open (pending or accepted) swaps, as matching needs to leave them out. */
export interface OpenSwaps {
  /** "partnerId|youTeach|theyTeach" for every pair swap. */
  readonly pairs: ReadonlySet<string>;
  /** "b|c" (the two others' ids, sorted) for every three-person swap. */
  readonly cycles: ReadonlySet<string>;
}

export const cycleKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export async function openSwapsOf(database: Pick<Database, "readRows">, actorId: string): Promise<OpenSwaps> {
  // One flat query on the plain driver (the actor's participations joined to the swap and its other
  // participants): this runs on every recommendation.
  const rows = await database.readRows(
    `SELECT s."id", s."kind", s."requesterId", s."offeredSkillId", s."wantedSkillId", other."userId" AS "partnerId"
     FROM "SwapParticipant" me
     JOIN "Swap" s ON s."id" = me."swapId"
     JOIN "SwapParticipant" other ON other."swapId" = s."id" AND other."userId" <> ?
     WHERE me."userId" = ? AND s."status" IN ('pending', 'accepted')`,
    [actorId, actorId],
  );
  const pairs = new Set<string>();
  const cycleMembers = new Map<string, string[]>();
  for (const row of rows) {
    const partnerId = String(row.partnerId);
    if (row.kind === "cycle") {
      const members = cycleMembers.get(String(row.id)) ?? [];
      members.push(partnerId);
      cycleMembers.set(String(row.id), members);
      continue;
    }
    const actorAsked = row.requesterId === actorId;
    const offered = String(row.offeredSkillId);
    const wanted = String(row.wantedSkillId);
    pairs.add(`${partnerId}|${actorAsked ? offered : wanted}|${actorAsked ? wanted : offered}`);
  }
  const cycles = new Set<string>();
  for (const [b = "", c = ""] of cycleMembers.values()) cycles.add(cycleKey(b, c));
  return { pairs, cycles };
}
