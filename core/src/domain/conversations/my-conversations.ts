import { z } from "zod";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField } from "../shared/fields.js";
import { decodeCursor, encodeCursor, type Page } from "../shared/pages.js";
import type { SwapKind, SwapStatus } from "../swaps/types.js";
import { messageSelect, messageView, type MessageView } from "./message-view.js";

/** One of the viewer's conversations, as their list of threads shows it. */
export interface ConversationSummary {
  readonly id: string;
  /** The swap it was opened for; null once that swap's record is gone. */
  readonly swap: { readonly id: string; readonly kind: SwapKind; readonly status: SwapStatus } | null;
  /** Everyone in it but the viewer. */
  readonly others: readonly { readonly handle: string; readonly displayName: string }[];
  readonly lastMessage: MessageView | null;
  /** Messages of the others since the viewer last read (or wrote in) the conversation. */
  readonly unreadCount: number;
  /** When the last message was written; when the conversation opened, before any. */
  readonly lastActivityAt: Date;
}

const cursorShape = z.tuple([idField, idField]);
const list = "conversations";
const code = "CONVERSATION.INVALID";

/**
 * The viewer's conversations, newest activity first. Activity is the id of the last message (ids sort by
 * creation time, see Ids), or the conversation's own id before any message: the schema keeps no "last message"
 * column, so each page computes it for all of the viewer's conversations (a person has as many as their swaps;
 * a column kept by `post` would let an index answer instead).
 */
export async function conversationsOf(
  deps: Pick<ServiceDeps, "db" | "database">,
  actor: Actor,
  page: { readonly limit: number; readonly cursor?: string | undefined },
): Promise<Page<ConversationSummary>> {
  const position = page.cursor === undefined ? null : decodeCursor(list, page.cursor, cursorShape, code);
  const order = await deps.database.readRows(
    `SELECT "id", "lastMessageId", COALESCE("lastMessageId", "id") AS "activity" FROM (
       SELECT c."id" AS "id", (SELECT MAX(m."id") FROM "Message" m WHERE m."conversationId" = c."id") AS "lastMessageId"
       FROM "ConversationParticipant" p JOIN "Conversation" c ON c."id" = p."conversationId"
       WHERE p."userId" = ?
     ) t
     ${position === null ? "" : `WHERE COALESCE("lastMessageId", "id") < ? OR (COALESCE("lastMessageId", "id") = ? AND "id" < ?)`}
     ORDER BY "activity" DESC, "id" DESC
     LIMIT ?`,
    [actor.userId, ...(position === null ? [] : [position[0], position[0], position[1]]), page.limit + 1],
  );
  const shown = order.slice(0, page.limit).map((row) => ({
    id: String(row.id),
    activity: String(row.activity),
    lastMessageId: typeof row.lastMessageId === "string" ? row.lastMessageId : null,
  }));
  const summaries = await summariesOf(deps.db, actor, shown);
  const last = shown.at(-1);
  return {
    items: shown.flatMap((row) => summaries.get(row.id) ?? []),
    nextCursor: order.length > page.limit && last !== undefined ? encodeCursor(list, [last.activity, last.id]) : null,
  };
}

async function summariesOf(
  db: ServiceDeps["db"],
  actor: Actor,
  rows: readonly { readonly id: string; readonly lastMessageId: string | null }[],
): Promise<Map<string, ConversationSummary>> {
  if (rows.length === 0) return new Map();
  const [conversations, lastMessages] = await Promise.all([
    db.conversation.findMany({
      where: { id: { in: rows.map((r) => r.id) } },
      select: {
        id: true,
        createdAt: true,
        swap: { select: { id: true, kind: true, status: true } },
        participants: {
          select: { userId: true, lastReadAt: true, user: { select: { handle: true, displayName: true } } },
          orderBy: { user: { displayName: "asc" } },
        },
      },
    }),
    db.message.findMany({
      where: { id: { in: rows.flatMap((r) => (r.lastMessageId === null ? [] : [r.lastMessageId])) } },
      select: messageSelect,
    }),
  ]);
  const unread = await unreadCounts(db, actor, conversations);
  const lastOf = new Map(lastMessages.map((m) => [m.conversationId, messageView(m, actor)]));
  return new Map(
    conversations.map((c) => {
      const lastMessage = lastOf.get(c.id) ?? null;
      const summary: ConversationSummary = {
        id: c.id,
        swap:
          c.swap === null
            ? null
            : { id: c.swap.id, kind: c.swap.kind as SwapKind, status: c.swap.status as SwapStatus },
        others: c.participants
          .filter((p) => p.userId !== actor.userId)
          .map((p) => ({ handle: p.user.handle, displayName: p.user.displayName })),
        lastMessage,
        unreadCount: unread.get(c.id) ?? 0,
        lastActivityAt: lastMessage?.createdAt ?? c.createdAt,
      };
      return [c.id, summary];
    }),
  );
}

/** The others' messages each conversation received after the viewer's last read, counted in one query. */
async function unreadCounts(
  db: ServiceDeps["db"],
  actor: Actor,
  conversations: readonly {
    readonly id: string;
    readonly participants: readonly { readonly userId: string; readonly lastReadAt: Date | null }[];
  }[],
): Promise<Map<string, number>> {
  const since = conversations.map((c): Prisma.MessageWhereInput => {
    const readAt = c.participants.find((p) => p.userId === actor.userId)?.lastReadAt ?? null;
    return readAt === null ? { conversationId: c.id } : { conversationId: c.id, createdAt: { gt: readAt } };
  });
  const counts = await db.message.groupBy({
    by: ["conversationId"],
    where: {
      AND: [{ OR: since }, { OR: [{ authorId: null }, { authorId: { not: actor.userId } }] }],
    },
    _count: { _all: true },
  });
  return new Map(counts.map((c) => [c.conversationId, c._count._all]));
}
