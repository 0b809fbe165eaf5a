import { ChannelType, GatewayDispatchEvents, type APIMessage } from "discord.js";
import { openThread, postMessage } from "./channel-activity.js";
import { memberPayload, userPayload, type LocalUser, type ThreadChannel } from "./payloads.js";
import type { World } from "./world.js";

export interface SayInput {
  readonly user: LocalUser;
  /** A text channel, thread or DM channel id; "general" by default. */
  readonly channelId?: string;
  /** Speak in the person's DM with the bot instead. */
  readonly dm?: boolean;
  readonly content: string;
  /** A fixed id: saying the same id twice delivers the same message again, as a replayed event would. */
  readonly id?: string;
}

export interface ForumPostInput {
  readonly user: LocalUser;
  readonly title: string;
  readonly content: string;
  /** The forum; the harness's "group-forum" by default. */
  readonly channelId?: string;
  readonly appliedTags?: readonly string[];
}

export interface ForumPost {
  readonly thread: ThreadChannel;
  /** The starter message; its id is the thread's id, as on Discord. */
  readonly message: APIMessage;
}

/** What people in the guild do, each producing the gateway events Discord sends a bot. */
export class People {
  constructor(
    private readonly world: World,
    private readonly defaults: { readonly channelId: string; readonly forumId?: string },
  ) {}

  say(input: SayInput): APIMessage {
    const { guild } = this.world;
    const channel =
      input.dm === true
        ? guild.dmChannelWith(input.user)
        : guild.requireChannel(input.channelId ?? this.defaults.channelId);
    if (channel.type === ChannelType.GuildForum) {
      throw new Error("nobody can post straight into a forum channel: use startForumPost");
    }
    guild.rememberUser(input.user);
    return postMessage(this.world, channel, input.user, { content: input.content }, input.id);
  }

  startForumPost(input: ForumPostInput): ForumPost {
    const forumId = input.channelId ?? this.defaults.forumId;
    if (forumId === undefined) throw new Error(`${this.world.guild.name} has no forum channel`);
    const forum = this.world.guild.requireChannel(forumId);
    if (forum.type !== ChannelType.GuildForum) throw new Error(`channel ${forum.id} is not a forum`);
    const thread = openThread(this.world, {
      name: input.title,
      type: ChannelType.PublicThread,
      parent: forum,
      ownerId: input.user.id,
      appliedTags: input.appliedTags ?? [],
    });
    const message = postMessage(this.world, thread, input.user, { content: input.content }, thread.id);
    return { thread, message };
  }

  memberJoins(user: LocalUser): void {
    const member = this.world.guild.addMember(user);
    this.world.emit(GatewayDispatchEvents.GuildMemberAdd, { ...memberPayload(member), guild_id: this.world.guild.id });
  }

  memberLeaves(user: LocalUser): void {
    this.world.guild.removeMember(user.id);
    this.world.emit(GatewayDispatchEvents.GuildMemberRemove, {
      guild_id: this.world.guild.id,
      user: userPayload(user),
    });
  }

  /** Grants or takes away the guild's "Community Managers" role, which carries Manage Server. */
  memberUpdated(user: LocalUser, change: { readonly manageGuild: boolean }): void {
    const { guild } = this.world;
    const member = guild.member(user.id);
    if (member === undefined) throw new Error(`${user.username} is not a member: call memberJoins first`);
    const others = member.roles.filter((role) => role !== guild.managersRole.id);
    member.roles = change.manageGuild ? [...others, guild.managersRole.id] : others;
    this.world.emit(GatewayDispatchEvents.GuildMemberUpdate, { ...memberPayload(member), guild_id: guild.id });
  }
}
