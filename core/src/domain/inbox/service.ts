import { z } from "zod";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";

export type InboundPlatform = "discord" | "slack";

/**
 * How long a claim is remembered: as long as a replay could still be let in, and more.
 * - Signed HTTP requests (Discord's interactions endpoint, later Slack's) are refused once their timestamp is
 *   more than 5 minutes from our clock, either way. The first delivery can be claimed up to 5 minutes before
 *   its signed time and a replay accepted up to 5 minutes after it: an id must be kept at least 10 minutes.
 * - Discord does not retry an HTTP interaction (unanswered after 3 s, it fails), and a resumed gateway session
 *   replays only what it missed in the few minutes a session can be resumed.
 * - Slack retries an event three times over about an hour.
 * A day is far past all three, tolerates clocks that disagree, and still keeps the table small.
 */
export const INBOX_RETENTION_MS = 24 * 60 * 60 * 1000;

const claimInput = z.object({
  platform: z.enum(["discord", "slack"]),
  // Discord snowflakes and Slack event ids are short; the bound keeps a hostile id out of the primary key.
  externalId: z.string().min(1).max(200),
});

/**
 * The idempotency inbox for platform events: a replayed Discord interaction or a Slack retry is processed
 * once. The table's primary key decides, so two processes racing on the same id cannot both win.
 */
export function createInboxService(deps: Pick<ServiceDeps, "db" | "clock">) {
  const { db, clock } = deps;
  return {
    /** True the first time (platform, externalId) is seen: process the event. False for a replay: drop it. */
    async claim(platform: InboundPlatform, externalId: string): Promise<boolean> {
      const data = parseInput(claimInput, { platform, externalId }, "INBOX.INVALID_EVENT");
      try {
        // Insert and let the unique key refuse the replay, rather than read-then-write (which two concurrent
        // deliveries could both pass). Its own transaction: on PostgreSQL a failed insert aborts the
        // transaction it is in, so the violation must be caught outside it.
        await db.$transaction((tx) => tx.inboundEvent.create({ data: { ...data, receivedAt: clock.now() } }));
        return true;
      } catch (error) {
        if (isUniqueViolation(error)) return false;
        throw error;
      }
    },

    /** Forgets claims received before `olderThan` (the worker passes now − INBOX_RETENTION_MS); returns how many. */
    async prune(olderThan: Date): Promise<number> {
      const { count } = await db.$transaction((tx) =>
        tx.inboundEvent.deleteMany({ where: { receivedAt: { lt: olderThan } } }),
      );
      return count;
    },
  };
}

export type InboxService = ReturnType<typeof createInboxService>;
