import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import {
  acceptedSwap,
  createTestCore,
  domainErrorOf,
  newPerson,
  newPublicPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

type Person = Actor & { handle: string };
const hour = 60 * 60 * 1000;

for (const provider of testProviders()) {
  describe(`sessions on ${provider}`, () => {
    let core: TestCore;
    let ana: Person;
    let bea: Person;
    let cy: Person;
    let swapId: string;
    const sessions = () => core.services.sessions;
    const inHours = (hours: number) => new Date(core.clock.now().getTime() + hours * hour).toISOString();

    beforeAll(async () => {
      core = await createTestCore(provider);
      ({ ana, bea, swapId } = await acceptedSwap(core));
      cy = await newPublicPerson(core, "cy");
    });
    afterAll(() => core.close());

    it("completes a session when both confirm it after it ended, and the swap once both skills were taught", async () => {
      const spanish = await sessions().schedule(bea, swapId, {
        startsAt: inHours(24),
        durationMinutes: 60,
        mode: "online",
        place: "https://meet.example/abc",
        skill: "spanish",
      });
      expect(spanish).toMatchObject({
        status: "scheduled",
        skill: { name: "Spanish" },
        place: "https://meet.example/abc",
      });
      expect((await domainErrorOf(() => sessions().confirm(ana, spanish.id))).code).toBe("SESSION.NOT_ENDED");
      core.clock.advance(25 * hour);
      expect((await sessions().confirm(ana, spanish.id)).status).toBe("scheduled");
      const done = await sessions().confirm(bea, spanish.id);
      expect(done.status).toBe("completed");
      expect([...done.confirmedBy].sort()).toEqual([ana.handle, bea.handle].sort());
      expect((await core.services.swaps.get(ana, swapId)).status).toBe("accepted");

      const guitar = await sessions().schedule(ana, swapId, {
        startsAt: inHours(2),
        mode: "in_person",
        skill: "Guitar",
      });
      core.clock.advance(3 * hour);
      await sessions().confirm(ana, guitar.id);
      expect(await sessions().completeDue()).toBe(0);
      core.clock.advance(72 * hour);
      expect(await sessions().completeDue()).toBe(1);
      expect((await sessions().listFor(bea, swapId)).map((s) => s.status)).toEqual(["completed", "completed"]);
      expect((await core.services.swaps.get(ana, swapId)).status).toBe("completed");
    });

    describe("in another swap", () => {
      let otherSwap: string;
      beforeAll(async () => {
        await core.services.skills.add(cy, { skill: "Chess", direction: "teach", level: 3 });
        otherSwap = (await core.services.swaps.request(ana, { to: cy.handle, want: "Chess", offer: "Guitar" })).id;
        await core.services.swaps.accept(cy, otherSwap);
      });

      it("holds a disputed session until both confirm it", async () => {
        const s = await sessions().schedule(cy, otherSwap, { startsAt: inHours(1), mode: "online", skill: "Chess" });
        expect(s.skill?.name).toBe("Chess");
        core.clock.advance(2 * hour);
        await sessions().confirm(cy, s.id);
        expect((await sessions().dispute(ana, s.id)).status).toBe("disputed");
        core.clock.advance(80 * hour);
        expect(await sessions().completeDue()).toBe(0);
        expect((await sessions().confirm(ana, s.id)).status).toBe("completed");
      });

      it("reminds participants once, the day before a session", async () => {
        const s = await sessions().schedule(ana, otherSwap, { startsAt: inHours(30), mode: "online", skill: "Guitar" });
        expect(await sessions().remindDue()).toBe(0);
        core.clock.advance(7 * hour);
        expect(await sessions().remindDue()).toBe(1);
        expect(await sessions().remindDue()).toBe(0);
        const reminders = await core.database.db.outboxEvent.findMany({
          where: { type: "session.reminder", aggregateId: otherSwap },
          select: { payload: true },
        });
        expect(reminders.map((r) => (JSON.parse(r.payload) as { sessionId: string }).sessionId)).toEqual([s.id]);
        await sessions().cancel(cy, s.id);
      });

      it("reminds participants again when a session they were reminded of moves", async () => {
        const s = await sessions().schedule(ana, otherSwap, { startsAt: inHours(20), mode: "online", skill: "Guitar" });
        expect(await sessions().remindDue()).toBe(1);
        await sessions().reschedule(cy, s.id, { startsAt: inHours(70) });
        expect(await sessions().remindDue()).toBe(0);
        core.clock.advance(50 * hour);
        expect(await sessions().remindDue()).toBe(1);
        await sessions().cancel(cy, s.id);
      });

      it("moves or calls off a session; closed ones stay closed", async () => {
        const s = await sessions().schedule(ana, otherSwap, { startsAt: inHours(5), mode: "online", skill: "Guitar" });
        const moved = await sessions().reschedule(cy, s.id, { startsAt: inHours(10), place: "https://meet.example/x" });
        expect(moved.startsAt.toISOString()).toBe(inHours(10));
        expect((await sessions().cancel(ana, s.id)).status).toBe("cancelled");
        expect((await domainErrorOf(() => sessions().reschedule(ana, s.id, { startsAt: inHours(12) }))).code).toBe(
          "SESSION.CLOSED",
        );
      });

      it("belongs to the swap's participants only", async () => {
        const s = await sessions().schedule(ana, otherSwap, { startsAt: inHours(5), mode: "online", skill: "Guitar" });
        for (const attempt of [
          () => sessions().confirm(bea, s.id),
          () => sessions().cancel(bea, s.id),
          () => sessions().reschedule(bea, s.id, { startsAt: inHours(6) }),
        ])
          expect((await domainErrorOf(attempt)).code).toBe("SESSION.NOT_FOUND");
        expect((await domainErrorOf(() => sessions().listFor(bea, otherSwap))).code).toBe("SWAP.NOT_FOUND");
        expect(
          (await domainErrorOf(() => sessions().schedule(bea, otherSwap, { startsAt: inHours(5), mode: "online" })))
            .code,
        ).toBe("SWAP.NOT_FOUND");
      });
    });

    it("pages a swap's sessions in the order they were scheduled, whatever moves, and refuses a foreign cursor", async () => {
      const fresh = await newPublicPerson(core, "eva", { Drums: 3 });
      const swap = (await core.services.swaps.request(ana, { to: fresh.handle, want: "Drums", offer: "Guitar" })).id;
      await core.services.swaps.accept(fresh, swap);
      const scheduled = [];
      for (const hours of [30, 10, 20])
        scheduled.push(
          await sessions().schedule(ana, swap, { startsAt: inHours(hours), mode: "online", skill: "Drums" }),
        );
      const first = await sessions().list(fresh, swap, { limit: 2 });
      expect(first.items.map((s) => s.id)).toEqual(scheduled.slice(0, 2).map((s) => s.id));
      await sessions().reschedule(ana, scheduled[0]?.id ?? "", { startsAt: inHours(40) });
      const second = await sessions().list(fresh, swap, { limit: 2, cursor: first.nextCursor ?? "" });
      expect(second).toEqual({ items: [expect.objectContaining({ id: scheduled[2]?.id })], nextCursor: null });
      expect(await rejectedFields(() => sessions().list(fresh, swap, { cursor: "not-a-cursor" }))).toEqual(["cursor"]);
    });

    it("names bad input: a time in the past, a skill outside the swap, a silly duration", async () => {
      const fresh = await newPerson(core, "dan");
      await core.services.profiles.update(fresh, { visibility: "public" });
      await core.services.skills.add(fresh, { skill: "Piano", direction: "teach", level: 4 });
      const swap = (await core.services.swaps.request(ana, { to: fresh.handle, want: "Piano", offer: "Guitar" })).id;
      expect(
        (await domainErrorOf(() => sessions().schedule(ana, swap, { startsAt: inHours(1), mode: "online" }))).code,
      ).toBe("SWAP.NOT_ACCEPTED");
      await core.services.swaps.accept(fresh, swap);
      expect(
        await rejectedFields(() =>
          sessions().schedule(ana, swap, { startsAt: inHours(-1), mode: "online", skill: "Piano" }),
        ),
      ).toEqual(["startsAt"]);
      expect(
        await rejectedFields(() => sessions().schedule(ana, swap, { startsAt: inHours(1), mode: "online" })),
      ).toEqual(["skill"]);
      expect(
        await rejectedFields(() =>
          sessions().schedule(ana, swap, { startsAt: inHours(1), mode: "online", skill: "Chess" }),
        ),
      ).toEqual(["skill"]);
      expect(
        await rejectedFields(() =>
          sessions().schedule(ana, swap, { startsAt: inHours(1), mode: "online", skill: "Piano", durationMinutes: 5 }),
        ),
      ).toEqual(["durationMinutes"]);
    });
  });
}
