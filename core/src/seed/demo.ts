import type { Core } from "../app.js";
import type { Tx } from "../infra/prisma/database.js";
import { mergeSlots } from "../domain/skills/availability.js";
import { categoryIdFor, skillIdFor } from "../domain/skills/catalog.js";
import { catalogSkills } from "../domain/skills/catalog-data.js";
import { storeSeedCities, type SeedCity } from "./cities.js";
import {
  bioOpeners,
  firstNames,
  learnSentences,
  lastNames,
  occupations,
  popularSkills,
  teachSentences,
} from "./demo-people.js";
import { intBetween, pick, seededRandom, type Random } from "./random.js";

const demoPeople = 240;
const demoId = (n: number) => `demo-user-${String(n).padStart(3, "0")}`;
const communities = [
  { id: "demo-community-discord", platform: "discord", externalId: "900000000000000001", name: "Makers & Learners" },
  { id: "demo-community-slack", platform: "slack", externalId: "TDEMO0001", name: "Remote Skills Club" },
] as const;
const groups = [
  ["guitar-circle", "Guitar circle", "Strummers of every level swapping songs and technique.", "music"],
  ["language-exchange", "Language exchange", "Tandem partners for every language under the sun.", "languages"],
  ["web-devs", "Web developers", "JavaScript, TypeScript and everything that runs in a browser.", "programming"],
  ["home-cooks", "Home cooks", "Recipes, techniques and the occasional kitchen disaster.", "cooking-food"],
  ["sketch-club", "Sketch club", "Weekly prompts and feedback for drawing and painting.", "visual-arts"],
  ["runners", "Weekend runners", "Training plans and Saturday long runs.", "fitness-sports"],
  ["data-nerds", "Data nerds", "SQL, spreadsheets, statistics and machine learning.", "data-ai"],
  ["makers", "Makers", "Woodworking, electronics, 3D printing and repair.", "crafts"],
] as const;

interface Person {
  readonly id: string;
  readonly handle: string;
  readonly first: string;
  readonly last: string;
  readonly city: SeedCity;
  readonly community: (typeof communities)[number];
  readonly teach: string[];
  readonly learn: string[];
}

const fill = (template: string, values: Record<string, string>) =>
  template.replace(/\{(\w+)\}/g, (_, key: string) => values[key] ?? "");
const skillName = (slug: string) => catalogSkills.find((s) => s.slug === slug)?.name ?? slug;

function chooseSkills(random: Random, count: number, exclude: ReadonlySet<string>): string[] {
  const chosen = new Set<string>();
  while (chosen.size < count) {
    // Three in four picks come from the popular list, the rest from anywhere in the catalog.
    const slug = random() < 0.75 ? pick(random, popularSkills) : pick(random, catalogSkills).slug;
    if (!exclude.has(slug)) chosen.add(slug);
  }
  return [...chosen];
}

function makePeople(random: Random, cities: readonly SeedCity[]): Person[] {
  const handles = new Set<string>();
  return Array.from({ length: demoPeople }, (_, index) => {
    const first = pick(random, firstNames);
    const last = pick(random, lastNames);
    const base = `${first}-${last}`
      .normalize("NFD")
      .replace(/\p{M}/gu, "")
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-");
    let handle = base;
    for (let n = 2; handles.has(handle); n++) handle = `${base}-${n}`;
    handles.add(handle);
    const teach = chooseSkills(random, intBetween(random, 2, 5), new Set());
    const learn = chooseSkills(random, intBetween(random, 1, 4), new Set(teach));
    return {
      id: demoId(index + 1),
      handle,
      first,
      last,
      city: cities[index % cities.length] as SeedCity,
      community: communities[index % 5 === 4 ? 1 : 0],
      teach,
      learn,
    };
  });
}

function bioOf(random: Random, person: Person): string {
  const job = pick(random, occupations);
  const values = {
    first: person.first,
    city: person.city.name,
    job,
    job_cap: job.charAt(0).toUpperCase() + job.slice(1),
  };
  const teach = skillName(person.teach[0] ?? "");
  const learn = skillName(person.learn[0] ?? "");
  return [
    fill(pick(random, bioOpeners), values),
    fill(pick(random, teachSentences), { teach }),
    fill(pick(random, learnSentences), { learn }),
  ].join(" ");
}

function slotsOf(random: Random, userId: string, n: number) {
  const evenings = [0, 1, 2, 3, 4, 5, 6].filter(() => random() < 0.35);
  const slots = evenings.map((weekday) => {
    const start = pick(random, [17, 18, 19, 20]) * 60;
    return { weekday, startMinute: start, endMinute: start + pick(random, [60, 90, 120]) };
  });
  if (random() < 0.6)
    slots.push({
      weekday: pick(random, [0, 6]),
      startMinute: pick(random, [9, 10, 14]) * 60,
      endMinute: pick(random, [12, 17]) * 60,
    });
  return mergeSlots(slots).map((slot, i) => ({ id: `${userId}-slot-${n}-${i}`, userId, userSkillId: null, ...slot }));
}

/**
 * Seeds the demo community: 240 people across the seed cities, with skills, availability, two communities,
 * groups and follows. Deterministic and idempotent: a second run finds the first demo person and stops.
 * Written straight to the tables in one transaction (no outbox events): it describes a past, not news.
 */
export async function seedDemo(core: Core): Promise<{ created: boolean; users: number }> {
  const { db } = core.database;
  if ((await db.user.findUnique({ where: { id: demoId(1) }, select: { id: true } })) !== null) {
    return { created: false, users: await db.user.count({ where: { id: { startsWith: "demo-user-" } } }) };
  }
  const random = seededRandom(20261125);
  const now = core.deps.clock.now().getTime();
  await db.$transaction(
    async (tx) => {
      const cities = await storeSeedCities(tx, core.deps.geocoder);
      const people = makePeople(random, cities);
      await tx.community.createMany({ data: communities.map((c) => ({ ...c })) });
      await tx.user.createMany({
        data: people.map((p, i) => ({
          id: p.id,
          handle: p.handle,
          displayName: `${p.first} ${p.last}`,
          bio: bioOf(random, p),
          pronouns: random() < 0.3 ? pick(random, ["she/her", "he/him", "they/them"]) : "",
          languages: JSON.stringify(
            random() < 0.5 ? ["en"] : ["en", pick(random, ["es", "fr", "de", "pt", "ja", "it"])],
          ),
          timeZone: p.city.timeZone,
          locationId: p.city.locationId,
          meetingMode: pick(random, ["online", "either", "either", "in_person"]),
          // One in three demo profiles is public so visitors and `skillswap profile` have something to show.
          visibility: i % 3 === 0 ? "public" : i % 17 === 5 ? "private" : "communities",
          createdAt: new Date(now - intBetween(random, 60, 400) * 86_400_000),
          lastActiveAt: new Date(now - intBetween(random, 0, 60) * 86_400_000 - intBetween(random, 0, 86_399) * 1000),
        })),
      });
      await tx.identity.createMany({
        data: people.map((p, i) =>
          p.community.platform === "discord"
            ? {
                id: `${p.id}-identity`,
                userId: p.id,
                provider: "discord",
                tenantId: "",
                subject: String(910000000000000000n + BigInt(i)),
                username: p.handle,
              }
            : {
                id: `${p.id}-identity`,
                userId: p.id,
                provider: "slack",
                tenantId: p.community.externalId,
                subject: `UDEMO${String(i).padStart(5, "0")}`,
                username: p.handle,
              },
        ),
      });
      await tx.communityMember.createMany({
        data: people.map((p, i) => ({ communityId: p.community.id, userId: p.id, role: i < 4 ? "admin" : "member" })),
      });
      await tx.userSkill.createMany({
        data: people.flatMap((p) => [
          ...p.teach.map((slug) => ({
            id: `${p.id}-teach-${slug}`,
            userId: p.id,
            skillId: skillIdFor(slug),
            direction: "teach",
            level: intBetween(random, 3, 5),
            notes: random() < 0.3 ? "Happy to go at your pace." : "",
          })),
          ...p.learn.map((slug) => ({
            id: `${p.id}-learn-${slug}`,
            userId: p.id,
            skillId: skillIdFor(slug),
            direction: "learn",
            level: intBetween(random, 1, 3),
            notes: "",
          })),
        ]),
      });
      await tx.availabilitySlot.createMany({ data: people.flatMap((p, i) => slotsOf(random, p.id, i)) });
      await seedGroupsAndFollows(tx, random, people);
    },
    { timeout: 60_000 },
  );
  return { created: true, users: demoPeople };
}

async function seedGroupsAndFollows(tx: Tx, random: Random, people: readonly Person[]) {
  await tx.group.createMany({
    data: groups.map(([slug, name, description, category], i) => ({
      id: `demo-group-${slug}`,
      slug,
      name,
      description,
      categoryId: categoryIdFor(category),
      communityId: i % 3 === 2 ? null : (communities[i % 2]?.id ?? null),
      createdById: people[i]?.id ?? null,
    })),
  });
  const members = groups.flatMap(([slug], g) =>
    people
      .filter((_, i) => i === g || random() < 0.12)
      .map((p) => ({
        groupId: `demo-group-${slug}`,
        userId: p.id,
        role: p === people[g] ? "owner" : random() < 0.08 ? "moderator" : "member",
      })),
  );
  await tx.groupMember.createMany({ data: members });
  const follows = new Map<string, { followerId: string; followeeId: string }>();
  while (follows.size < 600) {
    const follower = pick(random, people);
    const followee = pick(random, people);
    if (follower.id !== followee.id)
      follows.set(`${follower.id}>${followee.id}`, { followerId: follower.id, followeeId: followee.id });
  }
  await tx.follow.createMany({ data: [...follows.values()] });
}
