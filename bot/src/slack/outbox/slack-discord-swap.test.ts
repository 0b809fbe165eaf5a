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
const deliverEverywhere = () =>
  s.deliverEvents([...s.handlers, ...discordOutboxHandlers({ core: s.core, rest: bot.client.rest, logger })]);

/** Maya on Slack and Leo on Discord agree to swap; each gets the conversation where they are. */
async function swapAcrossPlatforms() {
  const maya = await person(
    s.core,
    { provider: "slack", tenantId: s.slack.team.id, subject: mayaOnSlack, name: "Maya" },
    "Guitar",
  );
  const leo = await person(s.core, { provider: "discord", subject: leoOnDiscord.id, name: "Leo" }, "Spanish");
  const { conversationId } = await acceptedSwap(s.core, maya, leo, "Spanish");
  await deliverEverywhere();
  const opened = await s.client.conversations.open({ users: mayaOnSlack });
  return { maya, leo, conversationId, slackDm: opened.channel?.id ?? "" };
}

/** Maya writing to the bot in her Slack DM, as the Events API delivers it. */
function mayaWrites(channelId: string, text: string) {
  const ts = "1765100000.000100";
  const event = { type: "message", channel: channelId, user: mayaOnSlack, text, ts, event_ts: ts, channel_type: "im" };
  const delivery = eventCallback(event, {
    eventId: "Ev0MAYA1",
    teamId: s.slack.team.id,
  });
  return bolt.app.processEvent({
    body: JSON.parse(delivery.body) as Record<string, unknown>,
    ack: () => Promise.resolve(),
  });
}

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
