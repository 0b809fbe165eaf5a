import { createOutboxDispatcher, notificationsHandler, type Actor } from "@skillswap/core";
import type { APIMessage } from "discord.js";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { fillDiscordForm, startDiscordBeside, type DiscordBeside } from "../testing/discord-beside.js";
import { buttonsOf, eventually, manageServer, textOf } from "../testing/discord-scenario.js";
import type { LocalUser } from "../testing/local-discord.js";
import type { SlackView } from "../testing/local-slack.js";
import { eventCallback } from "../testing/local-slack/signed-requests.js";
import { blockActions, viewSubmission } from "../testing/local-slack/slack-payloads.js";
import { mayaK, startSlackChatScenario, type SlackChatScenario } from "../testing/slack-chat-scenario.js";
import { slackDelivery } from "./outbox/dm-delivery.js";
import { slackOutboxHandlers } from "./outbox/index.js";
import { singleClient } from "./slack-clients.js";
import { slackWebClient } from "./slack-web-client.js";

const leo: LocalUser = { id: "310000000000000202", username: "leo.r", globalName: "Leo" };
const lena: LocalUser = { id: "310000000000000203", username: "lena.b", globalName: "Lena" };
const day = 24 * 60 * 60_000;

interface SlackButton {
  readonly text?: { readonly text: string };
  readonly action_id?: string;
  readonly value?: string;
}
interface SlackMessage {
  readonly text: string;
  readonly blocks?: readonly { readonly type: string; readonly elements?: readonly SlackButton[] }[];
}

const isSlackMessage = (value: unknown): value is SlackMessage =>
  typeof value === "object" && value !== null && "text" in value && typeof value.text === "string";

function slackMessageOf(value: unknown): SlackMessage {
  if (!isSlackMessage(value)) throw new Error(`not a Slack message: ${JSON.stringify(value)}`);
  return value;
}

const slackButtonsOf = (message: SlackMessage) =>
  (message.blocks ?? []).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);

/** What a person typed into a form's text fields, by block, as Slack sends it with the submission. */
const typed = (fields: Readonly<Record<string, string>>) =>
  Object.fromEntries(
    Object.entries(fields).map(([block, value]) => [block, { text: { type: "plain_text_input", value } }]),
  );

/**
 * The whole story across two platforms: Maya is on Slack, Leo on a Discord server. Maya adds her skills with
 * `/skillswap`, finds Leo with `/skillswap match` and asks him for a swap from its button; Leo accepts from his
 * Discord DM; Maya's conversation opens in her DM with the app and Leo's in a private thread; what each writes
 * reaches the other, named; they schedule and confirm sessions until the swap completes, and review each other.
 * Every step checks what Slack or Discord shows and what SkillSwap stored.
 */
describe("a swap between a Slack member and a Discord member, from /skillswap match to the reviews", () => {
  let s: SlackChatScenario;
  let side: DiscordBeside;
  const faults: string[] = [];
  const logger = { error: (message: string) => faults.push(message) };
  let maya: Actor = { userId: "" };
  // The name Slack gives for Maya, as SkillSwap registered her from her first command.
  let mayaName = "";
  let swapId = "";
  let conversationId = "";
  let slackDm = "";
  let threadId = "";

  beforeAll(async () => {
    s = await startSlackChatScenario();
    side = await startDiscordBeside(s.core, { members: [leo, lena], logger });
  });

  afterAll(async () => {
    await side.stop();
    await s.stop();
  });

  /** One worker pass over every due event: both platforms' relays and their notifications by DM. */
  async function runOutbox(): Promise<void> {
    const client = slackWebClient(s.slack.team.botToken ?? "", s.slack.apiUrl);
    const clients = singleClient(client);
    const deliveries = [slackDelivery({ core: s.core, clients, logger }), side.delivery];
    const handlers = [
      ...slackOutboxHandlers({ core: s.core, clients, logger }),
      ...side.handlers,
      notificationsHandler(s.core.database.db, deliveries),
    ];
    const onError = (error: unknown) => faults.push(`outbox: ${String(error)}`);
    const outbox = createOutboxDispatcher(s.core.deps, { handlers, onError });
    while ((await outbox.runOnce()).fetched > 0);
  }
  const onDiscord = (user: LocalUser, command: string, options: Record<string, unknown> = {}) =>
    side.discord.exchange({ user, command, options: options as never }).settled();
  /** A slow command answers in its HTTP reply when it is quick enough, else through its response_url. */
  async function slackAnswerTo(userId: string, text: string): Promise<SlackMessage> {
    const asked = await s.command(userId, text);
    return slackMessageOf(asked.body === "" ? await s.responses.firstTo(asked.responseUrl) : asked.json);
  }
  const slackDmTexts = () => s.slack.channels.messagesIn(slackDm).map((m) => m.text);
  const leoOnSkillSwap = async () => {
    const account = await s.core.services.accounts.findByIdentity("discord", "", leo.id);
    return { userId: account?.userId ?? "", handle: account?.handle ?? "" };
  };
  /** The form Slack shows Maya whose fields include `block`. */
  const mayasForm = (block: string): SlackView | undefined =>
    s.slack.modalsOf(mayaK.id).find((view) => JSON.stringify(view.blocks).includes(`"block_id":"${block}"`));

  it("1. on Discord, an admin chooses the swaps channel, and Leo says he teaches Spanish and wants guitar", async () => {
    const { discord } = side;
    const options = { channel: { channel: discord.swapsChannelId } };
    await discord
      .exchange({ user: lena, command: "skillswap admin swaps-channel", options, permissions: manageServer })
      .settled();
    await onDiscord(leo, "skills add", { skill: "Spanish", direction: "teach", level: { integer: 5 } });
    await onDiscord(leo, "skills add", { skill: "Guitar", direction: "learn", level: { integer: 2 } });
    // Leo's server is not Maya's workspace: his profile is public so that she may find him.
    await s.core.services.profiles.update(await leoOnSkillSwap(), { visibility: "public" });
    expect(textOf(await onDiscord(leo, "skills list"))).toContain("Spanish");
  });

  it("2. on Slack, Maya adds what she teaches and what she wants to learn with /skillswap skills add", async () => {
    const taught = slackMessageOf((await s.command(mayaK.id, "skills add guitar teach 4")).json);
    expect(taught.text).toContain("you teach Guitar (level 4)");
    await s.command(mayaK.id, "skills add spanish learn 2");
    const account = await s.core.services.accounts.findByIdentity("slack", s.teamId, mayaK.id);
    maya = { userId: account?.userId ?? "" };
    const profile = await s.core.services.profiles.me(maya);
    mayaName = profile.displayName;
    expect(profile.skills.map((skill) => `${skill.direction} ${skill.name}`).sort()).toEqual([
      "learn Spanish",
      "teach Guitar",
    ]);
  });

  it("3. /skillswap match shows Maya that Leo is her match, and its button sends him a request", async () => {
    const matches = await slackAnswerTo(mayaK.id, "match");
    expect(JSON.stringify(matches)).toContain((await leoOnSkillSwap()).handle);
    const request = slackButtonsOf(matches).find((button) => button.text?.text.includes("Leo") === true);
    expect(request).toBeDefined();

    const triggerId = s.slack.issueTriggerId(mayaK.id);
    const click = { actionId: request?.action_id ?? "", value: request?.value ?? "", triggerId };
    await s.interact({
      ...blockActions({ userId: mayaK.id, teamId: s.teamId }, click),
      response_url: s.responses.url(),
    });
    const form = await eventually(() => mayasForm("message"), "the swap request form");
    const sent = await s.interact(
      viewSubmission(
        { userId: mayaK.id, teamId: s.teamId },
        {
          callbackId: form.callback_id,
          privateMetadata: form.private_metadata,
          values: typed({ message: "Tuesday evenings?" }),
        },
      ),
    );
    expect(sent.body).toBe("");
    const { swaps } = await s.core.services.swaps.list(maya, { limit: 5 });
    expect(swaps).toEqual([expect.objectContaining({ status: "pending" })]);
    swapId = swaps[0]?.id ?? "";
  });

  it("4. Leo gets the request in his Discord DM and accepts it from its button", async () => {
    await runOutbox();
    const dm = await eventually<APIMessage>(() => side.discord.dmsTo(leo.id).at(0), "Leo's DM");
    expect(textOf(dm)).toContain(`${mayaName} sent you a swap request.`);
    const accept = buttonsOf(dm).find((b) => "custom_id" in b && b.custom_id.startsWith("swap.accept"));
    const customId = accept !== undefined && "custom_id" in accept ? accept.custom_id : "";
    await side.discord.exchange({ kind: "button", user: leo, dm: true, customId, message: dm }).settled();
    const swap = await s.core.services.swaps.get(maya, swapId);
    expect(swap.status).toBe("accepted");
  });

  it("5. the conversation opens in Maya's Slack DM with the app and in a private Discord thread with Leo", async () => {
    await runOutbox();
    const channels = await s.core.database.db.conversation.findFirst({ where: { swapId }, select: { id: true } });
    conversationId = channels?.id ?? "";
    const bound = await s.core.services.conversations.channelsOf(conversationId);
    slackDm = bound.find((c) => c.platform === "slack")?.externalChannelId ?? "";
    threadId = bound.find((c) => c.platform === "discord")?.externalChannelId ?? "";

    expect(slackDmTexts()).toContainEqual(expect.stringContaining(`${mayaName} teaches Guitar.`));
    expect(slackDmTexts()).toContainEqual(
      expect.stringContaining("Leo accepted your swap: your conversation is open."),
    );
    const thread = side.discord.threads().find((t) => t.id === threadId);
    expect(thread).toMatchObject({ parentId: side.discord.swapsChannelId, type: 12 });
    expect(thread?.memberIds).toContain(leo.id);
  });

  it("6. what Maya writes in her Slack DM reaches Leo's thread, and his answer comes back named", async () => {
    const ts = "1765100000.000100";
    const event = {
      type: "message",
      channel: slackDm,
      user: mayaK.id,
      text: "Tuesday at 6?",
      ts,
      event_ts: ts,
      channel_type: "im",
    };
    await s.send(eventCallback(event, { eventId: "Ev0JOURNEY1", teamId: s.teamId }));
    await eventually(
      async () =>
        (await s.core.services.conversations.list(maya, conversationId)).messages.length > 0 ? true : undefined,
      "Maya's message stored",
    );
    await runOutbox();
    expect(side.discord.messagesIn(threadId).map((m) => m.content)).toContain(`**${mayaName}:** Tuesday at 6?`);

    side.discord.say({ user: leo, channelId: threadId, content: "¡Perfecto!" });
    await eventually(
      async () =>
        (await s.core.services.conversations.list(maya, conversationId)).messages.length > 1 ? true : undefined,
      "Leo's answer stored",
    );
    await runOutbox();
    expect(slackDmTexts()).toContain("*Leo* (on Discord): ¡Perfecto!");
  });

  it("7. they schedule a session per skill, meet, and confirm them: the swap completes", async () => {
    const scheduled = await s.command(mayaK.id, `session schedule ${swapId} "2026-11-26 18:00" skill:Guitar`);
    expect(slackMessageOf(scheduled.json).text).toContain("Session scheduled");
    expect(
      textOf(await onDiscord(leo, "session schedule", { swap: swapId, when: "2026-11-27 18:00", skill: "Spanish" })),
    ).toContain("Session scheduled");
    s.core.clock.advance(3 * day);
    const sessions = await s.core.database.db.swapSession.findMany({ where: { swapId }, select: { id: true } });
    for (const { id } of sessions) {
      await s.command(mayaK.id, `session complete ${id}`);
      await onDiscord(leo, "session complete", { session: id });
    }
    const swap = await s.core.services.swaps.get(maya, swapId);
    expect(swap.status).toBe("completed");
  });

  it("8. both review each other from a form, each hears of it, and Leo's profile shows his rating", async () => {
    await s.command(mayaK.id, `review ${swapId}`);
    const form = await eventually(() => mayasForm("rating"), "Maya's review form");
    const saved = await s.interact(
      viewSubmission(
        { userId: mayaK.id, teamId: s.teamId },
        {
          callbackId: form.callback_id,
          privateMetadata: form.private_metadata,
          values: typed({ rating: "5", text: "Patient and clear." }),
        },
      ),
    );
    // The form closes, and what was saved reaches Maya in her DM with the app.
    expect(saved.body).toBe("");
    const saidSaved = `Thanks! Your review of @${(await leoOnSkillSwap()).handle} is saved: 5/5.`;
    await vi.waitFor(() => expect(slackDmTexts()).toContain(saidSaved));
    const leosForm = await side.discord.exchange({ user: leo, command: "review", options: { swap: swapId } }).modal();
    const fields = fillDiscordForm(leosForm, ["4", "Great guitar teacher."]);
    await side.discord.exchange({ kind: "modal", user: leo, customId: leosForm.custom_id, fields }).settled();
    await runOutbox();

    const leoProfile = await s.core.services.profiles.get(maya, (await leoOnSkillSwap()).handle);
    expect(leoProfile.rating).toMatchObject({ count: 1, average: 5 });
    expect(side.discord.dmsTo(leo.id).map(textOf)).toContainEqual(
      expect.stringContaining(`${mayaName} reviewed you: 5/5.`),
    );
    // Maya's notifications come to her DM with the app, where this swap's conversation lives too.
    expect(slackDmTexts()).toContainEqual(expect.stringContaining("Leo reviewed you: 4/5."));
    expect(faults).toEqual([]);
    expect(s.logged).toEqual([]);
  });
});
