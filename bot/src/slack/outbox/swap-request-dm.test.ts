import { createOutboxDispatcher, notificationsHandler } from "@skillswap/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { blockActions } from "../../testing/local-slack/slack-payloads.js";
import { leoR, mayaK, startSlackChatScenario, type SlackChatScenario } from "../../testing/slack-chat-scenario.js";
import { singleClient } from "../slack-clients.js";
import { slackWebClient } from "../slack-web-client.js";
import { slackDelivery } from "./dm-delivery.js";

interface Button {
  readonly text: { readonly text: string };
  readonly action_id: string;
  readonly value: string;
}
interface Block {
  readonly type: string;
  readonly elements?: readonly Button[];
}

const isBlocks = (value: unknown): value is readonly Block[] => Array.isArray(value);
const buttonsIn = (blocks: unknown): Button[] =>
  (isBlocks(blocks) ? blocks : []).filter((b) => b.type === "actions").flatMap((b) => b.elements ?? []);

let s: SlackChatScenario;

beforeEach(async () => {
  s = await startSlackChatScenario();
});

afterEach(() => s.stop());

const botClient = () => slackWebClient(s.slack.team.botToken ?? "", s.slack.apiUrl);

/** Delivers what is pending to people's Slack DMs, as the worker does. */
async function notify() {
  const delivery = slackDelivery({
    core: s.core,
    clients: singleClient(botClient()),
    logger: { error: (m) => s.logged.push(m) },
  });
  const outbox = createOutboxDispatcher(s.core.deps, {
    handlers: [notificationsHandler(s.core.database.db, [delivery])],
  });
  while ((await outbox.runOnce()).fetched > 0);
}

/** Leo asks Maya to teach him Guitar for his Spanish; both already use SkillSwap from this workspace. */
async function leoAsksMaya() {
  const leo = await s.member(leoR, { Spanish: 5 });
  const maya = await s.member(mayaK, { Guitar: 4 });
  const asked = await s.core.services.swaps.request(leo, { to: maya.handle, want: "Guitar", offer: "Spanish" });
  return { maya, leo, swapId: asked.id };
}

/** The bot's DM with Maya: its id and what is in it. */
async function mayasDm() {
  const opened = await botClient().conversations.open({ users: mayaK.id });
  const channelId = opened.channel?.id ?? "";
  return { channelId, messages: s.slack.channels.messagesIn(channelId) };
}

describe("a swap request by Slack DM", () => {
  it("shows the swap with Accept and Decline buttons", async () => {
    const { leo } = await leoAsksMaya();
    await notify();

    const [dm] = (await mayasDm()).messages;
    expect(dm?.text).toContain("sent you a swap request");
    expect(dm?.text).toContain(`with @${leo.handle}: Guitar ↔ Spanish`);
    expect(buttonsIn(dm?.blocks).map((b) => b.text.text)).toEqual(["Accept", "Decline"]);
  });

  it("accepts the swap when Maya clicks Accept, and the DM then says so without buttons", async () => {
    const { maya, leo, swapId } = await leoAsksMaya();
    await notify();
    const { channelId, messages } = await mayasDm();
    const accept = buttonsIn(messages[0]?.blocks).find((b) => b.text.text === "Accept");

    const clickUrl = s.responses.url();
    await s.interact({
      ...blockActions(
        { userId: mayaK.id, teamId: s.teamId },
        { actionId: accept?.action_id ?? "", value: accept?.value ?? "", channelId, messageTs: messages[0]?.ts ?? "" },
      ),
      response_url: clickUrl,
    });
    const updated = await s.responses.firstTo(clickUrl);

    expect((await s.core.services.swaps.get(maya, swapId)).status).toBe("accepted");
    expect(updated).toMatchObject({
      replace_original: true,
      text: expect.stringContaining(`You accepted the swap with @${leo.handle}`) as unknown,
    });
    expect(buttonsIn((updated as { blocks?: unknown }).blocks)).toEqual([]);
    expect(s.logged).toEqual([]);
  });

  it("comes without buttons when the request was already answered elsewhere", async () => {
    const { maya, swapId } = await leoAsksMaya();
    await s.core.services.swaps.decline(maya, swapId);
    await notify();

    const [dm] = (await mayasDm()).messages;
    expect(dm?.text).toContain("sent you a swap request");
    expect(buttonsIn(dm?.blocks)).toEqual([]);
  });
});
