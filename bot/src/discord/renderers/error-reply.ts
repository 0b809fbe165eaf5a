import { MessageFlags } from "discord.js";
import { isDomainError, translate } from "@skillswap/core";
import { message, type MessageReply } from "../interactions/replies.js";

/**
 * What a person sees when something fails: the domain's own sentence and what to fix, only to them. Anything
 * else is an infrastructure fault; it is logged by the caller and the person gets no stack or internals.
 */
export function errorReply(error: unknown): MessageReply {
  const lines = isDomainError(error)
    ? [translate(error.messageKey, error.params), ...error.fields.map((f) => `• ${f.message}`)]
    : [translate("error.unavailable")];
  return message({ content: lines.join("\n"), flags: MessageFlags.Ephemeral });
}
