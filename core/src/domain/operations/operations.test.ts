import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readMigrations } from "../../infra/prisma/migrate.js";
import { createTestCore, newPerson, testProviders, type TestCore } from "../../testing/index.js";
import { createOutboxDispatcher } from "../outbox/dispatcher.js";
import type { Actor } from "../shared/actor.js";

type Person = Actor & { handle: string };

/** Lets every event go through a relay that is down, once: each one the dispatcher picks up ends dead. */
async function relayDown(core: TestCore, reason: string): Promise<void> {
  const relay = createOutboxDispatcher(
    { database: core.database, clock: core.clock },
    {
      maxAttempts: 1,
      handlers: [{ name: "relay", types: ["profile.updated"], handle: () => Promise.reject(new Error(reason)) }],
    },
  );
  await relay.runOnce();
}

for (const provider of testProviders()) {
  describe(`operating SkillSwap on ${provider}`, () => {
    let core: TestCore;
    let ana: Person;
    let bea: Person;

    beforeAll(async () => {
      core = await createTestCore(provider);
      [ana, bea] = (await Promise.all(["ana", "bea"].map((n) => newPerson(core, n)))) as [Person, Person];
    });
    afterAll(() => core.close());

    describe("the health check", () => {
      it("finds every migration applied, the catalog loaded, the people, a clear outbox and the gazetteer", async () => {
        const checks = await core.services.operations.health();
        expect(checks.map((check) => [check.name, check.status])).toEqual([
          ["migrations", "ok"],
          ["skill catalog", "ok"],
          ["people", "ok"],
          ["outbox", "ok"],
          ["geocoder", "ok"],
        ]);
        expect(checks).toContainEqual({
          name: "migrations",
          status: "ok",
          applied: readMigrations(provider).length,
          pending: 0,
        });
        expect(checks).toContainEqual(expect.objectContaining({ name: "people", activePeople: 2 }));
        expect(checks).toContainEqual(expect.objectContaining({ name: "outbox", dead: 0 }));
      });

      it("counts only the people whose account is active", async () => {
        const cy = await newPerson(core, "cy");
        expect(await core.services.operations.activePeople()).toBe(3);
        await core.database.db.$transaction((tx) =>
          tx.user.update({ where: { id: cy.userId }, data: { status: "suspended" } }),
        );
        expect(await core.services.operations.activePeople()).toBe(2);
        expect(await core.services.operations.health()).toContainEqual(
          expect.objectContaining({ name: "people", activePeople: 2 }),
        );
      });

      it("warns about dead events, without calling the product broken", async () => {
        await core.services.profiles.update(ana, { bio: "Teaches guitar on Tuesdays" });
        await relayDown(core, "Discord answered 503");
        expect(await core.services.operations.health()).toContainEqual(
          expect.objectContaining({ name: "outbox", status: "warn", dead: 1 }),
        );
      });

      it("on a database never migrated, says how many migrations wait and counts nothing else", async () => {
        const empty = await createTestCore(provider, { prepare: false });
        try {
          const checks = await empty.services.operations.health();
          expect(checks.map((check) => check.name)).toEqual(["migrations", "geocoder"]);
          expect(checks[0]).toEqual({
            name: "migrations",
            status: "warn",
            applied: 0,
            pending: readMigrations(provider).length,
          });
        } finally {
          await empty.close();
        }
      });
    });

    describe("the outbox", () => {
      it("lists the dead events with the reason their last attempt failed, oldest first", async () => {
        await core.services.profiles.update(bea, { bio: "Learns Spanish" });
        await relayDown(core, "relay refused: token revoked\n    at send (/srv/relay.js:1:1)");
        const status = await core.services.operations.outbox();
        expect(status.dead).toBe(2);
        expect(status.deadEvents.map((event) => [event.type, event.aggregateId, event.lastError])).toEqual([
          ["profile.updated", ana.userId, "relay: Discord answered 503"],
          ["profile.updated", bea.userId, "relay: relay refused: token revoked"],
        ]);
        expect((await core.services.operations.outbox({ deadLimit: 1 })).deadEvents).toHaveLength(1);
      });

      it("sends one dead event back for delivery, then the rest, and says how the outbox stands after", async () => {
        const before = await core.services.operations.outbox();
        const [first, second] = before.deadEvents;
        const one = await core.services.operations.retryDeadEvents(first?.id);
        expect(one).toMatchObject({ retried: 1, dead: 1, pending: before.pending + 1 });
        expect(one.deadEvents.map((event) => event.id)).toEqual([second?.id]);
        const rest = await core.services.operations.retryDeadEvents();
        expect(rest).toMatchObject({ retried: 1, dead: 0, pending: before.pending + 2, deadEvents: [] });
        expect(await core.services.operations.retryDeadEvents()).toMatchObject({ retried: 0, dead: 0 });
      });
    });

    describe("groups", () => {
      it("lists every group for operators, community ones included, with their community's name", async () => {
        const { communityId } = await core.services.communities.register({
          platform: "discord",
          externalId: `ops-${provider}`,
          name: "Makers",
        });
        await core.services.communities.syncMember({ communityId, userId: ana.userId });
        await core.services.groups.create(ana, { name: "Makers only", communityId });
        await core.services.groups.join(bea, (await core.services.groups.create(ana, { name: "Open chess" })).slug);

        expect((await core.services.operations.groups()).map((g) => [g.slug, g.communityName, g.members])).toEqual([
          ["makers-only", "Makers", 1],
          ["open-chess", null, 2],
        ]);
        // A person sees the same list through the groups use case, less what is private to a community of others.
        expect((await core.services.groups.list(bea)).map((g) => [g.slug, g.communityName])).toEqual([
          ["open-chess", null],
        ]);
        expect((await core.services.groups.list(ana)).map((g) => g.slug)).toEqual(["makers-only", "open-chess"]);
      });
    });
  });
}
