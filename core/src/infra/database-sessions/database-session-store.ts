import type { SessionStore, StoredWebSession } from "../../ports/session-store.js";
import type { Db } from "../prisma/database.js";

const fields = {
  id: true,
  userId: true,
  createdAt: true,
  lastSeenAt: true,
  expiresAt: true,
  userAgent: true,
  ip: true,
  revokedAt: true,
} as const;

/**
 * Web sessions in the WebSession table: the embedded default. Deleting a person deletes their sessions (the
 * foreign key cascades). Revoked rows are kept until their absolute end for the record, then removed the next
 * time the same person signs in, so the table stays the size of its recent sign-ins.
 */
export function databaseSessionStore(db: Db): SessionStore {
  return {
    async create(session: StoredWebSession) {
      await db.$transaction(async (tx) => {
        await tx.webSession.deleteMany({ where: { userId: session.userId, expiresAt: { lt: session.createdAt } } });
        await tx.webSession.create({ data: session });
      });
    },

    find: (id) => db.webSession.findUnique({ where: { id }, select: fields }),

    async touch(id, at) {
      await db.$transaction((tx) =>
        tx.webSession.updateMany({ where: { id, revokedAt: null, lastSeenAt: { lt: at } }, data: { lastSeenAt: at } }),
      );
    },

    activeOf: (userId, now) =>
      db.webSession.findMany({
        where: { userId, revokedAt: null, expiresAt: { gt: now } },
        select: fields,
        orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      }),

    async revoke(userId, id, at) {
      const { count } = await db.$transaction((tx) =>
        tx.webSession.updateMany({ where: { id, userId, revokedAt: null }, data: { revokedAt: at } }),
      );
      return count > 0;
    },

    async revokeAll(userId, at, exceptId) {
      const { count } = await db.$transaction((tx) =>
        tx.webSession.updateMany({
          where: {
            userId,
            revokedAt: null,
            expiresAt: { gt: at },
            ...(exceptId === undefined ? {} : { id: { not: exceptId } }),
          },
          data: { revokedAt: at },
        }),
      );
      return count;
    },
  };
}
