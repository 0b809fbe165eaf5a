import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import {
  acceptedSwap,
  createTestCore,
  domainErrorOf,
  newPublicPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

type Person = Actor & { handle: string };
const hour = 60 * 60 * 1000;
const day = 24 * hour;

for (const provider of testProviders()) {
  describe(`reviews on ${provider}`, () => {
    let core: TestCore;
    let ana: Person;
    let bea: Person;
    let cy: Person;
    let swapId: string;
    const reviews = () => core.services.reviews;

    beforeAll(async () => {
      core = await createTestCore(provider);
      ({ ana, bea, swapId } = await acceptedSwap(core));
      cy = await newPublicPerson(core, "cy");
    });
    afterAll(() => core.close());

    it("waits until a session of the swap was completed", async () => {
      expect((await domainErrorOf(() => reviews().submit(ana, swapId, { rating: 5 }))).code).toBe("REVIEW.TOO_EARLY");
      const session = await core.services.sessions.schedule(ana, swapId, {
        startsAt: new Date(core.clock.now().getTime() + hour).toISOString(),
        mode: "online",
        skill: "Spanish",
      });
      core.clock.advance(3 * hour);
      await core.services.sessions.confirm(ana, session.id);
      await core.services.sessions.confirm(bea, session.id);
    });

    it("takes one review per participant per swap, shown on the other's profile with the rating summary", async () => {
      const review = await reviews().submit(ana, swapId, { rating: 5, text: "Patient and clear, muchas gracias!" });
      expect(review).toMatchObject({ subject: bea.handle, rating: 5, authorName: "ana", reply: null });
      expect((await domainErrorOf(() => reviews().submit(ana, swapId, { rating: 4 }))).code).toBe("REVIEW.ALREADY");
      await reviews().submit(bea, swapId, { rating: 4, text: "Great guitar basics" });
      const onBea = await reviews().listFor(cy, bea.handle);
      expect(onBea.items.map((r) => [r.authorName, r.rating])).toEqual([["ana", 5]]);
      const profile = await core.services.profiles.get(cy, bea.handle);
      expect(profile.rating).toMatchObject({ count: 1, average: 5 });
    });

    it("lets the author edit for 14 days, and the reviewed person reply once", async () => {
      const [review] = (await reviews().listFor(ana, bea.handle)).items;
      const id = review?.id ?? "";
      expect((await reviews().edit(ana, id, { rating: 4 })).rating).toBe(4);
      expect((await domainErrorOf(() => reviews().edit(bea, id, { rating: 1 }))).code).toBe("REVIEW.NOT_YOURS");
      expect((await reviews().reply(bea, id, { text: "Thank you Ana!" })).reply).toBe("Thank you Ana!");
      expect((await domainErrorOf(() => reviews().reply(bea, id, { text: "again" }))).code).toBe(
        "REVIEW.ALREADY_REPLIED",
      );
      expect((await domainErrorOf(() => reviews().reply(ana, id, { text: "me too" }))).code).toBe(
        "REVIEW.NOT_ABOUT_YOU",
      );
      core.clock.advance(14 * day);
      expect((await domainErrorOf(() => reviews().edit(ana, id, { text: "late" }))).code).toBe("REVIEW.LOCKED");
    });

    it("can be reported", async () => {
      const [review] = (await reviews().listFor(cy, bea.handle)).items;
      const { reportId } = await reviews().report(cy, review?.id ?? "", { reason: "Looks like spam" });
      expect(await core.database.db.report.findUnique({ where: { id: reportId }, select: { reviewId: true } })).toEqual(
        {
          reviewId: review?.id,
        },
      );
    });

    it("belongs to participants only, and names bad input", async () => {
      expect((await domainErrorOf(() => reviews().submit(cy, swapId, { rating: 5 }))).code).toBe("SWAP.NOT_FOUND");
      expect(await rejectedFields(() => reviews().submit(ana, swapId, { rating: 6 }))).toEqual(["rating"]);
      expect(await rejectedFields(() => reviews().submit(ana, swapId, { rating: 3, text: "x".repeat(2001) }))).toEqual([
        "text",
      ]);
      expect(await rejectedFields(() => reviews().submit(ana, swapId, { rating: 3, about: ana.handle }))).toEqual([
        "about",
      ]);
    });

    it("stays on the other's profile as 'a deleted user' when its author deletes their account", async () => {
      await core.services.profiles.deleteAccount(ana, ana.handle);
      const onBea = await reviews().listFor(cy, bea.handle);
      expect(onBea.items.map((r) => [r.authorName, r.author])).toEqual([["a deleted user", null]]);
      // Ana's own profile, and the review Bea wrote about her, are gone with her account.
      expect((await domainErrorOf(() => reviews().listFor(cy, ana.handle))).code).toBe("USER.NOT_FOUND");
      expect(await core.database.db.review.count({ where: { swapId } })).toBe(1);
    });
  });
}
