import { z } from "zod";
import { conflict, forbidden, invalid, notFound } from "../../errors.js";
import type { Db, Tx } from "../../infra/prisma/database.js";
import type { Prisma } from "../../infra/prisma/generated/sqlite/client.js";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import { translate } from "../../messages/index.js";
import { normalizeText } from "../../text/words.js";
import { recordEvent } from "../outbox/record-event.js";
import { requireActiveUser } from "../profiles/service.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField } from "../shared/fields.js";
import { cursorDate, decodeCursor, encodeCursor, pageOf, type Page } from "../shared/pages.js";
import { normalizeHandle } from "../shared/text.js";
import { parseInput } from "../shared/validate.js";
import { categoryIndex, slugify } from "../skills/catalog.js";
import { browseInput, createInput, memberInput, membersInput, roleInput } from "./group-input.js";
import {
  groupViews,
  withMyRoles,
  type GroupDetailView,
  type GroupMemberView,
  type GroupRole,
  type GroupView,
} from "./group-views.js";

// Views live beside the service; the operations service and the package's index import them from here.
export { groupViews, type GroupDetailView, type GroupRole, type GroupView } from "./group-views.js";

const browseCursor = z.tuple([z.string().max(200), idField]);
const membersCursor = z.tuple([z.enum(["owner", "moderator", "member"]), cursorDate, idField]);

export function createGroupsService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;

  async function groupOf(tx: Tx | Db, idOrSlug: string) {
    const group = await tx.group.findFirst({
      where: { OR: [{ id: idOrSlug }, { slug: idOrSlug.toLowerCase() }] },
      select: { id: true, slug: true, name: true, description: true, communityId: true },
    });
    if (group === null) throw notFound("GROUP.NOT_FOUND", "group.not_found");
    return group;
  }

  async function roleOf(tx: Tx | Db, groupId: string, userId: string): Promise<GroupRole | null> {
    const row = await tx.groupMember.findUnique({
      where: { groupId_userId: { groupId, userId } },
      select: { role: true },
    });
    return (row?.role as GroupRole | undefined) ?? null;
  }

  async function inCommunity(tx: Tx | Db, communityId: string, userId: string): Promise<boolean> {
    const row = await tx.communityMember.findUnique({
      where: { communityId_userId: { communityId, userId } },
      select: { userId: true },
    });
    return row !== null;
  }

  /** A community-scoped group exists, for everyone else, only as "not found". */
  async function visibleGroup(tx: Tx | Db, actor: Actor, idOrSlug: string) {
    const group = await groupOf(tx, idOrSlug);
    if (group.communityId !== null && !(await inCommunity(tx, group.communityId, actor.userId)))
      throw notFound("GROUP.NOT_FOUND", "group.not_found");
    return group;
  }

  /** The groups a person can see: open ones and those of their communities. */
  async function visibleTo(viewer: Actor): Promise<Prisma.GroupWhereInput> {
    const mine = await db.communityMember.findMany({ where: { userId: viewer.userId }, select: { communityId: true } });
    return { OR: [{ communityId: null }, { communityId: { in: mine.map((m) => m.communityId) } }] };
  }

  async function memberByHandle(tx: Tx, groupId: string, handle: string) {
    const user = await tx.user.findUnique({ where: { handle: normalizeHandle(handle) }, select: { id: true } });
    const role = user === null ? null : await roleOf(tx, groupId, user.id);
    if (user === null || role === null) throw notFound("GROUP.NOT_MEMBER", "group.not_member", { handle });
    return { userId: user.id, role };
  }

  async function view(groupId: string): Promise<GroupView> {
    const [group] = await groupViews(db, { id: groupId });
    if (group === undefined) throw notFound("GROUP.NOT_FOUND", "group.not_found");
    return group;
  }

  return {
    /** Creates a group; its creator owns it. */
    async create(actor: Actor, input: z.input<typeof createInput>): Promise<GroupDetailView> {
      const data = parseInput(createInput, input, "GROUP.INVALID");
      const slug = data.slug ?? slugify(data.name);
      const groupId = ids.next();
      try {
        await db.$transaction(async (tx) => {
          await requireActiveUser(tx, actor.userId);
          // A community one is not in is, for them, one that does not exist.
          if (data.communityId !== undefined && !(await inCommunity(tx, data.communityId, actor.userId)))
            throw notFound("COMMUNITY.NOT_FOUND", "community.not_found");
          let categoryId: string | null = null;
          if (data.category !== undefined) {
            const categories = await tx.skillCategory.findMany({ select: { id: true, slug: true, name: true } });
            const found = categoryIndex(categories).get(normalizeText(data.category));
            if (found === undefined)
              throw invalid("GROUP.INVALID", [
                { field: "category", message: translate("field.category_unknown", { query: data.category }) },
              ]);
            categoryId = found;
          }
          const now = clock.now();
          await tx.group.create({
            data: {
              id: groupId,
              slug,
              name: data.name,
              description: data.description,
              categoryId,
              communityId: data.communityId ?? null,
              createdById: actor.userId,
              createdAt: now,
              members: { create: { userId: actor.userId, role: "owner", joinedAt: now } },
            },
          });
          await recordEvent(tx, deps, {
            type: "group.joined",
            aggregateId: actor.userId,
            payload: { userId: actor.userId, groupId, role: "owner" },
          });
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict("GROUP.SLUG_TAKEN", "group.slug_taken", { slug });
        throw error;
      }
      return { ...(await view(groupId)), myRole: "owner" };
    },

    /** Joins a group (a community's group only for its members); joining twice changes nothing. */
    async join(actor: Actor, idOrSlug: string): Promise<GroupDetailView> {
      const [groupId, myRole] = await db.$transaction(async (tx): Promise<[string, GroupRole]> => {
        await requireActiveUser(tx, actor.userId);
        const group = await visibleGroup(tx, actor, idOrSlug);
        const role = await roleOf(tx, group.id, actor.userId);
        if (role !== null) return [group.id, role];
        await tx.groupMember.create({ data: { groupId: group.id, userId: actor.userId, joinedAt: clock.now() } });
        await recordEvent(tx, deps, {
          type: "group.joined",
          aggregateId: actor.userId,
          payload: { userId: actor.userId, groupId: group.id, role: "member" },
        });
        return [group.id, "member"];
      });
      return { ...(await view(groupId)), myRole };
    },

    /** Leaves a group. Its owner hands it over first, unless nobody else is left. */
    async leave(actor: Actor, idOrSlug: string): Promise<void> {
      await db.$transaction(async (tx) => {
        const group = await visibleGroup(tx, actor, idOrSlug);
        const role = await roleOf(tx, group.id, actor.userId);
        if (role === null) return;
        const others = await tx.groupMember.count({ where: { groupId: group.id, userId: { not: actor.userId } } });
        if (role === "owner" && others > 0) throw conflict("GROUP.OWNER_LEAVING", "group.owner_leaving");
        await tx.groupMember.delete({ where: { groupId_userId: { groupId: group.id, userId: actor.userId } } });
        await recordEvent(tx, deps, {
          type: "group.left",
          aggregateId: actor.userId,
          payload: { userId: actor.userId, groupId: group.id },
        });
      });
    },

    /** The owner makes a member a moderator, or a moderator a member again. */
    async setRole(owner: Actor, idOrSlug: string, input: z.input<typeof roleInput>): Promise<void> {
      const data = parseInput(roleInput, input, "GROUP.INVALID");
      await db.$transaction(async (tx) => {
        const group = await visibleGroup(tx, owner, idOrSlug);
        if ((await roleOf(tx, group.id, owner.userId)) !== "owner")
          throw forbidden("GROUP.OWNER_ONLY", "group.owner_only");
        const target = await memberByHandle(tx, group.id, data.handle);
        if (target.role === "owner") throw conflict("GROUP.OWNER_ROLE", "group.owner_role");
        await tx.groupMember.update({
          where: { groupId_userId: { groupId: group.id, userId: target.userId } },
          data: { role: data.role },
        });
      });
    },

    /** The owner hands the group to another member, and becomes a moderator. */
    async transferOwnership(owner: Actor, idOrSlug: string, input: z.input<typeof memberInput>): Promise<void> {
      const data = parseInput(memberInput, input, "GROUP.INVALID");
      await db.$transaction(async (tx) => {
        const group = await visibleGroup(tx, owner, idOrSlug);
        if ((await roleOf(tx, group.id, owner.userId)) !== "owner")
          throw forbidden("GROUP.OWNER_ONLY", "group.owner_only");
        const target = await memberByHandle(tx, group.id, data.handle);
        if (target.userId === owner.userId) return;
        await tx.groupMember.update({
          where: { groupId_userId: { groupId: group.id, userId: target.userId } },
          data: { role: "owner" },
        });
        await tx.groupMember.update({
          where: { groupId_userId: { groupId: group.id, userId: owner.userId } },
          data: { role: "moderator" },
        });
      });
    },

    /** Members with their roles, a page at a time: the owner, then moderators, then members, longest-standing first. */
    async members(
      viewer: Actor,
      idOrSlug: string,
      options: z.input<typeof membersInput> = {},
    ): Promise<Page<GroupMemberView>> {
      const { limit, cursor } = parseInput(membersInput, options, "GROUP.INVALID");
      const group = await visibleGroup(db, viewer, idOrSlug);
      const at = cursor === undefined ? null : decodeCursor("group-members", cursor, membersCursor, "GROUP.INVALID");
      const rows = await db.groupMember.findMany({
        where: {
          groupId: group.id,
          ...(at === null
            ? {}
            : {
                OR: [
                  { role: { lt: at[0] } },
                  { role: at[0], joinedAt: { gt: at[1] } },
                  { role: at[0], joinedAt: at[1], userId: { gt: at[2] } },
                ],
              }),
        },
        // Role names sort, descending, as the roles rank: owner, moderator, member.
        orderBy: [{ role: "desc" }, { joinedAt: "asc" }, { userId: "asc" }],
        take: limit + 1,
        select: { role: true, joinedAt: true, userId: true, user: { select: { handle: true, displayName: true } } },
      });
      return pageOf(
        rows,
        limit,
        (r) => ({
          handle: r.user.handle,
          displayName: r.user.displayName,
          role: r.role as GroupRole,
          joinedAt: r.joinedAt,
        }),
        (r) => encodeCursor("group-members", [r.role, r.joinedAt.getTime(), r.userId]),
      );
    },

    /** A group the viewer can see, with their role in it. */
    async get(viewer: Actor, idOrSlug: string): Promise<GroupDetailView> {
      const group = await visibleGroup(db, viewer, idOrSlug);
      const [found, myRole] = await Promise.all([view(group.id), roleOf(db, group.id, viewer.userId)]);
      return { ...found, myRole };
    },

    /** The groups the viewer can see (open ones and their communities' ones), with their role, in name order. */
    async browse(viewer: Actor, options: z.input<typeof browseInput> = {}): Promise<Page<GroupDetailView>> {
      const { limit, cursor, communityId } = parseInput(browseInput, options, "GROUP.INVALID");
      const at = cursor === undefined ? null : decodeCursor("groups", cursor, browseCursor, "GROUP.INVALID");
      const groups = await groupViews(
        db,
        {
          AND: [
            await visibleTo(viewer),
            communityId === undefined ? {} : { communityId },
            at === null ? {} : { OR: [{ name: { gt: at[0] } }, { name: at[0], id: { gt: at[1] } }] },
          ],
        },
        limit + 1,
      );
      const rows = await withMyRoles(db, viewer.userId, groups);
      return pageOf(
        rows,
        limit,
        (g) => g,
        (g) => encodeCursor("groups", [g.name, g.id]),
      );
    },

    /**
     * Groups the viewer can see: open ones and their communities' ones. `communityId` keeps one community's;
     * `seenFrom` keeps what a person sees from inside a community (a Discord server): its groups and the open ones.
     */
    async list(viewer: Actor, options: { communityId?: string; seenFrom?: string } = {}): Promise<GroupDetailView[]> {
      const { communityId, seenFrom } = options;
      const groups = await groupViews(db, {
        AND: [
          await visibleTo(viewer),
          communityId === undefined ? {} : { communityId },
          seenFrom === undefined ? {} : { OR: [{ communityId: null }, { communityId: seenFrom }] },
        ],
      });
      return withMyRoles(db, viewer.userId, groups);
    },

    /** The role someone has in a group (forums ask before moderating). */
    roleOf: (groupId: string, userId: string) => roleOf(db, groupId, userId),
  };
}

export type GroupsService = ReturnType<typeof createGroupsService>;
