// The exactly-once check of the scale-out bench, read from the database once the outbox has drained.
//
// OutboxDelivery (eventId, handler) is a primary key, and Notification (eventId, userId) is unique: a handler that
// runs twice for one event (a worker killed after its side effect but before recording the delivery, a BullMQ job
// taken over as stalled) cannot write a second row, by design. So "none doubled" is not read off those keys alone:
// the check starts from what the load generator itself saw succeed (each swap asked, accepted, message posted, by
// the id the API answered) and the one person who should hear of it, and demands for each exactly one event in
// the outbox, delivered, with exactly one notifications delivery and exactly one notification, to that person and
// nobody else. A lost write, a lost event, an undelivered one, a missing or extra notification all show up as a
// count that is not zero. Events retried after a failure (attempts > 0) are reported: re-runs the keys absorbed.
import type { CoreInternals } from "@skillswap/core";
import type { Expected } from "./scale-load.js";

export interface ExactlyOnce {
  /** Writes the API acknowledged: each must have one event and one notification. */
  readonly acknowledged: number;
  readonly events: {
    readonly total: number;
    readonly delivered: number;
    readonly pending: number;
    readonly dead: number;
  };
  /** Acknowledged writes without their event in the outbox (a lost event). */
  readonly missingEvents: number;
  /** Acknowledged writes with more than one event (a doubled write). */
  readonly doubledEvents: number;
  /** Events of acknowledged writes whose notifications handler has no delivery record. */
  readonly undelivered: number;
  /** Acknowledged writes whose person was not notified. */
  readonly missingNotifications: number;
  /** Notifications beyond one per acknowledged write: a second to the same person, or one to someone else. */
  readonly extraNotifications: number;
  /** Events that failed at least once and were run again. */
  readonly retriedEvents: number;
  /** Events delivered while the load ran, per second of load. */
  readonly eventsPerSecond: number;
  /** Notifications written while the load ran, per second of load. */
  readonly notificationsPerSecond: number;
}

const keyOf = (type: string, payload: string): string | undefined => {
  const parsed = JSON.parse(payload) as { swapId?: string; messageId?: string };
  return type === "message.posted" ? parsed.messageId : parsed.swapId;
};

/** Events still to deliver, of every kind: the run is over when this reaches 0. */
export async function pendingEvents(core: CoreInternals): Promise<number> {
  return core.database.db.outboxEvent.count({ where: { status: "pending" } });
}

export async function checkExactlyOnce(
  core: CoreInternals,
  expected: Expected,
  load: { readonly start: Date; readonly end: Date },
): Promise<ExactlyOnce> {
  const loadStart = load.start;
  const { db } = core.database;
  const events = await db.outboxEvent.findMany({
    where: { createdAt: { gte: loadStart } },
    select: { id: true, type: true, payload: true, status: true, attempts: true, deliveredAt: true },
  });
  const wanted: Array<[string, Map<string, string>]> = [
    ["swap.requested", expected.swapRequested],
    ["swap.accepted", expected.swapAccepted],
    ["message.posted", expected.messagePosted],
  ];
  const eventsOf = new Map<string, string[]>();
  for (const event of events) {
    const key = keyOf(event.type, event.payload);
    if (key === undefined || !wanted.some(([type]) => type === event.type)) continue;
    const id = `${event.type}:${key}`;
    eventsOf.set(id, [...(eventsOf.get(id) ?? []), event.id]);
  }
  const eventIds = [...eventsOf.values()].flat();
  const [deliveries, notifications] = await Promise.all([
    db.outboxDelivery.findMany({
      where: { eventId: { in: eventIds }, handler: "notifications" },
      select: { eventId: true },
    }),
    db.notification.findMany({
      where: { eventId: { in: eventIds } },
      select: { eventId: true, userId: true, createdAt: true },
    }),
  ]);
  const delivered = new Set(deliveries.map((d) => d.eventId));
  const notified = new Map<string, string[]>();
  for (const n of notifications) notified.set(n.eventId, [...(notified.get(n.eventId) ?? []), n.userId]);

  let acknowledged = 0;
  let missingEvents = 0;
  let doubledEvents = 0;
  let undelivered = 0;
  let missingNotifications = 0;
  let found = 0;
  for (const [type, writes] of wanted)
    for (const [key, recipient] of writes) {
      acknowledged += 1;
      const ids = eventsOf.get(`${type}:${key}`) ?? [];
      if (ids.length === 0) missingEvents += 1;
      if (ids.length > 1) doubledEvents += 1;
      for (const id of ids) {
        if (!delivered.has(id)) undelivered += 1;
        if ((notified.get(id) ?? []).includes(recipient)) found += 1;
        else missingNotifications += 1;
      }
    }
  const seconds = (load.end.getTime() - loadStart.getTime()) / 1000;
  const duringLoad = (at: Date | null) => at !== null && at <= load.end;
  const deliveredCount = events.filter((e) => e.status === "delivered").length;
  return {
    acknowledged,
    events: {
      total: events.length,
      delivered: deliveredCount,
      pending: events.filter((e) => e.status === "pending").length,
      dead: events.filter((e) => e.status === "dead").length,
    },
    missingEvents,
    doubledEvents,
    undelivered,
    missingNotifications,
    extraNotifications: notifications.length - found,
    retriedEvents: events.filter((e) => e.attempts > 0).length,
    eventsPerSecond: Math.round(events.filter((e) => duringLoad(e.deliveredAt)).length / seconds),
    notificationsPerSecond: Math.round(notifications.filter((n) => duringLoad(n.createdAt)).length / seconds),
  };
}

/** True when nothing was lost and nothing doubled. */
export function exactlyOnce(check: ExactlyOnce): boolean {
  return (
    check.events.pending === 0 &&
    check.events.dead === 0 &&
    check.missingEvents === 0 &&
    check.doubledEvents === 0 &&
    check.undelivered === 0 &&
    check.missingNotifications === 0 &&
    check.extraNotifications === 0
  );
}
