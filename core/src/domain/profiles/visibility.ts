import type { Database, Db, RowReader, Tx } from "../../infra/prisma/database.js";
import { canViewProfile } from "./rules.js";
import type { Visibility } from "./types.js";

/**
 * The distinct ids, padded to a power of two by repeating the last (IN ignores repeats): a statement is
 * prepared and cached per SQL text, and one text per list length made hundreds of them on the hot paths.
 */
function inListOf(userIds: readonly string[]): string[] {
  const ids = [...new Set(userIds)];
  const last = ids.at(-1);
  if (last === undefined) return ids;
  let size = 1;
  while (size < ids.length) size *= 2;
  while (ids.length < size) ids.push(last);
  return ids;
}

export async function blockedEitherWay(db: Db | Tx, a: string, b: string): Promise<boolean> {
  const block = await db.block.findFirst({
    where: {
      OR: [
        { blockerId: a, blockedId: b },
        { blockerId: b, blockedId: a },
      ],
    },
    select: { blockerId: true },
  });
  return block !== null;
}

export async function shareCommunity(db: Db | Tx, a: string, b: string): Promise<boolean> {
  const shared = await db.communityMember.findFirst({
    where: { userId: a, community: { members: { some: { userId: b } } } },
    select: { communityId: true },
  });
  return shared !== null;
}

/**
 * Whether `ownerId` asked `viewerId` for a swap or accepted one `viewerId` takes part in. A requester's row is
 * accepted from the moment they ask, so both read as "the owner's participation is accepted". One query: the
 * owner's participations by SwapParticipant's userId index, the viewer's in each swap by primary key.
 */
export async function ownerAgreedToSwapWith(db: Db | Tx, ownerId: string, viewerId: string): Promise<boolean> {
  const tie = await db.swapParticipant.findFirst({
    where: { userId: ownerId, acceptedAt: { not: null }, swap: { participants: { some: { userId: viewerId } } } },
    select: { swapId: true },
  });
  return tie !== null;
}

/** Gathers the facts canViewProfile decides on; the queries run only when the answer depends on them. */
export async function viewerMaySee(
  db: Db | Tx,
  viewerId: string | null,
  owner: { id: string; visibility: string; status: string },
): Promise<boolean> {
  const base = {
    viewerId,
    ownerId: owner.id,
    ownerVisibility: owner.visibility as Visibility,
    ownerDeleted: owner.status !== "active",
    blockedEitherWay: false,
    shareCommunity: false,
    ownerAgreedToSwapWithViewer: false,
  };
  if (viewerId === null || viewerId === owner.id || owner.status !== "active") return canViewProfile(base);
  const blocked = await blockedEitherWay(db, viewerId, owner.id);
  if (blocked || owner.visibility !== "communities") return canViewProfile({ ...base, blockedEitherWay: blocked });
  const shared = await shareCommunity(db, viewerId, owner.id);
  const agreed = !shared && (await ownerAgreedToSwapWith(db, owner.id, viewerId));
  return canViewProfile({ ...base, shareCommunity: shared, ownerAgreedToSwapWithViewer: agreed });
}

/**
 * Of `userIds`, those the viewer may see right now, decided by canViewProfile on fresh rows (never on a search
 * or match index). Rows are fetched by primary key on the plain driver and judged in code: a correlated
 * "visible to" filter would make the database scan every user, and this runs on every search and match.
 * The swap tie is indexed on both sides (SwapParticipant's userId index for one person's swaps, its primary key
 * for the other in each), so it costs a person's swap history, never a scan: SQLite starts from the owner,
 * PostgreSQL may start from the viewer.
 */
export async function visibleAmong(
  database: Pick<Database, "readRows">,
  viewerId: string,
  userIds: readonly string[],
): Promise<Set<string>> {
  const ids = inListOf(userIds);
  if (ids.length === 0) return new Set();
  const rows = await database.readRows(
    `SELECT u."id", u."status", u."visibility",
       CASE WHEN EXISTS (
         SELECT 1 FROM "CommunityMember" theirs
         JOIN "CommunityMember" mine ON mine."communityId" = theirs."communityId" AND mine."userId" = ?
         WHERE theirs."userId" = u."id") THEN 1 ELSE 0 END AS "shareCommunity",
       CASE WHEN EXISTS (SELECT 1 FROM "Block" b WHERE b."blockerId" = u."id" AND b."blockedId" = ?)
              OR EXISTS (SELECT 1 FROM "Block" b WHERE b."blockerId" = ? AND b."blockedId" = u."id")
            THEN 1 ELSE 0 END AS "blocked",
       CASE WHEN EXISTS (
         SELECT 1 FROM "SwapParticipant" theirs
         JOIN "SwapParticipant" mine ON mine."swapId" = theirs."swapId" AND mine."userId" = ?
         WHERE theirs."userId" = u."id" AND theirs."acceptedAt" IS NOT NULL) THEN 1 ELSE 0 END AS "agreed"
     FROM "User" u
     WHERE u."id" IN (${ids.map(() => "?").join(", ")})`,
    [viewerId, viewerId, viewerId, viewerId, ...ids],
  );
  const visible = rows.filter((row) =>
    canViewProfile({
      viewerId,
      ownerId: String(row.id),
      ownerVisibility: row.visibility as Visibility,
      ownerDeleted: row.status !== "active",
      blockedEitherWay: Number(row.blocked) !== 0,
      shareCommunity: Number(row.shareCommunity) !== 0,
      ownerAgreedToSwapWithViewer: Number(row.agreed) !== 0,
    }),
  );
  return new Set(visible.map((row) => String(row.id)));
}

function shareAny(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  for (const id of a) if (b.has(id)) return true;
  return false;
}

/** Who may see whom among a few people, from rows read once: the same canViewProfile, asked for any two. */
export interface Sightlines {
  maySee(viewerId: string, ownerId: string): boolean;
}

/**
 * Sightlines among `userIds` (a three-person swap, the people of the cycles about to be offered), read fresh in
 * three flat queries whatever the number of pairs asked about afterwards. `read` is the database's plain reader,
 * or its reader inside the transaction of a write that depends on the answer.
 */
export async function sightlinesAmong(read: RowReader, userIds: readonly string[]): Promise<Sightlines> {
  const ids = inListOf(userIds);
  const list = ids.map(() => "?").join(", ");
  // One after the other: inside a transaction, statements run on one connection.
  const users = await read(
    `SELECT u."id", u."status", u."visibility", m."communityId"
     FROM "User" u LEFT JOIN "CommunityMember" m ON m."userId" = u."id"
     WHERE u."id" IN (${list})`,
    ids,
  );
  const blocks = await read(
    `SELECT "blockerId", "blockedId" FROM "Block" WHERE "blockerId" IN (${list}) AND "blockedId" IN (${list})`,
    [...ids, ...ids],
  );
  // The swap tie of visibleAmong, among these people only, as "owner|viewer".
  const ties = await read(
    `SELECT DISTINCT theirs."userId" AS "ownerId", mine."userId" AS "viewerId"
     FROM "SwapParticipant" theirs
     JOIN "SwapParticipant" mine ON mine."swapId" = theirs."swapId" AND mine."userId" <> theirs."userId"
     WHERE theirs."userId" IN (${list}) AND theirs."acceptedAt" IS NOT NULL AND mine."userId" IN (${list})`,
    [...ids, ...ids],
  );
  const byId = new Map<string, { status: string; visibility: Visibility; communities: Set<string> }>();
  for (const row of users) {
    const id = String(row.id);
    let user = byId.get(id);
    if (user === undefined) {
      user = { status: String(row.status), visibility: row.visibility as Visibility, communities: new Set() };
      byId.set(id, user);
    }
    if (typeof row.communityId === "string") user.communities.add(row.communityId);
  }
  const blocked = new Set(blocks.map((b) => `${String(b.blockerId)}|${String(b.blockedId)}`));
  const agreed = new Set(ties.map((t) => `${String(t.ownerId)}|${String(t.viewerId)}`));
  return {
    maySee(viewerId, ownerId) {
      const owner = byId.get(ownerId);
      const viewer = byId.get(viewerId);
      if (owner === undefined || viewer === undefined) return false;
      return canViewProfile({
        viewerId,
        ownerId,
        ownerVisibility: owner.visibility,
        ownerDeleted: owner.status !== "active",
        blockedEitherWay: blocked.has(`${viewerId}|${ownerId}`) || blocked.has(`${ownerId}|${viewerId}`),
        shareCommunity: shareAny(viewer.communities, owner.communities),
        ownerAgreedToSwapWithViewer: agreed.has(`${ownerId}|${viewerId}`),
      });
    },
  };
}

/** Everyone `userId` blocked or was blocked by: matching leaves them out before ranking anyone. */
export async function blockedEitherWayWith(database: Pick<Database, "readRows">, userId: string): Promise<Set<string>> {
  const rows = await database.readRows(
    `SELECT "blockedId" AS "other" FROM "Block" WHERE "blockerId" = ?
     UNION SELECT "blockerId" AS "other" FROM "Block" WHERE "blockedId" = ?`,
    [userId, userId],
  );
  return new Set(rows.map((row) => String(row.other)));
}
