import type { Core } from "../app.js";
import { catalogSkills } from "../domain/skills/catalog-data.js";
import { skillIdFor } from "../domain/skills/catalog.js";
import { openBulkWriter, type BulkWriter, type Cell } from "./bulk-writer.js";
import { storeSeedCities, type SeedCity } from "./cities.js";
import { firstNames, lastNames, popularSkills } from "./demo-people.js";
import { intBetween, pick, pickWeighted, seededRandom, zipfCumulative, type Random } from "./random.js";

export interface SyntheticOptions {
  readonly users: number;
  readonly seed: number;
  readonly onProgress?: (done: number) => void;
}

export interface SyntheticResult {
  readonly users: number;
  readonly userSkills: number;
  readonly slots: number;
  readonly ms: number;
}

const chunkSize = 5_000;
const communitiesPerSeed = 5;
const userColumns = [
  "id",
  "handle",
  "displayName",
  "bio",
  "languages",
  "timeZone",
  "locationId",
  "meetingMode",
  "maxDistanceKm",
  "visibility",
  "createdAt",
  "updatedAt",
  "lastActiveAt",
];
const skillColumns = ["id", "userId", "skillId", "direction", "level", "notes", "createdAt", "updatedAt"];
const slotColumns = ["id", "userId", "weekday", "startMinute", "endMinute"];
const memberColumns = ["communityId", "userId", "role", "joinedAt"];

/** Popular skills first, then the rest of the catalog: the order the Zipf weights rank. */
const rankedSkills = [...new Set([...popularSkills, ...catalogSkills.map((s) => s.slug)])];
const skillWeights = zipfCumulative(rankedSkills.length);
const skillNames = new Map(catalogSkills.map((s) => [s.slug, s.name]));
const namesOf = (slugs: readonly string[]) => slugs.map((slug) => skillNames.get(slug) ?? slug).join(", ");

interface Counts {
  userSkills: number;
  slots: number;
}

function userRows(random: Random, seed: number, n: number, cities: readonly SeedCity[], now: number, counts: Counts) {
  const id = `syn-${seed}-${n}`;
  const city = pick(random, cities);
  const teach = pickWeighted(random, rankedSkills, skillWeights, intBetween(random, 1, 5));
  const learn = pickWeighted(random, rankedSkills, skillWeights, intBetween(random, 1, 4)).filter(
    (slug) => !teach.includes(slug),
  );
  const created = new Date(now - intBetween(random, 1, 700) * 86_400_000);
  const visibilityRoll = random();
  const user: Cell[] = [
    id,
    `user-${seed}-${n}`,
    `${pick(random, firstNames)} ${pick(random, lastNames)}`,
    `Teaches ${namesOf(teach)}; learning ${namesOf(learn) || "anything"}.`,
    JSON.stringify(["en"]),
    city.timeZone,
    city.locationId,
    pick(random, ["online", "either", "in_person"]),
    pick(random, [10, 25, 50, 100]),
    visibilityRoll < 0.6 ? "communities" : visibilityRoll < 0.95 ? "public" : "private",
    created,
    created,
    new Date(now - Math.floor(random() * 90 * 86_400_000)),
  ];
  const skills: Cell[][] = [
    ...teach.map((slug) => [
      `${id}-t-${slug}`,
      id,
      skillIdFor(slug),
      "teach",
      intBetween(random, 2, 5),
      "",
      created,
      created,
    ]),
    ...learn.map((slug) => [
      `${id}-l-${slug}`,
      id,
      skillIdFor(slug),
      "learn",
      intBetween(random, 1, 4),
      "",
      created,
      created,
    ]),
  ];
  const slots: Cell[][] = Array.from({ length: intBetween(random, 0, 6) }, (_, i) => {
    const start = intBetween(random, 7, 21) * 60;
    return [
      `${id}-s${i}`,
      id,
      intBetween(random, 0, 6),
      start,
      Math.min(1440, start + pick(random, [60, 90, 120, 180])),
    ];
  });
  const member: Cell[] = [
    `syn-${seed}-c${n % communitiesPerSeed}`,
    id,
    n <= communitiesPerSeed ? "admin" : "member",
    created,
  ];
  counts.userSkills += skills.length;
  counts.slots += slots.length;
  return { user, skills, slots, member };
}

async function writeChunk(
  writer: BulkWriter,
  random: Random,
  seed: number,
  from: number,
  to: number,
  cities: readonly SeedCity[],
  now: number,
  counts: Counts,
) {
  const users: Cell[][] = [];
  const skills: Cell[][] = [];
  const slots: Cell[][] = [];
  const members: Cell[][] = [];
  for (let n = from; n <= to; n++) {
    const rows = userRows(random, seed, n, cities, now, counts);
    users.push(rows.user);
    skills.push(...rows.skills);
    slots.push(...rows.slots);
    members.push(rows.member);
  }
  await writer.insert("User", userColumns, users);
  await writer.insert("UserSkill", skillColumns, skills);
  await writer.insert("AvailabilitySlot", slotColumns, slots);
  await writer.insert("CommunityMember", memberColumns, members);
}

/**
 * Generates `users` synthetic people for benchmarks, deterministically from `seed`: Zipf-distributed skills,
 * 63 real cities, availability, visibility and community membership. Bulk-written under Prisma (see
 * bulk-writer.ts) and without outbox events — after a bulk load, indexes are rebuilt rather than fed event by event.
 */
export async function seedSynthetic(core: Core, options: SyntheticOptions): Promise<SyntheticResult> {
  const started = performance.now();
  const { db, provider, url } = core.database;
  if ((await db.user.findUnique({ where: { id: `syn-${options.seed}-1` }, select: { id: true } })) !== null) {
    return existingCounts(core, options.seed, started);
  }
  const cities = await db.$transaction((tx) => storeSeedCities(tx, core.deps.geocoder));
  const now = core.deps.clock.now().getTime();
  const random = seededRandom(options.seed);
  const counts: Counts = { userSkills: 0, slots: 0 };
  const writer = openBulkWriter(provider, url);
  try {
    await writer.insert(
      "Community",
      ["id", "platform", "externalId", "name", "createdAt", "updatedAt"],
      Array.from({ length: communitiesPerSeed }, (_, k) => [
        `syn-${options.seed}-c${k}`,
        "discord",
        `syn-${options.seed}-c${k}`,
        `Synthetic community ${k + 1}`,
        new Date(now),
        new Date(now),
      ]),
    );
    for (let from = 1; from <= options.users; from += chunkSize) {
      const to = Math.min(options.users, from + chunkSize - 1);
      await writeChunk(writer, random, options.seed, from, to, cities, now, counts);
      options.onProgress?.(to);
    }
    await writer.commit();
  } finally {
    await writer.close();
  }
  return { users: options.users, ...counts, ms: performance.now() - started };
}

async function existingCounts(core: Core, seed: number, started: number): Promise<SyntheticResult> {
  const { db } = core.database;
  const prefix = `syn-${seed}-`;
  const [users, userSkills, slots] = await Promise.all([
    db.user.count({ where: { id: { startsWith: prefix } } }),
    db.userSkill.count({ where: { userId: { startsWith: prefix } } }),
    db.availabilitySlot.count({ where: { userId: { startsWith: prefix } } }),
  ]);
  return { users, userSkills, slots, ms: performance.now() - started };
}
