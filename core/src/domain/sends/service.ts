import { z } from "zod";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";

export type SendPlatform = "discord" | "slack";

/**
 * How long a send is remembered. The outbox's own retries are over within minutes, but an operator may revive
 * a dead event (`skillswap outbox retry`) days later, and its handlers then run again from the start: a month
 * leaves time for that and keeps the table to about a month of what the bots sent.
 */
export const SENDS_RETENTION_MS = 30 * 24 * 60 * 60 * 1000;

/** What an earlier attempt left behind for the same send. */
export type EarlierSend =
  /** The platform took it and answered with this id (a message, a thread): do not send it again. */
  | { readonly status: "sent"; readonly externalId: string }
  /**
   * An attempt began at `since` and never recorded an answer: the process stopped or the record failed, either
   * before the platform acted or after. Look on the platform before sending again.
   */
  | { readonly status: "unconfirmed"; readonly since: Date };

// Keys are made by the bots from platform ids and nonces, never typed by people, so they are kept as given.
const sendKey = z.object({ platform: z.enum(["discord", "slack"]), key: z.string().min(1).max(200) });
const sentInput = sendKey.extend({ externalId: z.string().min(1).max(100) });

/**
 * The bots' record of what they sent to a platform on behalf of an outbox event. The outbox delivers at least
 * once and a retry may come long after the platform forgot what it deduplicates (Discord's `enforce_nonce`
 * remembers a nonce for a few minutes; thread creation has no nonce at all). A handler looks a send up before
 * making it and records it as soon as the platform answers, so a retry skips what already went out.
 */
export function createSendsService(deps: Pick<ServiceDeps, "db" | "clock">) {
  const { db, clock } = deps;

  /** Inserts a row and lets the primary key refuse a second one (its own transaction: see inbox/service.ts). */
  async function insertOnce(data: { platform: string; key: string; externalId?: string }): Promise<boolean> {
    const now = clock.now();
    const sentAt = data.externalId === undefined ? {} : { sentAt: now };
    try {
      await db.$transaction((tx) => tx.platformSend.create({ data: { ...data, startedAt: now, ...sentAt } }));
      return true;
    } catch (error) {
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  return {
    /** What an earlier attempt of this send left behind; null when none began. */
    async lookup(platform: SendPlatform, key: string): Promise<EarlierSend | null> {
      const where = parseInput(sendKey, { platform, key }, "SEND.INVALID");
      const row = await db.platformSend.findUnique({
        where: { platform_key: where },
        select: { externalId: true, startedAt: true },
      });
      if (row === null) return null;
      return row.externalId === null
        ? { status: "unconfirmed", since: row.startedAt }
        : { status: "sent", externalId: row.externalId };
    },

    /**
     * Notes that a send is about to be made, for sends the platform cannot deduplicate (a thread): a retry that
     * finds it unconfirmed knows to look for what may have been made. A note already there keeps its time.
     */
    async begin(platform: SendPlatform, key: string): Promise<void> {
      await insertOnce(parseInput(sendKey, { platform, key }, "SEND.INVALID"));
    },

    /**
     * Records what the platform answered. The first answer recorded stands: two attempts racing on one send
     * both made it, and the id kept is the one later retries are given.
     */
    async record(platform: SendPlatform, key: string, externalId: string): Promise<void> {
      const data = parseInput(sentInput, { platform, key, externalId }, "SEND.INVALID");
      if (await insertOnce(data)) return;
      await db.$transaction((tx) =>
        tx.platformSend.updateMany({
          where: { platform: data.platform, key: data.key, externalId: null },
          data: { externalId: data.externalId, sentAt: clock.now() },
        }),
      );
    },

    /** Forgets sends begun before `olderThan` (the worker passes now − SENDS_RETENTION_MS); returns how many. */
    async prune(olderThan: Date): Promise<number> {
      const { count } = await db.$transaction((tx) =>
        tx.platformSend.deleteMany({ where: { startedAt: { lt: olderThan } } }),
      );
      return count;
    },
  };
}

export type SendsService = ReturnType<typeof createSendsService>;
