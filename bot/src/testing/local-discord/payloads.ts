import {
  ChannelType,
  ForumLayoutType,
  MessageType,
  ThreadAutoArchiveDuration,
  type APIDMChannel,
  type APIEmbed,
  type APIGuildForumChannel,
  type APIGuildMember,
  type APIMessage,
  type APIMessageTopLevelComponent,
  type APINewsChannel,
  type APIRole,
  type APITextChannel,
  type APIThreadChannel,
  type APIUser,
  type GuildMemberFlags,
  type MessageFlags,
  type RoleFlags,
} from "discord.js";
import { flagBits } from "./flags.js";
import { snowflake } from "./snowflake.js";

/** A person (or the bot) as tests name them. */
export interface LocalUser {
  readonly id: string;
  readonly username: string;
  readonly globalName?: string;
  readonly bot?: boolean;
}

/** A guild member as the harness keeps them: who, which roles, since when. */
export interface StoredMember {
  readonly user: LocalUser;
  roles: string[];
  readonly joinedAt: string;
}

export type GuildChannel = APITextChannel | APINewsChannel | APIGuildForumChannel;
export type ThreadChannel = APIThreadChannel;
export type StoredChannel = GuildChannel | ThreadChannel | APIDMChannel;

/** The message fields a bot sends (channel messages, interaction replies, webhook edits all share them). */
export interface MessageDraft {
  readonly content?: string | undefined;
  readonly embeds?: APIEmbed[] | undefined;
  readonly components?: APIMessageTopLevelComponent[] | undefined;
  readonly flags?: number | undefined;
  readonly nonce?: string | number | undefined;
}

export function userPayload(user: LocalUser): APIUser {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName ?? null,
    discriminator: "0",
    avatar: null,
    bot: user.bot ?? false,
  };
}

export function rolePayload(id: string, name: string, permissions: bigint, position: number): APIRole {
  return {
    id,
    name,
    permissions: permissions.toString(),
    position,
    // eslint-disable-next-line @typescript-eslint/no-deprecated -- Discord still sends it and discord.js 14 reads it.
    color: 0,
    colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
    hoist: false,
    managed: false,
    mentionable: false,
    flags: flagBits<RoleFlags>(0),
  };
}

/** The member fields every member payload shares (resolved options and message authors omit the user). */
export function memberFields(member: StoredMember) {
  return {
    nick: null,
    avatar: null,
    banner: null,
    roles: [...member.roles],
    joined_at: member.joinedAt,
    premium_since: null,
    flags: flagBits<GuildMemberFlags>(0),
    pending: false,
  };
}

export function memberPayload(member: StoredMember): APIGuildMember & { user: APIUser } {
  return { ...memberFields(member), user: userPayload(member.user), deaf: false, mute: false };
}

export function isThread(channel: StoredChannel): channel is ThreadChannel {
  return (
    channel.type === ChannelType.PublicThread ||
    channel.type === ChannelType.PrivateThread ||
    channel.type === ChannelType.AnnouncementThread
  );
}

export interface GuildChannelSpec {
  readonly name: string;
  readonly type: GuildChannel["type"];
  readonly guildId: string;
  readonly position: number;
  readonly id?: string;
}

export function guildChannelPayload(spec: GuildChannelSpec): GuildChannel {
  const common = {
    id: spec.id ?? snowflake(),
    guild_id: spec.guildId,
    name: spec.name,
    position: spec.position,
    permission_overwrites: [],
    nsfw: false,
    parent_id: null,
    topic: null,
    last_message_id: null,
    rate_limit_per_user: 0,
  };
  if (spec.type === ChannelType.GuildForum) {
    return {
      ...common,
      type: ChannelType.GuildForum,
      available_tags: [],
      default_reaction_emoji: null,
      default_sort_order: null,
      default_forum_layout: ForumLayoutType.NotSet,
    };
  }
  return spec.type === ChannelType.GuildAnnouncement
    ? { ...common, type: ChannelType.GuildAnnouncement }
    : { ...common, type: ChannelType.GuildText };
}

export interface ThreadSpec {
  readonly id?: string;
  readonly name: string;
  readonly type: ChannelType.PublicThread | ChannelType.PrivateThread;
  readonly parent: GuildChannel;
  readonly ownerId: string;
  readonly autoArchiveDuration?: ThreadAutoArchiveDuration;
  readonly invitable?: boolean;
  readonly appliedTags?: readonly string[];
}

export function threadPayload(spec: ThreadSpec): ThreadChannel {
  const now = new Date().toISOString();
  return {
    id: spec.id ?? snowflake(),
    type: spec.type,
    guild_id: spec.parent.guild_id ?? "",
    parent_id: spec.parent.id,
    owner_id: spec.ownerId,
    name: spec.name,
    last_message_id: null,
    rate_limit_per_user: 0,
    message_count: 0,
    total_message_sent: 0,
    member_count: 0,
    applied_tags: [...(spec.appliedTags ?? [])],
    thread_metadata: {
      archived: false,
      auto_archive_duration: spec.autoArchiveDuration ?? ThreadAutoArchiveDuration.OneDay,
      archive_timestamp: now,
      locked: false,
      create_timestamp: now,
      // Only private threads have an invitable flag; Discord omits it on public ones.
      ...(spec.type === ChannelType.PrivateThread ? { invitable: spec.invitable ?? true } : {}),
    },
  };
}

export function dmChannelPayload(id: string, recipient: LocalUser): APIDMChannel {
  return { id, type: ChannelType.DM, name: null, last_message_id: null, recipients: [userPayload(recipient)] };
}

export interface NewMessage {
  readonly id?: string;
  readonly channelId: string;
  readonly author: APIUser;
  readonly draft: MessageDraft;
  readonly mentions?: APIUser[];
  readonly type?: MessageType;
  readonly webhookId?: string;
}

export function messagePayload(input: NewMessage): APIMessage {
  const { draft } = input;
  return {
    id: input.id ?? snowflake(),
    type: input.type ?? MessageType.Default,
    channel_id: input.channelId,
    author: input.author,
    content: draft.content ?? "",
    embeds: draft.embeds ?? [],
    components: draft.components ?? [],
    attachments: [],
    mentions: input.mentions ?? [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    flags: flagBits<MessageFlags>(draft.flags ?? 0),
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
    ...(draft.nonce === undefined ? {} : { nonce: draft.nonce }),
    ...(input.webhookId === undefined ? {} : { webhook_id: input.webhookId, application_id: input.webhookId }),
  };
}

/** A message after an edit: only the fields the edit names change, as with Discord's PATCH. */
export function editedMessage(message: APIMessage, draft: MessageDraft): APIMessage {
  return {
    ...message,
    ...(draft.content === undefined ? {} : { content: draft.content }),
    ...(draft.embeds === undefined ? {} : { embeds: draft.embeds }),
    ...(draft.components === undefined ? {} : { components: draft.components }),
    ...(draft.flags === undefined ? {} : { flags: flagBits<MessageFlags>(draft.flags) }),
    edited_timestamp: new Date().toISOString(),
  };
}
