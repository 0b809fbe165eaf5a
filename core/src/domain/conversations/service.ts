import { z } from "zod";
import { conflict, forbidden, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import { translate } from "../../messages/index.js";
import { recordEvent } from "../outbox/record-event.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField, lineField, textField } from "../shared/fields.js";
import { parseInput } from "../shared/validate.js";

export type MessageSource = "dashboard" | "discord" | "slack";

const postInput = z
  .object({
    text: textField(1, 4000),
    source: z.enum(["dashboard", "discord", "slack"]).default("dashboard"),
    /** The platform's own message id; a platform retry carries the same one and is stored once. */
    externalId: lineField(1, 100).optional(),
  })
  .strict()
  .refine((input) => input.source === "dashboard" || input.externalId !== undefined, {
    message: "field.required",
    path: ["externalId"],
  });

const listInput = z
  .object({ limit: z.number().int().min(1).max(100).default(50), before: idField.optional() })
  .strict();

const bindInput = z
  .object({
    conversationId: idField,
    /** The participant this channel reaches; null for a channel all participants share (a private thread). */
    userId: idField.nullable(),
    platform: z.enum(["discord", "slack"]),
    externalChannelId: lineField(1, 100),
  })
  .strict();

export interface MessageView {
  readonly id: string;
  readonly conversationId: string;
  readonly author: { readonly handle: string; readonly displayName: string } | null;
  /** "a deleted user" when the author's account is gone. */
  readonly authorName: string;
  readonly text: string;
  readonly source: MessageSource;
  readonly externalId: string;
  readonly createdAt: Date;
}

const messageSelect = {
  id: true,
  conversationId: true,
  body: true,
  source: true,
  externalId: true,
  createdAt: true,
  author: { select: { handle: true, displayName: true } },
} as const;

function toView(row: {
  id: string;
  conversationId: string;
  body: string;
  source: string;
  externalId: string;
  createdAt: Date;
  author: { handle: string; displayName: string } | null;
}): MessageView {
  return {
    id: row.id,
    conversationId: row.conversationId,
    author: row.author,
    authorName: row.author?.displayName ?? translate("user.deleted_name"),
    text: row.body,
    source: row.source as MessageSource,
    externalId: row.externalId,
    createdAt: row.createdAt,
  };
}

export function createConversationsService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;

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
     * takes no new messages.
     */
    async post(actor: Actor, conversationId: string, input: z.input<typeof postInput>): Promise<MessageView> {
      const data = parseInput(postInput, input, "CONVERSATION.INVALID");
      const externalId = data.externalId ?? ids.next();
      const existing = await db.message.findUnique({
        where: { source_externalId: { source: data.source, externalId } },
        select: messageSelect,
      });
      if (existing !== null) {
        await membership(db, actor, existing.conversationId);
        return toView(existing);
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
          await tx.message.create({
            data: {
              id: messageId,
              conversationId,
              authorId: actor.userId,
              body: data.text,
              source: data.source,
              externalId,
              createdAt: clock.now(),
            },
          });
          await recordEvent(tx, deps, {
            type: "message.posted",
            aggregateId: conversationId,
            payload: { conversationId, messageId, authorId: actor.userId, source: data.source },
          });
          return messageId;
        });
        return toView(await db.message.findUniqueOrThrow({ where: { id }, select: messageSelect }));
      } catch (error) {
        // Two deliveries of the same platform message raced: the other one stored it.
        if (!isUniqueViolation(error)) throw error;
        return toView(
          await db.message.findUniqueOrThrow({
            where: { source_externalId: { source: data.source, externalId } },
            select: messageSelect,
          }),
        );
      }
    },

    /** Messages, newest first, a page at a time (`before`: the oldest id of the previous page). */
    async list(actor: Actor, conversationId: string, options: z.input<typeof listInput> = {}) {
      const input = parseInput(listInput, options, "CONVERSATION.INVALID");
      await membership(db, actor, conversationId);
      const rows = await db.message.findMany({
        where: { conversationId, ...(input.before === undefined ? {} : { id: { lt: input.before } }) },
        orderBy: { id: "desc" },
        take: input.limit + 1,
        select: messageSelect,
      });
      const page = rows.slice(0, input.limit);
      return {
        messages: page.map(toView),
        nextBefore: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
      };
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
            createdAt: clock.now(),
          },
        });
      });
    },

    /** The channels a conversation is carried on, for relaying a message to the other surfaces. */
    async channelsOf(conversationId: string) {
      return db.conversationChannel.findMany({
        where: { conversationId, archivedAt: null },
        select: { userId: true, platform: true, externalChannelId: true },
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
