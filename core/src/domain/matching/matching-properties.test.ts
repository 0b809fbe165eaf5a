import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import {
  block,
  createTestCore,
  newCommunity,
  newPerson,
  requestOfferedCycle,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

/**
 * Matching against the use cases, on random communities loaded the way people arrive (through the core's own
 * use cases): every cycle offered can be requested exactly as offered, and what a person is offered does not
 * depend on the people they may not see.
 */

type Person = Actor & { handle: string };
type Mode = "online" | "in_person" | "either";

// Few skills and mostly meetable people, so that pairs and cycles are common: each person teaches one skill (or
// two) and learns another.
const skills = ["Guitar", "Spanish", "Chess"] as const;
const skillsArb = fc
  .record({
    taught: fc.nat(2),
    learnedOffset: fc.integer({ min: 1, max: 2 }),
    alsoTeaches: fc.boolean(),
    teachLevel: fc.integer({ min: 2, max: 5 }),
    learnLevel: fc.integer({ min: 1, max: 4 }),
  })
  .map(({ taught, learnedOffset, alsoTeaches, teachLevel, learnLevel }) => {
    const learned = (taught + learnedOffset) % 3;
    const other = 3 - taught - learned;
    const teach: Record<string, number> = { [skills[taught] ?? ""]: teachLevel };
    if (alsoTeaches) teach[skills[other] ?? ""] = 5;
    return { teach, learn: { [skills[learned] ?? ""]: learnLevel } };
  });
const personArb = fc.record({
  skills: skillsArb,
  mode: fc.constantFrom<Mode>("online", "in_person", "either", "either"),
  city: fc.option(fc.constantFrom("Paris", "Versailles", "Lyon"), { nil: null }),
  maxDistanceKm: fc.constantFrom(10, 25, 100, 500),
  visibility: fc.constantFrom("public" as const, "communities" as const),
  // The actor is in both communities; others in one, the other or both.
  communities: fc.constantFrom<readonly number[]>([0], [1], [0, 1]),
});
type PersonArb = typeof personArb extends fc.Arbitrary<infer T> ? T : never;

const communityArb = fc.record({
  actor: personArb,
  others: fc.array(personArb, { minLength: 5, maxLength: 9 }),
  // Blocks among the others, as pairs of positions (the first blocks the second).
  blocks: fc.array(fc.tuple(fc.nat(8), fc.nat(8)), { maxLength: 3 }),
  // People the actor may not see, each wanting what the actor teaches and teaching what the actor wants.
  hidden: fc.array(
    fc.record({
      how: fc.constantFrom("private", "outsider", "blocks_actor", "blocked_by_actor"),
      teachLevel: fc.integer({ min: 3, max: 5 }),
      ofOthers: fc.nat(8),
    }),
    { minLength: 1, maxLength: 3 },
  ),
});

let counter = 0;

async function addPerson(
  core: TestCore,
  spec: PersonArb,
  visibility: "public" | "communities" | "private" = spec.visibility,
): Promise<Person> {
  counter += 1;
  const person = await newPerson(core, `prop${counter}`);
  await core.services.profiles.update(person, {
    visibility,
    meetingMode: spec.mode,
    maxDistanceKm: spec.maxDistanceKm,
    ...(spec.city === null ? {} : { location: spec.city }),
  });
  for (const [skill, level] of Object.entries(spec.skills.teach))
    await core.services.skills.add(person, { skill, direction: "teach", level });
  for (const [skill, level] of Object.entries(spec.skills.learn))
    if (spec.skills.teach[skill] === undefined)
      await core.services.skills.add(person, { skill, direction: "learn", level });
  return person;
}

for (const provider of testProviders()) {
  describe(`matching properties on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    // Each run adds a community of its own; people of earlier runs stay, mostly hidden from later actors, which
    // is one more case of the property under test.
    const runs = provider === "sqlite" ? 20 : 5;

    it("offers only cycles the actor can request as offered, and the same offers whoever else exists unseen", async () => {
      await fc.assert(
        fc.asyncProperty(communityArb, async (world) => {
          const actor = await addPerson(core, world.actor);
          const others: Person[] = [];
          for (const spec of world.others) others.push(await addPerson(core, spec));
          for (const c of [0, 1])
            await newCommunity(core, [actor, ...others.filter((_, i) => world.others[i]?.communities.includes(c))]);
          for (const [a, b] of world.blocks) {
            const blocker = others[a % others.length];
            const blocked = others[b % others.length];
            if (blocker !== undefined && blocked !== undefined && blocker !== blocked)
              await block(core, blocker, blocked).catch(() => undefined); // the same block twice is one block
          }

          const before = await core.services.matching.recommend(actor, { cycles: true, limit: 50 });
          for (const cycle of before.cycles) {
            const requested = await requestOfferedCycle(core, actor, cycle);
            expect(requested.status).toBe("pending");
            await core.services.swaps.cancel(actor, requested.id);
          }

          for (const hidden of world.hidden) {
            const like = world.others[hidden.ofOthers % world.others.length] ?? world.actor; // never empty
            const mirror: PersonArb = {
              ...like,
              // Teaches what the actor wants and wants what the actor teaches, as well as what `like` does.
              skills: {
                teach: { ...like.skills.teach, ...mapLevels(world.actor.skills.learn, hidden.teachLevel) },
                learn: { ...like.skills.learn, ...mapLevels(world.actor.skills.teach, 1) },
              },
            };
            const person = await addPerson(core, mirror, hidden.how === "private" ? "private" : "communities");
            // Outsiders share no community with the actor; the blocked ones do, and are hidden by the block.
            const peers = others.filter((_, i) => world.others[i]?.communities.includes(0));
            await newCommunity(core, hidden.how === "outsider" ? [person, ...peers] : [person, actor, ...peers]);
            if (hidden.how === "blocks_actor") await block(core, person, actor);
            if (hidden.how === "blocked_by_actor") await block(core, actor, person);
          }
          const after = await core.services.matching.recommend(actor, { cycles: true, limit: 50 });
          expect(after).toEqual(before);
        }),
        { numRuns: runs },
      );
    }, 120_000);
  });
}

function mapLevels(levelsBySkill: Readonly<Record<string, number>>, level: number): Record<string, number> {
  return Object.fromEntries(Object.keys(levelsBySkill).map((skill) => [skill, level]));
}
