import { MessageFlags } from "discord.js";
import { failureOf } from "../../chat/failure.js";
import { message, type MessageReply } from "../interactions/replies.js";

/**
 * What a person sees when something fails: the chat layer's sentence and a bullet for each field to fix, only
 * to them. Faults are logged by the caller; the person gets no stack or internals.
 */
export function errorReply(error: unknown): MessageReply {
  const { sentence, fieldErrors } = failureOf(error);
  const lines = [sentence, ...fieldErrors.map((f) => `• ${f.message}`)];
  return message({ content: lines.join("\n"), flags: MessageFlags.Ephemeral });
}
