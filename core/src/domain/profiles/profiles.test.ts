import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  block,
  createTestCore,
  domainErrorOf,
  newCommunity,
  newPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

for (const provider of testProviders()) {
  describe(`profiles on ${provider}`, () => {
    let core: TestCore;
    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    describe("editing your profile", () => {
      it("saves every field and shows it back", async () => {
        const ana = await newPerson(core, "Ana");
        const profile = await core.services.profiles.update(ana, {
          displayName: "Ana Souza",
          bio: "I teach guitar and want to learn Japanese.",
          pronouns: "she/her",
          languages: ["pt-br", "EN", "en"],
          timeZone: "Europe/Lisbon",
          location: "Lyon",
          meetingMode: "online",
          maxDistanceKm: 25,
          visibility: "public",
          contactPreference: "email",
          shareSessions: true,
          notifications: [{ kind: "message", channel: "email", enabled: true }],
        });
        expect(profile).toMatchObject({
          displayName: "Ana Souza",
          bio: "I teach guitar and want to learn Japanese.",
          pronouns: "she/her",
          languages: ["pt-BR", "en"],
          timeZone: "Europe/Lisbon",
          location: { name: "Lyon", country: "FR" },
          meetingMode: "online",
          maxDistanceKm: 25,
          visibility: "public",
          contactPreference: "email",
          shareSessions: true,
        });
        expect(profile.notifications).toContainEqual({ kind: "message", channel: "email", enabled: true });
      });

      it("keeps handles unique whatever their case", async () => {
        const first = await newPerson(core, "Hero");
        const second = await newPerson(core, "Other");
        const mine = await core.services.profiles.update(first, { handle: "Guitar_Hero" });
        expect(mine.handle).toBe("guitar_hero");
        const error = await domainErrorOf(() => core.services.profiles.update(second, { handle: "GUITAR_HERO" }));
        expect(error.code).toBe("PROFILE.HANDLE_TAKEN");
        expect(error.fields.map((f) => f.field)).toEqual(["handle"]);
      });

      it("names every rejected field and changes nothing", async () => {
        const bo = await newPerson(core, "Bo");
        const before = await core.services.profiles.me(bo);
        const fields = await rejectedFields(() =>
          core.services.profiles.update(bo, {
            bio: "x".repeat(1001),
            timeZone: "Mars/Olympus_Mons",
            handle: "a!",
            languages: ["english!!"],
            visibility: "friends" as "public",
            maxDistanceKm: -4,
          }),
        );
        expect(fields).toEqual(["bio", "handle", "languages.0", "maxDistanceKm", "timeZone", "visibility"]);
        expect(await core.services.profiles.me(bo)).toEqual(before);
      });

      it("says which places an ambiguous city could be, and accepts the one picked", async () => {
        const cy = await newPerson(core, "Cy");
        const error = await domainErrorOf(() => core.services.profiles.update(cy, { location: "Springfield" }));
        expect(error.code).toBe("PROFILE.AMBIGUOUS_CITY");
        expect(error.fields[0]?.message).toMatch(/Springfield, MO, US; Springfield, /);
        const candidates = error.fields[0]?.candidates ?? [];
        expect(candidates.slice(0, 2)).toEqual([
          { geonameId: expect.any(Number), name: "Springfield", region: "MO", country: "US" },
          { geonameId: expect.any(Number), name: "Springfield", region: "MA", country: "US" },
        ]);
        const picked = candidates[1]?.geonameId ?? 0;
        const profile = await core.services.profiles.update(cy, { location: { geonameId: picked } });
        expect(profile.location).toMatchObject({ name: "Springfield", region: "MA" });
      });

      it("rejects a city it cannot find without touching the profile or the outbox", async () => {
        const di = await newPerson(core, "Di");
        const eventsBefore = await core.database.db.outboxEvent.count({ where: { aggregateId: di.userId } });
        const error = await domainErrorOf(() =>
          core.services.profiles.update(di, { bio: "new bio", location: "Xyzzyville" }),
        );
        expect(error.code).toBe("PROFILE.UNKNOWN_CITY");
        expect((await core.services.profiles.me(di)).bio).toBe("");
        expect(await core.database.db.outboxEvent.count({ where: { aggregateId: di.userId } })).toBe(eventsBefore);
      });

      it("writes a profile.updated event with the change", async () => {
        const ed = await newPerson(core, "Ed");
        await core.services.profiles.update(ed, { bio: "hello" });
        const event = await core.database.db.outboxEvent.findFirstOrThrow({
          where: { aggregateId: ed.userId, type: "profile.updated" },
        });
        expect(JSON.parse(event.payload)).toEqual({ userId: ed.userId, fields: ["bio"] });
      });

      it("only ever changes the actor's own profile", async () => {
        const fay = await newPerson(core, "Fay");
        const gus = await newPerson(core, "Gus");
        const gusBefore = await core.services.profiles.me(gus);
        await core.services.profiles.update(fay, { displayName: "Fay Updated", bio: "mine" });
        expect(await core.services.profiles.me(gus)).toEqual(gusBefore);
      });

      it("refuses edits from an account that no longer exists", async () => {
        const hal = await newPerson(core, "Hal");
        await core.services.profiles.deleteAccount(hal, hal.handle);
        const error = await domainErrorOf(() => core.services.profiles.update(hal, { bio: "ghost" }));
        expect(error.kind).toBe("not_found");
      });
    });

    describe("suggesting cities while typing", () => {
      it("offers the biggest cities first, each with a query that finds exactly that city again", async () => {
        const someone = await newPerson(core, "Traveller");
        const suggestions = core.services.profiles.suggestCities("portl", 10);
        expect(suggestions.length).toBeGreaterThan(1);
        for (const { query } of suggestions) {
          const profile = await core.services.profiles.update(someone, { location: query });
          expect(query.startsWith(profile.location?.name ?? "?")).toBe(true);
        }
      });
    });

    describe("seeing someone's profile", () => {
      it("shows a public profile to anyone, and hides owner-only details", async () => {
        const ivy = await newPerson(core, "Ivy");
        await core.services.profiles.update(ivy, { visibility: "public" });
        const seen = await core.services.profiles.get(null, ivy.handle);
        expect(seen.displayName).toBe("Ivy");
        expect(seen.isOwner).toBe(false);
        expect(seen).not.toHaveProperty("email");
        expect(seen).not.toHaveProperty("notifications");
      });

      it("shows a communities profile only to people in a shared community", async () => {
        const jo = await newPerson(core, "Jo");
        const friend = await newPerson(core, "Friend");
        const stranger = await newPerson(core, "Stranger");
        await newCommunity(core, [jo, friend]);
        await core.services.profiles.update(jo, { visibility: "communities" });
        expect((await core.services.profiles.get(friend, jo.handle)).displayName).toBe("Jo");
        expect((await domainErrorOf(() => core.services.profiles.get(stranger, jo.handle))).code).toBe(
          "USER.NOT_FOUND",
        );
        expect((await domainErrorOf(() => core.services.profiles.get(null, jo.handle))).code).toBe("USER.NOT_FOUND");
      });

      it("keeps a private profile to its owner", async () => {
        const kai = await newPerson(core, "Kai");
        const peer = await newPerson(core, "Peer");
        await newCommunity(core, [kai, peer]);
        await core.services.profiles.update(kai, { visibility: "private" });
        expect((await domainErrorOf(() => core.services.profiles.get(peer, kai.handle))).kind).toBe("not_found");
        expect((await core.services.profiles.get(kai, kai.handle)).isOwner).toBe(true);
      });

      it("never shows blocked people to each other, in either direction", async () => {
        const lu = await newPerson(core, "Lu");
        const mo = await newPerson(core, "Mo");
        await core.services.profiles.update(lu, { visibility: "public" });
        await core.services.profiles.update(mo, { visibility: "public" });
        await block(core, lu, mo);
        expect((await domainErrorOf(() => core.services.profiles.get(mo, lu.handle))).kind).toBe("not_found");
        expect((await domainErrorOf(() => core.services.profiles.get(lu, mo.handle))).kind).toBe("not_found");
      });
    });

    describe("deleting an account", () => {
      it("asks the person to confirm with their handle", async () => {
        const ned = await newPerson(core, "Ned");
        expect(await rejectedFields(() => core.services.profiles.deleteAccount(ned, "someone-else"))).toEqual([
          "confirmHandle",
        ]);
        expect((await core.services.profiles.me(ned)).handle).toBe(ned.handle);
      });

      it("removes personal data but keeps others' conversations and the reviews it wrote", async () => {
        const leaver = await newPerson(core, "Leaver");
        const stayer = await newPerson(core, "Stayer");
        const { db } = core.database;
        await db.swap.create({
          data: {
            id: `swap-${leaver.userId}`,
            kind: "pair",
            status: "completed",
            requesterId: leaver.userId,
            expiresAt: core.clock.now(),
            participants: {
              create: [
                { userId: leaver.userId, role: "requester" },
                { userId: stayer.userId, role: "recipient" },
              ],
            },
          },
        });
        await db.conversation.create({
          data: {
            id: `conv-${leaver.userId}`,
            swapId: `swap-${leaver.userId}`,
            participants: { create: [{ userId: leaver.userId }, { userId: stayer.userId }] },
            messages: {
              create: [
                {
                  id: `m1-${leaver.userId}`,
                  authorId: leaver.userId,
                  body: "See you Tuesday!",
                  source: "dashboard",
                  externalId: `m1-${leaver.userId}`,
                },
                {
                  id: `m2-${leaver.userId}`,
                  authorId: stayer.userId,
                  body: "Great",
                  source: "dashboard",
                  externalId: `m2-${leaver.userId}`,
                },
              ],
            },
          },
        });
        const editableUntil = core.clock.now();
        await db.review.createMany({
          data: [
            {
              id: `r1-${leaver.userId}`,
              swapId: `swap-${leaver.userId}`,
              authorId: leaver.userId,
              subjectId: stayer.userId,
              rating: 5,
              editableUntil,
            },
            {
              id: `r2-${leaver.userId}`,
              swapId: `swap-${leaver.userId}`,
              authorId: stayer.userId,
              subjectId: leaver.userId,
              rating: 4,
              editableUntil,
            },
          ],
        });

        await core.services.profiles.deleteAccount(leaver, leaver.handle);

        expect((await domainErrorOf(() => core.services.profiles.get(stayer, leaver.handle))).kind).toBe("not_found");
        expect(await db.user.count({ where: { id: leaver.userId } })).toBe(0);
        expect(await db.identity.count({ where: { userId: leaver.userId } })).toBe(0);
        const messages = await db.message.findMany({
          where: { conversationId: `conv-${leaver.userId}` },
          orderBy: { id: "asc" },
          select: { body: true, authorId: true },
        });
        expect(messages).toEqual([
          { body: "See you Tuesday!", authorId: null },
          { body: "Great", authorId: stayer.userId },
        ]);
        const stayerProfile = await core.services.profiles.me(stayer);
        expect(stayerProfile.rating.count).toBe(1);
        expect(await db.review.count({ where: { id: `r2-${leaver.userId}` } })).toBe(0);
        expect(await db.outboxEvent.count({ where: { aggregateId: leaver.userId, type: "user.deleted" } })).toBe(1);
      });
    });

    describe("exporting your data", () => {
      it("hands over everything about you as JSON, without secrets", async () => {
        const account = await core.services.accounts.signUpWithEmail({
          email: "oli@example.org",
          password: "a long password",
          displayName: "Oli",
        });
        const oli = { userId: account.userId };
        await core.services.profiles.update(oli, { bio: "Export me", location: "Lyon" });
        const data = await core.services.profiles.exportData(oli);
        expect(data).toMatchObject({
          format: "skillswap.export/v1",
          handle: account.handle,
          bio: "Export me",
          email: "oli@example.org",
          location: { name: "Lyon" },
        });
        expect(data.identities).toEqual([expect.objectContaining({ provider: "email" })]);
        const text = JSON.stringify(data);
        expect(text).not.toContain("scrypt");
        expect(text).not.toContain("passwordHash");
      });
    });
  });
}
