import type { BotLogger } from "./create-interactions.js";

const redacted = "[redacted]";

// Discord puts an interaction's token in the path of its callback and webhook routes, so discord.js's errors
// carry it in `url`: whoever reads it can answer, edit and follow up as the bot for 15 minutes.
const interactionTokenInPath = /(\/(?:webhooks|interactions)\/\d+\/)[^/?#\s"'\\]+/g;
// A bot token's shape: the bot's id in base64, a timestamp, an HMAC, joined by dots.
const botTokenShape = /[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{5,}\.[A-Za-z0-9_-]{25,}/g;
// Credentials in query strings, such as the one-time login links the bot sends.
const secretInQuery = /([?&](?:token|code|secret|key|signature|password)=)[^&#\s"'\\]+/gi;
// A known secret shorter than this is not a real token; replacing it would mangle ordinary words.
const shortestKnownSecret = 8;

/** `text` with interaction tokens, bot tokens, login tokens and each of `known` (the bot token) replaced. */
export function redactDiscordSecrets(text: string, known: readonly string[] = []): string {
  let result = text
    .replace(interactionTokenInPath, `$1${redacted}`)
    .replace(botTokenShape, redacted)
    .replace(secretInQuery, `$1${redacted}`);
  for (const secret of known) if (secret.length >= shortestKnownSecret) result = result.split(secret).join(redacted);
  return result;
}

function redactedValue(value: unknown, known: readonly string[]): unknown {
  if (typeof value === "string") return redactDiscordSecrets(value, known);
  if (value instanceof Error) return redactedError(value, known);
  return value;
}

/**
 * A copy of `error` fit for a log line: same class (so `instanceof` and discord.js's error names still work),
 * every string property (message, stack, url…) redacted, and `requestBody` left out — it is what the bot tried
 * to send: people's words, or a login link.
 */
export function redactedError(error: Error, known: readonly string[] = []): Error {
  // A real Error re-classed, not a plain object: loggers and `util.inspect` print errors by that mark.
  const copy = Object.setPrototypeOf(new Error(), Object.getPrototypeOf(error) as object) as Error;
  delete copy.stack;
  for (const key of Object.getOwnPropertyNames(error)) {
    const descriptor = Object.getOwnPropertyDescriptor(error, key);
    if (key === "requestBody" || descriptor === undefined || !("value" in descriptor)) continue;
    Object.defineProperty(copy, key, { ...descriptor, value: redactedValue(descriptor.value, known) });
  }
  return copy;
}

/**
 * The logger the bot writes through: whatever the operator's logger prints (a message, an error's message,
 * its whole object), no token reaches it. `known` are secrets the caller holds verbatim (the bot token).
 */
export function redactingLogger(logger: BotLogger, known: readonly string[] = []): BotLogger {
  return {
    error: (message, error) => logger.error(redactDiscordSecrets(message, known), redactedValue(error, known)),
  };
}
