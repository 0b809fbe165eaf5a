import { DiscordAPIError } from "discord.js";
import {
  createOutboxDispatcher,
  notificationsHandler,
  outboxStatus,
  type Delivery,
  type Notification,
} from "@skillswap/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acceptedSwapOfMayaAndLeo,
  eventually,
  leo,
  maya,
  startScenario,
  swapAskedByMaya,
  type Scenario,
} from "../../testing/discord-scenario.js";
import { discordDelivery } from "./dm-delivery.js";
import { losingNextSendRecord } from "./failing-core.js";

let s: Scenario;

beforeEach(async () => {
  s = await startScenario();
});

afterEach(() => s.stop());

/** Another surface on a channel of its own, remembering what it was handed: proof the event was handled. */
function recording(channel: Delivery["channel"]): Delivery & { readonly received: Notification[] } {
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

/** Waits until the outbox has handled every event recorded so far. */
const settled = () =>
  eventually(async () => ((await outboxStatus(s.core.database.db)).pending === 0 ? true : undefined), "the outbox");

const dmPosts = () => s.discord.callsTo("/messages").filter((call) => call.method === "POST");

describe("notifications by Discord DM", () => {
  it("are sent once per event and person, even when the outbox delivers twice", async () => {
    const dashboard = recording("dashboard");
    s.startWorker([dashboard]);
    await swapAskedByMaya(s);
    await eventually(() => s.discord.dmsTo(leo.id)[0], "the request DM");
    // The dashboard is handed the very notification Discord was: same event, same person.
    const notification = await eventually(() => dashboard.received[0], "the dashboard's copy");

    // The same event again, as after a worker crash between sending and settling.
    await s.delivery.deliver(notification);
    expect(s.discord.dmsTo(leo.id)).toHaveLength(1);
    expect(dmPosts()).toHaveLength(1);
    // Should the record of it be lost, a quick retry still carries the nonce Discord dedupes on.
    const [sent] = dmPosts().map((call) => call.body as { nonce: string; enforce_nonce: boolean });
    expect(sent?.nonce).toHaveLength(25);
    expect(sent?.enforce_nonce).toBe(true);
  });

  it("ping nobody: names and previews are people's words", async () => {
    s.startWorker();
    await swapAskedByMaya(s);
    await eventually(() => s.discord.dmsTo(leo.id)[0], "the request DM");
    expect(dmPosts()[0]?.body).toEqual(expect.objectContaining({ allowed_mentions: { parse: [] } }));
  });

  it("are not sent to someone who switched them off for Discord", async () => {
    const dashboard = recording("dashboard");
    s.startWorker([dashboard]);
    const leoActor = await s.member(leo, { Spanish: 5 });
    await s.core.services.profiles.update(leoActor, {
      notifications: [{ kind: "swap_request", channel: "platform", enabled: false }],
    });
    const mayaActor = await s.member(maya, { Guitar: 4 });
    await s.core.services.swaps.request(mayaActor, { to: leoActor.handle, want: "Spanish", offer: "Guitar" });
    await settled();
    expect(dashboard.received.map((n) => n.kind)).toEqual(["swap_request"]);
    expect(s.discord.dmsTo(leo.id)).toEqual([]);
    expect(s.discord.callsTo("/users/@me/channels")).toEqual([]);
  });

  it("skip someone who does not accept DMs, without retrying", async () => {
    s.discord.closeDms(leo.id);
    s.startWorker();
    await swapAskedByMaya(s);
    await settled();
    expect(s.discord.dmsTo(leo.id)).toEqual([]);
    expect(dmPosts()).toHaveLength(1);
    expect(s.logged).toEqual([expect.stringMatching(/do not accept DMs$/)]);
    expect(await outboxStatus(s.core.database.db)).toMatchObject({ retrying: 0, dead: 0 });
  });

  it("leave people without a Discord account to their other surfaces", async () => {
    const account = await s.core.services.accounts.signUpWithEmail({
      email: "noor@example.org",
      password: "correct horse battery",
      displayName: "Noor",
    });
    await s.delivery.deliver({
      eventId: "event-1",
      userId: account.userId,
      kind: "review",
      text: "Leo reviewed you: 5/5.",
      about: { type: "review", id: "review-1" },
    });
    expect(s.discord.callsTo("/users/@me/channels")).toEqual([]);
    expect(dmPosts()).toEqual([]);
  });

  it("fail for the outbox to retry when Discord refuses for another reason", async () => {
    const { leo: leoActor } = await swapAskedByMaya(s);
    s.discord.denyNext("POST /channels");
    const sending = s.delivery.deliver({
      eventId: "event-2",
      userId: leoActor.userId,
      kind: "review",
      text: "Maya reviewed you: 5/5.",
      about: { type: "review", id: "review-2" },
    });
    await expect(sending).rejects.toBeInstanceOf(DiscordAPIError);
    expect(s.discord.dmsTo(leo.id)).toEqual([]);
  });
});

describe("a notification retried after its DM went out", () => {
  /** Another surface that is down the first time it is handed a notification: the event fails and is retried. */
  function downOnce(channel: Delivery["channel"]): Delivery & { readonly received: Notification[] } {
    const received: Notification[] = [];
    return {
      channel,
      received,
      deliver: (notification) => {
        received.push(notification);
        return received.length === 1 ? Promise.reject(new Error("dashboard unavailable")) : Promise.resolve();
      },
    };
  }

  /** The worker's outbox, notifying through these surfaces; run by hand, one batch at a time. */
  const notifying = (deliveries: readonly Delivery[]) =>
    createOutboxDispatcher(s.core.deps, { handlers: [notificationsHandler(s.core.database.db, deliveries)] });

  /** The next try comes late: backoff reaches 15 minutes, long past the few minutes Discord keeps a nonce. */
  function muchLater() {
    s.discord.passTime(s.discord.nonceWindowMs);
    s.core.clock.advance(15 * 60 * 1000);
  }

  it("is not DMed a second time, however late the retry", async () => {
    const dashboard = downOnce("dashboard");
    const outbox = notifying([s.delivery, dashboard]);
    await swapAskedByMaya(s);
    expect(await outbox.runOnce()).toMatchObject({ retrying: 1 });
    expect(s.discord.dmsTo(leo.id)).toHaveLength(1);

    muchLater();
    expect(await outbox.runOnce()).toMatchObject({ delivered: 1, retrying: 0 });
    expect(dashboard.received).toHaveLength(2);
    expect(s.discord.dmsTo(leo.id)).toHaveLength(1);
  });

  it("is not DMed a second time by a quick retry when the record of it was lost", async () => {
    const logger = { error: (message: string) => s.logged.push(message) };
    const delivery = discordDelivery({ core: losingNextSendRecord(s.core), rest: s.bot.client.rest, logger });
    const outbox = notifying([delivery]);
    await swapAskedByMaya(s);
    expect(await outbox.runOnce()).toMatchObject({ retrying: 1 });

    s.core.clock.advance(1_000);
    expect(await outbox.runOnce()).toMatchObject({ delivered: 1 });
    // The retry did post again, and Discord, still remembering the nonce, answered with the DM already there.
    expect(dmPosts()).toHaveLength(2);
    expect(s.discord.dmsTo(leo.id)).toHaveLength(1);
  });
});

describe("new messages of a swap", () => {
  it("reach the other person by DM when the swap has no thread on Discord", async () => {
    s.startWorker();
    const { maya: mayaActor, swapId } = await acceptedSwapOfMayaAndLeo(s);
    const conversation = await s.core.database.db.conversation.findFirst({ where: { swapId }, select: { id: true } });
    await s.core.services.conversations.post(mayaActor, conversation?.id ?? "", { text: "Tuesday 6pm?" });
    const dm = await eventually(
      () => s.discord.dmsTo(leo.id).find((m) => m.content.includes("Tuesday 6pm?")),
      "the message DM",
    );
    expect(dm.content).toBe("Maya: Tuesday 6pm?");
  });

  it("are not sent by DM to people who see them in the swap's Discord thread", async () => {
    s.startWorker();
    const { maya: mayaActor, swapId } = await acceptedSwapOfMayaAndLeo(s);
    const conversation = await s.core.database.db.conversation.findFirst({ where: { swapId }, select: { id: true } });
    const conversationId = conversation?.id ?? "";
    await s.core.services.conversations.bindChannel({
      conversationId,
      userId: null,
      platform: "discord",
      externalChannelId: "thread-of-the-swap",
    });
    await s.core.services.conversations.post(mayaActor, conversationId, { text: "Tuesday 6pm?" });
    await settled();
    const texts = s.discord.dmsTo(leo.id).map((m) => m.content);
    expect(texts).toEqual([expect.stringMatching(/^Maya sent you a swap request\./)]);
  });
});
