export const swapKinds = ["pair", "one_way", "cycle"] as const;
export const swapStatuses = ["pending", "accepted", "declined", "cancelled", "expired", "completed"] as const;
export const swapRoles = ["requester", "recipient"] as const;
export type SwapKind = (typeof swapKinds)[number];
export type SwapStatus = (typeof swapStatuses)[number];
export type SwapRole = (typeof swapRoles)[number];
/** What a list of one's swaps may be narrowed to: a status, or all open / all closed ones. */
export const swapListFilters = ["open", "closed", ...swapStatuses] as const;
export type SwapListFilter = (typeof swapListFilters)[number];
/** What a participant can do to a swap from a message or a page; the clock's moves (expire) are not offered. */
export const swapMoves = ["accept", "decline", "cancel", "complete", "schedule", "review"] as const;
export type SwapMove = (typeof swapMoves)[number];

export const openStatuses: readonly SwapStatus[] = ["pending", "accepted"];

/** How many requests a person may have waiting for an answer at once. */
export const maxPendingOutgoing = 20;
/** A request nobody answers lapses after two weeks. */
export const requestLifetimeMs = 14 * 24 * 60 * 60 * 1000;

export interface SwapSkillView {
  readonly skillId: string;
  readonly name: string;
}

export interface SwapParticipantView {
  readonly handle: string;
  readonly displayName: string;
  readonly role: SwapRole;
  readonly teaches: SwapSkillView | null;
  readonly learns: SwapSkillView | null;
  readonly accepted: boolean;
  readonly saidComplete: boolean;
}

export interface SwapView {
  readonly id: string;
  readonly kind: SwapKind;
  readonly status: SwapStatus;
  readonly message: string;
  readonly proposedTimes: readonly string[];
  readonly declineReason: string;
  readonly participants: readonly SwapParticipantView[];
  /** The viewer's own place in the swap: a swap is only ever shown to the people in it. */
  readonly you: SwapParticipantView;
  /** Everyone else in it, in the swap's order: one person in a pair, two in a cycle. */
  readonly partners: readonly SwapParticipantView[];
  /** What the viewer may do now, in `swapMoves` order; each use case still decides the move when it is made. */
  readonly moves: readonly SwapMove[];
  readonly conversationId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}
