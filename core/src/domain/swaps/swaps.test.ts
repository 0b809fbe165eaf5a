import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import {
  createTestCore,
  domainErrorOf,
  newPerson,
  rejectedFields,
  testProviders,
  type TestCore,
  block,
} from "../../testing/index.js";

type Person = Actor & { handle: string };
const day = 24 * 60 * 60 * 1000;
const manySkills = [
  "Music theory",
  "Music production",
  "Ableton Live",
  "DJing",
  "Songwriting",
  "Saxophone",
  "Trumpet",
  "Flute",
  "Clarinet",
  "Harmonica",
  "Banjo",
  "Mandolin",
  "Accordion",
  "Harp",
  "Music composition",
  "Audio mixing",
  "English",
  "French",
  "German",
  "Italian",
  "Portuguese",
];

for (const provider of testProviders()) {
  describe(`swap requests on ${provider}`, () => {
    let core: TestCore;
    const person = async (
      name: string,
      teach: Record<string, number>,
      visibility: "public" | "communities" | "private" = "public",
    ) => {
      const p = await newPerson(core, name);
      await core.services.profiles.update(p, { visibility });
      for (const [skill, level] of Object.entries(teach))
        await core.services.skills.add(p, { skill, direction: "teach", level });
      return p;
    };
    const events = async (swapId: string) =>
      (
        await core.database.db.outboxEvent.findMany({
          where: { aggregateId: swapId },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          select: { type: true },
        })
      ).map((e) => e.type);
    const swaps = () => core.services.swaps;

    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    describe("the good path", () => {
      let ana: Person;
      let bea: Person;
      beforeAll(async () => {
        ana = await person("ana", { Guitar: 4 });
        bea = await person("bea", { Spanish: 5 });
      });

      it("Ana asks Bea for Spanish against Guitar; Bea accepts; a private conversation opens for both", async () => {
        const asked = await swaps().request(ana, {
          to: `@${bea.handle}`,
          want: "spanish",
          offer: "Guitar",
          message: "Tuesdays work for me",
          proposedTimes: ["2026-12-01T18:00:00Z"],
        });
        expect(asked).toMatchObject({
          kind: "pair",
          status: "pending",
          message: "Tuesdays work for me",
          proposedTimes: ["2026-12-01T18:00:00Z"],
          conversationId: null,
        });
        expect(asked.participants).toEqual([
          expect.objectContaining({
            handle: ana.handle,
            role: "requester",
            teaches: expect.objectContaining({ name: "Guitar" }),
          }),
          expect.objectContaining({
            handle: bea.handle,
            role: "recipient",
            teaches: expect.objectContaining({ name: "Spanish" }),
          }),
        ]);
        const accepted = await swaps().accept(bea, asked.id);
        expect(accepted.status).toBe("accepted");
        expect(accepted.conversationId).not.toBeNull();
        const members = await core.database.db.conversationParticipant.findMany({
          where: { conversationId: accepted.conversationId ?? "" },
          select: { userId: true },
        });
        expect(members.map((m) => m.userId).sort()).toEqual([ana.userId, bea.userId].sort());
        expect(await events(asked.id)).toEqual(["swap.requested", "swap.accepted"]);
      });

      it("completes when both say so, and not before", async () => {
        const [swap] = (await swaps().list(ana, { status: "accepted" })).swaps;
        expect((await swaps().complete(ana, swap?.id ?? "")).status).toBe("accepted");
        expect((await swaps().complete(ana, swap?.id ?? "")).status).toBe("accepted");
        expect((await swaps().complete(bea, swap?.id ?? "")).status).toBe("completed");
        expect(await events(swap?.id ?? "")).toEqual(["swap.requested", "swap.accepted", "swap.completed"]);
      });

      it("takes a one-way request when Ana only wants to learn, and a decline with its reason", async () => {
        const asked = await swaps().request(ana, { to: bea.handle, want: "Spanish" });
        expect(asked.kind).toBe("one_way");
        const declined = await swaps().decline(bea, asked.id, { reason: "Fully booked this month" });
        expect(declined).toMatchObject({ status: "declined", declineReason: "Fully booked this month" });
      });

      it("lets the sender withdraw a pending request, and either side call off an accepted swap", async () => {
        const pending = await swaps().request(ana, { to: bea.handle, want: "Spanish" });
        expect((await swaps().cancel(ana, pending.id)).status).toBe("cancelled");
        const again = await swaps().request(ana, { to: bea.handle, want: "Spanish" });
        await swaps().accept(bea, again.id);
        expect((await swaps().cancel(bea, again.id)).status).toBe("cancelled");
      });

      it("lists a person's swaps newest first, a page at a time, by status", async () => {
        const all = await swaps().list(ana, { limit: 50 });
        expect(all.swaps.length).toBeGreaterThanOrEqual(4);
        const walked: string[] = [];
        let before: string | undefined;
        do {
          const page = await swaps().list(ana, { limit: 2, ...(before ? { before } : {}) });
          walked.push(...page.swaps.map((s) => s.id));
          before = page.nextBefore ?? undefined;
        } while (before !== undefined);
        expect(walked).toEqual(all.swaps.map((s) => s.id));
        const closed = await swaps().list(ana, { status: "closed", limit: 50 });
        expect(closed.swaps.every((s) => ["declined", "cancelled", "expired", "completed"].includes(s.status))).toBe(
          true,
        );
      });

      it("narrows the list to the swaps I asked for or the ones I was asked", async () => {
        const mine = await swaps().list(ana, { limit: 50 });
        const asked = await swaps().list(ana, { role: "requester", limit: 50 });
        const askedMe = await swaps().list(ana, { role: "recipient", limit: 50 });
        expect(asked.swaps.every((s) => s.you.role === "requester")).toBe(true);
        expect(askedMe.swaps.every((s) => s.you.role === "recipient")).toBe(true);
        expect(asked.swaps.length + askedMe.swaps.length).toBe(mine.swaps.length);
      });
    });

    describe("rules", () => {
      it("refuses a second open request between the same people for the same skills, either way round", async () => {
        const cal = await person("cal", { Guitar: 3 });
        const dee = await person("dee", { Spanish: 4 });
        await swaps().request(cal, { to: dee.handle, want: "Spanish", offer: "Guitar" });
        expect(
          (await domainErrorOf(() => swaps().request(cal, { to: dee.handle, want: "Spanish", offer: "Guitar" }))).code,
        ).toBe("SWAP.ALREADY_OPEN");
        expect(
          (await domainErrorOf(() => swaps().request(dee, { to: cal.handle, want: "Guitar", offer: "Spanish" }))).code,
        ).toBe("SWAP.ALREADY_OPEN");
      });

      it("stops at 20 requests waiting for an answer", async () => {
        const eli = await person("eli", {});
        const teacher = await person("fay", Object.fromEntries(manySkills.map((s) => [s, 3])));
        for (const skill of manySkills.slice(0, 20)) await swaps().request(eli, { to: teacher.handle, want: skill });
        const error = await domainErrorOf(() =>
          swaps().request(eli, { to: teacher.handle, want: manySkills[20] ?? "" }),
        );
        expect(error).toMatchObject({ kind: "rate_limited", code: "SWAP.TOO_MANY_PENDING" });
      });

      it("lets a request lapse after 14 days: no answer is taken, and the job marks it expired once", async () => {
        const gus = await person("gus", { Chess: 3 });
        const hal = await person("hal", { Piano: 4 });
        const asked = await swaps().request(gus, { to: hal.handle, want: "Piano", offer: "Chess" });
        core.clock.advance(14 * day - 1);
        expect(await swaps().expireDue()).toBe(0);
        core.clock.advance(1);
        expect((await domainErrorOf(() => swaps().accept(hal, asked.id))).code).toBe("SWAP.LAPSED");
        // Every request of the earlier tests lapses too: the clock moved two weeks for all of them.
        expect(await swaps().expireDue()).toBeGreaterThanOrEqual(1);
        expect(await swaps().expireDue()).toBe(0);
        expect((await swaps().get(gus, asked.id)).status).toBe("expired");
        expect(await events(asked.id)).toEqual(["swap.requested", "swap.expired"]);
      });

      it("withdraws pending requests when one blocks the other, and keeps them apart until unblocked", async () => {
        const ivy = await person("ivy", { Yoga: 3 });
        const jay = await person("jay", { Excel: 4 });
        const asked = await swaps().request(ivy, { to: jay.handle, want: "Excel", offer: "Yoga" });
        expect(await core.services.moderation.block(jay, { handle: ivy.handle })).toEqual({ cancelledRequests: 1 });
        expect(await core.services.moderation.block(jay, { handle: ivy.handle })).toEqual({ cancelledRequests: 0 });
        expect((await swaps().get(ivy, asked.id)).status).toBe("cancelled");
        expect(await events(asked.id)).toEqual(["swap.requested", "swap.cancelled"]);
        // Ivy cannot tell she was blocked; Jay is reminded of his own block.
        expect((await domainErrorOf(() => swaps().request(ivy, { to: jay.handle, want: "Excel" }))).code).toBe(
          "USER.NOT_FOUND",
        );
        expect((await domainErrorOf(() => swaps().request(jay, { to: ivy.handle, want: "Yoga" }))).code).toBe(
          "SWAP.YOU_BLOCKED",
        );
        await core.services.moderation.unblock(jay, { handle: ivy.handle });
        expect((await swaps().request(ivy, { to: jay.handle, want: "Excel" })).status).toBe("pending");
      });
    });

    describe("who may do what", () => {
      let kai: Person;
      let lou: Person;
      let max: Person;
      let swapId: string;
      beforeAll(async () => {
        kai = await person("kai", { Drawing: 3 });
        lou = await person("lou", { Knitting: 4 });
        max = await person("max", {});
        swapId = (await swaps().request(kai, { to: lou.handle, want: "Knitting", offer: "Drawing" })).id;
      });

      it("lets only the recipient answer, and only the sender withdraw a pending request", async () => {
        expect((await domainErrorOf(() => swaps().accept(kai, swapId))).code).toBe("SWAP.NOT_YOURS_TO_ANSWER");
        expect((await domainErrorOf(() => swaps().decline(kai, swapId))).code).toBe("SWAP.NOT_YOURS_TO_ANSWER");
        expect((await domainErrorOf(() => swaps().cancel(lou, swapId))).code).toBe("SWAP.NOT_YOURS_TO_CANCEL");
        expect((await domainErrorOf(() => swaps().complete(kai, swapId))).code).toBe("SWAP.NOT_ACCEPTED");
      });

      it("shows an outsider nothing at all", async () => {
        for (const attempt of [
          () => swaps().get(max, swapId),
          () => swaps().accept(max, swapId),
          () => swaps().decline(max, swapId),
          () => swaps().cancel(max, swapId),
          () => swaps().complete(max, swapId),
          () => swaps().get(max, "no-such-swap"),
        ])
          expect((await domainErrorOf(attempt)).code).toBe("SWAP.NOT_FOUND");
        expect((await swaps().list(max)).swaps).toEqual([]);
      });

      it("keeps a closed swap closed", async () => {
        await swaps().decline(lou, swapId);
        for (const attempt of [
          () => swaps().accept(lou, swapId),
          () => swaps().cancel(kai, swapId),
          () => swaps().complete(kai, swapId),
        ])
          expect((await domainErrorOf(attempt)).code).toBe("SWAP.CLOSED");
      });
    });

    describe("bad input", () => {
      let ned: Person;
      let ora: Person;
      let pia: Person;
      beforeAll(async () => {
        ned = await person("ned", { Guitar: 3 });
        ora = await person("ora", { Spanish: 4 });
        pia = await person("pia", { Spanish: 5 }, "private");
      });

      it("names the field: unknown skills, skills not taught, a long message, a time in the past, oneself", async () => {
        expect(
          await rejectedFields(() => swaps().request(ned, { to: ora.handle, want: "Underwater basketry" })),
        ).toEqual(["want"]);
        expect(await rejectedFields(() => swaps().request(ned, { to: ora.handle, want: "Piano" }))).toEqual(["want"]);
        expect(
          await rejectedFields(() => swaps().request(ned, { to: ora.handle, want: "Spanish", offer: "Piano" })),
        ).toEqual(["offer"]);
        expect(
          await rejectedFields(() =>
            swaps().request(ned, { to: ora.handle, want: "Spanish", message: "x".repeat(1001) }),
          ),
        ).toEqual(["message"]);
        expect(
          await rejectedFields(() =>
            swaps().request(ned, { to: ora.handle, want: "Spanish", proposedTimes: ["2020-01-01T10:00:00Z"] }),
          ),
        ).toEqual(["proposedTimes.0"]);
        expect(
          await rejectedFields(() =>
            swaps().request(ned, { to: ora.handle, want: "Spanish", proposedTimes: ["soon"] }),
          ),
        ).toEqual(["proposedTimes.0"]);
        expect(await rejectedFields(() => swaps().request(ora, { to: ora.handle, want: "Spanish" }))).toEqual(["to"]);
        expect(await rejectedFields(() => swaps().decline(ora, "x", { reason: "y".repeat(501) }))).toEqual(["reason"]);
      });

      it("cannot reach a private profile, or someone who does not exist", async () => {
        expect((await domainErrorOf(() => swaps().request(ned, { to: pia.handle, want: "Spanish" }))).code).toBe(
          "USER.NOT_FOUND",
        );
        expect((await domainErrorOf(() => swaps().request(ned, { to: "nobody-here", want: "Spanish" }))).code).toBe(
          "USER.NOT_FOUND",
        );
      });

      it("writes nothing when a request is refused", async () => {
        const before = await core.database.db.swap.count();
        await domainErrorOf(() => swaps().request(ned, { to: ora.handle, want: "Spanish", offer: "Piano" }));
        expect(await core.database.db.swap.count()).toBe(before);
      });
    });
  });
}

for (const provider of testProviders()) {
  describe(`three-person swaps on ${provider}`, () => {
    let core: TestCore;
    let ana: Person;
    let ed: Person;
    let fay: Person;
    beforeAll(async () => {
      core = await createTestCore(provider);
      [ana, ed, fay] = (await Promise.all(["ana", "ed", "fay"].map((n) => newPerson(core, n)))) as [
        Person,
        Person,
        Person,
      ];
      for (const [p, skill] of [
        [ana, "Guitar"],
        [ed, "Chess"],
        [fay, "Spanish"],
      ] as const) {
        await core.services.profiles.update(p, { visibility: "public" });
        await core.services.skills.add(p, { skill, direction: "teach", level: 4 });
      }
    });
    afterAll(() => core.close());

    const propose = () =>
      core.services.swaps.requestCycle(ana, {
        next: ed.handle,
        after: fay.handle,
        youTeach: "Guitar",
        nextTeaches: "Chess",
        afterTeaches: "Spanish",
      });

    it("becomes active only when both others accept, with one conversation for the three", async () => {
      const cycle = await propose();
      expect(cycle.kind).toBe("cycle");
      expect(cycle.participants.map((p) => [p.role, p.teaches?.name, p.learns?.name])).toEqual([
        ["requester", "Guitar", "Spanish"],
        ["recipient", "Chess", "Guitar"],
        ["recipient", "Spanish", "Chess"],
      ]);
      const afterEd = await core.services.swaps.accept(ed, cycle.id);
      expect(afterEd).toMatchObject({ status: "pending", conversationId: null });
      expect((await domainErrorOf(() => core.services.swaps.accept(ed, cycle.id))).code).toBe("SWAP.ALREADY_ANSWERED");
      const active = await core.services.swaps.accept(fay, cycle.id);
      expect(active.status).toBe("accepted");
      const members = await core.database.db.conversationParticipant.count({
        where: { conversationId: active.conversationId ?? "" },
      });
      expect(members).toBe(3);
      const session = await core.services.sessions.schedule(ed, cycle.id, {
        startsAt: new Date(core.clock.now().getTime() + 3_600_000).toISOString(),
        mode: "online",
        skill: "Chess",
      });
      expect(session.skill?.name).toBe("Chess");
      await core.services.swaps.cancel(fay, cycle.id);
    });

    it("is declined for all when one of them says no, and checks every link", async () => {
      const cycle = await propose();
      await core.services.swaps.accept(ed, cycle.id);
      expect((await core.services.swaps.decline(fay, cycle.id)).status).toBe("declined");
      expect(
        await rejectedFields(() =>
          core.services.swaps.requestCycle(ana, {
            next: ed.handle,
            after: fay.handle,
            youTeach: "Guitar",
            nextTeaches: "Piano",
            afterTeaches: "Spanish",
          }),
        ),
      ).toEqual(["nextTeaches"]);
      expect(
        await rejectedFields(() =>
          core.services.swaps.requestCycle(ana, {
            next: ed.handle,
            after: ed.handle,
            youTeach: "Guitar",
            nextTeaches: "Chess",
            afterTeaches: "Chess",
          }),
        ),
      ).toEqual(["after"]);
    });

    it("refuses a cycle whose people cannot meet for a link, naming that link's skill", async () => {
      // Ed now teaches Chess only online, and Fay meets only in person: the Chess link cannot happen.
      const chess = (await core.services.skills.listFor(ed, ed.handle)).find((s) => s.skill.name === "Chess");
      await core.services.skills.update(ed, chess?.id ?? "", { mode: "online" });
      await core.services.profiles.update(fay, { meetingMode: "in_person", location: "Lyon" });
      const refused = await domainErrorOf(propose);
      expect(refused.code).toBe("SWAP.CANNOT_MEET");
      expect(refused.fields).toEqual([
        {
          field: "nextTeaches",
          message: `${ed.handle} and ${fay.handle} cannot meet for Chess: one meets only online, the other only in person.`,
        },
      ]);
      // Ana meets only in person, in Paris like Ed: Fay (Lyon) would have to teach her 390 km away, beyond both
      // people's 50 km.
      await core.services.skills.update(ed, chess?.id ?? "", { mode: null });
      await core.services.profiles.update(fay, { meetingMode: "either" });
      await core.services.profiles.update(ed, { location: "Paris" });
      await core.services.profiles.update(ana, { meetingMode: "in_person", location: "Paris" });
      expect(await domainErrorOf(propose)).toMatchObject({
        code: "SWAP.CANNOT_MEET",
        fields: [
          {
            field: "afterTeaches",
            message: `${fay.handle} and you are too far apart to meet in person for Spanish, or one of them has no city.`,
          },
        ],
      });
      await core.services.profiles.update(ana, { meetingMode: "either" });
      const proposed = await propose();
      expect(proposed.status).toBe("pending");
      await core.services.swaps.cancel(ana, proposed.id);
    });

    it("refuses a cycle the others could not see the requester in: the three would share a conversation", async () => {
      await core.services.profiles.update(ana, { visibility: "private" });
      expect(await domainErrorOf(propose)).toMatchObject({
        code: "SWAP.YOU_ARE_HIDDEN",
        kind: "forbidden",
        params: { handle: ed.handle },
      });
      await core.services.profiles.update(ana, { visibility: "public" });
    });

    it("refuses a cycle whose two others cannot see each other, as matching never offers one", async () => {
      await block(core, ed, fay);
      expect((await domainErrorOf(propose)).code).toBe("USER.NOT_FOUND");
      await core.database.db.block.deleteMany({ where: { blockerId: ed.userId } });
    });
  });
}
