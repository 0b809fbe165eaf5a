import { createHash } from "node:crypto";
import type { z } from "zod";
import { conflict, forbidden, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import { recordEvent } from "../outbox/record-event.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import type { Page } from "../shared/pages.js";
import { parseInput } from "../shared/validate.js";
import { editMessage } from "./edit-message.js";
import { followMessages } from "./follow.js";
import type { editInput } from "./input.js";
import { bindInput, conversationsPage, followInput, listInput, postInput } from "./input.js";
import { MessageFeed } from "./message-feed.js";
import { messageSelect, messageView, type MessageView } from "./message-view.js";
import { conversationsOf, type ConversationSummary } from "./my-conversations.js";

export type { MessageSource } from "./input.js";
export type { MessageView } from "./message-view.js";
export type { ConversationSummary } from "./my-conversations.js";

/** A page of a conversation's messages, in the order asked for (see listInput). */
export interface MessagePage {
  readonly messages: readonly MessageView[];
  /** Pass as `before` for the older ones; null when there are none, and when reading forward (`after`). */
  readonly nextBefore: string | null;
  /** Pass as `after` for the rest, already waiting; null when the page reached the newest message. */
  readonly nextAfter: string | null;
}

/**
 * The external id a dashboard post is stored under when its client sent an idempotency key. The unique key on
 * (source, externalId) is what makes platform retries store once, and it serves here too: a retry loses the
 * insert to it, even when both attempts race. A client's key is only its own, though, so it is bound to its
 * author and conversation (two people, or two threads, may pick the same key), and hashed so that any key
 * fits the column.
 */
function idempotentExternalId(actor: Actor, conversationId: string, key: string): string {
  const digest = createHash("sha256").update(`${actor.userId}\n${conversationId}\n${key}`).digest("base64url");
  return `key:${digest}`;
}

export function createConversationsService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;
  const feed = new MessageFeed(deps.database, clock);
  const view = (viewer: Actor) => (row: Parameters<typeof messageView>[0]) => messageView(row, viewer);

  /** The conversation, if the actor takes part in it; "not found" for everyone else. */
  async function membership(tx: Tx | Db, actor: Actor, conversationId: string) {
    const conversation = await tx.conversation.findUnique({
      where: { id: conversationId },
      select: {
        id: true,
        swap: { select: { status: true } },
        participants: { select: { userId: true } },
      },
    });
    if (conversation === null || !conversation.participants.some((p) => p.userId === actor.userId))
      throw notFound("CONVERSATION.NOT_FOUND", "conversation.not_found");
    return conversation;
  }

  return {
    /**
     * Posts a message from any surface. A platform message already stored (a retried event) is returned as it
     * is, not stored or announced twice. Blocked people cannot message each other; a swap that was called off
     * takes no new messages. Writing in a conversation counts as having read it.
     */
    async post(actor: Actor, conversationId: string, input: z.input<typeof postInput>): Promise<MessageView> {
      const data = parseInput(postInput, input, "CONVERSATION.INVALID");
      const externalId =
        data.externalId ??
        (data.idempotencyKey === undefined
          ? ids.next()
          : idempotentExternalId(actor, conversationId, data.idempotencyKey));
      const existing = await db.message.findUnique({
        where: { source_externalId: { source: data.source, externalId } },
        select: messageSelect,
      });
      if (existing !== null) {
        await membership(db, actor, existing.conversationId);
        return messageView(existing, actor);
      }
      try {
        const id = await db.$transaction(async (tx) => {
          const conversation = await membership(tx, actor, conversationId);
          if (conversation.swap?.status === "cancelled") throw conflict("CONVERSATION.CLOSED", "conversation.closed");
          const others = conversation.participants.map((p) => p.userId).filter((u) => u !== actor.userId);
          const blocked = await tx.block.findFirst({
            where: {
              OR: [
                { blockerId: actor.userId, blockedId: { in: others } },
                { blockerId: { in: others }, blockedId: actor.userId },
              ],
            },
            select: { blockerId: true },
          });
          if (blocked !== null) throw forbidden("CONVERSATION.BLOCKED", "conversation.blocked");
          const messageId = ids.next();
          const now = clock.now();
          await tx.message.create({
            data: {
              id: messageId,
              conversationId,
              authorId: actor.userId,
              body: data.text,
              source: data.source,
              externalId,
              createdAt: now,
            },
          });
          await tx.conversationParticipant.update({
            where: { conversationId_userId: { conversationId, userId: actor.userId } },
            data: { lastReadAt: now },
          });
          await recordEvent(tx, deps, {
            type: "message.posted",
            aggregateId: conversationId,
            payload: { conversationId, messageId, authorId: actor.userId, source: data.source },
          });
          return messageId;
        });
        return messageView(await db.message.findUniqueOrThrow({ where: { id }, select: messageSelect }), actor);
      } catch (error) {
        // Two deliveries of the same platform message (or two tries of one idempotent post) raced: the other
        // one stored it.
        if (!isUniqueViolation(error)) throw error;
        return messageView(
          await db.message.findUniqueOrThrow({
            where: { source_externalId: { source: data.source, externalId } },
            select: messageSelect,
          }),
          actor,
        );
      }
    },

    /**
     * Changes a platform message its author edited there (see editMessage): null when it was never stored
     * here, the message unchanged when the text is what it already says.
     */
    edit(actor: Actor, input: z.input<typeof editInput>): Promise<MessageView | null> {
      return editMessage(deps, actor, input);
    },

    /**
     * A page of messages: the newest, or history before `before` (newest first), or what came after `after`
     * (oldest first: a poller hands back the last id it has).
     */
    async list(actor: Actor, conversationId: string, options: z.input<typeof listInput> = {}): Promise<MessagePage> {
      const input = parseInput(listInput, options, "CONVERSATION.INVALID");
      await membership(db, actor, conversationId);
      const forward = input.after !== undefined;
      const rows = await db.message.findMany({
        where: {
          conversationId,
          ...(input.before === undefined ? {} : { id: { lt: input.before } }),
          ...(input.after === undefined ? {} : { id: { gt: input.after } }),
        },
        orderBy: { id: forward ? "asc" : "desc" },
        take: input.limit + 1,
        select: messageSelect,
      });
      const page = rows.slice(0, input.limit);
      const more = rows.length > input.limit ? (page.at(-1)?.id ?? null) : null;
      return { messages: page.map(view(actor)), nextBefore: forward ? null : more, nextAfter: forward ? more : null };
    },

    /** The actor's conversations, newest activity first, each with its swap, the others and the last message. */
    async mine(actor: Actor, options: z.input<typeof conversationsPage> = {}): Promise<Page<ConversationSummary>> {
      const page = parseInput(conversationsPage, options, "CONVERSATION.INVALID");
      return conversationsOf(deps, actor, page);
    },

    /** Marks everything written in the conversation so far as read by the actor: its unread count drops to 0. */
    async markRead(actor: Actor, conversationId: string): Promise<void> {
      await membership(db, actor, conversationId);
      await db.conversationParticipant.update({
        where: { conversationId_userId: { conversationId, userId: actor.userId } },
        data: { lastReadAt: clock.now() },
      });
    },

    /**
     * A live thread: the messages after `after` (none without it), then each new one as it is committed, from
     * whichever surface, until `signal` aborts. Only participants may follow: anyone else is refused here,
     * before anything is read.
     */
    async follow(
      actor: Actor,
      conversationId: string,
      options: z.input<typeof followInput>,
      signal: AbortSignal,
    ): Promise<AsyncIterable<MessageView>> {
      const { after } = parseInput(followInput, options, "CONVERSATION.INVALID");
      await membership(db, actor, conversationId);
      return followMessages({ db, feed, viewer: actor, conversationId, after, signal });
    },

    /**
     * Records which platform channel carries a conversation (for one participant, or shared), so relays know
     * where to post and incoming platform messages find their conversation. Recording it again is harmless.
     */
    async bindChannel(input: z.input<typeof bindInput>): Promise<void> {
      const data = parseInput(bindInput, input, "CONVERSATION.INVALID");
      const conversation = await db.conversation.findUnique({
        where: { id: data.conversationId },
        select: { participants: { select: { userId: true } } },
      });
      if (conversation === null) throw notFound("CONVERSATION.NOT_FOUND", "conversation.not_found");
      if (data.userId !== null && !conversation.participants.some((p) => p.userId === data.userId))
        throw notFound("CONVERSATION.NOT_FOUND", "conversation.not_found");
      await db.$transaction(async (tx) => {
        const existing = await tx.conversationChannel.findUnique({
          where: {
            conversationId_platform_externalChannelId: {
              conversationId: data.conversationId,
              platform: data.platform,
              externalChannelId: data.externalChannelId,
            },
          },
          select: { id: true },
        });
        if (existing !== null) return;
        await tx.conversationChannel.create({
          data: {
            id: ids.next(),
            conversationId: data.conversationId,
            userId: data.userId,
            platform: data.platform,
            externalChannelId: data.externalChannelId,
            tenantId: data.tenantId ?? null,
            createdAt: clock.now(),
          },
        });
      });
    },

    /** The channels a conversation is carried on, for relaying a message to the other surfaces. */
    async channelsOf(conversationId: string) {
      return db.conversationChannel.findMany({
        where: { conversationId, archivedAt: null },
        select: { userId: true, platform: true, externalChannelId: true, tenantId: true },
        orderBy: { createdAt: "asc" },
      });
    },

    /**
     * The conversation a platform channel carries now, if any. A person's DM with a bot can carry several of
     * their swaps over time: the newest one still open there takes what they write.
     */
    async forChannel(platform: "discord" | "slack", externalChannelId: string): Promise<string | null> {
      const row = await db.conversationChannel.findFirst({
        where: { platform, externalChannelId, archivedAt: null },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        select: { conversationId: true },
      });
      return row?.conversationId ?? null;
    },
  };
}

export type ConversationsService = ReturnType<typeof createConversationsService>;
