import * as z from "zod/mini";
import { call } from "./client.js";

/** A session of an accepted swap (the API's `Session`). */
const session = z.object({
  id: z.string(),
  swapId: z.string(),
  skill: z.nullable(z.object({ skillId: z.string(), name: z.string() })),
  startsAt: z.string(),
  durationMinutes: z.number(),
  mode: z.enum(["online", "in_person"]),
  place: z.string(),
  status: z.enum(["scheduled", "completed", "cancelled", "disputed"]),
  confirmedBy: z.array(z.string()),
  disputedBy: z.array(z.string()),
  /** What I may do with it now, as the API decides. */
  moves: z.array(z.enum(["reschedule", "cancel", "confirm", "dispute"])),
});
export type Session = z.infer<typeof session>;

const sessionPage = z.object({ items: z.array(session), nextCursor: z.nullable(z.string()) });

export interface NewSession {
  readonly startsAt: string;
  readonly durationMinutes: number;
  readonly mode: Session["mode"];
  readonly place: string;
  readonly skill?: string;
}

const sessionPath = (id: string) => `/sessions/${encodeURIComponent(id)}`;
const swapSessions = (swapId: string) => `/swaps/${encodeURIComponent(swapId)}/sessions`;

export function listSessions(swapId: string, cursor: string | null) {
  return call(
    "GET",
    `${swapSessions(swapId)}${cursor === null ? "" : `?cursor=${encodeURIComponent(cursor)}`}`,
    sessionPage,
  );
}
export const scheduleSession = (swapId: string, input: NewSession) =>
  call("POST", swapSessions(swapId), session, input);
export const rescheduleSession = (id: string, startsAt: string) =>
  call("PATCH", sessionPath(id), session, { startsAt });
export const cancelSession = (id: string) => call("POST", `${sessionPath(id)}/cancel`, session);
export const confirmSession = (id: string) => call("POST", `${sessionPath(id)}/confirm`, session);
export const disputeSession = (id: string) => call("POST", `${sessionPath(id)}/dispute`, session);
