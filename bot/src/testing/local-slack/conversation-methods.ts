import type { StoredConversation } from "./conversations.js";
import { conversationPayload } from "./conversations.js";
import { pageOf } from "./cursor-pages.js";
import { flag, optionalNumber, optionalString, requiredString, type MethodArgs } from "./method-args.js";
import { SlackApiError, refuseUnless } from "./web-api-errors.js";
import { botMethod, type MethodTable } from "./web-api-method.js";
import type { SlackWorld } from "./world.js";
import type { LocalTeam } from "./workspaces.js";

/** Slack's limit for a group DM opened by conversations.open: eight people besides the caller. */
const maxGroupDmPeople = 8;

/** Opening DMs and group DMs, reading a conversation and its members, joining a public channel. */
export function conversationMethods(world: SlackWorld): MethodTable {
  return {
    "conversations.open": botMethod(({ args, team }) => open(world, team, args)),
    "conversations.info": botMethod(({ args, team }) => ({
      channel: conversationPayload(visibleConversation(world, team, args), team.botUserId),
    })),
    "conversations.members": botMethod(({ args, team }) => {
      const conversation = visibleConversation(world, team, args);
      const page = pageOf(conversation.members, args.cursor, optionalNumber(args, "limit"));
      return { members: page.items, response_metadata: { next_cursor: page.next } };
    }),
    "conversations.join": botMethod(({ args, team }) => {
      const conversation = visibleConversation(world, team, args);
      refuseUnless(conversation.kind === "public", "method_not_supported_for_channel_type");
      const joined = world.conversations.join(conversation.id, team.botUserId);
      const warning = joined
        ? {}
        : { warning: "already_in_channel", response_metadata: { warnings: ["already_in_channel"] } };
      return { channel: conversationPayload(conversation, team.botUserId), ...warning };
    }),
  };
}

function open(world: SlackWorld, team: LocalTeam, args: MethodArgs) {
  const channelId = optionalString(args, "channel");
  if (channelId !== undefined) {
    const conversation = world.conversations.get(channelId);
    refuseUnless(
      conversation?.teamId === team.id && conversation.members.includes(team.botUserId),
      "channel_not_found",
    );
    return { channel: conversationPayload(conversation, team.botUserId), already_open: true, no_op: true };
  }
  const people = requiredString(args, "users", "users_list_not_supplied")
    .split(",")
    .map((id) => id.trim());
  refuseUnless(people.length <= maxGroupDmPeople, "too_many_users");
  for (const id of people) refuseUnless(world.workspaces.user(team.id, id) !== undefined, "user_not_found");
  refuseUnless(
    people.some((id) => id !== team.botUserId),
    "cannot_dm_bot",
  );
  const { conversation, alreadyOpen } = world.conversations.openDirect(team.id, team.botUserId, people);
  const payload = conversationPayload(conversation, team.botUserId);
  // A DM answers only its id unless the caller asks for the full definition with return_im; a group DM
  // always comes back whole.
  const channel = conversation.kind === "im" && !flag(args, "return_im") ? { id: conversation.id } : payload;
  return { channel, ...(alreadyOpen ? { already_open: true, no_op: true } : {}) };
}

/**
 * The conversation named by `channel`, if the bot may see it: public channels of its workspace, and private
 * ones (DMs included) it is in. Anything else is `channel_not_found`, as Slack hides what the caller cannot see.
 */
export function visibleConversation(world: SlackWorld, team: LocalTeam, args: MethodArgs): StoredConversation {
  const conversation = world.conversations.get(requiredString(args, "channel", "channel_not_found"));
  if (conversation === undefined || conversation.teamId !== team.id) throw new SlackApiError("channel_not_found");
  if (conversation.kind !== "public" && !conversation.members.includes(team.botUserId))
    throw new SlackApiError("channel_not_found");
  return conversation;
}
