import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Actor } from "../shared/actor.js";
import {
  acceptedSwap,
  createTestCore,
  domainErrorOf,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

for (const provider of testProviders()) {
  describe(`editing a message on its platform, on ${provider}`, () => {
    let core: TestCore;
    let ana: Actor;
    let bea: Actor;
    let conversationId: string;
    const talk = () => core.services.conversations;
    const edits = async () =>
      (
        await core.database.db.outboxEvent.findMany({
          where: { type: "message.edited", aggregateId: conversationId },
          select: { payload: true },
        })
      ).map((e) => JSON.parse(e.payload) as Record<string, unknown>);

    beforeAll(async () => {
      core = await createTestCore(provider);
      ({ ana, bea, conversationId } = await acceptedSwap(core));
    });
    afterAll(() => core.close());

    it("changes what the message says, marks it edited and tells the other surfaces once", async () => {
      const posted = await talk().post(ana, conversationId, {
        text: "Tuesday 18:00?",
        source: "slack",
        externalId: "C1:1.1",
      });
      expect(posted.editedAt).toBeNull();
      core.clock.advance(60_000);

      const edited = await talk().edit(ana, { source: "slack", externalId: "C1:1.1", text: "  Tuesday 19:00?  " });

      expect(edited).toMatchObject({ id: posted.id, text: "Tuesday 19:00?", editedAt: core.clock.now() });
      const [seenByBea] = (await talk().list(bea, conversationId)).messages;
      expect(seenByBea).toMatchObject({ id: posted.id, text: "Tuesday 19:00?", editedAt: core.clock.now() });
      expect(await edits()).toEqual([{ conversationId, messageId: posted.id, authorId: ana.userId, source: "slack" }]);
    });

    it("changes nothing when the platform delivers the same edit again", async () => {
      const posted = await talk().post(bea, conversationId, { text: "Sí", source: "discord", externalId: "d-1" });
      const first = await talk().edit(bea, { source: "discord", externalId: "d-1", text: "Sí, claro" });
      const before = (await edits()).length;
      core.clock.advance(60_000);

      const again = await talk().edit(bea, { source: "discord", externalId: "d-1", text: "Sí, claro" });

      expect(again).toMatchObject({ id: posted.id, text: "Sí, claro", editedAt: first?.editedAt });
      expect(await edits()).toHaveLength(before);
    });

    it("ignores an edit of a message it never stored", async () => {
      const before = (await edits()).length;
      expect(
        await talk().edit(ana, { source: "slack", externalId: "C1:0.9", text: "said before the swap" }),
      ).toBeNull();
      expect(await edits()).toHaveLength(before);
    });

    it("lets only the author change a message", async () => {
      await talk().post(ana, conversationId, { text: "Mine", source: "discord", externalId: "d-2" });
      const refused = await domainErrorOf(() =>
        talk().edit(bea, { source: "discord", externalId: "d-2", text: "Yours" }),
      );
      expect(refused.code).toBe("CONVERSATION.NOT_AUTHOR");
      const [latest] = (await talk().list(ana, conversationId)).messages;
      expect(latest).toMatchObject({ text: "Mine", editedAt: null });
    });

    it("holds an edit to the rules of a post", async () => {
      await talk().post(ana, conversationId, { text: "Ok", source: "discord", externalId: "d-3" });
      expect(
        await rejectedFields(() => talk().edit(ana, { source: "discord", externalId: "d-3", text: "   " })),
      ).toEqual(["text"]);
      expect(
        await rejectedFields(() => talk().edit(ana, { source: "discord", externalId: "d-3", text: "x".repeat(4001) })),
      ).toEqual(["text"]);
    });
  });
}
