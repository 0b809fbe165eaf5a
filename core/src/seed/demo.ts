import type { CoreInternals } from "../app.js";
import type { Tx } from "../infra/prisma/database.js";
import { mergeSlots } from "../domain/skills/availability.js";
import { skillIdFor } from "../domain/skills/catalog.js";
import { catalogSkills } from "../domain/skills/catalog-data.js";
import { storeSeedCities, type SeedCity } from "./cities.js";
import {
  bioOpeners,
  extraLanguages,
  feminineNames,
  firstNames,
  languageCodes,
  languageTeachSentences,
  learnNotes,
  learnSentences,
  lastNames,
  occupations,
  popularSkills,
  teachNotes,
  teachSentences,
  unisexNames,
} from "./demo-people.js";
import { demoCommunities, seedCommunities, seedFollows, seedGroups, type DemoCommunity } from "./demo-social.js";
import { writeDemoStory } from "./demo-story.js";
import { demoHandlesToTry, peopleToTry, tryMembers, writePeopleToTry } from "./people-to-try.js";
import { intBetween, pick, seededRandom, weightedIndex, zipfCumulative, type Random } from "./random.js";

const demoPeople = 240;
const demoSeed = 20261125;
const day = 86_400_000;
const demoId = (n: number) => `demo-user-${String(n).padStart(3, "0")}`;
const popularWeights = zipfCumulative(popularSkills.length, 0.7);
const skillNames = new Map(catalogSkills.map((s) => [s.slug, s.name]));
const skillCategories = new Map(catalogSkills.map((s) => [s.slug, s.category]));

interface Person {
  readonly index: number;
  readonly id: string;
  readonly handle: string;
  readonly first: string;
  readonly last: string;
  readonly city: SeedCity;
  readonly community: DemoCommunity;
  readonly teach: readonly string[];
  readonly learn: readonly string[];
  readonly joinedAt: Date;
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");

function chooseSkills(random: Random, count: number, exclude: ReadonlySet<string>): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    // Four in five picks come from the popular list (its head most often), the rest from anywhere in the catalog.
    const slug =
      random() < 0.8
        ? (popularSkills[weightedIndex(random, popularWeights)] ?? "english")
        : pick(random, catalogSkills).slug;
    if (!exclude.has(slug)) chosen.add(slug);
  }
  return [...chosen];
}

function handleOf(first: string, last: string, taken: Set<string>): string {
  const base = `${first}-${last}`
    .replace(/ı/g, "i") // Turkish dotless i has no decomposition to strip
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-");
  let handle = base;
  for (let n = 2; taken.has(handle); n++) handle = `${base}-${n}`;
  taken.add(handle);
  return handle;
}

function makePeople(random: Random, cities: readonly SeedCity[], now: number): Person[] {
  const taken = new Set<string>();
  return Array.from({ length: demoPeople }, (_, index) => {
    const first = pick(random, firstNames);
    const last = pick(random, lastNames);
    const teach = chooseSkills(random, intBetween(random, 2, 6), new Set());
    return {
      index,
      id: demoId(index + 1),
      handle: handleOf(first, last, taken),
      first,
      last,
      city: cities[index % cities.length] as SeedCity,
      community: demoCommunities[index % 5 === 4 ? 1 : 0],
      teach,
      learn: chooseSkills(random, intBetween(random, 1, 4), new Set(teach)),
      joinedAt: new Date(now - intBetween(random, 60, 400) * day),
    };
  });
}

function bioOf(random: Random, person: Person): string {
  const job = pick(random, occupations);
  const opener = {
    first: person.first,
    city: person.city.name,
    job,
    job_cap: job.charAt(0).toUpperCase() + job.slice(1),
  };
  const [teach = "", teach2 = teach] = person.teach.map((slug) => skillNames.get(slug) ?? slug);
  const learn = skillNames.get(person.learn[0] ?? "") ?? "";
  const teachesLanguage = skillCategories.get(person.teach[0] ?? "") === "languages";
  return [
    fill(pick(random, bioOpeners), opener),
    fill(pick(random, teachesLanguage ? languageTeachSentences : teachSentences), { teach, teach2 }),
    fill(pick(random, learnSentences), { learn }),
  ].join(" ");
}

function pronounsOf(random: Random, first: string): string {
  // Most people leave pronouns empty; those who fill them in mostly agree with how their name reads.
  if (random() < 0.65) return "";
  if (unisexNames.has(first) || random() < 0.1) return "they/them";
  return feminineNames.has(first) ? "she/her" : "he/him";
}

function languagesOf(random: Random, person: Person): string[] {
  const taught = person.teach.flatMap((slug) => languageCodes[slug] ?? []);
  const languages = new Set([person.city.language, ...taught]);
  if (random() < 0.85) languages.add("en");
  if (random() < 0.3) languages.add(pick(random, extraLanguages));
  return [...languages];
}

function visibilityOf(index: number): string {
  // One in three demo profiles is public so visitors and `skillswap profile` have something to show.
  if (index % 17 === 5) return "private";
  return index % 3 === 0 ? "public" : "communities";
}

function userRow(random: Random, person: Person, now: number) {
  return {
    id: person.id,
    handle: person.handle,
    displayName: `${person.first} ${person.last}`,
    bio: bioOf(random, person),
    pronouns: pronounsOf(random, person.first),
    languages: JSON.stringify(languagesOf(random, person)),
    timeZone: person.city.timeZone,
    locationId: person.city.locationId,
    meetingMode: pick(random, ["online", "either", "either", "in_person"]),
    maxDistanceKm: pick(random, [10, 25, 50, 50, 100]),
    visibility: visibilityOf(person.index),
    createdAt: person.joinedAt,
    lastActiveAt: new Date(now - intBetween(random, 0, 59) * day - intBetween(random, 0, 86_399) * 1000),
  };
}

/** A platform account like the real ones: a snowflake on Discord, a workspace-scoped U… id on Slack. */
function identityRow(person: Pick<Person, "index" | "id" | "handle" | "community" | "joinedAt">) {
  const discord = person.community.platform === "discord";
  return {
    id: `${person.id}-identity`,
    userId: person.id,
    provider: person.community.platform,
    tenantId: discord ? "" : person.community.externalId,
    subject: discord
      ? String(910000000000000000n + BigInt(person.index))
      : `UDEMO${String(person.index).padStart(5, "0")}`,
    username: person.handle,
    createdAt: person.joinedAt,
  };
}

function skillRows(random: Random, person: Person) {
  const row = (slug: string, direction: "teach" | "learn", level: number, notes: readonly string[]) => ({
    id: `${person.id}-${direction}-${slug}`,
    userId: person.id,
    skillId: skillIdFor(slug),
    direction,
    level,
    notes: random() < 0.3 ? pick(random, notes) : "",
    createdAt: person.joinedAt,
  });
  return [
    ...person.teach.map((slug) => row(slug, "teach", intBetween(random, 3, 5), teachNotes)),
    ...person.learn.map((slug) => row(slug, "learn", intBetween(random, 1, 3), learnNotes)),
  ];
}

/** Mostly weekday evenings and weekend mornings or afternoons, as people with day jobs offer. */
function slotRows(random: Random, person: Person) {
  const evenings = [1, 2, 3, 4, 5].filter(() => random() < 0.35);
  const slots = evenings.map((weekday) => {
    const start = pick(random, [17, 18, 19, 20]) * 60;
    return { weekday, startMinute: start, endMinute: start + pick(random, [60, 90, 120]) };
  });
  for (const weekday of [6, 0]) {
    if (random() < 0.45) {
      slots.push({ weekday, startMinute: pick(random, [9, 10, 14]) * 60, endMinute: pick(random, [12, 17]) * 60 });
    }
  }
  if (slots.length === 0) slots.push({ weekday: pick(random, [2, 3, 4]), startMinute: 19 * 60, endMinute: 21 * 60 });
  return mergeSlots(slots).map((slot, i) => ({
    id: `${person.id}-slot-${i}`,
    userId: person.id,
    userSkillId: null,
    ...slot,
  }));
}

async function writePeople(tx: Tx, random: Random, people: readonly Person[], now: number): Promise<void> {
  await tx.user.createMany({ data: people.map((p) => userRow(random, p, now)) });
  await tx.identity.createMany({ data: people.map(identityRow) });
  await tx.userSkill.createMany({ data: people.flatMap((p) => skillRows(random, p)) });
  await tx.availabilitySlot.createMany({ data: people.flatMap((p) => slotRows(random, p)) });
}

export interface DemoSeedResult {
  readonly created: boolean;
  readonly users: number;
  /** Demo people with fixed handles and a story to look at: what README's examples and the banners name. */
  readonly tryHandles: readonly string[];
}

/**
 * Seeds the demo community: 240 generated people across the seed cities, with skills, availability, two
 * communities, groups and follows, and three hand-written people to try with a story that fills every page:
 * swaps in every state and a cycle, conversations, sessions, reviews, forum threads, follows, notifications and
 * reports for María to moderate (people-to-try.ts, demo-story.ts). Deterministic and idempotent: a second run finds the first demo person and
 * stops. Written straight to the tables in one transaction, not through the use cases: demo people carry
 * platform identities and back-dated timestamps the use cases rightly refuse. The crowd records no outbox
 * events (it describes a past, not news; indexes read the tables when next built); the story of the people to
 * try is recorded as events already delivered, so the outbox shows a history and nobody is notified of it.
 */
export async function seedDemo(core: CoreInternals): Promise<DemoSeedResult> {
  const { db } = core.database;
  if ((await db.user.findUnique({ where: { id: demoId(1) }, select: { id: true } })) !== null) {
    const users = await db.user.count({ where: { id: { startsWith: "demo-user-" } } });
    return { created: false, users, tryHandles: await demoHandlesToTry(core) };
  }
  // The generated crowd draws from one random sequence; the people to try come after it and draw nothing, so
  // the crowd is the same with or without them.
  const random = seededRandom(demoSeed);
  const now = core.deps.clock.now().getTime();
  const featured = tryMembers(demoPeople, now);
  await db.$transaction(
    async (tx) => {
      const cities = await storeSeedCities(tx, core.deps.geocoder);
      const people = makePeople(random, cities, now);
      await writePeople(tx, random, people, now);
      await writePeopleToTry(tx, featured, cities, now);
      await tx.identity.createMany({ data: featured.map(identityRow) });
      await seedCommunities(tx, [...people, ...featured]);
      await seedGroups(tx, random, people);
      await seedFollows(tx, random, people);
      await writeDemoStory(tx, now, featured);
    },
    { timeout: 60_000 },
  );
  return { created: true, users: demoPeople + featured.length, tryHandles: peopleToTry.map((p) => p.handle) };
}
