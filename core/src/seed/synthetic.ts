import type { CoreInternals } from "../app.js";
import { catalogSkills } from "../domain/skills/catalog-data.js";
import { skillIdFor } from "../domain/skills/catalog.js";
import { openBulkWriter, type BulkWriter, type Cell } from "./bulk-writer.js";
import { storeSeedCities, type SeedCity } from "./cities.js";
import { extraLanguages, firstNames, lastNames, popularSkills } from "./demo-people.js";
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
const day = 86_400_000;
const columns = {
  User: [
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
  ],
  UserSkill: ["id", "userId", "skillId", "direction", "level", "notes", "createdAt", "updatedAt"],
  AvailabilitySlot: ["id", "userId", "weekday", "startMinute", "endMinute"],
  CommunityMember: ["communityId", "userId", "role", "joinedAt"],
} as const;

/** Popular skills first, then the rest of the catalog: the order the Zipf weights rank. */
const rankedSkills = [...new Set([...popularSkills, ...catalogSkills.map((s) => s.slug)])];
const skillWeights = zipfCumulative(rankedSkills.length);
const skillNames = new Map(catalogSkills.map((s) => [s.slug, s.name]));
const namesOf = (slugs: readonly string[]) => slugs.map((slug) => skillNames.get(slug) ?? slug).join(", ");

interface Generator {
  readonly random: Random;
  readonly seed: number;
  readonly cities: readonly SeedCity[];
  readonly now: number;
}

interface Rows {
  readonly User: Cell[][];
  readonly UserSkill: Cell[][];
  readonly AvailabilitySlot: Cell[][];
  readonly CommunityMember: Cell[][];
}

function chooseSkills(random: Random) {
  const teach = pickWeighted(random, rankedSkills, skillWeights, intBetween(random, 1, 5));
  // Draw extra so that dropping what the person already teaches still leaves 1–4 to learn.
  const wanted = intBetween(random, 1, 4);
  const learn = pickWeighted(random, rankedSkills, skillWeights, wanted + teach.length)
    .filter((slug) => !teach.includes(slug))
    .slice(0, wanted);
  return { teach, learn };
}

function userRow(
  g: Generator,
  id: string,
  n: number,
  teach: readonly string[],
  learn: readonly string[],
  created: Date,
) {
  const city = pick(g.random, g.cities);
  const languages = g.random() < 0.3 ? [city.language] : [...new Set([city.language, "en"])];
  if (g.random() < 0.15) languages.push(pick(g.random, extraLanguages));
  const visibilityRoll = g.random();
  return [
    id,
    `user-${g.seed}-${n}`,
    `${pick(g.random, firstNames)} ${pick(g.random, lastNames)}`,
    `Teaches ${namesOf(teach)}; learning ${namesOf(learn)}.`,
    JSON.stringify([...new Set(languages)]),
    city.timeZone,
    city.locationId,
    pick(g.random, ["online", "either", "in_person"]),
    pick(g.random, [10, 25, 50, 100]),
    visibilityRoll < 0.6 ? "communities" : visibilityRoll < 0.95 ? "public" : "private",
    created,
    created,
    new Date(g.now - Math.floor(g.random() * 90 * day)),
  ];
}

function skillRows(g: Generator, id: string, teach: readonly string[], learn: readonly string[], created: Date) {
  const row = (slug: string, direction: "teach" | "learn", level: number): Cell[] => [
    `${id}-${direction[0] ?? ""}-${slug}`,
    id,
    skillIdFor(slug),
    direction,
    level,
    "",
    created,
    created,
  ];
  return [
    ...teach.map((slug) => row(slug, "teach", intBetween(g.random, 2, 5))),
    ...learn.map((slug) => row(slug, "learn", intBetween(g.random, 1, 4))),
  ];
}

/** 0–6 slots on distinct weekdays, so no two of a person's slots overlap. */
function slotRows(g: Generator, id: string): Cell[][] {
  const weekdays = [0, 1, 2, 3, 4, 5, 6];
  return Array.from({ length: intBetween(g.random, 0, 6) }, (_, i) => {
    // A partial Fisher–Yates shuffle: position i takes one of the weekdays not used yet.
    const j = intBetween(g.random, i, weekdays.length - 1);
    const weekday = weekdays[j] ?? 0;
    weekdays[j] = weekdays[i] ?? 0;
    weekdays[i] = weekday;
    const start = intBetween(g.random, 7, 21) * 60;
    const end = Math.min(1440, start + pick(g.random, [60, 90, 120, 180]));
    return [`${id}-s${i}`, id, weekday, start, end];
  });
}

function addPerson(g: Generator, n: number, rows: Rows): void {
  const id = `syn-${g.seed}-${n}`;
  const { teach, learn } = chooseSkills(g.random);
  const created = new Date(g.now - intBetween(g.random, 1, 700) * day);
  rows.User.push(userRow(g, id, n, teach, learn, created));
  rows.UserSkill.push(...skillRows(g, id, teach, learn, created));
  rows.AvailabilitySlot.push(...slotRows(g, id));
  const role = n <= communitiesPerSeed ? "admin" : "member";
  rows.CommunityMember.push([`syn-${g.seed}-c${n % communitiesPerSeed}`, id, role, created]);
}

async function writeCommunities(writer: BulkWriter, g: Generator): Promise<void> {
  const rows = Array.from({ length: communitiesPerSeed }, (_, k) => {
    const id = `syn-${g.seed}-c${k}`;
    return [id, "discord", id, `Synthetic community ${k + 1}`, new Date(g.now), new Date(g.now)];
  });
  await writer.insert("Community", ["id", "platform", "externalId", "name", "createdAt", "updatedAt"], rows);
}

/** Generates and writes people from..to; chunks keep memory flat however many users are asked for. */
async function writeChunk(writer: BulkWriter, g: Generator, from: number, to: number): Promise<Rows> {
  const rows: Rows = { User: [], UserSkill: [], AvailabilitySlot: [], CommunityMember: [] };
  for (let n = from; n <= to; n++) addPerson(g, n, rows);
  for (const table of ["User", "UserSkill", "AvailabilitySlot", "CommunityMember"] as const) {
    await writer.insert(table, columns[table], rows[table]);
  }
  return rows;
}

/**
 * Generates `users` synthetic people for benchmarks, deterministically from `seed`: Zipf-distributed skills,
 * 63 real cities, availability, visibility and community membership. Bulk-written under Prisma (see
 * bulk-writer.ts) and without outbox events: after a bulk load, indexes are rebuilt from the tables rather than
 * fed event by event. Idempotent: a seed whose first person exists is not written again.
 */
export async function seedSynthetic(core: CoreInternals, options: SyntheticOptions): Promise<SyntheticResult> {
  const started = performance.now();
  const { db, provider, url } = core.database;
  if ((await db.user.findUnique({ where: { id: `syn-${options.seed}-1` }, select: { id: true } })) !== null) {
    return existingCounts(core, options.seed, started);
  }
  const cities = await db.$transaction((tx) => storeSeedCities(tx, core.deps.geocoder));
  const g: Generator = {
    random: seededRandom(options.seed),
    seed: options.seed,
    cities,
    now: core.deps.clock.now().getTime(),
  };
  const counts = { userSkills: 0, slots: 0 };
  // One transaction for the whole load: an interrupted run leaves nothing behind, so the idempotence check holds.
  const writer = openBulkWriter(provider, url);
  try {
    await writeCommunities(writer, g);
    for (let from = 1; from <= options.users; from += chunkSize) {
      const to = Math.min(options.users, from + chunkSize - 1);
      const rows = await writeChunk(writer, g, from, to);
      counts.userSkills += rows.UserSkill.length;
      counts.slots += rows.AvailabilitySlot.length;
      options.onProgress?.(to);
    }
    await writer.commit();
  } finally {
    await writer.close();
  }
  return { users: options.users, ...counts, ms: performance.now() - started };
}

async function existingCounts(core: CoreInternals, seed: number, started: number): Promise<SyntheticResult> {
  const { db } = core.database;
  const prefix = `syn-${seed}-`;
  const [users, userSkills, slots] = await Promise.all([
    db.user.count({ where: { id: { startsWith: prefix } } }),
    db.userSkill.count({ where: { userId: { startsWith: prefix } } }),
    db.availabilitySlot.count({ where: { userId: { startsWith: prefix } } }),
  ]);
  return { users, userSkills, slots, ms: performance.now() - started };
}
