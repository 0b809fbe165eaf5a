import type { CoreInternals } from "../app.js";
import type { Tx } from "../infra/prisma/database.js";
import { mergeSlots } from "../domain/skills/availability.js";
import { skillIdFor } from "../domain/skills/catalog.js";
import type { SeedCity } from "./cities.js";
import { demoCommunities, type DemoCommunity } from "./demo-social.js";

type Skill = readonly [slug: string, level: number, notes?: string];
type Slot = readonly [weekday: number, from: string, to: string];

interface PersonSpec {
  /** How the story (demo-story.ts) names them. */
  readonly key: string;
  readonly id: string;
  readonly handle: string;
  readonly displayName: string;
  readonly pronouns: string;
  /** One of the seed cities, by name. */
  readonly city: string;
  readonly languages: readonly string[];
  readonly bio: string;
  readonly visibility: "public" | "communities";
  readonly meetingMode: "online" | "in_person" | "either";
  readonly maxDistanceKm: number;
  readonly teach: readonly Skill[];
  readonly learn: readonly Skill[];
  /** Weekly, in their own time zone. */
  readonly slots: readonly Slot[];
  readonly groups: readonly string[];
}

/**
 * The demo people README, `seed --demo` and `start` tell visitors to try. Written by hand, not drawn from the
 * generator, so their handles, skills and story never change: "search gitar --near Lyon" finds María and Théo
 * signed out, "search maria" finds María, and each has swaps in several states (see demo-story.ts). Their first
 * names are not among the generator's, so no generated handle can take theirs.
 */
export const peopleToTry = [
  {
    key: "maria",
    id: "demo-user-241",
    handle: "maria-lopez",
    displayName: "María López",
    pronouns: "she/her",
    city: "Lyon",
    languages: ["es", "fr", "en"],
    bio: "Hola! I'm María, a music teacher from Seville living in Lyon. Guitar has been my life for twenty years and Spanish is my mother tongue: I'm happy to teach either. In return I'd love to learn Photography, and a little Python.",
    visibility: "public",
    meetingMode: "either",
    maxDistanceKm: 50,
    teach: [
      ["guitar", 5, "Classical and flamenco, from your first chords up."],
      ["spanish", 5],
    ],
    learn: [
      ["photography", 3, "I know the basics, want to go further."],
      ["python", 2, "Complete beginner."],
    ],
    slots: [
      [2, "18:00", "20:00"],
      [4, "18:30", "20:30"],
      [6, "10:00", "12:00"],
    ],
    groups: ["guitar-circle"],
  },
  {
    key: "theo",
    id: "demo-user-242",
    handle: "theo-martin",
    displayName: "Théo Martin",
    pronouns: "he/him",
    city: "Marseille",
    languages: ["fr", "en"],
    bio: "Freelance photographer in Marseille. I can teach Photography (light, composition, editing) and French conversation, and I cook a mean bouillabaisse. I'm learning Guitar and would like some Spanish before a trip to Andalusia.",
    visibility: "public",
    meetingMode: "either",
    maxDistanceKm: 100,
    teach: [
      ["photography", 4, "Bring your own camera, or just a phone."],
      ["french", 5],
      ["cooking", 4],
    ],
    learn: [
      ["guitar", 3, "I know the basics, want to go further."],
      ["spanish", 2],
    ],
    slots: [
      [1, "19:00", "21:00"],
      [6, "10:00", "13:00"],
      [0, "14:00", "17:00"],
    ],
    groups: ["guitar-circle", "sketch-club"],
  },
  {
    key: "sam",
    id: "demo-user-243",
    handle: "sam-okafor",
    displayName: "Sam Okafor",
    pronouns: "he/him",
    city: "Lyon",
    languages: ["en", "fr"],
    bio: "Software developer from Lagos, three years in Lyon. I teach Python and JavaScript to anyone curious, and English conversation. Learning Guitar (slowly) and polishing my French.",
    // Seen by his community only: signed-out searches leave him out, people of Makers & Learners find him.
    visibility: "communities",
    meetingMode: "online",
    maxDistanceKm: 25,
    teach: [
      ["python", 5, "I teach with lots of small exercises."],
      ["javascript", 5],
      ["english", 5],
    ],
    learn: [
      ["guitar", 2, "Complete beginner."],
      ["french", 3, "Looking for regular practice rather than lessons."],
    ],
    slots: [
      [3, "19:00", "21:00"],
      [0, "10:00", "12:00"],
    ],
    groups: ["web-devs", "data-nerds", "guitar-circle"],
  },
] as const satisfies readonly PersonSpec[];

export type PersonToTry = (typeof peopleToTry)[number];
export type TryKey = PersonToTry["key"];

/** A person to try as the rest of the demo seeding sees one: a member of a community with a platform account. */
export interface TryMember {
  readonly index: number;
  readonly id: string;
  readonly handle: string;
  readonly community: DemoCommunity;
  readonly joinedAt: Date;
}

const hour = 3_600_000;
const day = 24 * hour;
const minutesOf = (time: string) => {
  const [hours = 0, minutes = 0] = time.split(":").map(Number);
  return hours * 60 + minutes;
};

/** The people to try are the last demo people: `firstIndex` is the number of generated ones before them. */
export function tryMembers(firstIndex: number, now: number): TryMember[] {
  return peopleToTry.map((person, i) => ({
    index: firstIndex + i,
    id: person.id,
    handle: person.handle,
    community: demoCommunities[0],
    joinedAt: new Date(now - (300 - 40 * i) * day),
  }));
}

function userRow(person: PersonToTry, member: TryMember, city: SeedCity, lastActiveAt: Date) {
  return {
    id: person.id,
    handle: person.handle,
    displayName: person.displayName,
    bio: person.bio,
    pronouns: person.pronouns,
    languages: JSON.stringify(person.languages),
    timeZone: city.timeZone,
    locationId: city.locationId,
    meetingMode: person.meetingMode,
    maxDistanceKm: person.maxDistanceKm,
    visibility: person.visibility,
    createdAt: member.joinedAt,
    lastActiveAt,
  };
}

function skillRows(person: PersonToTry, joinedAt: Date) {
  const rows = (direction: "teach" | "learn", skills: readonly Skill[]) =>
    skills.map(([slug, level, notes = ""]) => ({
      id: `${person.id}-${direction}-${slug}`,
      userId: person.id,
      skillId: skillIdFor(slug),
      direction,
      level,
      notes,
      createdAt: joinedAt,
    }));
  return [...rows("teach", person.teach), ...rows("learn", person.learn)];
}

function slotRows(person: PersonToTry) {
  const slots = person.slots.map(([weekday, from, to]) => ({
    weekday,
    startMinute: minutesOf(from),
    endMinute: minutesOf(to),
  }));
  return mergeSlots(slots).map((slot, i) => ({
    id: `${person.id}-slot-${i}`,
    userId: person.id,
    userSkillId: null,
    ...slot,
  }));
}

/** Writes the people to try: profiles, skills, weekly availability. Accounts and communities come with everyone's. */
export async function writePeopleToTry(
  tx: Tx,
  members: readonly TryMember[],
  cities: readonly SeedCity[],
  now: number,
): Promise<void> {
  const rows = peopleToTry.map((person, i) => {
    const member = members[i];
    const city = cities.find((c) => c.name === person.city);
    if (member === undefined || city === undefined) throw new Error(`The demo has no place for ${person.handle}.`);
    return { person, member, city };
  });
  // Active a few hours ago: they are the people a visitor should find lively.
  const lastActive = (i: number) => new Date(now - (i + 1) * 2 * hour);
  await tx.user.createMany({
    data: rows.map(({ person, member, city }, i) => userRow(person, member, city, lastActive(i))),
  });
  await tx.userSkill.createMany({ data: rows.flatMap(({ person, member }) => skillRows(person, member.joinedAt)) });
  await tx.availabilitySlot.createMany({ data: peopleToTry.flatMap(slotRows) });
}

/**
 * The handles of the demo people to try that are in this database, in README's order; none when the demo
 * data is not there (switched off, or another community's database). Read by id, so a handle someone changed
 * is still right.
 */
export async function demoHandlesToTry(core: Pick<CoreInternals, "database">): Promise<string[]> {
  const rows = await core.database.db.user.findMany({
    where: { id: { in: peopleToTry.map((p) => p.id) }, status: "active" },
    select: { id: true, handle: true },
  });
  const handles = new Map(rows.map((row) => [row.id, row.handle]));
  return peopleToTry.flatMap((person) => handles.get(person.id) ?? []);
}
