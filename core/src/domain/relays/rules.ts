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
