import { notFound } from "../../errors.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import { parseStringArray } from "../shared/text.js";
import { swapMovesFor } from "./moves.js";
import type { SwapKind, SwapParticipantView, SwapRole, SwapStatus, SwapView } from "./types.js";

export const swapSelect = {
  id: true,
  kind: true,
  status: true,
  requesterId: true,
  offeredSkillId: true,
  wantedSkillId: true,
  message: true,
  proposedTimes: true,
  declineReason: true,
  createdAt: true,
  expiresAt: true,
  conversation: { select: { id: true } },
  participants: {
    select: {
      userId: true,
      role: true,
      acceptedAt: true,
      completedAt: true,
      user: { select: { handle: true, displayName: true } },
      teaches: { select: { id: true, name: true } },
      learns: { select: { id: true, name: true } },
    },
  },
  // What the viewer's "review" move depends on: a swap holds one review per ordered pair of its people at most.
  sessions: { where: { status: "completed" }, select: { id: true }, take: 1 },
  reviews: { select: { authorId: true, subjectId: true } },
} satisfies Prisma.SwapSelect;

export type SwapRow = Prisma.SwapGetPayload<{ select: typeof swapSelect }>;

function participantView(p: SwapRow["participants"][number]): SwapParticipantView {
  return {
    handle: p.user.handle,
    displayName: p.user.displayName,
    role: p.role as SwapRole,
    teaches: p.teaches === null ? null : { skillId: p.teaches.id, name: p.teaches.name },
    learns: p.learns === null ? null : { skillId: p.learns.id, name: p.learns.name },
    accepted: p.acceptedAt !== null,
    saidComplete: p.completedAt !== null,
  };
}

/**
 * The swap as the participant `viewerId` sees it: their place in it, their partners and the moves open to them
 * at `now`. Anyone else is told it does not exist, as every use case tells outsiders.
 */
export function swapViewFor(row: SwapRow, viewerId: string, now: Date): SwapView {
  const participants = row.participants.map(participantView);
  const mine = row.participants.findIndex((p) => p.userId === viewerId);
  const you = participants[mine];
  if (you === undefined) throw notFound("SWAP.NOT_FOUND", "swap.not_found");
  const kind = row.kind as SwapKind;
  const status = row.status as SwapStatus;
  const moves = swapMovesFor(
    {
      kind,
      status,
      participants,
      expiresAt: row.expiresAt,
      somethingHappened: status === "completed" || row.sessions.length > 0,
      partnersReviewed: row.reviews.filter((r) => r.authorId === viewerId && r.subjectId !== viewerId).length,
    },
    you,
    now,
  );
  return {
    id: row.id,
    kind,
    status,
    message: row.message,
    proposedTimes: parseStringArray(row.proposedTimes),
    declineReason: row.declineReason,
    participants,
    you,
    partners: participants.filter((p) => p !== you),
    moves,
    conversationId: row.conversation?.id ?? null,
    createdAt: row.createdAt,
    expiresAt: row.expiresAt,
  };
}
