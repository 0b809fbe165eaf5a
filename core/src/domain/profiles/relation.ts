import type { Db } from "../../infra/prisma/database.js";
import type { ProfileRelation } from "./types.js";

/** How the viewer and the profile's owner are connected: one query for follows, one each for what they share. */
export async function relationBetween(db: Db, viewerId: string, ownerId: string): Promise<ProfileRelation> {
  const both = [{ members: { some: { userId: viewerId } } }, { members: { some: { userId: ownerId } } }];
  const [follows, communities, groups] = await Promise.all([
    db.follow.findMany({
      where: {
        OR: [
          { followerId: viewerId, followeeId: ownerId },
          { followerId: ownerId, followeeId: viewerId },
        ],
      },
      select: { followerId: true },
    }),
    db.community.findMany({ where: { AND: both }, select: { name: true }, orderBy: { name: "asc" } }),
    db.group.findMany({ where: { AND: both }, select: { name: true }, orderBy: { name: "asc" } }),
  ]);
  return {
    youFollow: follows.some((f) => f.followerId === viewerId),
    followsYou: follows.some((f) => f.followerId === ownerId),
    communitiesInCommon: communities.map((c) => c.name),
    groupsInCommon: groups.map((g) => g.name),
  };
}
