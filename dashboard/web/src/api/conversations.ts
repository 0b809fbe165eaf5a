import * as z from "zod/mini";
import { call, callForNothing } from "./client.js";

/** A message (the API's `Message`): the same JSON in a page, an answer to a post and a live event. */
export const message = z.object({
  id: z.string(),
  conversationId: z.string(),
  author: z.nullable(z.object({ handle: z.string(), displayName: z.string(), isViewer: z.boolean() })),
  authorName: z.string(),
  text: z.string(),
  source: z.enum(["dashboard", "discord", "slack"]),
  createdAt: z.string(),
  editedAt: z.nullable(z.string()),
});
export type Message = z.infer<typeof message>;

const messagePage = z.object({ items: z.array(message), nextCursor: z.nullable(z.string()) });

const conversationSummary = z.object({
  id: z.string(),
  swap: z.nullable(z.object({ id: z.string(), kind: z.string(), status: z.string() })),
  others: z.array(z.object({ handle: z.string(), displayName: z.string() })),
  lastMessage: z.nullable(message),
  unreadCount: z.number(),
  lastActivityAt: z.string(),
});
export type ConversationSummary = z.infer<typeof conversationSummary>;
const conversationPage = z.object({ items: z.array(conversationSummary), nextCursor: z.nullable(z.string()) });

const path = (id: string) => `/conversations/${encodeURIComponent(id)}`;

export const myConversations = () => call("GET", "/conversations?limit=50", conversationPage);

/** The newest messages (no cursor) or the ones before `before`, newest first. */
export function listMessages(id: string, before: string | null) {
  const query = new URLSearchParams({ limit: "30" });
  if (before !== null) query.set("before", before);
  return call("GET", `${path(id)}/messages?${query.toString()}`, messagePage);
}

/** `key` is the send's Idempotency-Key: a retry of the same send carries the same one and posts nothing twice. */
export const postMessage = (id: string, text: string, key: string) =>
  call("POST", `${path(id)}/messages`, message, { text }, { "idempotency-key": key });

export const markRead = (id: string) => callForNothing("POST", `${path(id)}/read`);

/** The conversation's live messages (Server-Sent Events); EventSource resumes with Last-Event-ID by itself. */
export const messageEventsUrl = (id: string) => `/api/v1${path(id)}/events`;
