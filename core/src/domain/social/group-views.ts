import type { Db } from "../../infra/prisma/database.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";

export type GroupRole = "owner" | "moderator" | "member";

export interface GroupView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly description: string;
  readonly communityId: string | null;
  /** The community's name; null for a group open to all. */
  readonly communityName: string | null;
  readonly members: number;
}

/** A group as one person sees it, alone or in a list: with their own role there, null when they are not a member. */
export interface GroupDetailView extends GroupView {
  readonly myRole: GroupRole | null;
}

/** Someone in a group, with their role. */
export interface GroupMemberView {
  readonly handle: string;
  readonly displayName: string;
  readonly role: GroupRole;
  readonly joinedAt: Date;
}

/** Groups as people see them, in name order (then id): one query, whatever the number of groups. */
export async function groupViews(db: Db, where: Prisma.GroupWhereInput, take?: number): Promise<GroupView[]> {
  const rows = await db.group.findMany({
    where,
    orderBy: [{ name: "asc" }, { id: "asc" }],
    ...(take === undefined ? {} : { take }),
    select: {
      id: true,
      slug: true,
      name: true,
      description: true,
      communityId: true,
      community: { select: { name: true } },
      _count: { select: { members: true } },
    },
  });
  return rows.map(({ community, _count, ...group }) => ({
    ...group,
    communityName: community?.name ?? null,
    members: _count.members,
  }));
}

/** The viewer's role in each of these groups, from one query for the whole list rather than one per group. */
export async function withMyRoles(db: Db, viewerId: string, groups: readonly GroupView[]): Promise<GroupDetailView[]> {
  if (groups.length === 0) return [];
  const mine = await db.groupMember.findMany({
    where: { userId: viewerId, groupId: { in: groups.map((g) => g.id) } },
    select: { groupId: true, role: true },
  });
  const roles = new Map(mine.map((m) => [m.groupId, m.role as GroupRole]));
  return groups.map((group) => ({ ...group, myRole: roles.get(group.id) ?? null }));
}
