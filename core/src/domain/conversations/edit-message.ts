import type { z } from "zod";
import { conflict, forbidden } from "../../errors.js";
import { recordEvent } from "../outbox/record-event.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { parseInput } from "../shared/validate.js";
import { editInput } from "./input.js";
import { messageSelect, messageView, type MessageView } from "./message-view.js";

/**
 * Changes the text of a platform message its author edited. Platforms redeliver edits, and Slack also sends
 * `message_changed` when nothing but a link preview changed: text equal to what is stored changes nothing and
 * announces nothing. A message SkillSwap never stored (written before the swap's channel was bound, or in a
 * channel it does not carry) is not its to change: null, not an error, since platforms send those too.
 */
export async function editMessage(
  deps: ServiceDeps,
  actor: Actor,
  input: z.input<typeof editInput>,
): Promise<MessageView | null> {
  const data = parseInput(editInput, input, "CONVERSATION.INVALID");
  const { db, clock } = deps;
  return db.$transaction(async (tx) => {
    const message = await tx.message.findUnique({
      where: { source_externalId: { source: data.source, externalId: data.externalId } },
      select: { ...messageSelect, conversation: { select: { swap: { select: { status: true } } } } },
    });
    if (message === null) return null;
    if (message.author?.id !== actor.userId) throw forbidden("CONVERSATION.NOT_AUTHOR", "conversation.not_author");
    if (message.body === data.text) return messageView(message, actor);
    if (message.conversation.swap?.status === "cancelled") throw conflict("CONVERSATION.CLOSED", "conversation.closed");
    const editedAt = clock.now();
    // The body is part of the condition: of two deliveries of one edit racing (PostgreSQL lets both read the
    // old text), the second finds the row already changed once the first commits, and stops here.
    const { count } = await tx.message.updateMany({
      where: { id: message.id, body: { not: data.text } },
      data: { body: data.text, editedAt },
    });
    const edited = { ...message, body: data.text, editedAt };
    if (count === 0) return messageView(edited, actor);
    await recordEvent(tx, deps, {
      type: "message.edited",
      aggregateId: message.conversationId,
      payload: {
        conversationId: message.conversationId,
        messageId: message.id,
        authorId: actor.userId,
        source: data.source,
      },
    });
    return messageView(edited, actor);
  });
}
