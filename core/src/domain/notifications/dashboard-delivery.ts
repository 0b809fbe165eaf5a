import { isUniqueViolation } from "../../infra/prisma/errors.js";
import type { Delivery } from "../../ports/delivery.js";
import type { ServiceDeps } from "../shared/deps.js";

/**
 * The dashboard's surface: each notification becomes a row of the person's inbox, which
 * `core.services.notifications` lists and marks read.
 */
export function dashboardDelivery(deps: Pick<ServiceDeps, "db" | "clock" | "ids">): Delivery {
  const { db, clock, ids } = deps;
  return {
    channel: "dashboard",
    async deliver({ eventId, userId, kind, text, about }) {
      try {
        // The outbox delivers at least once: insert and let the (eventId, userId) key refuse a replay, rather
        // than read-then-write, which two workers could both pass. Its own transaction: on PostgreSQL a failed
        // insert aborts the transaction it is in, so the violation must be caught outside it.
        await db.$transaction((tx) =>
          tx.notification.create({
            data: {
              id: ids.next(),
              userId,
              eventId,
              kind,
              text,
              aboutType: about.type,
              aboutId: about.id,
              createdAt: clock.now(),
            },
          }),
        );
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },
  };
}
