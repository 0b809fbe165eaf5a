import { GatewayDispatchEvents, type APIMessage } from "discord.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createDiscordBot, type DiscordBot } from "../../discord/create-discord-bot.js";
import { discordOutboxHandlers } from "../../discord/outbox/index.js";
import { LocalDiscord, type LocalUser } from "../../testing/local-discord.js";
import { eventCallback } from "../../testing/local-slack/signed-requests.js";
import { acceptedSwap, person, slackStage, type SlackStage } from "../../testing/slack-scenario.js";
import { createSlackApp, type SlackApp } from "../create-slack-app.js";
import { registerSlackConversationListeners } from "../listeners/events/swap-conversation-messages.js";
import { boltLoggerFor } from "../transport/bolt-logger.js";

const mayaOnSlack = "U0MAYA0001";
const leoOnDiscord: LocalUser = { id: "310000000000000002", username: "leo.b", globalName: "Leo" };
const mayasTs = "1765100000.000100";

let s: SlackStage;
let discord: LocalDiscord;
let bot: DiscordBot;
let bolt: SlackApp;
const logger = { error: (message: string) => s.logged.push(message) };

beforeEach(async () => {
  s = await slackStage();
  discord = new LocalDiscord({ guildName: "Lyon Makers", members: [leoOnDiscord] });
  await discord.start();
  bot = createDiscordBot(s.core, { token: "local.bot.token", apiUrl: discord.apiUrl, logger });
  await bot.start();
  bolt = createSlackApp({
    token: s.slack.team.botToken ?? "",
    signingSecret: "local-slack-signing-secret",
    slackApiUrl: s.slack.apiUrl,
    inbox: s.core.services.inbox,
    logger: boltLoggerFor(logger),
  });
  registerSlackConversationListeners(bolt.app, { core: s.core });
});

afterEach(async () => {
  await bot.stop();
  await discord.stop();
  await s.stop();
});

/** Both platforms' relays, as one worker runs them. */
const discordHandlers = () => discordOutboxHandlers({ core: s.core, rest: bot.client.rest, logger });
const deliverEverywhere = () => s.deliverEvents([...s.handlers, ...discordHandlers()]);

/** Maya on Slack and Leo on Discord agree to swap; each gets the conversation where they are. */
async function swapAcrossPlatforms() {
  const tenantId = s.slack.team.id;
  const maya = await person(s.core, { provider: "slack", tenantId, subject: mayaOnSlack, name: "Maya" }, "Guitar");
  const leo = await person(s.core, { provider: "discord", subject: leoOnDiscord.id, name: "Leo" }, "Spanish");
  const { conversationId } = await acceptedSwap(s.core, maya, leo, "Spanish");
  await deliverEverywhere();
  const opened = await s.client.conversations.open({ users: mayaOnSlack });
  return { maya, leo, conversationId, slackDm: opened.channel?.id ?? "" };
}

/** An event from Maya's Slack DM with the bot, straight into the app (its listeners done when it resolves). */
function fromMaya(event: Record<string, unknown>, eventId: string) {
  const delivery = eventCallback({ type: "message", ...event }, { eventId, teamId: s.slack.team.id });
  return bolt.app.processEvent({
    body: JSON.parse(delivery.body) as Record<string, unknown>,
    ack: () => Promise.resolve(),
  });
}

const mayaWrites = (channel: string, text: string) =>
  fromMaya({ channel, user: mayaOnSlack, text, ts: mayasTs, event_ts: mayasTs, channel_type: "im" }, "Ev0POST");

/** Maya changes what she wrote: Slack's message_changed, the message keeping the ts it was posted with. */
function mayaEdits(channel: string, text: string, eventId: string) {
  const changeTs = "1765100060.000200";
  const message = {
    type: "message",
    user: mayaOnSlack,
    text,
    ts: mayasTs,
    edited: { user: mayaOnSlack, ts: changeTs },
  };
  return fromMaya(
    {
      subtype: "message_changed",
      channel,
      channel_type: "im",
      hidden: true,
      ts: changeTs,
      event_ts: changeTs,
      message,
    },
    eventId,
  );
}

/** Leo changes what he said: Discord stores it and sends the bot MESSAGE_UPDATE with the whole message. */
function leoEdits(message: APIMessage, content: string) {
  discord.dispatch(GatewayDispatchEvents.MessageUpdate, {
    ...message,
    content,
    edited_timestamp: new Date().toISOString(),
  });
}

const leosDm = () => discord.dmsTo(leoOnDiscord.id).map((m) => m.content);
const mayasDm = (slackDm: string) => s.slack.channels.messagesIn(slackDm).map((m) => m.text);
const stored = async (maya: { userId: string }, conversationId: string) =>
  (await s.core.services.conversations.list(maya, conversationId)).messages.map((m) => ({
    text: m.text,
    edited: m.editedAt !== null,
  }));

describe("a swap between a Slack member and a Discord member", () => {
  it("opens a Slack DM for the one and a Discord DM for the other, both bound to the conversation", async () => {
    const { conversationId, slackDm } = await swapAcrossPlatforms();

    const channels = await s.core.services.conversations.channelsOf(conversationId);
    expect(channels.map((c) => c.platform).sort()).toEqual(["discord", "slack"]);
    expect(channels.find((c) => c.platform === "slack")?.externalChannelId).toBe(slackDm);
    expect(s.slack.channels.messagesIn(slackDm).map((m) => m.text)).toEqual([
      expect.stringContaining("Maya teaches Guitar."),
    ]);
    expect(discord.dmsTo(leoOnDiscord.id).map((m) => m.content)).toEqual([
      expect.stringContaining("Maya teaches Guitar."),
    ]);
  });

  it("carries what Maya writes on Slack to Leo's Discord DM, and Leo's answer back to her", async () => {
    const { maya, conversationId, slackDm } = await swapAcrossPlatforms();
    await mayaWrites(slackDm, "Tuesday at 6?");
    await deliverEverywhere();
    expect(discord.dmsTo(leoOnDiscord.id).at(-1)?.content).toBe("**Maya:** Tuesday at 6?");

    discord.say({ user: leoOnDiscord, dm: true, content: "¡Perfecto!" });
    await vi.waitFor(async () =>
      expect((await s.core.services.conversations.list(maya, conversationId)).messages).toHaveLength(2),
    );
    await deliverEverywhere();

    expect(
      s.slack.channels
        .messagesIn(slackDm)
        .map((m) => m.text)
        .slice(1),
    ).toEqual(["*Leo* (on Discord): ¡Perfecto!"]);
    expect(
      discord
        .dmsTo(leoOnDiscord.id)
        .map((m) => m.content)
        .slice(1),
    ).toEqual(["**Maya:** Tuesday at 6?"]);
  });
});

describe("a message edited in a swap between a Slack member and a Discord member", () => {
  it("changes on Discord too when Maya edits it on Slack, once however often the edit comes", async () => {
    const { maya, conversationId, slackDm } = await swapAcrossPlatforms();
    await mayaWrites(slackDm, "Tuesday at 6?");
    await deliverEverywhere();

    await mayaEdits(slackDm, "Tuesday at 7?", "Ev0EDIT1");
    await deliverEverywhere();
    await mayaEdits(slackDm, "Tuesday at 7?", "Ev0EDIT2");
    await deliverEverywhere();

    expect(await stored(maya, conversationId)).toEqual([{ text: "Tuesday at 7?", edited: true }]);
    expect(leosDm().slice(1)).toEqual(["**Maya:** Tuesday at 7?"]);
    expect(discord.callsTo("/messages/").filter((call) => call.method === "PATCH")).toHaveLength(1);
    expect(mayasDm(slackDm)).toHaveLength(1);
  });

  it("changes in Maya's Slack DM when Leo edits it on Discord, and a replayed edit changes nothing twice", async () => {
    const { maya, conversationId, slackDm } = await swapAcrossPlatforms();
    const said = discord.say({ user: leoOnDiscord, dm: true, content: "¡Perfecto!" });
    await vi.waitFor(async () => expect(await stored(maya, conversationId)).toHaveLength(1));
    await deliverEverywhere();
    expect(mayasDm(slackDm).slice(1)).toEqual(["*Leo* (on Discord): ¡Perfecto!"]);

    leoEdits(said, "¡Perfecto! Hasta el martes.");
    await vi.waitFor(async () =>
      expect(await stored(maya, conversationId)).toEqual([{ text: "¡Perfecto! Hasta el martes.", edited: true }]),
    );
    leoEdits(said, "¡Perfecto! Hasta el martes.");
    await deliverEverywhere();
    // The outbox delivering the edit again (a retry) sets the copy to what it already says.
    const handler = s.handlers.find((h) => h.name === "slack.message-edit-relay");
    await handler?.handle(await s.storedEvent("message.edited"));

    expect(mayasDm(slackDm).slice(1)).toEqual(["*Leo* (on Discord): ¡Perfecto! Hasta el martes."]);
    expect(s.slack.callsTo("chat.update")).toHaveLength(2);
    expect(await s.core.database.db.outboxEvent.count({ where: { type: "message.edited" } })).toBe(1);
    expect(leosDm()).toHaveLength(1);
  });
});
