import { z } from "zod";
import { conflict, notFound } from "../../errors.js";
import type { Tx } from "../../infra/prisma/database.js";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import { recordEvent } from "../outbox/record-event.js";
import type { Actor } from "../shared/actor.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField, lineField, nameField } from "../shared/fields.js";
import { cursorDate, decodeCursor, encodeCursor, pageInput, pageOf, type Page } from "../shared/pages.js";
import { parseInput } from "../shared/validate.js";
import { communityOf, recordAudit, requireCommunityAdmin } from "./admins.js";
import {
  auditDataOf,
  type AuditEntryView,
  type ChannelLinkView,
  type MyCommunityView,
  type Platform,
} from "./types.js";

const platformField = z.enum(["discord", "slack"]);
const registerInput = z
  .object({
    platform: platformField,
    externalId: lineField(1, 64),
    name: nameField(1, 100),
  })
  .strict();
const memberInput = z
  .object({ communityId: idField, userId: idField, role: z.enum(["member", "admin"]).default("member") })
  .strict();
const linkInput = z
  .object({
    communityId: idField,
    channelId: lineField(1, 64),
    /** The group's id or slug. */
    group: lineField(1, 80),
    kind: z.enum(["chat", "forum"]),
  })
  .strict();
const channelInput = z.object({ communityId: idField, channelId: lineField(1, 64) }).strict();
/** A channel link as an admin describes it, for doors that name the community elsewhere (an address). */
export const channelLinkFieldsInput = linkInput.omit({ communityId: true });
/** A channel as an admin names it, for doors that name the community elsewhere. */
export const channelFieldsInput = channelInput.omit({ communityId: true });

const auditInput = pageInput(50);
const auditCursor = z.tuple([cursorDate, idField]);

/**
 * A Discord guild or Slack workspace as SkillSwap knows it: its members and admins as the platform reports
 * them, the channels its admins linked to groups, and where private swap threads open. Platforms call the
 * membership use cases on their own events; admins call the linking ones.
 */
export function createCommunitiesService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;

  const audit = (tx: Tx, actor: Actor, communityId: string, action: string, targetId: string, data: object) =>
    recordAudit(tx, deps, actor, { communityId, action, targetType: "channel", targetId, data });

  return {
    /** Registers a guild or workspace, or finds it again (a platform may announce it any number of times). */
    async register(input: z.input<typeof registerInput>): Promise<{ communityId: string; created: boolean }> {
      const data = parseInput(registerInput, input, "COMMUNITY.INVALID");
      const where = { platform_externalId: { platform: data.platform, externalId: data.externalId } };
      const existing = await db.community.findUnique({ where, select: { id: true, name: true } });
      if (existing !== null) {
        if (existing.name !== data.name)
          await db.$transaction((tx) => tx.community.update({ where: { id: existing.id }, data: { name: data.name } }));
        return { communityId: existing.id, created: false };
      }
      try {
        const communityId = ids.next();
        await db.$transaction(async (tx) => {
          await tx.community.create({ data: { id: communityId, ...data, createdAt: clock.now() } });
        });
        return { communityId, created: true };
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
        const winner = await db.community.findUniqueOrThrow({ where, select: { id: true } });
        return { communityId: winner.id, created: false };
      }
    },

    /** Records a member (or their admin status) as the platform reports it; repeating it changes nothing. */
    async syncMember(input: z.input<typeof memberInput>): Promise<void> {
      const data = parseInput(memberInput, input, "COMMUNITY.INVALID");
      await db.$transaction(async (tx) => {
        await communityOf(tx, data.communityId);
        const key = { communityId_userId: { communityId: data.communityId, userId: data.userId } };
        const existing = await tx.communityMember.findUnique({ where: key, select: { role: true } });
        if (existing?.role === data.role) return;
        if (existing === null) await tx.communityMember.create({ data: { ...data, joinedAt: clock.now() } });
        else await tx.communityMember.update({ where: key, data: { role: data.role } });
        if (existing === null)
          await recordEvent(tx, deps, {
            type: "community.joined",
            aggregateId: data.userId,
            payload: { userId: data.userId, communityId: data.communityId, role: data.role },
          });
      });
    },

    /** A member left the guild or workspace. */
    async removeMember(input: { communityId: string; userId: string }): Promise<void> {
      const data = parseInput(memberInput.omit({ role: true }), input, "COMMUNITY.INVALID");
      await db.$transaction(async (tx) => {
        const removed = await tx.communityMember.deleteMany({
          where: { communityId: data.communityId, userId: data.userId },
        });
        if (removed.count > 0)
          await recordEvent(tx, deps, {
            type: "community.left",
            aggregateId: data.userId,
            payload: { userId: data.userId, communityId: data.communityId },
          });
      });
    },

    /**
     * Links a platform channel to a group, as its chat or its forum. Only the community's admins; a channel
     * carries one group (linking it again to the same group just updates the kind); the group must belong to
     * this community or be open to everyone.
     */
    async linkChannel(admin: Actor, input: z.input<typeof linkInput>): Promise<ChannelLinkView> {
      const data = parseInput(linkInput, input, "COMMUNITY.INVALID");
      return db.$transaction(async (tx) => {
        const { platform } = await requireCommunityAdmin(tx, admin, data.communityId);
        const group = await tx.group.findFirst({
          where: { OR: [{ id: data.group }, { slug: data.group }] },
          select: { id: true, slug: true, name: true, communityId: true },
        });
        if (group === null || (group.communityId !== null && group.communityId !== data.communityId))
          throw notFound("GROUP.NOT_FOUND", "group.not_found");
        const existing = await tx.channelLink.findUnique({
          where: { platform_channelId: { platform, channelId: data.channelId } },
          select: { id: true, groupId: true },
        });
        if (existing !== null && existing.groupId !== group.id)
          throw conflict("COMMUNITY.CHANNEL_TAKEN", "community.channel_taken");
        if (existing === null)
          await tx.channelLink.create({
            data: {
              id: ids.next(),
              communityId: data.communityId,
              groupId: group.id,
              platform,
              channelId: data.channelId,
              kind: data.kind,
              createdById: admin.userId,
              createdAt: clock.now(),
            },
          });
        else await tx.channelLink.update({ where: { id: existing.id }, data: { kind: data.kind } });
        await audit(tx, admin, data.communityId, "channel.linked", data.channelId, {
          groupId: group.id,
          kind: data.kind,
        });
        await recordEvent(tx, deps, {
          type: "channel.linked",
          aggregateId: data.communityId,
          payload: { communityId: data.communityId, channelId: data.channelId, groupId: group.id, kind: data.kind },
        });
        return {
          channelId: data.channelId,
          platform: platform as Platform,
          kind: data.kind,
          group: { id: group.id, slug: group.slug, name: group.name },
        };
      });
    },

    /** Removes a channel's link (admins only). */
    async unlinkChannel(admin: Actor, input: z.input<typeof channelInput>): Promise<void> {
      const data = parseInput(channelInput, input, "COMMUNITY.INVALID");
      await db.$transaction(async (tx) => {
        const { platform } = await requireCommunityAdmin(tx, admin, data.communityId);
        const removed = await tx.channelLink.deleteMany({
          where: { communityId: data.communityId, platform, channelId: data.channelId },
        });
        if (removed.count === 0) throw notFound("COMMUNITY.NOT_LINKED", "community.not_linked");
        await audit(tx, admin, data.communityId, "channel.unlinked", data.channelId, {});
        await recordEvent(tx, deps, {
          type: "channel.unlinked",
          aggregateId: data.communityId,
          payload: { communityId: data.communityId, channelId: data.channelId },
        });
      });
    },

    /** Where private swap threads open in this community (admins only). */
    async setSwapsChannel(admin: Actor, input: z.input<typeof channelInput>): Promise<void> {
      const data = parseInput(channelInput, input, "COMMUNITY.INVALID");
      await db.$transaction(async (tx) => {
        await requireCommunityAdmin(tx, admin, data.communityId);
        await tx.community.update({ where: { id: data.communityId }, data: { swapsChannelId: data.channelId } });
        await audit(tx, admin, data.communityId, "swaps_channel.set", data.channelId, {});
      });
    },

    /** The communities the actor is in, by name, with their role in each. */
    async mine(actor: Actor): Promise<MyCommunityView[]> {
      const rows = await db.communityMember.findMany({
        where: { userId: actor.userId },
        select: {
          role: true,
          community: { select: { id: true, platform: true, name: true, swapsChannelId: true } },
        },
      });
      return rows
        .map(({ role, community }) => ({
          ...community,
          platform: community.platform as Platform,
          role: role === "admin" ? ("admin" as const) : ("member" as const),
        }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    },

    /** The community's channel links (admins only). */
    async links(admin: Actor, communityId: string): Promise<ChannelLinkView[]> {
      await requireCommunityAdmin(db, admin, communityId);
      const rows = await db.channelLink.findMany({
        where: { communityId },
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        select: {
          channelId: true,
          platform: true,
          kind: true,
          group: { select: { id: true, slug: true, name: true } },
        },
      });
      return rows.map((r) => ({
        channelId: r.channelId,
        platform: r.platform as Platform,
        kind: r.kind as "chat" | "forum",
        group: r.group,
      }));
    },

    /** The admin actions taken in a community, newest first, a page at a time (admins only). */
    async auditLog(
      admin: Actor,
      communityId: string,
      options: z.input<typeof auditInput> = {},
    ): Promise<Page<AuditEntryView>> {
      const { limit, cursor } = parseInput(auditInput, options, "COMMUNITY.INVALID");
      await requireCommunityAdmin(db, admin, communityId);
      const at = cursor === undefined ? null : decodeCursor("audit-log", cursor, auditCursor, "COMMUNITY.INVALID");
      const rows = await db.auditLog.findMany({
        where: {
          communityId,
          ...(at === null ? {} : { OR: [{ createdAt: { lt: at[0] } }, { createdAt: at[0], id: { lt: at[1] } }] }),
        },
        orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        take: limit + 1,
        select: {
          id: true,
          action: true,
          targetType: true,
          targetId: true,
          data: true,
          createdAt: true,
          actor: { select: { handle: true } },
        },
      });
      return pageOf(
        rows,
        limit,
        ({ actor, data, ...entry }) => ({ ...entry, actor: actor?.handle ?? null, data: auditDataOf(data) }),
        (r) => encodeCursor("audit-log", [r.createdAt.getTime(), r.id]),
      );
    },
  };
}

export type CommunitiesService = ReturnType<typeof createCommunitiesService>;
