import type { BotLogger } from "../interactions/create-interactions.js";

/**
 * Wraps a gateway listener: a failure is logged, since a gateway event has nobody to reply to, and never
 * becomes an unhandled rejection that would take the bot down.
 */
export function guardedBy(logger: BotLogger) {
  return <A extends unknown[]>(what: string, listener: (...args: A) => Promise<unknown>) =>
    (...args: A): void => {
      listener(...args).catch((error: unknown) => logger.error(what, error));
    };
}
