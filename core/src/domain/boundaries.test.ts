import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptedSwap,
  createTestCore,
  domainErrorOf,
  newPublicPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../testing/index.js";
import type { Actor } from "./shared/actor.js";

type Person = Actor & { handle: string };

/**
 * The edges of the use cases the door adapters call, in one place: every one of them names the field it
 * rejects, and nobody touches a row that is not theirs.
 */
for (const provider of testProviders()) {
  describe(`use case boundaries on ${provider}`, () => {
    let core: TestCore;
    let ana: Person;
    let bea: Person;
    let cy: Person;
    let swapId: string;
    let conversationId: string;
    let communityId: string;

    beforeAll(async () => {
      core = await createTestCore(provider);
      ({ ana, bea, swapId, conversationId } = await acceptedSwap(core));
      cy = await newPublicPerson(core, "cy");
      communityId = (await core.services.communities.register({ platform: "slack", externalId: "T1", name: "Team" }))
        .communityId;
      await core.services.communities.syncMember({ communityId, userId: ana.userId, role: "admin" });
      await core.services.communities.syncMember({ communityId, userId: bea.userId });
    });
    afterAll(() => core.close());

    it("name every rejected field", async () => {
      const s = core.services;
      const cases: Array<[() => Promise<unknown>, string[]]> = [
        [
          () => s.communities.register({ platform: "irc" as "slack", externalId: "", name: "x" }),
          ["externalId", "platform"],
        ],
        [() => s.communities.syncMember({ communityId, userId: bea.userId, role: "owner" as "admin" }), ["role"]],
        [
          () => s.communities.linkChannel(ana, { communityId, channelId: "", group: "g", kind: "voice" as "chat" }),
          ["channelId", "kind"],
        ],
        [() => s.swaps.list(ana, { status: "lost" as "open" }), ["status"]],
        [() => s.swaps.list(ana, { limit: 0 }), ["limit"]],
        [() => s.conversations.list(ana, conversationId, { limit: 500 }), ["limit"]],
        [
          () =>
            s.conversations.bindChannel({
              conversationId,
              userId: null,
              platform: "irc" as "slack",
              externalChannelId: "",
            }),
          ["externalChannelId", "platform"],
        ],
        [() => s.reviews.listFor(ana, bea.handle, { limit: 0 }), ["limit"]],
        [() => s.moderation.block(ana, { handle: ana.handle }), ["handle"]],
        [() => s.moderation.report(ana, { handle: bea.handle, reason: "" }), ["reason"]],
        [() => s.follows.feed(ana, { limit: 1000 }), ["limit"]],
        [() => s.groups.create(ana, { name: "Valid name", description: "x".repeat(1001) }), ["description"]],
        [() => s.sessions.reschedule(ana, "any", { startsAt: "tomorrow" }), ["startsAt"]],
      ];
      for (const [attempt, fields] of cases) expect(await rejectedFields(attempt)).toEqual(fields);
    });

    it("refuse invisible control characters by field, keep line breaks where text has lines, and strip bidi overrides from names", async () => {
      const s = core.services;
      expect(
        await rejectedFields(() => s.profiles.update(cy, { bio: "Hello\u0000there", pronouns: "she\u0007her" })),
      ).toEqual(["bio", "pronouns"]);
      expect(await rejectedFields(() => s.search.people(cy, { text: "gui\u0000tar" }))).toEqual(["text"]);
      expect(await rejectedFields(() => s.swaps.request(cy, { to: "ana\u0000", want: "Guitar" }))).toEqual(["to"]);
      const multiline = await s.profiles.update(cy, { bio: "Line one\nLine two\tend" });
      expect(multiline.bio).toBe("Line one\nLine two\tend");
      const named = await s.profiles.update(cy, { displayName: "\u202EnaC\u202C Cy\u2066!\u2069" });
      expect(named.displayName).toBe("naC Cy!");
      expect(await rejectedFields(() => s.profiles.update(cy, { displayName: "\u202E\u202C" }))).toEqual([
        "displayName",
      ]);
    });

    it("let nobody touch what is not theirs", async () => {
      const s = core.services;
      const refusals: Array<[() => Promise<unknown>, string]> = [
        [() => s.swaps.get(cy, swapId), "SWAP.NOT_FOUND"],
        [() => s.conversations.list(cy, conversationId), "CONVERSATION.NOT_FOUND"],
        [() => s.sessions.listFor(cy, swapId), "SWAP.NOT_FOUND"],
        [() => s.reviews.submit(cy, swapId, { rating: 5 }), "SWAP.NOT_FOUND"],
        [() => s.communities.setSwapsChannel(bea, { communityId, channelId: "C1" }), "COMMUNITY.ADMIN_ONLY"],
        // Cy is not in the community: for Cy it does not exist.
        [() => s.communities.unlinkChannel(cy, { communityId, channelId: "C1" }), "COMMUNITY.NOT_FOUND"],
        [() => s.communities.auditLog(bea, communityId), "COMMUNITY.ADMIN_ONLY"],
      ];
      for (const [attempt, code] of refusals) expect((await domainErrorOf(attempt)).code).toBe(code);
      // A private profile's reviews are as hidden as the profile.
      await s.profiles.update(bea, { visibility: "private" });
      expect((await domainErrorOf(() => s.reviews.listFor(cy, bea.handle))).code).toBe("USER.NOT_FOUND");
      expect((await domainErrorOf(() => s.follows.followers(cy, bea.handle))).code).toBe("USER.NOT_FOUND");
      await s.profiles.update(bea, { visibility: "public" });
    });

    it("leave no half-written rows behind a refused request", async () => {
      const counts = async () =>
        Promise.all([
          core.database.db.swap.count(),
          core.database.db.swapParticipant.count(),
          core.database.db.outboxEvent.count(),
        ]);
      const before = await counts();
      await domainErrorOf(() => core.services.swaps.request(cy, { to: ana.handle, want: "Guitar", offer: "Piano" }));
      await domainErrorOf(() =>
        core.services.swaps.requestCycle(cy, {
          next: ana.handle,
          after: bea.handle,
          youTeach: "Chess",
          nextTeaches: "Guitar",
          afterTeaches: "Spanish",
        }),
      );
      expect(await counts()).toEqual(before);
    });
  });
}
