import type { Db, Tx } from "../../infra/prisma/database.js";
import { canViewProfile } from "./rules.js";
import type { Visibility } from "./types.js";

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
  };
  if (viewerId === null || viewerId === owner.id || owner.status !== "active") return canViewProfile(base);
  const blocked = await blockedEitherWay(db, viewerId, owner.id);
  const shared = !blocked && owner.visibility === "communities" ? await shareCommunity(db, viewerId, owner.id) : false;
  return canViewProfile({ ...base, blockedEitherWay: blocked, shareCommunity: shared });
}
