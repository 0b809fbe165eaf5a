import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { deliveryIdOf } from "./delivery-id.js";
import type { SlackInbox } from "./events-receiver.js";

/**
 * A receiver whose deliveries are claimed in core's inbox before the app sees them, as the HTTP receiver
 * claims its requests: Socket Mode redelivers an envelope that was not acknowledged in time, and Bolt never
 * deduplicates. A delivery already claimed (or one whose id cannot be read) is acknowledged, so Slack stops
 * sending it, and not run again.
 */
export function claimingReceiver(inner: Receiver, inbox: SlackInbox): Receiver {
  return {
    init(app: App) {
      const processEvent = async (event: ReceiverEvent): Promise<void> => {
        const deliveryId = deliveryIdOf(event.body);
        if (deliveryId === undefined || (deliveryId !== null && !(await inbox.claim("slack", deliveryId)))) {
          await event.ack();
          return;
        }
        await app.processEvent(event);
      };
      // The inner receiver only calls processEvent; everything else it may read stays the app's own.
      inner.init(
        new Proxy(app, {
          get: (target, property, receiver: unknown) =>
            property === "processEvent" ? processEvent : (Reflect.get(target, property, receiver) as unknown),
        }),
      );
    },
    start: (...args: unknown[]): Promise<unknown> => inner.start(...args),
    stop: (...args: unknown[]): Promise<unknown> => inner.stop(...args),
  };
}
