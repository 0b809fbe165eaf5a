import { z } from "zod";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField } from "../shared/fields.js";
import { cursorDate, decodeCursor, encodeCursor, pageInput, pageOf, type Page } from "../shared/pages.js";
import { parseInput } from "../shared/validate.js";

const listInput = pageInput(20, 50)
  .extend({ unreadOnly: z.boolean().default(false) })
  .strict();
export type NotificationListInput = z.input<typeof listInput>;

export const markReadInput = z
  .object({ ids: z.array(idField).min(1).max(100).optional(), all: z.literal(true).optional() })
  .strict()
  .refine((input) => (input.ids === undefined) !== (input.all === undefined), {
    message: "field.required",
    path: ["ids"],
  });
export type MarkReadInput = z.input<typeof markReadInput>;

const list = "notifications";
const cursorShape = z.tuple([cursorDate, idField]);

/** One entry of a person's notification inbox on the dashboard. */
export interface InboxNotification {
  readonly id: string;
  readonly kind: string;
  readonly text: string;
  /** What it links to (a swap, a conversation, a review, a thread); null when it names nothing. */
  readonly about: { readonly type: string; readonly id: string } | null;
  readonly createdAt: Date;
  readonly read: boolean;
}

/** The dashboard's notification inbox: what the dashboard delivery wrote for the actor, and only theirs. */
export function createNotificationsService(deps: Pick<ServiceDeps, "db" | "clock">) {
  const { db, clock } = deps;
  return {
    /** The actor's notifications, newest first; `unreadOnly` leaves out those already read. */
    async list(actor: Actor, input: NotificationListInput = {}): Promise<Page<InboxNotification>> {
      const { limit, cursor, unreadOnly } = parseInput(listInput, input, "NOTIFICATION.INVALID_QUERY");
      const position =
        cursor === undefined ? null : decodeCursor(list, cursor, cursorShape, "NOTIFICATION.INVALID_QUERY");
      const rows = await db.notification.findMany({
        where: {
          userId: actor.userId,
          ...(unreadOnly ? { readAt: null } : {}),
          ...(position === null
            ? {}
            : { OR: [{ createdAt: { lt: position[0] } }, { createdAt: position[0], id: { lt: position[1] } }] }),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit + 1,
        select: { id: true, kind: true, text: true, aboutType: true, aboutId: true, createdAt: true, readAt: true },
      });
      return pageOf(
        rows,
        limit,
        (row): InboxNotification => ({
          id: row.id,
          kind: row.kind,
          text: row.text,
          about: row.aboutType === null || row.aboutId === null ? null : { type: row.aboutType, id: row.aboutId },
          createdAt: row.createdAt,
          read: row.readAt !== null,
        }),
        (row) => encodeCursor(list, [row.createdAt.getTime(), row.id]),
      );
    },

    async unreadCount(actor: Actor): Promise<number> {
      return db.notification.count({ where: { userId: actor.userId, readAt: null } });
    },

    /**
     * Marks the given notifications, or all of them, read; returns how many changed. Ids that are not the
     * actor's are ignored like unknown ones: saying which exist would tell who was notified of what.
     */
    async markRead(actor: Actor, input: MarkReadInput): Promise<number> {
      const data = parseInput(markReadInput, input, "NOTIFICATION.INVALID_MARK");
      const { count } = await db.$transaction((tx) =>
        tx.notification.updateMany({
          where: {
            userId: actor.userId,
            readAt: null,
            ...(data.ids === undefined ? {} : { id: { in: data.ids } }),
          },
          data: { readAt: clock.now() },
        }),
      );
      return count;
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
