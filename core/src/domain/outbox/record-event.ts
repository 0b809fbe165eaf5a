import type { Database, Tx } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import type { Ids } from "../../ports/ids.js";
import type { DomainEvent } from "./events.js";

/**
 * Writes an event into the outbox inside the caller's transaction: the change and the news of it commit
 * together, so a crash can never keep one and lose the other. The dispatcher delivers it later.
 */
export async function recordEvent(
  tx: Tx,
  deps: { ids: Ids; clock: Clock; database?: Pick<Database, "noteOutboxWrite"> },
  event: DomainEvent,
): Promise<void> {
  const now = deps.clock.now();
  deps.database?.noteOutboxWrite();
  await tx.outboxEvent.create({
    data: {
      id: deps.ids.next(),
      type: event.type,
      aggregateId: event.aggregateId,
      payload: JSON.stringify(event.payload),
      createdAt: now,
      availableAt: now,
    },
  });
}
