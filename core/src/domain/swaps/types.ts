export type SwapKind = "pair" | "one_way" | "cycle";
export type SwapStatus = "pending" | "accepted" | "declined" | "cancelled" | "expired" | "completed";
export type SwapRole = "requester" | "recipient";

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
  readonly conversationId: string | null;
  readonly createdAt: Date;
  readonly expiresAt: Date;
}
