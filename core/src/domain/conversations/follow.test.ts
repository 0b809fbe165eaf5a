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
import type { MessageView } from "./message-view.js";

type Person = Actor & { handle: string };

/** Reads `count` messages from a follower, or fails after `ms`. */
async function take(messages: AsyncIterator<MessageView>, count: number, ms = 5_000): Promise<string[]> {
  const texts: string[] = [];
  const deadline = Date.now() + ms;
  while (texts.length < count) {
    const next = await Promise.race([
      messages.next(),
      new Promise<"late">((resolve) => setTimeout(() => resolve("late"), deadline - Date.now())),
    ]);
    if (next === "late" || next.done === true) throw new Error(`got only ${JSON.stringify(texts)}`);
    texts.push(next.value.text);
  }
  return texts;
}

for (const provider of testProviders()) {
  describe(`following and polling a conversation on ${provider}`, () => {
    let core: TestCore;
    let ana: Person;
    let bea: Person;
    let cy: Person;
    let conversationId: string;
    const talk = () => core.services.conversations;

    beforeAll(async () => {
      core = await createTestCore(provider);
      ({ ana, bea, conversationId } = await acceptedSwap(core));
      cy = await newPublicPerson(core, "cy");
    });
    afterAll(() => core.close());

    it("hands a poller what came after the last message it has, oldest first", async () => {
      const seen = await talk().post(ana, conversationId, { text: "seen" });
      for (const text of ["a", "b", "c"]) await talk().post(bea, conversationId, { text });
      const first = await talk().list(ana, conversationId, { after: seen.id, limit: 2 });
      expect(first.messages.map((m) => m.text)).toEqual(["a", "b"]);
      expect(first.nextBefore).toBeNull();
      const rest = await talk().list(ana, conversationId, { after: first.nextAfter ?? "", limit: 2 });
      expect(rest.messages.map((m) => [m.text, m.author?.isViewer])).toEqual([["c", false]]);
      expect(rest.nextAfter).toBeNull();
      expect(await rejectedFields(() => talk().list(ana, conversationId, { after: seen.id, before: seen.id }))).toEqual(
        ["after"],
      );
    });

    it("posts once per idempotency key, per person and conversation", async () => {
      const first = await talk().post(ana, conversationId, { text: "Once", idempotencyKey: "k-1" });
      const again = await talk().post(ana, conversationId, { text: "Once", idempotencyKey: "k-1" });
      const hers = await talk().post(bea, conversationId, { text: "Mine", idempotencyKey: "k-1" });
      expect(again.id).toBe(first.id);
      expect(hers.id).not.toBe(first.id);
      expect(hers.author?.isViewer).toBe(true);
      const { messages } = await talk().list(ana, conversationId, { limit: 5 });
      expect(messages.filter((m) => m.text === "Once")).toHaveLength(1);
      expect(
        await rejectedFields(() =>
          talk().post(ana, conversationId, { text: "x", source: "slack", externalId: "1.2", idempotencyKey: "k" }),
        ),
      ).toEqual(["idempotencyKey"]);
    });

    it("hands a follower each message written after it started, whoever wrote it", async () => {
      const abort = new AbortController();
      const messages = (await talk().follow(bea, conversationId, {}, abort.signal))[Symbol.asyncIterator]();
      const arriving = take(messages, 2);
      await talk().post(ana, conversationId, { text: "Live 1" });
      await talk().post(bea, conversationId, { text: "Live 2", source: "discord", externalId: "d-live-2" });
      expect(await arriving).toEqual(["Live 1", "Live 2"]);
      abort.abort();
      expect(await messages.next()).toEqual({ done: true, value: undefined });
    });

    it("replays what a follower missed after its last message, then goes on live", async () => {
      const last = await talk().post(ana, conversationId, { text: "had this" });
      await talk().post(ana, conversationId, { text: "missed 1" });
      await talk().post(bea, conversationId, { text: "missed 2" });
      const abort = new AbortController();
      const messages = (await talk().follow(bea, conversationId, { after: last.id }, abort.signal))[
        Symbol.asyncIterator
      ]();
      expect(await take(messages, 2)).toEqual(["missed 1", "missed 2"]);
      const arriving = take(messages, 1);
      await talk().post(ana, conversationId, { text: "new" });
      expect(await arriving).toEqual(["new"]);
      abort.abort();
    });

    it("lets only participants follow", async () => {
      const abort = new AbortController();
      expect((await domainErrorOf(() => talk().follow(cy, conversationId, {}, abort.signal))).code).toBe(
        "CONVERSATION.NOT_FOUND",
      );
    });
  });
}
