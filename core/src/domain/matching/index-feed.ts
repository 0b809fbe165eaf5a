import type { Database } from "../../infra/prisma/database.js";
import type { MatchProfile, MeetingMode } from "./types.js";
import { MatchIndex } from "./match-index.js";
import { loadActor } from "./pool.js";
import { sharedSkillId } from "./skill-ids.js";
import { weekInUtc } from "./week-utc.js";

type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value);
const str = (value: unknown) => String(value);

/**
 * Builds the whole index with four flat queries (Prisma's nested reads cost ~27 s for 100,000 people; flat rows
 * take a few seconds) and then keeps it true by tailing the outbox: every change to a profile, skill or
 * availability writes an event in its own transaction, so reading new events finds every person to reload.
 */
export class IndexFeed {
  private index: MatchIndex | undefined;
  private loading: Promise<MatchIndex> | undefined;
  private seenSince = new Date(0);
  private readonly recent = new Set<string>();

  constructor(private readonly database: Database) {}

  private get db() {
    return this.database.db;
  }

  async current(now: Date): Promise<MatchIndex> {
    const index = this.index ?? (await (this.loading ??= this.build(now)));
    await this.catchUp(index, now);
    return index;
  }

  private async build(now: Date): Promise<MatchIndex> {
    const latest = await this.db.outboxEvent.findFirst({ orderBy: { createdAt: "desc" }, select: { createdAt: true } });
    const [users, skills, approved, slots, reviews] = await Promise.all([
      this.database.readRows(
        `SELECT u."id", u."handle", u."displayName", u."timeZone", u."meetingMode", u."maxDistanceKm", u."lastActiveAt",
                l."name" AS "locationName", l."latitude", l."longitude"
         FROM "User" u LEFT JOIN "Location" l ON l."id" = u."locationId"
         WHERE u."status" = 'active' AND u."visibility" <> 'private'`,
      ),
      // No join with Skill here: on 500,000+ rows it doubles the read; unapproved skills are dropped in code.
      this.database.readRows(`SELECT "userId", "skillId", "direction", "level" FROM "UserSkill"`),
      this.database.readRows(`SELECT "id" FROM "Skill" WHERE "status" = 'approved'`),
      this.database.readRows(
        `SELECT "userId", "weekday", "startMinute", "endMinute" FROM "AvailabilitySlot" WHERE "userSkillId" IS NULL`,
      ),
      this.database.readRows(
        `SELECT "subjectId", COUNT(*) AS "n", SUM("rating") AS "total" FROM "Review" GROUP BY "subjectId"`,
      ),
    ]);
    const approvedIds = new Set(approved.map((row) => str(row.id)));
    const approvedSkills = skills.filter((row) => approvedIds.has(str(row.skillId)));
    const index = MatchIndex.of(assemble(users, approvedSkills, slots, reviews, now));
    this.seenSince = latest?.createdAt ?? new Date(0);
    this.index = index;
    return index;
  }

  /** Applies outbox events written since the last look. A short overlap catches transactions that committed late. */
  private async catchUp(index: MatchIndex, now: Date): Promise<void> {
    const events = await this.db.outboxEvent.findMany({
      where: { createdAt: { gte: new Date(this.seenSince.getTime() - 5_000) } },
      select: { id: true, type: true, aggregateId: true, createdAt: true },
      orderBy: { createdAt: "asc" },
    });
    const fresh = events.filter((e) => !this.recent.has(e.id));
    if (fresh.length === 0) return;
    if (fresh.some((e) => e.type === "skill.reviewed")) {
      // An approved or rejected skill changes many profiles at once: rebuild rather than chase them.
      this.index = undefined;
      this.loading = undefined;
      await this.current(now);
      return;
    }
    const users = new Set(fresh.filter((e) => isPersonEvent(e.type)).map((e) => e.aggregateId));
    for (const userId of users) {
      const profile = await loadActor(this.db, userId, now, { excludePrivate: true });
      if (profile === null) index.remove(userId);
      else index.upsert(profile);
    }
    for (const e of fresh) this.recent.add(e.id);
    const last = fresh.at(-1);
    if (last !== undefined) this.seenSince = last.createdAt;
    if (this.recent.size > 10_000) this.recent.clear();
  }
}

const personEvents = new Set([
  "user.created",
  "user.deleted",
  "profile.updated",
  "skill.added",
  "skill.updated",
  "skill.removed",
  "availability.updated",
]);
const isPersonEvent = (type: string) => personEvents.has(type);

function assemble(users: Row[], skills: Row[], slots: Row[], reviews: Row[], now: Date): MatchProfile[] {
  const teaches = new Map<string, Map<string, number>>();
  const learns = new Map<string, Map<string, number>>();
  for (const s of skills) {
    const target = str(s.direction) === "teach" ? teaches : learns;
    const userId = str(s.userId);
    const map = target.get(userId) ?? new Map<string, number>();
    map.set(sharedSkillId(str(s.skillId)), num(s.level));
    target.set(userId, map);
  }
  const week = new Map<string, Array<{ weekday: number; startMinute: number; endMinute: number }>>();
  for (const s of slots) {
    const list = week.get(str(s.userId)) ?? [];
    list.push({ weekday: num(s.weekday), startMinute: num(s.startMinute), endMinute: num(s.endMinute) });
    week.set(str(s.userId), list);
  }
  const ratings = new Map(reviews.map((r) => [str(r.subjectId), { count: num(r.n), sum: num(r.total) }]));
  return users.map((u) => {
    const id = str(u.id);
    return {
      userId: id,
      handle: str(u.handle),
      displayName: str(u.displayName),
      teaches: teaches.get(id) ?? new Map(),
      learns: learns.get(id) ?? new Map(),
      weekUtc: weekInUtc(week.get(id) ?? [], str(u.timeZone), now),
      mode: str(u.meetingMode) as MeetingMode,
      location:
        u.latitude === null || u.latitude === undefined
          ? null
          : { name: str(u.locationName), latitude: num(u.latitude), longitude: num(u.longitude) },
      maxDistanceKm: num(u.maxDistanceKm),
      ratingCount: ratings.get(id)?.count ?? 0,
      ratingSum: ratings.get(id)?.sum ?? 0,
      lastActiveAt: new Date(u.lastActiveAt as string | Date),
    };
  });
}
