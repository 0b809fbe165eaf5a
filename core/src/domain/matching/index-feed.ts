import type { Database } from "../../infra/prisma/database.js";
import type { MatchProfile, MeetingMode, UtcInterval } from "./types.js";
import { MatchIndex } from "./match-index.js";
import { loadActor } from "./pool.js";
import { SkillLevels } from "./skill-levels.js";
import { weekInUtc } from "./week-utc.js";
import { personChangeEvents } from "../outbox/events.js";
import { LookPace } from "../outbox/look-pace.js";
import { OutboxTail, type OutboxPosition } from "../outbox/outbox-tail.js";
import { groupRows, ownKey, personPages, type PersonPage } from "../shared/person-pages.js";
import { meetingModes } from "../profiles/types.js";
import type { Direction, WeeklySlot } from "../skills/types.js";
import { SkillSettings, type SkillSetting } from "./skill-settings.js";

type Row = Record<string, unknown>;
const num = (value: unknown) => Number(value);
const str = (value: unknown) => String(value);
// Small pages: a page's rows are alive when the young generation is collected, and whatever is alive then is
// moved to the old generation to die there. At 1,000 users a page that made ~80 MB more heap (and RSS) stay with
// the serving process after the build; at 250 the build is as fast (measured at 100,000 people: 2.3 s).
const pageSize = 250;

/**
 * Builds the whole index from flat rows, a page of users at a time (Prisma's nested reads cost ~27 s for
 * 100,000 people; flat rows take a few seconds), and then keeps it true by tailing the outbox: every change to
 * a profile, skill or availability writes an event in its own transaction, so reading new events finds every
 * person to reload.
 */
export class IndexFeed {
  private index: MatchIndex | undefined;
  private position: OutboxPosition | undefined;
  private readonly tail: OutboxTail;
  /** Builds and catch-ups one at a time: two passes applying the same person could leave the older profile. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly pace: LookPace;
  /** Moves whenever the index changes (built, or events applied): what was computed from it before is stale. */
  private changes = 0;

  constructor(private readonly database: Database) {
    this.tail = new OutboxTail(database);
    this.pace = new LookPace(database);
  }

  private get db() {
    return this.database.db;
  }

  /** The index with every change applied, as of the last look at the outbox (see LookPace). */
  current(now: Date): Promise<MatchIndex> {
    const index = this.index;
    if (index !== undefined && !this.pace.due()) return this.queue.then(() => this.index ?? index);
    const run = this.queue.then(() => this.upToDate(now));
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A number that changes whenever the index does: a key for results computed from it. */
  get version(): number {
    return this.changes;
  }

  private async upToDate(now: Date): Promise<MatchIndex> {
    const index = this.index ?? (await this.build(now));
    return (await this.catchUp(index, now)) ?? this.build(now);
  }

  private async build(now: Date): Promise<MatchIndex> {
    // The position is taken first: changes committed while profiles load are after it, and get applied again.
    const start = await this.tail.start(now);
    const index = MatchIndex.of(await this.readProfiles(now));
    this.tail.forget();
    this.position = start;
    this.index = index;
    this.changes += 1;
    return index;
  }

  /**
   * Every matchable person, a page of users at a time (see personPages). Whole-table reads held 550,000 skill
   * rows and 300,000 slot rows at once, and the heap they grew stayed with the process after the build.
   */
  private async readProfiles(now: Date): Promise<MatchProfile[]> {
    const shared = new SharedParts();
    const profiles: MatchProfile[] = [];
    for await (const page of personPages(this.database, { pageSize, members: true, bios: false }))
      profiles.push(...assemble(page, now, shared));
    return profiles;
  }

  /**
   * Applies the outbox events committed since the last look (see OutboxTail); undefined when the index must be
   * built again instead.
   */
  private async catchUp(index: MatchIndex, now: Date): Promise<MatchIndex | undefined> {
    if (this.position === undefined) return undefined;
    let rebuild = false;
    const next = await this.tail.follow(this.position, now, async (events) => {
      // An approved or rejected skill changes many profiles at once: rebuild rather than chase them.
      rebuild ||= events.some((e) => e.type === "skill.reviewed");
      if (rebuild) return;
      const users = new Set(events.filter((e) => isPersonEvent(e.type)).map((e) => e.aggregateId));
      if (users.size > 0) this.changes += 1;
      for (const userId of users) {
        const profile = await loadActor(this.db, userId, now, { excludePrivate: true });
        if (profile === null) index.remove(userId);
        else index.upsert(profile);
      }
    });
    if (next === null || rebuild) return undefined;
    this.position = next;
    return index;
  }
}

const isPersonEvent = (type: string) => personChangeEvents.has(type);

/**
 * One copy of what many people have in common: a place (63 places for 100,000 people in the synthetic data),
 * a weekly interval, a whole schedule, a set of communities. Profiles never mutate them (see MatchProfile.weekUtc).
 */
class SharedParts {
  private readonly places = new Map<string, Place>();
  private readonly schedules = new Map<string, readonly UtcInterval[]>();
  private readonly intervals = new Map<number, UtcInterval>();
  private readonly memberships = new Map<string, readonly string[]>();

  /** The communities of a person, sorted, one array for everyone in the same ones. */
  communities(ids: readonly string[]): readonly string[] {
    if (ids.length === 0) return noCommunities;
    const sorted = ids.length === 1 ? ids : [...ids].sort();
    const key = sorted.length === 1 ? (sorted[0] ?? "") : sorted.join("\n");
    let shared = this.memberships.get(key);
    if (shared === undefined) {
      shared = sorted;
      this.memberships.set(key, shared);
    }
    return shared;
  }

  place(name: string, latitude: number, longitude: number): Place {
    const key = `${name}|${latitude}|${longitude}`;
    let place = this.places.get(key);
    if (place === undefined) {
      place = { name, latitude, longitude };
      this.places.set(key, place);
    }
    return place;
  }

  schedule(week: readonly UtcInterval[]): readonly UtcInterval[] {
    if (week.length === 0) return noSlots;
    let key = "";
    for (const w of week) key += `${w.start}-${w.end},`;
    let schedule = this.schedules.get(key);
    if (schedule === undefined) {
      schedule = week.map((w) => this.interval(w));
      this.schedules.set(key, schedule);
    }
    return schedule;
  }

  private interval(w: UtcInterval): UtcInterval {
    const key = w.start * 16_384 + w.end;
    let interval = this.intervals.get(key);
    if (interval === undefined) {
      interval = { start: w.start, end: w.end };
      this.intervals.set(key, interval);
    }
    return interval;
  }
}

type Place = NonNullable<MatchProfile["location"]>;
const noSlots: readonly UtcInterval[] = [];
const noCommunities: readonly string[] = [];
const noRows: readonly WeeklySlot[] = [];

/** The mode as one of the shared constants: a row's own string apiece would be 100,000 copies of three words. */
const meetingModeOf = (value: unknown): MeetingMode => meetingModes.find((mode) => mode === value) ?? "either";

function assemble(page: PersonPage, now: Date, shared: SharedParts): MatchProfile[] {
  const skillsOf = groupRows(page.skills, "userId");
  const slotsOf = groupRows(page.slots, "userId", slotOf);
  const ownSlotsOf = groupRows(page.skillSlots, ownKey);
  const communitiesOf = groupRows(page.members, "userId", (m) => str(m.communityId));
  const ratings = new Map(page.reviews.map((r) => [str(r.subjectId), { count: num(r.n), sum: num(r.total) }]));
  return page.users.map((u): MatchProfile => {
    const id = str(u.id);
    const timeZone = str(u.timeZone);
    const teaches: number[] = [];
    const learns: number[] = [];
    const settings: SkillSetting[] = [];
    for (const s of skillsOf.get(id) ?? []) {
      const skillId = str(s.skillId);
      const direction: Direction = s.direction === "teach" ? "teach" : "learn";
      SkillLevels.put(direction === "teach" ? teaches : learns, skillId, num(s.level));
      // Few skills have settings of their own: only those are looked at further.
      // Most pages have no per-skill slots at all: no key is made for their 5,000 skill rows then.
      const own = ownSlotsOf.size === 0 ? undefined : ownSlotsOf.get(ownKey(s));
      if ((s.mode === null || s.mode === undefined) && own === undefined) continue;
      settings.push({
        skillId,
        direction,
        mode: s.mode === null || s.mode === undefined ? null : meetingModeOf(s.mode),
        weekUtc: own === undefined ? null : shared.schedule(weekInUtc(own.map(slotOf), timeZone, now)),
      });
    }
    return {
      userId: id,
      handle: str(u.handle),
      displayName: str(u.displayName),
      teaches: SkillLevels.fromCodes(teaches),
      learns: SkillLevels.fromCodes(learns),
      weekUtc: shared.schedule(weekInUtc(slotsOf.get(id) ?? noRows, timeZone, now)),
      mode: meetingModeOf(u.meetingMode),
      skillSettings: SkillSettings.of(settings),
      location:
        u.latitude === null || u.latitude === undefined
          ? null
          : shared.place(str(u.locationName), num(u.latitude), num(u.longitude)),
      maxDistanceKm: num(u.maxDistanceKm),
      ratingCount: ratings.get(id)?.count ?? 0,
      ratingSum: ratings.get(id)?.sum ?? 0,
      lastActiveAt: new Date(u.lastActiveAt as string | Date),
      // The index holds no private profile (see personPages): anyone else is public or communities.
      visibility: u.visibility === "public" ? "public" : "communities",
      communities: shared.communities(communitiesOf.get(id) ?? noCommunities),
    };
  });
}

const slotOf = (r: Row) => ({ weekday: num(r.weekday), startMinute: num(r.startMinute), endMinute: num(r.endMinute) });
