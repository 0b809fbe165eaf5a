import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { acceptedSwap, person, slackStage, type SlackStage } from "../../testing/slack-scenario.js";

let s: SlackStage;

beforeEach(async () => {
  s = await slackStage();
});

afterEach(() => s.stop());

const mayaId = "U0MAYA0001";
const leoId = "U0LEO00002";

/** Maya and Leo, both on Slack in the same workspace, agree to swap Guitar for Spanish. */
async function slackSwap() {
  const tenantId = s.slack.team.id;
  const maya = await person(s.core, { provider: "slack", tenantId, subject: mayaId, name: "Maya" }, "Guitar");
  const leo = await person(s.core, { provider: "slack", tenantId, subject: leoId, name: "Leo" }, "Spanish");
  return { maya, leo, ...(await acceptedSwap(s.core, maya, leo, "Spanish")) };
}

/** The group DM of Maya, Leo and the bot, as Slack keeps it (one per set of people). */
async function groupDm(): Promise<string> {
  const opened = await s.client.conversations.open({ users: `${leoId},${mayaId}` });
  return opened.channel?.id ?? "";
}

const texts = async () => s.slack.channels.messagesIn(await groupDm()).map((m) => m.text);

describe("an accepted swap between two Slack members", () => {
  it("opens one group DM with both of them, bound to the swap's conversation, and says who teaches whom", async () => {
    const { conversationId } = await slackSwap();
    await s.deliverEvents();

    const opened = s.slack.callsTo("conversations.open");
    expect(opened.map((call) => call.args.users)).toEqual([`${mayaId},${leoId}`]);
    const channelId = await groupDm();
    expect(await s.core.services.conversations.channelsOf(conversationId)).toEqual([
      { userId: null, platform: "slack", externalChannelId: channelId, tenantId: s.slack.team.id },
    ]);
    const [opening, ...more] = await texts();
    expect(more).toEqual([]);
    expect(opening).toContain("Maya teaches Guitar.");
    expect(opening).toContain("Leo teaches Spanish.");
    expect(opening).toContain("/skillswap session schedule");
    expect(opening).toContain(`/conversations/${conversationId}|`);
  });

  it("posts its opening message once, even when the event is delivered again", async () => {
    await slackSwap();
    await s.deliverEvents();
    const handler = s.handlers.find((h) => h.name === "slack.swap-conversations");
    await handler?.handle(await s.storedEvent("swap.accepted"));

    expect(await texts()).toHaveLength(1);
  });
});

describe("messages written elsewhere", () => {
  it("reach the group DM attributed by name and surface, pinging nobody", async () => {
    const { maya, conversationId } = await slackSwap();
    await s.deliverEvents();
    await s.core.services.conversations.post(maya, conversationId, { text: "Tuesday <@U0LEO00002> & <!here>?" });
    await s.deliverEvents();

    const relayed = (await texts()).at(-1);
    expect(relayed).toBe("*Maya* (on the dashboard): Tuesday &lt;@U0LEO00002&gt; &amp; &lt;!here&gt;?");
    const post = s.slack.callsTo("chat.postMessage").at(-1);
    expect(post?.args).toMatchObject({ link_names: "false", unfurl_links: "false", unfurl_media: "false" });
  });

  it("are relayed once, however often the event comes", async () => {
    const { maya, conversationId } = await slackSwap();
    await s.deliverEvents();
    await s.core.services.conversations.post(maya, conversationId, { text: "See you Tuesday" });
    await s.deliverEvents();
    const relay = s.handlers.find((h) => h.name === "slack.message-relay");
    await relay?.handle(await s.storedEvent("message.posted"));

    expect((await texts()).filter((t) => t.includes("See you Tuesday"))).toHaveLength(1);
  });

  it("are not echoed back into the group DM they were written in", async () => {
    const { leo, conversationId } = await slackSwap();
    await s.deliverEvents();
    const channelId = await groupDm();
    await s.core.services.conversations.post(leo, conversationId, {
      text: "¿Martes?",
      source: "slack",
      externalId: `${channelId}:1700000000.000100`,
    });
    await s.deliverEvents();

    expect(await texts()).toHaveLength(1);
  });
});

describe("a swap that ends", () => {
  it("closes its group DM with a last message, and relays stop", async () => {
    const { maya, leo, swapId, conversationId } = await slackSwap();
    await s.deliverEvents();
    await s.core.services.swaps.complete(maya, swapId);
    await s.core.services.swaps.complete(leo, swapId);
    await s.deliverEvents();
    const closing = s.handlers.find((h) => h.name === "slack.swap-closing");
    await closing?.handle(await s.storedEvent("swap.completed"));

    expect((await texts()).at(-1)).toBe("This swap is complete: thank you both! Rate it with /skillswap review.");
    expect(await texts()).toHaveLength(2);
    expect(await s.core.services.conversations.channelsOf(conversationId)).toEqual([]);
  });
});
