import type { AckFn, Logger, RespondArguments, RespondFn } from "@slack/bolt";

/**
 * Under Slack's 3 s a command's answer rides in its acknowledgement, the cheapest way to reach the person. After
 * `waitMs` (at once for slow commands) the command is acknowledged empty and its answer goes to the
 * response_url, which works for 30 minutes.
 */
export interface CommandAnswer {
  send(message: RespondArguments): Promise<void>;
  /** Acknowledge with nothing to say (a form opened instead). */
  close(): Promise<void>;
}

// Below the receiver's 2.5 s, so an answer ready in time is never dropped by its deadline.
export const answerInAckWithinMs = 2000;

export function commandAnswer(
  ack: AckFn<string | RespondArguments>,
  respond: RespondFn,
  waitMs: number,
  logger: Logger,
): CommandAnswer {
  let acked: Promise<void> | null = null;
  const ackEmpty = () => (acked ??= ack());
  const timer = setTimeout(() => {
    ackEmpty().catch((error: unknown) => logger.error("Slack command acknowledgement failed", error));
  }, waitMs);
  return {
    async send(message) {
      clearTimeout(timer);
      if (acked === null) {
        acked = ack(message);
        return acked;
      }
      await acked;
      await respond(message);
    },
    async close() {
      clearTimeout(timer);
      await ackEmpty();
    },
  };
}
