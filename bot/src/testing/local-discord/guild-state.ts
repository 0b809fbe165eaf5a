import { ChannelType, PermissionFlagsBits, type APIDMChannel, type APIRole, type APIUser } from "discord.js";
import { discordErrors } from "./discord-errors.js";
import {
  dmChannelPayload,
  guildChannelPayload,
  isThread,
  rolePayload,
  userPayload,
  type GuildChannel,
  type LocalUser,
  type StoredChannel,
  type StoredMember,
  type ThreadChannel,
} from "./payloads.js";
import { snowflake } from "./snowflake.js";

// What @everyone may do in a fresh community server: read, write, react, create threads; no moderation.
const everyonePermissions = 1_071_698_660_929n;
// What Discord's install flow grants a bot like ours: everything it needs to post, thread and invite.
const botPermissions =
  PermissionFlagsBits.ViewChannel |
  PermissionFlagsBits.SendMessages |
  PermissionFlagsBits.SendMessagesInThreads |
  PermissionFlagsBits.CreatePublicThreads |
  PermissionFlagsBits.CreatePrivateThreads |
  PermissionFlagsBits.ManageThreads |
  PermissionFlagsBits.EmbedLinks |
  PermissionFlagsBits.ReadMessageHistory |
  PermissionFlagsBits.UseApplicationCommands;

/** A thread as a test asks about it. */
export interface ThreadView {
  readonly id: string;
  readonly name: string;
  readonly parentId: string;
  readonly type: ChannelType;
  readonly ownerId: string;
  readonly memberIds: readonly string[];
  readonly archived: boolean;
  readonly locked: boolean;
  readonly invitable: boolean | undefined;
  readonly appliedTags: readonly string[];
}

/**
 * The guild the bot is in, with its channels, threads, members and roles, plus the DM channels the bot
 * opened. Everything the REST routes and gateway events read or change lives here. (Other guilds the bot is
 * in, for sharding, are LocalGuilds too, whose DM channels stay unused.)
 */
export class LocalGuild {
  readonly everyoneRole: APIRole;
  readonly managersRole: APIRole;
  readonly botRole: APIRole;
  private readonly channels = new Map<string, StoredChannel>();
  private readonly members = new Map<string, StoredMember>();
  private readonly users = new Map<string, LocalUser>();
  private readonly dmByRecipient = new Map<string, string>();
  private readonly threadMembers = new Map<string, Map<string, string>>();

  constructor(
    readonly name: string,
    readonly bot: LocalUser,
    readonly owner: LocalUser,
    readonly id: string = snowflake(),
  ) {
    this.everyoneRole = rolePayload(this.id, "@everyone", everyonePermissions, 0);
    this.managersRole = rolePayload(snowflake(), "Community Managers", PermissionFlagsBits.ManageGuild, 2);
    this.botRole = { ...rolePayload(snowflake(), bot.username, botPermissions, 1), managed: true };
    this.addMember(owner);
    this.addMember(bot, [this.botRole.id]);
  }

  roles(): APIRole[] {
    return [this.everyoneRole, this.botRole, this.managersRole];
  }

  addGuildChannel(name: string, type: GuildChannel["type"], id?: string): GuildChannel {
    const position = this.guildChannels().length;
    const channel = guildChannelPayload({ name, type, guildId: this.id, position, ...(id ? { id } : {}) });
    this.channels.set(channel.id, channel);
    return channel;
  }

  channel(id: string): StoredChannel | undefined {
    return this.channels.get(id);
  }

  /** The channel, or Discord's 404 "Unknown Channel". */
  requireChannel(id: string): StoredChannel {
    const channel = this.channels.get(id);
    if (channel === undefined) throw discordErrors.unknownChannel();
    return channel;
  }

  guildChannels(): GuildChannel[] {
    return [...this.channels.values()].filter((c): c is GuildChannel => c.type !== ChannelType.DM && !isThread(c));
  }

  threads(): ThreadChannel[] {
    return [...this.channels.values()].filter(isThread);
  }

  threadViews(): ThreadView[] {
    return this.threads().map((thread) => ({
      id: thread.id,
      name: thread.name,
      parentId: thread.parent_id ?? "",
      type: thread.type,
      ownerId: thread.owner_id ?? "",
      memberIds: this.threadMemberIds(thread.id),
      archived: thread.thread_metadata?.archived ?? false,
      locked: thread.thread_metadata?.locked ?? false,
      invitable: thread.thread_metadata?.invitable,
      appliedTags: thread.applied_tags ?? [],
    }));
  }

  /** The guild channel a thread hangs off, or the channel itself. */
  parentOf(channel: StoredChannel): StoredChannel {
    return isThread(channel) ? (this.channels.get(channel.parent_id ?? "") ?? channel) : channel;
  }

  store(channel: StoredChannel): void {
    this.channels.set(channel.id, channel);
  }

  remove(channelId: string): void {
    this.channels.delete(channelId);
    this.threadMembers.delete(channelId);
  }

  /** The bot's DM channel with a person; Discord answers the same channel every time it is asked. */
  dmChannelWith(user: LocalUser): APIDMChannel {
    this.rememberUser(user);
    const existing = this.channels.get(this.dmByRecipient.get(user.id) ?? "");
    if (existing?.type === ChannelType.DM) return existing;
    const channel = dmChannelPayload(snowflake(), user);
    this.channels.set(channel.id, channel);
    this.dmByRecipient.set(user.id, channel.id);
    return channel;
  }

  dmChannelIdOf(userId: string): string | undefined {
    return this.dmByRecipient.get(userId);
  }

  recipientOf(channel: APIDMChannel): LocalUser | undefined {
    const id = channel.recipients?.[0]?.id;
    return id === undefined ? undefined : this.users.get(id);
  }

  rememberUser(user: LocalUser): void {
    this.users.set(user.id, user);
  }

  user(id: string): LocalUser | undefined {
    return this.users.get(id);
  }

  addMember(user: LocalUser, roles: string[] = []): StoredMember {
    this.rememberUser(user);
    const member: StoredMember = { user, roles, joinedAt: new Date().toISOString() };
    this.members.set(user.id, member);
    return member;
  }

  removeMember(userId: string): StoredMember | undefined {
    const member = this.members.get(userId);
    this.members.delete(userId);
    return member;
  }

  member(userId: string): StoredMember | undefined {
    return this.members.get(userId);
  }

  allMembers(): StoredMember[] {
    return [...this.members.values()];
  }

  /** The member's guild-wide permissions, computed from their roles the way Discord does. */
  permissionsOf(userId: string): bigint {
    if (userId === this.owner.id) return PermissionFlagsBits.Administrator | everyonePermissions;
    const roles = this.members.get(userId)?.roles ?? [];
    return this.roles()
      .filter((role) => role.id === this.id || roles.includes(role.id))
      .reduce((bits, role) => bits | BigInt(role.permissions), 0n);
  }

  joinThread(threadId: string, userId: string): boolean {
    const members = this.threadMembers.get(threadId) ?? new Map<string, string>();
    this.threadMembers.set(threadId, members);
    if (members.has(userId)) return false;
    members.set(userId, new Date().toISOString());
    this.refreshMemberCount(threadId);
    return true;
  }

  leaveThread(threadId: string, userId: string): boolean {
    const left = this.threadMembers.get(threadId)?.delete(userId) ?? false;
    this.refreshMemberCount(threadId);
    return left;
  }

  threadMemberIds(threadId: string): string[] {
    return [...(this.threadMembers.get(threadId)?.keys() ?? [])];
  }

  threadJoinedAt(threadId: string, userId: string): string | undefined {
    return this.threadMembers.get(threadId)?.get(userId);
  }

  /** The users a message names with `<@id>`, as Discord fills a message's `mentions`. */
  mentionedIn(content: string): APIUser[] {
    const ids = [...content.matchAll(/<@!?(\d+)>/g)].map((match) => match[1] ?? "");
    return [...new Set(ids)].flatMap((id) => {
      const user = this.users.get(id);
      return user === undefined ? [] : [userPayload(user)];
    });
  }

  private refreshMemberCount(threadId: string): void {
    const thread = this.channels.get(threadId);
    // Discord stops counting thread members at 50.
    if (thread !== undefined && isThread(thread))
      thread.member_count = Math.min(50, this.threadMemberIds(threadId).length);
  }
}
