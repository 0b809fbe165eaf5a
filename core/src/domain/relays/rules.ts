import type { Visibility } from "../profiles/types.js";

/** A community on the platform with a swaps channel, and which of the swap's participants belong to it. */
export interface SwapsChannelCandidate {
  readonly communityId: string;
  readonly externalCommunityId: string;
  readonly channelId: string;
  readonly memberIds: readonly string[];
}

/**
 * Where a swap's private thread opens: the swaps channel of the community that holds the most of the
 * participants who are on the platform (the earliest registered wins a tie, candidates come in that order).
 * Participants outside it are reached one by one instead. No candidate: nobody gets a thread.
 */
export function chooseSwapsChannel(
  candidates: readonly SwapsChannelCandidate[],
  platformUserIds: readonly string[],
): SwapsChannelCandidate | null {
  let best: SwapsChannelCandidate | null = null;
  let bestCount = 0;
  for (const candidate of candidates) {
    const count = candidate.memberIds.filter((id) => platformUserIds.includes(id)).length;
    if (count > bestCount) {
      best = { ...candidate, memberIds: candidate.memberIds.filter((id) => platformUserIds.includes(id)) };
      bestCount = count;
    }
  }
  return best;
}

/** Someone taking part in a session, as far as announcing it is concerned. */
export interface SessionSharer {
  readonly userId: string;
  /** They opted in to having their sessions announced in their groups' channels. */
  readonly sharesSessions: boolean;
  readonly visibility: Visibility;
  readonly communityIds: readonly string[];
}

/** A chat channel linked to a group, with the group's category and which participants are its members. */
export interface GroupChatChannel {
  readonly channelId: string;
  readonly communityId: string;
  readonly groupId: string;
  readonly groupCategoryId: string | null;
  readonly memberIds: readonly string[];
}

export interface SessionToAnnounce {
  /** Still scheduled, in a swap still under way. */
  readonly upcoming: boolean;
  readonly skillCategoryId: string | null;
  readonly participants: readonly SessionSharer[];
}

/**
 * The linked chat channels where an upcoming session may be announced. A session is two (or three) people's
 * business, so it is announced only where all of them would agree to be seen together: everyone opted in, no
 * private profile, everyone a member of the group, everyone visible to the channel's community (a
 * "communities" profile belongs to it), and — when the group has a category — a session on a skill of it.
 */
export function channelsAnnouncingSession<Channel extends GroupChatChannel>(
  session: SessionToAnnounce,
  channels: readonly Channel[],
): Channel[] {
  const { participants } = session;
  if (!session.upcoming || participants.length === 0) return [];
  if (participants.some((p) => !p.sharesSessions || p.visibility === "private")) return [];
  return channels.filter(
    (channel) =>
      (channel.groupCategoryId === null || channel.groupCategoryId === session.skillCategoryId) &&
      participants.every(
        (p) =>
          channel.memberIds.includes(p.userId) &&
          (p.visibility === "public" || p.communityIds.includes(channel.communityId)),
      ),
  );
}
