import { sessionModes, sessionMoves, sessionStatuses } from "@skillswap/core";
import { z } from "zod";
import { list, pageOf } from "./common.js";

/** A session of an accepted swap: when and where its people meet, and who confirmed it took place. */
export const sessionView = z
  .object({
    id: z.string(),
    swapId: z.string(),
    skill: z.object({ skillId: z.string(), name: z.string() }).nullable().describe("The skill taught in this session"),
    startsAt: z.date(),
    durationMinutes: z.number().int(),
    mode: z.enum(sessionModes),
    place: z.string().describe("A link when online, an address when in person"),
    status: z.enum(sessionStatuses),
    confirmedBy: list(z.string()).describe("Handles of the participants who confirmed it took place"),
    disputedBy: list(z.string()).describe("Handles of the participants who said it did not happen as recorded"),
    moves: list(z.enum(sessionMoves)).describe("What I may do with it now; each move is still judged when made"),
  })
  .meta({ id: "Session" });

export const sessionPage = pageOf(sessionView).meta({ id: "SessionPage" });
