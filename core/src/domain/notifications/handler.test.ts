import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Delivery, Notification } from "../../ports/delivery.js";
import { acceptedSwap, createTestCore, newPublicPerson, testProviders, type TestCore } from "../../testing/index.js";
import { createOutboxDispatcher } from "../outbox/dispatcher.js";
import type { NotificationChannel } from "../profiles/types.js";
import { notificationsHandler } from "./handler.js";

/** A surface that remembers what it was asked to show. */
function recording(channel: NotificationChannel): Delivery & { readonly received: Notification[] } {
  const received: Notification[] = [];
  return {
    channel,
    received,
    deliver: (notification) => {
      received.push(notification);
      return Promise.resolve();
    },
  };
}

for (const provider of testProviders()) {
  describe(`notifications on ${provider}`, () => {
    let core: TestCore;
    const platform = recording("platform");
    const dashboard = recording("dashboard");
    const email = recording("email");
    const drain = async () => {
      const dispatcher = createOutboxDispatcher(core.deps, {
        handlers: [notificationsHandler(core.database.db, [platform, dashboard, email])],
      });
      while ((await dispatcher.runOnce()).fetched > 0);
    };
    const texts = (delivery: { received: Notification[] }, userId: string) =>
      delivery.received.filter((n) => n.userId === userId).map((n) => `${n.kind}: ${n.text}`);

    beforeAll(async () => {
      core = await createTestCore(provider);
    });
    afterAll(() => core.close());

    it("tells people about requests, acceptances, messages and reviews on the channels they keep on", async () => {
      const { ana, bea, conversationId } = await acceptedSwap(core);
      await core.services.conversations.post(bea, conversationId, { text: "¡Hola Ana!" });
      await drain();
      expect(texts(platform, bea.userId)).toEqual(["swap_request: ana sent you a swap request."]);
      expect(texts(platform, ana.userId)).toEqual([
        "swap_accepted: bea accepted your swap: your conversation is open.",
        "message: bea: ¡Hola Ana!",
      ]);
      expect(texts(dashboard, ana.userId)).toEqual(texts(platform, ana.userId));
      // Email is opt-in.
      expect(email.received).toEqual([]);
      expect(platform.received.every((n) => n.eventId.length > 0)).toBe(true);
    });

    it("reminds both participants of a session the day before, each on their own clock", async () => {
      const { ana, bea, swapId } = await acceptedSwap(core, ["gil", "hal"]);
      await core.services.profiles.update(bea, { timeZone: "America/New_York" });
      await core.services.sessions.schedule(ana, swapId, {
        startsAt: "2026-11-26T09:30:00Z",
        mode: "online",
        skill: "Spanish",
      });
      await core.services.sessions.remindDue();
      await drain();
      expect(texts(platform, ana.userId)).toContain(
        "session_reminder: Reminder: your Spanish session starts 2026-11-26 09:30 (UTC).",
      );
      expect(texts(platform, bea.userId)).toContain(
        "session_reminder: Reminder: your Spanish session starts 2026-11-26 04:30 (America/New_York).",
      );
    });

    it("honours a person's switches per kind and channel", async () => {
      const cy = await newPublicPerson(core, "cy", { Chess: 3 });
      const dee = await newPublicPerson(core, "dee", { Piano: 3 });
      await core.services.profiles.update(dee, {
        notifications: [
          { kind: "swap_request", channel: "platform", enabled: false },
          { kind: "swap_request", channel: "email", enabled: true },
        ],
      });
      await core.services.swaps.request(cy, { to: dee.handle, want: "Piano" });
      await drain();
      expect(texts(platform, dee.userId)).toEqual([]);
      expect(texts(email, dee.userId)).toEqual(["swap_request: cy sent you a swap request."]);
      expect(texts(dashboard, dee.userId)).toEqual(["swap_request: cy sent you a swap request."]);
    });

    it("does not push a new message through the chat bot to people who see it in the swap's thread", async () => {
      // newPublicPerson arrives through Discord, so a shared Discord thread reaches both people.
      const { ana, bea, conversationId } = await acceptedSwap(core, ["ivy", "jon"]);
      await core.services.conversations.bindChannel({
        conversationId,
        userId: null,
        platform: "discord",
        externalChannelId: "thread-1",
      });
      await core.services.conversations.post(bea, conversationId, { text: "See you Tuesday" });
      await drain();
      expect(texts(platform, ana.userId).filter((t) => t.startsWith("message"))).toEqual([]);
      expect(texts(dashboard, ana.userId)).toContain("message: jon: See you Tuesday");
    });

    it("still pushes a new message to people the conversation's channels do not reach", async () => {
      const { ana, bea, conversationId } = await acceptedSwap(core, ["kai", "lou"]);
      await core.services.conversations.bindChannel({
        conversationId,
        userId: bea.userId,
        platform: "slack",
        externalChannelId: "D-lou",
      });
      await core.services.conversations.post(bea, conversationId, { text: "Ready when you are" });
      await core.services.conversations.post(ana, conversationId, { text: "Tomorrow?" });
      await drain();
      expect(texts(platform, ana.userId)).toContain("message: lou: Ready when you are");
      expect(texts(platform, bea.userId).filter((t) => t.startsWith("message"))).toEqual([]);
    });

    it("says nothing to a deleted account", async () => {
      const eve = await newPublicPerson(core, "eve", { Yoga: 3 });
      const fox = await newPublicPerson(core, "fox");
      await core.services.swaps.request(fox, { to: eve.handle, want: "Yoga" });
      await core.services.profiles.deleteAccount(eve, eve.handle);
      await drain();
      expect(texts(platform, eve.userId)).toEqual([]);
    });
  });
}
