import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDomainError } from "../../errors.js";
import type { Actor } from "../shared/actor.js";
import { createTestCore, domainErrorOf, newPublicPerson, testProviders, type TestCore } from "../../testing/index.js";
import { sightlinesAmong } from "./visibility.js";

type Person = Actor & { handle: string };
const hour = 60 * 60 * 1000;

for (const provider of testProviders()) {
  describe(`who sees a profile through a swap, on ${provider}`, () => {
    let core: TestCore;
    let signUps = 0;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    /** Someone who signed up on the web: in no community, their profile shown to their communities (the default). */
    async function webPerson(name: string, visibility?: "private"): Promise<Person> {
      signUps += 1;
      const account = await core.services.accounts.signUpWithEmail({
        email: `${name.toLowerCase()}${signUps}@example.org`,
        password: "a sturdy passphrase",
        displayName: name,
      });
      if (visibility !== undefined) await core.services.profiles.update(account, { visibility });
      return account;
    }

    /** Whether `viewer` can open `owner`'s page; a hidden profile answers "not found", like a missing one. */
    const opens = (viewer: Person, owner: Person): Promise<boolean> =>
      core.services.profiles.get(viewer, owner.handle).then(
        () => true,
        (error: unknown) => {
          if (isDomainError(error) && error.code === "USER.NOT_FOUND") return false;
          throw error;
        },
      );
    const followersSeenBy = async (viewer: Person, owner: Person) =>
      (await core.services.follows.followers(viewer, owner.handle)).items.map((p) => p.handle);

    describe("a web-only person asks a public person for a swap", () => {
      let wen: Person;
      let pia: Person;
      let swapId = "";
      beforeAll(async () => {
        wen = await webPerson("Wen");
        pia = await newPublicPerson(core, "Pia", { Guitar: 4 });
        await core.services.follows.follow(wen, { handle: pia.handle });
      });

      it("lets the person asked open the requester's profile, which they could not before", async () => {
        expect(await opens(pia, wen)).toBe(false);
        expect(await followersSeenBy(pia, pia)).not.toContain(wen.handle);

        swapId = (await core.services.swaps.request(wen, { to: pia.handle, want: "Guitar" })).id;
        expect(await opens(pia, wen)).toBe(true);
        expect((await core.services.reviews.listFor(pia, wen.handle)).items).toEqual([]);
        expect(await followersSeenBy(pia, pia)).toContain(wen.handle);
      });

      it("shows each the review they wrote on the other's page once the swap is done", async () => {
        await core.services.swaps.accept(pia, swapId);
        const session = await core.services.sessions.schedule(wen, swapId, {
          startsAt: new Date(core.clock.now().getTime() + hour).toISOString(),
          mode: "online",
          skill: "Guitar",
        });
        core.clock.advance(3 * hour);
        await core.services.sessions.confirm(wen, session.id);
        await core.services.sessions.confirm(pia, session.id);
        expect((await core.services.swaps.get(wen, swapId)).status).toBe("completed");
        await core.services.reviews.submit(wen, swapId, { rating: 5, text: "Three chords in an hour!" });
        await core.services.reviews.submit(pia, swapId, { rating: 4, text: "Wen practised between sessions." });

        const onWen = await core.services.reviews.listFor(pia, wen.handle);
        expect(onWen.items.map((r) => [r.authorName, r.rating, r.text])).toEqual([
          ["Pia", 4, "Wen practised between sessions."],
        ]);
        expect((await core.services.profiles.get(pia, wen.handle)).rating).toMatchObject({ count: 1, average: 4 });
        const onPia = await core.services.reviews.listFor(wen, pia.handle);
        expect(onPia.items.map((r) => [r.authorName, r.rating])).toEqual([["Wen", 5]]);
      });

      it("keeps the person who accepted in sight of the requester when they show themselves to their communities only", async () => {
        await core.services.profiles.update(pia, { visibility: "communities" });
        expect(await opens(wen, pia)).toBe(true);
        expect((await core.services.reviews.listFor(wen, pia.handle)).items).toHaveLength(1);
      });

      it("hides them from each other again when one blocks the other", async () => {
        await core.services.moderation.block(pia, { handle: wen.handle });
        expect(await opens(pia, wen)).toBe(false);
        expect(await opens(wen, pia)).toBe(false);
        expect((await domainErrorOf(() => core.services.reviews.listFor(pia, wen.handle))).code).toBe("USER.NOT_FOUND");
      });
    });

    it("keeps a private requester hidden from the person they asked", async () => {
      const quinn = await webPerson("Quinn", "private");
      const pia = await newPublicPerson(core, "Pia", { Guitar: 4 });
      await core.services.swaps.request(quinn, { to: pia.handle, want: "Guitar" });
      expect(await opens(pia, quinn)).toBe(false);
    });

    it("gives a requester no sight of the person they asked beyond what they had, once declined", async () => {
      const rex = await webPerson("Rex");
      const tara = await newPublicPerson(core, "Tara", { Guitar: 4 });
      const asked = await core.services.swaps.request(rex, { to: tara.handle, want: "Guitar" });
      await core.services.swaps.decline(tara, asked.id, { reason: "Fully booked" });
      await core.services.profiles.update(tara, { visibility: "communities" });

      expect(await opens(rex, tara)).toBe(false);
      expect(await opens(tara, rex)).toBe(true);
    });

    it("gives a cycle's sightlines the same answer as the profile page", async () => {
      const sol = await webPerson("Sol");
      const uma = await newPublicPerson(core, "Uma", { Guitar: 4 });
      const vic = await webPerson("Vic");
      await core.services.swaps.request(sol, { to: uma.handle, want: "Guitar" });
      const sight = await sightlinesAmong(core.database.readRows, [sol.userId, uma.userId, vic.userId]);
      expect(sight.maySee(uma.userId, sol.userId)).toBe(await opens(uma, sol));
      expect(sight.maySee(uma.userId, sol.userId)).toBe(true);
      expect(sight.maySee(vic.userId, sol.userId)).toBe(false);
      expect(sight.maySee(sol.userId, uma.userId)).toBe(true);
    });
  });
}
