import { swapKinds, swapListFilters, swapMoves, swapRoles, swapStatuses } from "@skillswap/core";
import { z } from "zod";
import { idParam, list, pageOf, pageQuery } from "./common.js";

const swapSkill = z.object({ skillId: z.string(), name: z.string() }).meta({ id: "SwapSkill" });

export const swapParticipant = z
  .object({
    handle: z.string(),
    displayName: z.string(),
    role: z.enum(swapRoles),
    teaches: swapSkill.nullable().describe("What this person teaches in the swap; null when they only learn"),
    learns: swapSkill.nullable().describe("What this person learns in the swap; null when they only teach"),
    accepted: z.boolean(),
    saidComplete: z.boolean().describe("Has said the swap is done (it completes when everyone has)"),
  })
  .meta({ id: "SwapParticipant" });

/** A swap as one of its participants sees it: their place in it, their partners and their moves. */
export const swapView = z
  .object({
    id: z.string(),
    kind: z.enum(swapKinds).describe("pair: both teach; one_way: only the requester learns; cycle: three people"),
    status: z.enum(swapStatuses),
    message: z.string(),
    proposedTimes: list(z.string()).describe("ISO 8601 date-times the requester proposed"),
    declineReason: z.string(),
    participants: list(swapParticipant),
    you: swapParticipant.describe("My own place in the swap"),
    partners: list(swapParticipant).describe("Everyone else in it: one person in a pair, two in a cycle"),
    moves: list(z.enum(swapMoves)).describe("What I may do now; each move is still judged when it is made"),
    conversationId: z.string().nullable().describe("The private conversation opened when the swap was accepted"),
    createdAt: z.date(),
    expiresAt: z.date().describe("A request nobody answers lapses then"),
  })
  .meta({ id: "Swap" });

export const swapPage = pageOf(swapView).meta({ id: "SwapPage" });

/** core pages swaps 50 at most, by id: the cursor is the last id of the previous page. */
export const swapListQuery = pageQuery.extend({
  status: z.enum(swapListFilters).optional().describe("A status, or open (pending + accepted) / closed"),
  role: z.enum(swapRoles).optional().describe("Only the swaps I asked for (requester) or was asked (recipient)"),
  limit: z.coerce.number().int().min(1).max(50).optional().describe("At most this many swaps (1–50)"),
  cursor: idParam.shape.id.optional().describe("The `nextCursor` of the previous page"),
});
