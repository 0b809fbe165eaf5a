import type { CoreInternals } from "../app.js";
import { dashboardDelivery } from "../domain/notifications/dashboard-delivery.js";
import { notificationsHandler } from "../domain/notifications/handler.js";
import { createOutboxDispatcher } from "../domain/outbox/dispatcher.js";

/** Runs the notifications subscriber over what is pending, as the worker would, filling dashboard inboxes. */
export async function deliverNotifications(core: CoreInternals): Promise<void> {
  const dispatcher = createOutboxDispatcher(core.deps, {
    handlers: [notificationsHandler(core.database.db, [dashboardDelivery(core.deps)])],
  });
  // A failed delivery is not due again until its backoff passes, so this ends.
  while ((await dispatcher.runOnce()).fetched > 0);
}
