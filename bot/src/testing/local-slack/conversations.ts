import { slackId } from "./slack-ids.js";

export type ConversationKind = "public" | "private" | "im" | "mpim";

/** A channel, private channel, DM or group DM, and who is in it. */
export interface StoredConversation {
  readonly id: string;
  readonly teamId: string;
  readonly name: string;
  readonly kind: ConversationKind;
  readonly created: number;
  /** Member ids in the order they joined; for DMs and group DMs, the bot first. */
  readonly members: string[];
}

export interface ChannelInput {
  readonly teamId: string;
  readonly name: string;
  readonly isPrivate?: boolean;
  readonly members?: readonly string[];
}

/** The conversations of every workspace, including the DMs conversations.open creates. */
export class Conversations {
  private readonly byId = new Map<string, StoredConversation>();
  /** Group DMs and DMs by workspace and (sorted) set of people, so opening the same set finds the same one. */
  private readonly direct = new Map<string, string>();

  add(input: ChannelInput): StoredConversation {
    return this.store({
      id: slackId(input.isPrivate === true ? "G" : "C"),
      teamId: input.teamId,
      name: input.name,
      kind: input.isPrivate === true ? "private" : "public",
      created: Math.floor(Date.now() / 1000),
      members: [...new Set(input.members ?? [])],
    });
  }

  get(id: string): StoredConversation | undefined {
    return this.byId.get(id);
  }

  /** The conversations of a workspace, oldest first. */
  inTeam(teamId: string): StoredConversation[] {
    return [...this.byId.values()].filter((conversation) => conversation.teamId === teamId);
  }

  /**
   * The DM (one person) or group DM (several) between the bot and these people: Slack keeps one per set of
   * people, whatever order they are named in, so a second open finds the first.
   */
  openDirect(
    teamId: string,
    botUserId: string,
    people: readonly string[],
  ): { conversation: StoredConversation; alreadyOpen: boolean } {
    const others = [...new Set(people)].filter((id) => id !== botUserId).sort();
    const key = `${teamId}:${others.join(",")}`;
    const known = this.direct.get(key);
    const existing = known === undefined ? undefined : this.byId.get(known);
    if (existing !== undefined) return { conversation: existing, alreadyOpen: true };
    const im = others.length === 1;
    const conversation = this.store({
      id: slackId(im ? "D" : "G"),
      teamId,
      name: im ? (others[0] ?? "") : `mpdm-${others.join("--")}-1`,
      kind: im ? "im" : "mpim",
      created: Math.floor(Date.now() / 1000),
      members: [botUserId, ...others],
    });
    this.direct.set(key, conversation.id);
    return { conversation, alreadyOpen: false };
  }

  join(id: string, userId: string): boolean {
    const conversation = this.byId.get(id);
    if (conversation === undefined || conversation.members.includes(userId)) return false;
    conversation.members.push(userId);
    return true;
  }

  private store(conversation: StoredConversation): StoredConversation {
    this.byId.set(conversation.id, conversation);
    return conversation;
  }
}

/** The conversation object Slack returns, as seen by `viewerId` (is_member is about the caller). */
export function conversationPayload(conversation: StoredConversation, viewerId: string): Record<string, unknown> {
  const { kind } = conversation;
  const base = {
    id: conversation.id,
    created: conversation.created,
    is_channel: kind === "public",
    is_group: kind === "private",
    is_im: kind === "im",
    is_mpim: kind === "mpim",
    is_private: kind !== "public",
    is_archived: false,
    context_team_id: conversation.teamId,
  };
  if (kind === "im") {
    return { ...base, user: conversation.members.find((id) => id !== viewerId) ?? "", is_open: true };
  }
  return {
    ...base,
    name: conversation.name,
    name_normalized: conversation.name,
    is_member: conversation.members.includes(viewerId),
    num_members: conversation.members.length,
  };
}
