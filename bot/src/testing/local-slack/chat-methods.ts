import { visibleConversation } from "./conversation-methods.js";
import type { StoredConversation } from "./conversations.js";
import { jsonArg, optionalString, requiredString, type MethodArgs } from "./method-args.js";
import type { SlackMessage } from "./message-log.js";
import { SlackApiError, refuseUnless } from "./web-api-errors.js";
import { botMethod, type MethodTable } from "./web-api-method.js";
import type { SlackWorld } from "./world.js";
import type { LocalTeam } from "./workspaces.js";

/** Posting, editing and deleting the bot's messages, ephemeral messages, and permalinks. */
export function chatMethods(world: SlackWorld): MethodTable {
  return {
    "chat.postMessage": botMethod(({ args, team }) => {
      const conversation = postingTarget(world, team, args);
      const message = draft(world, team, conversation, args);
      world.messages.add(message);
      return { channel: conversation.id, ts: message.ts, message };
    }),
    "chat.update": botMethod(({ args, team }) => {
      const { conversation, message } = botMessage(world, team, args, "cant_update_message");
      const content = contentOf(args, message);
      const edited: SlackMessage = {
        ...message,
        ...content,
        edited: { user: team.botUserId, ts: world.clock.nextTs() },
      };
      world.messages.replace(edited);
      return { channel: conversation.id, ts: message.ts, text: edited.text, message: edited };
    }),
    "chat.delete": botMethod(({ args, team }) => {
      const { conversation, message } = botMessage(world, team, args, "cant_delete_message");
      world.messages.remove(conversation.id, message.ts);
      return { channel: conversation.id, ts: message.ts };
    }),
    "chat.postEphemeral": botMethod(({ args, team }) => {
      const conversation = postingTarget(world, team, args);
      const user = requiredString(args, "user", "user_not_found");
      refuseUnless(world.workspaces.user(team.id, user) !== undefined, "user_not_found");
      refuseUnless(conversation.members.includes(user), "user_not_in_channel");
      const { text, blocks } = contentOf(args);
      const threadTs = optionalString(args, "thread_ts");
      const messageTs = world.clock.nextTs();
      world.messages.ephemerals.push({
        channel: conversation.id,
        user,
        message_ts: messageTs,
        text,
        ...(blocks === undefined ? {} : { blocks }),
        ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
      });
      return { message_ts: messageTs };
    }),
    "chat.getPermalink": botMethod(({ args, team }) => {
      const conversation = visibleConversation(world, team, args);
      const ts = requiredString(args, "message_ts", "message_not_found");
      const message = world.messages.find(conversation.id, ts);
      refuseUnless(message !== undefined, "message_not_found");
      const inThread = message.thread_ts !== undefined && message.thread_ts !== message.ts;
      const thread = inThread ? `?thread_ts=${message.thread_ts ?? ""}&cid=${conversation.id}` : "";
      const permalink = `https://${team.domain}.slack.com/archives/${conversation.id}/p${ts.replace(".", "")}${thread}`;
      return { channel: conversation.id, permalink };
    }),
  };
}

/**
 * Where a message goes: a conversation the bot is in, or a person's id, which Slack reads as "the bot's DM with
 * them" and opens if needed. A public channel the bot has not joined answers not_in_channel.
 */
function postingTarget(world: SlackWorld, team: LocalTeam, args: MethodArgs): StoredConversation {
  const target = requiredString(args, "channel", "channel_not_found");
  if (world.workspaces.user(team.id, target) !== undefined && target !== team.botUserId)
    return world.conversations.openDirect(team.id, team.botUserId, [target]).conversation;
  const conversation = visibleConversation(world, team, args);
  refuseUnless(conversation.members.includes(team.botUserId), "not_in_channel");
  return conversation;
}

function draft(world: SlackWorld, team: LocalTeam, conversation: StoredConversation, args: MethodArgs): SlackMessage {
  const threadTs = optionalString(args, "thread_ts");
  if (threadTs !== undefined) {
    // Slack threads hang off a top-level message: a reply's ts (or no message at all) is not a thread.
    const parent = world.messages.find(conversation.id, threadTs);
    refuseUnless(parent !== undefined && (parent.thread_ts ?? parent.ts) === parent.ts, "invalid_thread_ts");
  }
  const metadata = args.metadata === undefined ? undefined : jsonArg(args, "metadata");
  return {
    type: "message",
    ts: world.clock.nextTs(),
    channel: conversation.id,
    user: team.botUserId,
    bot_id: team.botId,
    app_id: world.app.appId,
    team: team.id,
    ...contentOf(args),
    ...(metadata === undefined ? {} : { metadata }),
    ...(threadTs === undefined ? {} : { thread_ts: threadTs }),
  };
}

/**
 * What a message says: `text`, `blocks`, `attachments` (JSON-encoded in a form). One of them is required, as
 * Slack answers no_text; an edit keeps the blocks it does not replace (Slack's documented chat.update rule).
 */
function contentOf(args: MethodArgs, previous?: SlackMessage): Pick<SlackMessage, "text" | "blocks" | "attachments"> {
  const text = optionalString(args, "text");
  const blocks = args.blocks === undefined ? undefined : jsonArg(args, "blocks");
  const attachments = args.attachments === undefined ? undefined : jsonArg(args, "attachments");
  if (text === undefined && blocks === undefined && attachments === undefined) throw new SlackApiError("no_text");
  const kept: Pick<SlackMessage, "text" | "blocks"> = previous ?? { text: "" };
  return {
    text: text ?? kept.text,
    ...(blocks === undefined ? (kept.blocks === undefined ? {} : { blocks: kept.blocks }) : { blocks }),
    ...(attachments === undefined ? {} : { attachments }),
  };
}

/** A message of this channel named by `ts`, which only its author (the bot) may change. */
function botMessage(world: SlackWorld, team: LocalTeam, args: MethodArgs, notYours: string) {
  const conversation = visibleConversation(world, team, args);
  const message = world.messages.find(conversation.id, requiredString(args, "ts", "message_not_found"));
  refuseUnless(message !== undefined, "message_not_found");
  refuseUnless(message.user === team.botUserId, notYours);
  return { conversation, message };
}
