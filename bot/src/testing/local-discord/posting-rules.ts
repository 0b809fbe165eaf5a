import { ChannelType, OverwriteType, PermissionFlagsBits } from "discord.js";
import { updateChannel } from "./channel-activity.js";
import { discordErrors } from "./discord-errors.js";
import { isThread, type MessageDraft, type StoredChannel, type ThreadChannel } from "./payloads.js";
import type { World } from "./world.js";

/**
 * Throws what Discord answers when the bot may not post here: forums take no plain messages, a forbidden
 * channel (or its threads) answers 403 Missing Permissions, a person with closed DMs 403 "Cannot send
 * messages to this user", a locked archived thread 400. Posting in an archived, unlocked thread reopens it.
 */
export function assertBotMayPost(world: World, channel: StoredChannel): void {
  if (channel.type === ChannelType.GuildForum) throw discordErrors.nonTextChannel();
  assertNotForbidden(world, channel);
  if (channel.type === ChannelType.DM) {
    const recipient = world.guild.recipientOf(channel);
    if (recipient !== undefined && world.faults.hasClosedDms(recipient.id)) throw discordErrors.cannotMessageUser();
  }
  if (isThread(channel)) reopenForPosting(world, channel);
}

// What a bot loses in a channel it is refused from: posting, and starting or posting in threads.
const postingPermissions =
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads;

/**
 * Refuses the bot a channel from now on, as a moderator's overwrite would: the REST calls answer 403 and the
 * channel's overwrites (sent in CHANNEL_UPDATE) say so, for a bot that checks before it posts.
 */
export function forbidBot(world: World, channelId: string): void {
  world.faults.forbid(channelId);
  const channel = world.guild.requireChannel(channelId);
  if (channel.type === ChannelType.DM || isThread(channel)) return;
  const deny = { id: world.bot.id, type: OverwriteType.Member, allow: "0", deny: postingPermissions.toString() };
  channel.permission_overwrites = [...(channel.permission_overwrites ?? []), deny];
  updateChannel(world, channel);
}

export function assertNotForbidden(world: World, channel: StoredChannel): void {
  const parent = world.guild.parentOf(channel);
  if (world.faults.isForbidden(channel.id) || world.faults.isForbidden(parent.id)) {
    throw discordErrors.missingPermissions();
  }
}

export function requireThread(world: World, channelId: string): ThreadChannel {
  const channel = world.guild.requireChannel(channelId);
  if (!isThread(channel)) throw discordErrors.wrongChannelType();
  return channel;
}

export function checkThreadName(name: string | undefined): string {
  const length = (name ?? "").length;
  if (length < 1 || length > 100) {
    throw discordErrors.invalidForm(["name"], "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
  }
  return name ?? "";
}

/** The message fields every send or edit body shares; in an edit, `null` means "clear it". */
export interface MessageBody {
  readonly content?: string | null | undefined;
  readonly embeds?: MessageDraft["embeds"] | null | undefined;
  readonly components?: MessageDraft["components"] | null | undefined;
  readonly flags?: number | null | undefined;
  readonly nonce?: string | number | undefined;
}

export function draftFrom(body: MessageBody): MessageDraft {
  return {
    ...(body.content === undefined ? {} : { content: body.content ?? "" }),
    ...(body.embeds === undefined ? {} : { embeds: body.embeds ?? [] }),
    ...(body.components === undefined ? {} : { components: body.components ?? [] }),
    ...(body.flags === undefined || body.flags === null ? {} : { flags: body.flags }),
    ...(body.nonce === undefined ? {} : { nonce: body.nonce }),
  };
}

function reopenForPosting(world: World, thread: ThreadChannel): void {
  const metadata = thread.thread_metadata;
  if (metadata === undefined || !metadata.archived) return;
  if (metadata.locked) throw discordErrors.threadArchived();
  thread.thread_metadata = { ...metadata, archived: false, archive_timestamp: new Date().toISOString() };
  updateChannel(world, thread);
}
