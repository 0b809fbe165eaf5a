import { inspect } from "node:util";
import { DiscordAPIError } from "discord.js";
import { describe, expect, it } from "vitest";
import type { BotLogger } from "./create-interactions.js";
import { redactingLogger } from "./log-redaction.js";

/** A logger as an operator's would print: the message and the whole error object, as console.error does. */
function printingLogger() {
  const lines: string[] = [];
  const logger: BotLogger = { error: (message, error) => lines.push(`${message} ${inspect(error, { depth: 5 })}`) };
  return { logger, printed: () => lines.join("\n") };
}

// Built at run time: a literal in the shape of a Discord bot token would set off secret scanners.
const shapedLikeABotToken = ["MTA4".padEnd(24, "x"), "GxYzAb", "h".repeat(38)].join(".");
const interactionToken = "aW50ZXJhY3Rpb246MTMwMDAwMDAwMDAwMDAwMDAwMTpzZWNyZXQ";

function failedFollowUp(): DiscordAPIError {
  return new DiscordAPIError(
    { code: 10015, message: "Unknown Webhook" },
    10015,
    404,
    "POST",
    `https://discord.com/api/v10/webhooks/1300000000000000000/${interactionToken}`,
    { body: { content: "Your login link: https://skillswap.example/login/link?token=one-time-secret" } },
  );
}

describe("what the bot writes to its log", () => {
  it("never holds an interaction token, even from discord.js's own errors, which carry the URL they called", () => {
    const { logger, printed } = printingLogger();
    redactingLogger(logger).error("follow-up failed", failedFollowUp());
    expect(printed()).toContain("Unknown Webhook");
    expect(printed()).toContain("/webhooks/1300000000000000000/[redacted]");
    expect(printed()).not.toContain(interactionToken);
  });

  it("leaves out what the bot was sending, such as a login link", () => {
    const { logger, printed } = printingLogger();
    redactingLogger(logger).error("DM failed", failedFollowUp());
    expect(printed()).not.toContain("one-time-secret");
    expect(printed()).not.toContain("Your login link");
  });

  it("never holds the bot token, whether the bot knows it or recognises its shape", () => {
    const { logger, printed } = printingLogger();
    const botToken = "local.bot.token.configured";
    const redacting = redactingLogger(logger, [botToken]);
    redacting.error(`login with ${botToken} failed`, new Error(`Authorization: Bot ${botToken}`));
    redacting.error("a token in a message", new Error(`unexpected token ${shapedLikeABotToken}`));
    expect(printed()).not.toContain(botToken);
    expect(printed()).not.toContain(shapedLikeABotToken);
    expect(printed()).toContain("[redacted]");
  });

  it("keeps an error's class and sentence, so the log still says what went wrong", () => {
    const logged: unknown[] = [];
    redactingLogger({ error: (_message, error) => logged.push(error) }).error("failed", failedFollowUp());
    const [error] = logged;
    expect(error).toBeInstanceOf(DiscordAPIError);
    expect(error).toMatchObject({ message: "Unknown Webhook", status: 404, method: "POST", code: 10015 });
    expect(String(error)).toBe("DiscordAPIError[10015]: Unknown Webhook");
  });
});
