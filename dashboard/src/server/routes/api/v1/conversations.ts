import { inputs, type MessageView } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import { EventStreams, type ServerSentEvent } from "../../../event-streams.js";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, idParam, noContent } from "../../../schemas/common.js";
import {
  conversationListQuery,
  conversationPage,
  messageEventsHeaders,
  messageEventsQuery,
  messageListQuery,
  messagePage,
  messageView,
  postMessageHeaders,
} from "../../../schemas/conversations.js";

const tags = ["conversations"];

export interface ConversationsRoutesOptions {
  /** How often a quiet event stream sends a heartbeat comment; 15 s by default. */
  readonly heartbeatMs?: number;
}

/** A message as an event: the same JSON as in a list, so a client renders both with one function. */
const messageEvent = (message: MessageView): ServerSentEvent => ({
  id: message.id,
  event: "message",
  data: z.encode(messageView, message),
});

async function* eventsOf(messages: AsyncIterable<MessageView>): AsyncGenerator<ServerSentEvent> {
  for await (const message of messages) yield messageEvent(message);
}

/** /conversations: the private threads of accepted swaps, read and written from the dashboard, live over SSE. */
export const conversationsRoutes: FastifyPluginAsyncZod<ConversationsRoutesOptions> = (app, options) => {
  const { conversations, webSessions } = app.services;
  const streams = new EventStreams({ heartbeatMs: options.heartbeatMs ?? 15_000 });
  // preClose, not onClose: onClose runs after the server has waited for every connection, and an open stream
  // would keep it waiting.
  app.addHook("preClose", () => streams.closeAll());

  app.get(
    "/conversations",
    {
      schema: {
        operationId: "listConversations",
        summary: "My conversations, newest activity first, each with its swap, the others and the last message",
        tags,
        querystring: conversationListQuery,
        response: { 200: conversationPage, ...errorResponses },
      },
    },
    (request) => conversations.mine(signedIn(request), request.query),
  );

  app.get(
    "/conversations/:id/messages",
    {
      schema: {
        operationId: "listMessages",
        summary: "Messages of one of my conversations: the newest, history (`before`) or new ones (`after`)",
        description:
          "Without a position: the newest page, newest first. `before`: the page before that message, newest " +
          "first. `after`: the messages after that one, oldest first — to poll, pass the last id you have.",
        tags,
        params: idParam,
        querystring: messageListQuery,
        response: { 200: messagePage, ...errorResponses },
      },
    },
    async (request) => {
      const page = await conversations.list(signedIn(request), request.params.id, request.query);
      return { items: page.messages, nextCursor: page.nextBefore ?? page.nextAfter };
    },
  );

  app.post(
    "/conversations/:id/messages",
    {
      schema: {
        operationId: "postMessage",
        summary: "Write in one of my conversations; the others get it on their own surface too",
        description:
          "Send an `Idempotency-Key` header to retry safely: the same key, from me, to the same conversation, " +
          "answers with the message the first attempt stored instead of posting it twice.",
        tags,
        params: idParam,
        headers: postMessageHeaders,
        body: inputs.newMessage,
        response: { 201: messageView, ...errorResponses },
      },
    },
    async (request, reply) => {
      const key = request.headers["idempotency-key"];
      const message = await conversations.post(signedIn(request), request.params.id, {
        ...request.body,
        source: "dashboard",
        ...(key === undefined ? {} : { idempotencyKey: key }),
      });
      return reply.code(201).send(message);
    },
  );

  app.post(
    "/conversations/:id/read",
    {
      schema: {
        operationId: "markConversationRead",
        summary: "Mark one of my conversations read up to now: its `unreadCount` drops to 0",
        tags,
        params: idParam,
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await conversations.markRead(signedIn(request), request.params.id);
      return reply.code(204).send();
    },
  );

  app.get(
    "/conversations/:id/events",
    {
      schema: {
        operationId: "streamMessages",
        summary: "Server-Sent Events: each new message of one of my conversations as it is written",
        description:
          "`text/event-stream`. Each message comes as `event: message` with `id:` its id and the message as JSON " +
          "`data` (as in the list). With `Last-Event-ID` (or `?lastEventId=`), the messages after that one come " +
          "first. A `: heartbeat` comment keeps quiet streams open.",
        tags,
        params: idParam,
        querystring: messageEventsQuery,
        headers: messageEventsHeaders,
        response: {
          200: { description: "The stream", content: { "text/event-stream": { schema: z.string() } } },
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      // The header wins: EventSource sends it on reconnecting, with the page's original query still on the URL.
      const after = request.headers["last-event-id"] ?? request.query.lastEventId;
      const abort = new AbortController();
      // Awaited before anything is sent: someone outside the conversation gets a 404, not an open stream.
      const messages = await conversations.follow(
        signedIn(request),
        request.params.id,
        after === undefined ? {} : { after },
        abort.signal,
      );
      // The stream ends with the session that opened it (checked at each heartbeat).
      const session = request.webSession;
      const stillAllowed = session === null ? undefined : () => webSessions.isLive(session.token);
      return streams.send(request, reply, abort, eventsOf(messages), stillAllowed);
    },
  );

  return Promise.resolve();
};
