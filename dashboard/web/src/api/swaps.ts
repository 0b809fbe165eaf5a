import * as z from "zod/mini";
import { call } from "./client.js";

const swapSkill = z.object({ skillId: z.string(), name: z.string() });

const participant = z.object({
  handle: z.string(),
  displayName: z.string(),
  role: z.enum(["requester", "recipient"]),
  teaches: z.nullable(swapSkill),
  learns: z.nullable(swapSkill),
  accepted: z.boolean(),
  saidComplete: z.boolean(),
});
export type SwapParticipant = z.infer<typeof participant>;

export const swapMoves = ["accept", "decline", "cancel", "complete", "schedule", "review"] as const;
export type SwapMove = (typeof swapMoves)[number];

/** A swap as the signed-in person sees it (the API's `Swap`): their place, their partners, their moves. */
const swap = z.object({
  id: z.string(),
  kind: z.enum(["pair", "one_way", "cycle"]),
  status: z.enum(["pending", "accepted", "declined", "cancelled", "expired", "completed"]),
  message: z.string(),
  declineReason: z.string(),
  you: participant,
  partners: z.array(participant),
  moves: z.array(z.enum(swapMoves)),
  conversationId: z.nullable(z.string()),
  createdAt: z.string(),
  expiresAt: z.string(),
});
export type Swap = z.infer<typeof swap>;

const swapPage = z.object({ items: z.array(swap), nextCursor: z.nullable(z.string()) });
export type SwapPage = z.infer<typeof swapPage>;

/** The inbox's boxes, each one query of GET /api/v1/swaps. */
export const swapBoxes = {
  incoming: { status: "pending", role: "recipient" },
  outgoing: { status: "pending", role: "requester" },
  active: { status: "accepted" },
  completed: { status: "completed" },
} as const;
export type SwapBox = keyof typeof swapBoxes;

export function listSwaps(box: SwapBox, cursor: string | null): Promise<SwapPage> {
  const query = new URLSearchParams({ ...swapBoxes[box], limit: "20" });
  if (cursor !== null) query.set("cursor", cursor);
  return call("GET", `/swaps?${query.toString()}`, swapPage);
}

const path = (id: string) => `/swaps/${encodeURIComponent(id)}`;

export const getSwap = (id: string) => call("GET", path(id), swap);
export const acceptSwap = (id: string) => call("POST", `${path(id)}/accept`, swap);
export const declineSwap = (id: string, reason: string) => call("POST", `${path(id)}/decline`, swap, { reason });
export const cancelSwap = (id: string) => call("POST", `${path(id)}/cancel`, swap);
export const completeSwap = (id: string) => call("POST", `${path(id)}/complete`, swap);
