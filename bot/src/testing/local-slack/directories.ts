import { conversationPayload } from "./conversations.js";
import type { SlackMemberInput, SlackUser } from "./members.js";
import type { EphemeralMessage, SlackMessage } from "./message-log.js";
import type { SlackWorld } from "./world.js";
import type { LocalTeam } from "./workspaces.js";

/** The people of the workspaces, as a test arranges and reads them. */
export interface LocalSlackUsers {
  /** Adds a member to a workspace (the first one by default); they join its #general, as on Slack. */
  add(member: SlackMemberInput, teamId?: string): SlackUser;
  get(userId: string, teamId?: string): SlackUser | undefined;
  list(teamId?: string): SlackUser[];
}

export interface ChannelOptions {
  readonly teamId?: string;
  readonly isPrivate?: boolean;
  /** People in it besides the bot. */
  readonly members?: readonly string[];
  /** False for a channel the app was not added to: posting there answers not_in_channel until it joins. */
  readonly botIsMember?: boolean;
}

/** The conversations of the workspaces and what was said in them, as a test arranges and reads them. */
export interface LocalSlackChannels {
  /** Adds a channel; returns its id. */
  add(name: string, options?: ChannelOptions): string;
  /** A conversation as conversations.info shows it to the bot. */
  get(channelId: string): Record<string, unknown> | undefined;
  /** The id of a workspace's channel by name ("general"). */
  idOf(name: string, teamId?: string): string;
  /** Who is in a conversation, the bot included. */
  membersOf(channelId: string): string[];
  /** Top-level messages, oldest first; a thread's parent carries reply_count and latest_reply. */
  messagesIn(channelId: string): SlackMessage[];
  /** A thread's replies, oldest first, without its parent. */
  repliesTo(channelId: string, threadTs: string): SlackMessage[];
  /** Ephemeral messages shown to a person, oldest first (they are never in the channel). */
  ephemeralsTo(userId: string): EphemeralMessage[];
}

export function usersDirectory(world: SlackWorld, primary: () => LocalTeam): LocalSlackUsers {
  return {
    add: (member, teamId = primary().id) => {
      const user = world.workspaces.addUser(teamId, member);
      const general = world.conversations.inTeam(teamId).find((c) => c.name === "general");
      if (general !== undefined) world.conversations.join(general.id, user.id);
      return user;
    },
    get: (userId, teamId = primary().id) => world.workspaces.user(teamId, userId),
    list: (teamId = primary().id) => world.workspaces.users(teamId),
  };
}

export function channelsDirectory(world: SlackWorld, primary: () => LocalTeam): LocalSlackChannels {
  const team = (teamId: string | undefined): LocalTeam => {
    const found = world.workspaces.team(teamId ?? primary().id);
    if (found === undefined) throw new Error(`LocalSlack has no team ${teamId ?? ""}`);
    return found;
  };
  return {
    add: (name, options = {}) => {
      const owner = team(options.teamId);
      const bot = options.botIsMember === false ? [] : [owner.botUserId];
      const isPrivate = options.isPrivate ?? false;
      return world.conversations.add({
        teamId: owner.id,
        name,
        isPrivate,
        members: [...bot, ...(options.members ?? [])],
      }).id;
    },
    get: (channelId) => {
      const conversation = world.conversations.get(channelId);
      if (conversation === undefined) return undefined;
      return conversationPayload(conversation, team(conversation.teamId).botUserId);
    },
    idOf: (name, teamId) => {
      const found = world.conversations.inTeam(team(teamId).id).find((c) => c.name === name);
      if (found === undefined) throw new Error(`LocalSlack has no channel #${name}`);
      return found.id;
    },
    membersOf: (channelId) => [...(world.conversations.get(channelId)?.members ?? [])],
    messagesIn: (channelId) => world.messages.channel(channelId),
    repliesTo: (channelId, threadTs) => world.messages.replies(channelId, threadTs),
    ephemeralsTo: (userId) => world.messages.ephemerals.filter((message) => message.user === userId),
  };
}
