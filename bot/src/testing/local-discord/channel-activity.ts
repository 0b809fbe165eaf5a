import {
  ChannelType,
  GatewayDispatchEvents,
  type APIGuildMember,
  type APIMessage,
  type APIThreadMember,
  type GatewayMessageCreateDispatchData,
  type TextChannelType,
  type ThreadMemberFlags,
} from "discord.js";
import { flagBits } from "./flags.js";
import type { LocalGuild } from "./guild-state.js";
import {
  isThread,
  memberFields,
  memberPayload,
  messagePayload,
  threadPayload,
  userPayload,
  type LocalUser,
  type MessageDraft,
  type StoredChannel,
  type ThreadChannel,
  type ThreadSpec,
} from "./payloads.js";
import type { World } from "./world.js";

/** Stores a message and tells the bot, as Discord does for every message, the bot's own included. */
export function postMessage(
  world: World,
  channel: StoredChannel,
  author: LocalUser,
  draft: MessageDraft,
  id?: string,
): APIMessage {
  const mentions = world.guild.mentionedIn(draft.content ?? "");
  const message = messagePayload({
    channelId: channel.id,
    author: userPayload(author),
    draft,
    mentions,
    ...(id ? { id } : {}),
  });
  world.messages.add(message);
  channel.last_message_id = message.id;
  // A forum post's starter message shares the thread's id and is not counted as a message in it.
  if (isThread(channel) && message.id !== channel.id) {
    channel.message_count = (channel.message_count ?? 0) + 1;
    channel.total_message_sent = (channel.total_message_sent ?? 0) + 1;
  }
  world.emit(GatewayDispatchEvents.MessageCreate, messageEventData(world.guild, channel, message));
  return message;
}

/** MESSAGE_CREATE as Discord shapes it: guild messages carry guild_id and the author's member. */
export function messageEventData(
  guild: LocalGuild,
  channel: StoredChannel,
  message: APIMessage,
): GatewayMessageCreateDispatchData {
  const channelType = textChannelType(channel);
  const base = { ...message, ...(channelType === undefined ? {} : { channel_type: channelType }) };
  if (channel.type === ChannelType.DM) return base;
  const member = guild.member(message.author.id);
  if (member === undefined) return { ...base, guild_id: guild.id };
  return { ...base, guild_id: guild.id, member: { ...memberFields(member), deaf: false, mute: false } };
}

/** Creates a thread, adds its owner, and announces it with THREAD_CREATE. */
export function openThread(world: World, spec: ThreadSpec): ThreadChannel {
  const thread = threadPayload(spec);
  world.guild.store(thread);
  world.guild.joinThread(thread.id, spec.ownerId);
  // A forum's last_message_id names its most recent post.
  if (spec.parent.type === ChannelType.GuildForum) spec.parent.last_message_id = thread.id;
  const ownMembership =
    spec.ownerId === world.bot.id ? { member: threadMember(world.guild, thread.id, world.bot.id) } : {};
  world.emit(GatewayDispatchEvents.ThreadCreate, { ...thread, newly_created: true, ...ownMembership });
  return thread;
}

export function addThreadMember(world: World, thread: ThreadChannel, user: LocalUser): void {
  if (!world.guild.joinThread(thread.id, user.id)) return;
  world.emit(GatewayDispatchEvents.ThreadMembersUpdate, {
    id: thread.id,
    guild_id: world.guild.id,
    member_count: thread.member_count ?? 0,
    added_members: [threadMember(world.guild, thread.id, user.id)],
  });
}

export function removeThreadMember(world: World, thread: ThreadChannel, userId: string): void {
  if (!world.guild.leaveThread(thread.id, userId)) return;
  world.emit(GatewayDispatchEvents.ThreadMembersUpdate, {
    id: thread.id,
    guild_id: world.guild.id,
    member_count: thread.member_count ?? 0,
    removed_member_ids: [userId],
  });
}

export function threadMember(guild: LocalGuild, threadId: string, userId: string): APIThreadMember {
  const member = guild.member(userId);
  const guildMember: APIGuildMember | undefined = member === undefined ? undefined : memberPayload(member);
  return {
    id: threadId,
    user_id: userId,
    join_timestamp: guild.threadJoinedAt(threadId, userId) ?? new Date().toISOString(),
    flags: flagBits<ThreadMemberFlags>(0),
    ...(guildMember === undefined ? {} : { member: guildMember }),
  };
}

/** A click's response edited the message its component sits on: the channel's copy changes too. */
export function replaceComponentMessage(world: World, message: APIMessage): void {
  const stored = world.messages.find(message.channel_id, message.id);
  if (stored === undefined || stored === message) return;
  world.messages.replace(message);
  const channel = world.guild.requireChannel(message.channel_id);
  world.emit(GatewayDispatchEvents.MessageUpdate, messageEventData(world.guild, channel, message));
}

/** Archives, locks or renames a thread (or renames a channel) and tells the bot, as Discord does. */
export function updateChannel(world: World, channel: StoredChannel): void {
  const event = isThread(channel) ? GatewayDispatchEvents.ThreadUpdate : GatewayDispatchEvents.ChannelUpdate;
  world.emit(event, channel);
}

function textChannelType(channel: StoredChannel): TextChannelType | undefined {
  return channel.type === ChannelType.GuildForum ? undefined : channel.type;
}
