import { LogLevel, type Logger } from "@slack/bolt";
import type { BotLogger } from "../../surface.js";

/**
 * Bolt's logger over the bot's: warnings and errors become faults reported with their error, if any; Bolt's
 * info and debug lines (which may print request bodies, holding response URLs) are dropped.
 */
export function boltLoggerFor(logger: BotLogger): Logger {
  const report = (...parts: unknown[]) => {
    const error = parts.find((part) => part instanceof Error);
    const words = parts.filter((part) => !(part instanceof Error)).map(String);
    logger.error(words.join(" "), error);
  };
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: report,
    error: report,
    setLevel: () => undefined,
    getLevel: () => LogLevel.WARN,
    setName: () => undefined,
  };
}
