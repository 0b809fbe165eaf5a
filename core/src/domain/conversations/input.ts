import { z } from "zod";
import { idField, lineField, textField } from "../shared/fields.js";
import { pageInput } from "../shared/pages.js";

export const messageSources = ["dashboard", "discord", "slack"] as const;
export type MessageSource = (typeof messageSources)[number];

/** What a person writes: the body a door takes from them (the dashboard's POST, a modal). */
export const newMessage = z.object({ text: textField(1, 4000) }).strict();

export const postInput = newMessage
  .extend({
    source: z.enum(messageSources).default("dashboard"),
    /** The platform's own message id; a platform retry carries the same one and is stored once. */
    externalId: lineField(1, 100).optional(),
    /**
     * A dashboard client's own key for this post (HTTP's Idempotency-Key): sending it again, by the same
     * person to the same conversation, returns the message the first attempt stored.
     */
    idempotencyKey: lineField(1, 200).optional(),
  })
  .strict()
  .refine((input) => input.source === "dashboard" || input.externalId !== undefined, {
    message: "field.required",
    path: ["externalId"],
  })
  .refine((input) => input.source === "dashboard" || input.idempotencyKey === undefined, {
    message: "field.not_accepted",
    path: ["idempotencyKey"],
  });

/** The surfaces whose messages are known by the platform's own id, and may be edited there. */
export const platformSources = ["discord", "slack"] as const;

/**
 * An edit made on a platform: the message is the one stored under that platform's id, and its new text
 * follows the same rules as a post's.
 */
export const editInput = newMessage.extend({ source: z.enum(platformSources), externalId: lineField(1, 100) }).strict();

/**
 * A page of messages: the newest (no position), the ones before `before` (history, newest first), or the ones
 * after `after` (what a poller has not seen yet, oldest first). One position at a time.
 */
export const listInput = z
  .object({
    limit: z.number().int().min(1).max(100).default(50),
    before: idField.optional(),
    after: idField.optional(),
  })
  .strict()
  .refine((input) => input.before === undefined || input.after === undefined, {
    message: "field.one_position",
    path: ["after"],
  });

/** Where a follower starts: after the last message it has (SSE's Last-Event-ID); from now on without one. */
export const followInput = z.object({ after: idField.optional() }).strict();

export const conversationsPage = pageInput(20, 50);

export const bindInput = z
  .object({
    conversationId: idField,
    /** The participant this channel reaches; null for a channel all participants share (a private thread). */
    userId: idField.nullable(),
    platform: z.enum(["discord", "slack"]),
    externalChannelId: lineField(1, 100),
    /** The Slack workspace the channel lives in, whose token posts there; none on Discord. */
    tenantId: lineField(1, 100).nullish(),
  })
  .strict();
