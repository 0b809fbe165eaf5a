import type { Database, Db } from "../../infra/prisma/database.js";
import type { SearchDirection, SearchDocument, SearchMeetingMode } from "../../ports/search-index.js";
import { weekInUtc } from "../matching/week-utc.js";
import { summarizeRatingTotals } from "../profiles/rules.js";
import { groupRows, ownKey, personPages } from "../shared/person-pages.js";

type Row = Record<string, unknown>;
const str = (value: unknown) => String(value);
const num = (value: unknown) => Number(value);

interface PersonFacts {
  readonly id: string;
  readonly handle: string;
  readonly displayName: string;
  readonly bio: string;
  readonly avatarKey: string | null;
  readonly visibility: string;
  readonly meetingMode: string;
  readonly timeZone: string;
  readonly lastActiveAt: Date;
  readonly location: { name: string; latitude: number; longitude: number } | null;
}

type Slot = { weekday: number; startMinute: number; endMinute: number };

interface SkillFacts {
  readonly skillId: string;
  readonly categoryId: string;
  readonly direction: string;
  readonly level: number;
  /** The skill's own mode, or null for the person's. */
  readonly mode: string | null;
  /** The skill's own slots; none means the person's general ones. */
  readonly slots: readonly Slot[];
}

function toDocument(
  person: PersonFacts,
  skills: readonly SkillFacts[],
  slots: readonly Slot[],
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
    avatarKey: person.avatarKey,
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
      mode: (s.mode ?? person.meetingMode) as SearchMeetingMode,
      week: s.slots.length === 0 ? null : weekInUtc(s.slots, person.timeZone, now),
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
      avatarKey: true,
      visibility: true,
      meetingMode: true,
      timeZone: true,
      lastActiveAt: true,
      location: { select: { name: true, latitude: true, longitude: true } },
      skills: {
        where: { skill: { status: "approved" } },
        select: {
          skillId: true,
          direction: true,
          level: true,
          mode: true,
          skill: { select: { categoryId: true } },
          availability: { select: { weekday: true, startMinute: true, endMinute: true } },
        },
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
        row.skills.map((s) => ({ ...s, categoryId: s.skill.categoryId, slots: s.availability })),
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

/** Every searchable person as search documents, a page at a time (see personPages). */
export async function* documentPages(
  database: Pick<Database, "readRows">,
  now: Date,
  pageSize = 5_000,
): AsyncGenerator<SearchDocument[]> {
  for await (const page of personPages(database, { pageSize, members: true, bios: true })) {
    const slotOf = (r: Row): Slot => ({
      weekday: num(r.weekday),
      startMinute: num(r.startMinute),
      endMinute: num(r.endMinute),
    });
    const ownSlotsOf = groupRows(page.skillSlots, ownKey, slotOf);
    const skillsOf = groupRows(page.skills, "userId", (r): SkillFacts => ({
      skillId: str(r.skillId),
      categoryId: page.categoryOf.get(str(r.skillId)) ?? "",
      direction: str(r.direction),
      level: num(r.level),
      mode: r.mode === null || r.mode === undefined ? null : str(r.mode),
      slots: ownSlotsOf.get(ownKey(r)) ?? [],
    }));
    const slotsOf = groupRows(page.slots, "userId", slotOf);
    const communitiesOf = groupRows(page.members, "userId", (r) => str(r.communityId));
    const ratingsOf = new Map(page.reviews.map((r) => [str(r.subjectId), { count: num(r.n), sum: num(r.total) }]));
    yield page.users.map((u) => {
      const id = str(u.id);
      return toDocument(
        {
          id,
          handle: str(u.handle),
          displayName: str(u.displayName),
          bio: str(u.bio),
          avatarKey: u.avatarKey === null || u.avatarKey === undefined ? null : str(u.avatarKey),
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
}

/** Every searchable person at once (MiniSearch in the benchmark is built from the same documents). */
export async function loadAllDocuments(database: Pick<Database, "readRows">, now: Date): Promise<SearchDocument[]> {
  const all: SearchDocument[] = [];
  for await (const page of documentPages(database, now)) all.push(...page);
  return all;
}
