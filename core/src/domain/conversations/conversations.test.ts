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

for (const provider of testProviders()) {
  describe(`swap conversations on ${provider}`, () => {
    let core: TestCore;
    let ana: Person;
    let bea: Person;
    let cy: Person;
    let conversationId: string;
    let swapId: string;
    const talk = () => core.services.conversations;

    beforeAll(async () => {
      core = await createTestCore(provider);
      ({ ana, bea, swapId, conversationId } = await acceptedSwap(core));
      cy = await newPublicPerson(core, "cy");
    });
    afterAll(() => core.close());

    it("carries messages from every surface, with their source, newest first", async () => {
      await talk().post(ana, conversationId, { text: "Hola! When shall we start?" });
      await talk().post(bea, conversationId, { text: "Tuesday 18:00?", source: "discord", externalId: "d-1001" });
      await talk().post(ana, conversationId, { text: "Perfect", source: "slack", externalId: "1700000000.000100" });
      const { messages } = await talk().list(bea, conversationId);
      expect(messages.map((m) => [m.authorName, m.text, m.source])).toEqual([
        ["ana", "Perfect", "slack"],
        ["bea", "Tuesday 18:00?", "discord"],
        ["ana", "Hola! When shall we start?", "dashboard"],
      ]);
    });

    it("stores a platform message once however often the platform delivers it, and announces it once", async () => {
      const first = await talk().post(bea, conversationId, {
        text: "See you",
        source: "discord",
        externalId: "d-2002",
      });
      const again = await talk().post(bea, conversationId, {
        text: "See you",
        source: "discord",
        externalId: "d-2002",
      });
      expect(again.id).toBe(first.id);
      const announced = await core.database.db.outboxEvent.findMany({
        where: { type: "message.posted", aggregateId: conversationId },
        select: { payload: true },
      });
      expect(announced.filter((e) => e.payload.includes(first.id))).toHaveLength(1);
    });

    it("pages back through history", async () => {
      for (let i = 0; i < 5; i++) await talk().post(ana, conversationId, { text: `note ${i}` });
      const all = (await talk().list(ana, conversationId, { limit: 100 })).messages.map((m) => m.id);
      const walked: string[] = [];
      let before: string | undefined;
      do {
        const page = await talk().list(ana, conversationId, { limit: 3, ...(before ? { before } : {}) });
        walked.push(...page.messages.map((m) => m.id));
        before = page.nextBefore ?? undefined;
      } while (before !== undefined);
      expect(walked).toEqual(all);
    });

    it("is private to its participants", async () => {
      expect((await domainErrorOf(() => talk().list(cy, conversationId))).code).toBe("CONVERSATION.NOT_FOUND");
      expect((await domainErrorOf(() => talk().post(cy, conversationId, { text: "hi" }))).code).toBe(
        "CONVERSATION.NOT_FOUND",
      );
    });

    it("names bad input: empty or overlong text, a platform message without its id", async () => {
      expect(await rejectedFields(() => talk().post(ana, conversationId, { text: "  " }))).toEqual(["text"]);
      expect(await rejectedFields(() => talk().post(ana, conversationId, { text: "x".repeat(4001) }))).toEqual([
        "text",
      ]);
      expect(await rejectedFields(() => talk().post(ana, conversationId, { text: "hi", source: "discord" }))).toEqual([
        "externalId",
      ]);
    });

    it("knows which platform channel carries the conversation for whom", async () => {
      await talk().bindChannel({ conversationId, userId: null, platform: "discord", externalChannelId: "thread-9" });
      await talk().bindChannel({ conversationId, userId: null, platform: "discord", externalChannelId: "thread-9" });
      await talk().bindChannel({
        conversationId,
        userId: ana.userId,
        platform: "slack",
        externalChannelId: "G123",
        tenantId: "T0LYON",
      });
      expect(await talk().channelsOf(conversationId)).toEqual([
        { userId: null, platform: "discord", externalChannelId: "thread-9", tenantId: null },
        { userId: ana.userId, platform: "slack", externalChannelId: "G123", tenantId: "T0LYON" },
      ]);
      expect(await talk().forChannel("discord", "thread-9")).toBe(conversationId);
      expect(await talk().forChannel("discord", "elsewhere")).toBeNull();
      expect(
        (
          await domainErrorOf(() =>
            talk().bindChannel({ conversationId, userId: cy.userId, platform: "slack", externalChannelId: "G9" }),
          )
        ).code,
      ).toBe("CONVERSATION.NOT_FOUND");
    });

    it("takes no messages between people after one blocks the other, nor after the swap is called off", async () => {
      await core.services.moderation.block(bea, { handle: ana.handle });
      expect((await domainErrorOf(() => talk().post(ana, conversationId, { text: "?" }))).code).toBe(
        "CONVERSATION.BLOCKED",
      );
      await core.services.moderation.unblock(bea, { handle: ana.handle });
      await core.services.swaps.cancel(ana, swapId);
      expect((await domainErrorOf(() => talk().post(bea, conversationId, { text: "?" }))).code).toBe(
        "CONVERSATION.CLOSED",
      );
    });

    it("keeps a deleted author's messages, signed 'a deleted user'", async () => {
      await core.services.profiles.deleteAccount(ana, ana.handle);
      const { messages } = await talk().list(bea, conversationId, { limit: 100 });
      expect(messages.some((m) => m.authorName === "a deleted user" && m.author === null)).toBe(true);
    });
  });
}
