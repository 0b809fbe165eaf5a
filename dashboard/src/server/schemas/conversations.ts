import { messageSources, swapKinds, swapStatuses } from "@skillswap/core";
import { z } from "zod";
import { idParam, list, pageOf, pageQuery } from "./common.js";

const messageId = idParam.shape.id;

/** A message as a participant sees it; the same shape in a list, an answer to a post and a live event. */
export const messageView = z
  .object({
    id: z.string(),
    conversationId: z.string(),
    author: z
      .object({
        handle: z.string(),
        displayName: z.string(),
        isViewer: z.boolean().describe("I wrote it"),
      })
      .nullable()
      .describe("null when the author's account was deleted"),
    authorName: z.string().describe('The author\'s display name, or "a deleted user"'),
    text: z.string(),
    source: z.enum(messageSources).describe("The surface it was written on"),
    createdAt: z.date(),
    editedAt: z.date().nullable().describe("When its author last changed it on their surface; null if never"),
  })
  .meta({ id: "Message" });

export const messagePage = pageOf(messageView)
  .describe(
    "`nextCursor` continues in the same direction: pass it as `before` (history) or `after` (reading forward); " +
      "null when there is no more. Reading forward, that means caught up: poll again with the last id you have.",
  )
  .meta({ id: "MessagePage" });

export const conversationSummary = z
  .object({
    id: z.string(),
    swap: z
      .object({ id: z.string(), kind: z.enum(swapKinds), status: z.enum(swapStatuses) })
      .nullable()
      .describe("The swap the conversation was opened for"),
    others: list(z.object({ handle: z.string(), displayName: z.string() })).describe("Everyone in it but me"),
    lastMessage: messageView.nullable(),
    unreadCount: z.number().int().describe("The others' messages since I last wrote in it"),
    lastActivityAt: z.date(),
  })
  .meta({ id: "ConversationSummary" });

export const conversationPage = pageOf(conversationSummary).meta({ id: "ConversationPage" });

export const conversationListQuery = pageQuery.extend({
  limit: z.coerce.number().int().min(1).max(50).optional().describe("At most this many conversations (1–50)"),
});

export const messageListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().describe("At most this many messages (1–100)"),
  before: messageId.optional().describe("History: the messages before this one, newest first"),
  after: messageId.optional().describe("Polling: the messages after this one, oldest first"),
});

// Loose: a headers schema replaces request.headers with what it parsed, and the others must stay.
export const postMessageHeaders = z.looseObject({
  "idempotency-key": z
    .string()
    .min(1)
    .max(200)
    .optional()
    .describe("Sent again with a retry, by the same person to the same conversation, it returns the first message"),
});

export const messageEventsQuery = z.object({
  lastEventId: messageId.optional().describe("Start after this message (as the Last-Event-ID header does)"),
});

export const messageEventsHeaders = z.looseObject({
  "last-event-id": messageId.optional().describe("Set by EventSource when it reconnects: replay what came after it"),
});
