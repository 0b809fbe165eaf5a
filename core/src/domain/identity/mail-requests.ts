import type { Tx } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import type { DomainEventType } from "../outbox/events.js";

/**
 * Links mailed to one address or account per hour, at most: enough for a person who lost a mail or two, and a
 * ceiling for someone filling another person's inbox through the forms (per-IP limits alone miss a botnet).
 */
export const MAIL_REQUESTS_PER_HOUR = 5;
const HOUR_MS = 60 * 60 * 1000;

/**
 * Whether another mail of this kind may go to `aggregateId` (an account or an address). Counted on the
 * outbox, where each request is recorded in its own transaction: exact even while no worker is sending.
 */
export async function mayRequestMail(
  tx: Tx,
  clock: Clock,
  type: Extract<DomainEventType, `account.${string}_requested`>,
  aggregateId: string,
): Promise<boolean> {
  const since = new Date(clock.now().getTime() - HOUR_MS);
  const recent = await tx.outboxEvent.count({ where: { type, aggregateId, createdAt: { gt: since } } });
  return recent < MAIL_REQUESTS_PER_HOUR;
}
