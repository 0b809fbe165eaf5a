import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  acceptedSwap,
  createTestCore,
  domainErrorOf,
  newPublicPerson,
  rejectedFields,
  testProviders,
  type TestCore,
} from "../../testing/index.js";

const minute = 60_000;

for (const provider of testProviders()) {
  describe(`my conversations on ${provider}`, () => {
    let core: TestCore;

    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("lists mine, the most recently active first, each with its swap, the others and the last message", async () => {
      const first = await acceptedSwap(core, ["ana", "bea"]);
      const cy = await newPublicPerson(core, "cy", { Chess: 3 });
      const asked = await core.services.swaps.request(first.ana, { to: cy.handle, want: "Chess" });
      const second = await core.services.swaps.accept(cy, asked.id);
      await core.services.conversations.post(first.bea, first.conversationId, { text: "Tuesday?" });

      const page = await core.services.conversations.mine(first.ana);
      expect(page.items.map((c) => c.id)).toEqual([first.conversationId, second.conversationId]);
      expect(page.items[0]).toMatchObject({
        swap: { id: first.swapId, kind: "pair", status: "accepted" },
        others: [{ handle: first.bea.handle, displayName: "bea" }],
        lastMessage: { text: "Tuesday?", author: { handle: first.bea.handle, isViewer: false } },
      });
      expect(page.items[1]).toMatchObject({
        swap: { kind: "one_way" },
        others: [{ handle: cy.handle }],
        lastMessage: null,
      });

      await core.services.conversations.post(cy, second.conversationId ?? "", { text: "Hi!" });
      expect((await core.services.conversations.mine(first.ana)).items.map((c) => c.id)).toEqual([
        second.conversationId,
        first.conversationId,
      ]);
      expect((await core.services.conversations.mine(cy)).items.map((c) => c.id)).toEqual([second.conversationId]);
    });

    it("counts the others' messages since I last wrote, never my own", async () => {
      const { ana, bea, conversationId } = await acceptedSwap(core, ["dee", "eli"]);
      const unread = async () =>
        (await core.services.conversations.mine(ana)).items.find((c) => c.id === conversationId)?.unreadCount;
      await core.services.conversations.post(bea, conversationId, { text: "one" });
      core.clock.advance(minute);
      await core.services.conversations.post(bea, conversationId, { text: "two" });
      expect(await unread()).toBe(2);
      core.clock.advance(minute);
      await core.services.conversations.post(ana, conversationId, { text: "read them" });
      expect(await unread()).toBe(0);
      core.clock.advance(minute);
      await core.services.conversations.post(bea, conversationId, { text: "three" });
      expect(await unread()).toBe(1);
    });

    it("marks a conversation read: its unread count drops to 0 until the others write again", async () => {
      const { ana, bea, conversationId } = await acceptedSwap(core, ["kit", "lou"]);
      const unread = async () =>
        (await core.services.conversations.mine(ana)).items.find((c) => c.id === conversationId)?.unreadCount;
      await core.services.conversations.post(bea, conversationId, { text: "one" });
      await core.services.conversations.post(bea, conversationId, { text: "two" });
      core.clock.advance(minute);
      await core.services.conversations.markRead(ana, conversationId);
      expect(await unread()).toBe(0);
      core.clock.advance(minute);
      await core.services.conversations.post(bea, conversationId, { text: "three" });
      expect(await unread()).toBe(1);
    });

    it("lets only participants mark a conversation read", async () => {
      const { conversationId } = await acceptedSwap(core, ["max", "ned"]);
      const outsider = await newPublicPerson(core, "oli", { Chess: 3 });
      expect((await domainErrorOf(() => core.services.conversations.markRead(outsider, conversationId))).code).toBe(
        "CONVERSATION.NOT_FOUND",
      );
      expect((await domainErrorOf(() => core.services.conversations.markRead(outsider, "missing"))).code).toBe(
        "CONVERSATION.NOT_FOUND",
      );
    });

    it("pages through them with a cursor, and names a damaged one", async () => {
      const { ana } = await acceptedSwap(core, ["fay", "gus"]);
      for (const name of ["hal", "ivy", "jo"]) {
        const other = await newPublicPerson(core, name, { Knitting: 3 });
        const asked = await core.services.swaps.request(ana, { to: other.handle, want: "Knitting" });
        await core.services.swaps.accept(other, asked.id);
      }
      const all = (await core.services.conversations.mine(ana, { limit: 50 })).items.map((c) => c.id);
      expect(all).toHaveLength(4);
      const walked: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await core.services.conversations.mine(ana, { limit: 3, ...(cursor ? { cursor } : {}) });
        walked.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      expect(walked).toEqual(all);
      expect(await rejectedFields(() => core.services.conversations.mine(ana, { cursor: "not-a-cursor" }))).toEqual([
        "cursor",
      ]);
    });
  });
}
