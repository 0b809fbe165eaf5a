import { z } from "zod";
import type { Db } from "../../infra/prisma/database.js";
import { isUniqueViolation } from "../../infra/prisma/errors.js";
import { translate } from "../../messages/index.js";
import type { ServiceDeps } from "../shared/deps.js";
import { idField, lineField } from "../shared/fields.js";
import { parseInput } from "../shared/validate.js";
import type { Visibility } from "../profiles/types.js";
import { channelsAnnouncingSession, chooseSwapsChannel, type SwapsChannelCandidate } from "./rules.js";

export type RelayPlatform = "discord" | "slack";

const platformId = lineField(1, 100);
const bindThreadInput = z
  .object({
    threadId: idField,
    platform: z.enum(["discord", "slack"]),
    parentChannelId: platformId,
    channelId: platformId,
  })
  .strict();

const channelInput = z
  .object({ conversationId: idField, platform: z.enum(["discord", "slack"]), externalChannelId: platformId })
  .strict();

export interface SwapOpeningParticipant {
  readonly userId: string;
  readonly displayName: string;
  /** Their account on the platform (a Discord user id), null when they do not use it. */
  readonly platformUserId: string | null;
  /** Where that account lives: the Slack workspace (team id) whose token reaches them; "" on Discord. */
  readonly platformTenantId: string | null;
  readonly teaches: string | null;
  readonly learns: string | null;
}

/** What a platform needs to open a swap's private conversation: who, which skills, and where. */
export interface SwapOpening {
  readonly swapId: string;
  readonly participants: readonly SwapOpeningParticipant[];
  /** The swaps channel its thread opens in, with the participants it reaches; null: each one privately. */
  readonly swapsChannel: SwapsChannelCandidate | null;
}

export interface RelayedMessage {
  readonly id: string;
  readonly conversationId: string;
  readonly authorId: string | null;
  readonly authorName: string;
  readonly text: string;
  readonly source: string;
}

export interface RelayedThread {
  readonly id: string;
  readonly groupId: string;
  readonly groupName: string;
  readonly title: string;
  readonly body: string;
  readonly authorName: string;
  readonly source: string;
  readonly externalId: string;
  readonly removed: boolean;
}

export interface RelayedPost {
  readonly id: string;
  readonly threadId: string;
  readonly body: string;
  readonly authorName: string;
  readonly source: string;
}

/** An upcoming session as a group's chat channels may hear of it: who teaches whom what, and when. */
export interface SessionAnnouncement {
  readonly sessionId: string;
  readonly skill: string;
  readonly teacherNames: readonly string[];
  readonly learnerNames: readonly string[];
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly mode: "online" | "in_person";
  /** The linked chat channels it may be announced in. Its place (a link, an address) is never part of it. */
  readonly channels: readonly { readonly channelId: string; readonly groupName: string }[];
}

const nameOf = (user: { displayName: string } | null) => user?.displayName ?? translate("user.deleted_name");

async function swapsChannelCandidates(db: Db, platform: RelayPlatform, userIds: readonly string[]) {
  const communities = await db.community.findMany({
    where: { platform, swapsChannelId: { not: null }, members: { some: { userId: { in: [...userIds] } } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: {
      id: true,
      externalId: true,
      swapsChannelId: true,
      members: { where: { userId: { in: [...userIds] } }, select: { userId: true } },
    },
  });
  return communities.map((c) => ({
    communityId: c.id,
    externalCommunityId: c.externalId,
    channelId: c.swapsChannelId ?? "",
    memberIds: c.members.map((m) => m.userId),
  }));
}

/**
 * The reads and the one record platform relays need to mirror SkillSwap onto their channels: the bots'
 * outbox handlers (swap threads, message relay, group announcements, forum mirroring) and their gateway
 * listeners (which linked channel a message landed in). No actor: the relay acts for the system, and only
 * ever shows what it reads in the places the people concerned chose (their swap's channels, linked channels).
 */
export function createRelaysService(deps: ServiceDeps) {
  const { db, ids, clock } = deps;

  return {
    /** Who takes part in the swap a conversation belongs to, and where its platform thread should open. */
    async swapOpening(conversationId: string, platform: RelayPlatform): Promise<SwapOpening | null> {
      const conversation = await db.conversation.findUnique({
        where: { id: conversationId },
        select: {
          swap: {
            select: {
              id: true,
              participants: {
                orderBy: { role: "desc" },
                select: {
                  userId: true,
                  user: {
                    select: {
                      displayName: true,
                      identities: {
                        where: { provider: platform },
                        select: { subject: true, tenantId: true },
                        take: 1,
                      },
                    },
                  },
                  teaches: { select: { name: true } },
                  learns: { select: { name: true } },
                },
              },
            },
          },
        },
      });
      const swap = conversation?.swap;
      if (swap === null || swap === undefined) return null;
      const participants = swap.participants.map((p) => ({
        userId: p.userId,
        displayName: p.user.displayName,
        platformUserId: p.user.identities[0]?.subject ?? null,
        platformTenantId: p.user.identities[0]?.tenantId ?? null,
        teaches: p.teaches?.name ?? null,
        learns: p.learns?.name ?? null,
      }));
      const onPlatform = participants.filter((p) => p.platformUserId !== null).map((p) => p.userId);
      const candidates = onPlatform.length === 0 ? [] : await swapsChannelCandidates(db, platform, onPlatform);
      return { swapId: swap.id, participants, swapsChannel: chooseSwapsChannel(candidates, onPlatform) };
    },

    /** The conversation of a swap, if it got one (only accepted swaps do). */
    async conversationOfSwap(swapId: string): Promise<string | null> {
      const row = await db.conversation.findUnique({ where: { swapId }, select: { id: true } });
      return row?.id ?? null;
    },

    /** A stored message, to relay it to the surfaces that did not carry it. */
    async message(messageId: string): Promise<RelayedMessage | null> {
      const row = await db.message.findUnique({
        where: { id: messageId },
        select: {
          id: true,
          conversationId: true,
          authorId: true,
          body: true,
          source: true,
          author: { select: { displayName: true } },
        },
      });
      if (row === null) return null;
      const { author, body, ...rest } = row;
      return { ...rest, authorName: nameOf(author), text: body };
    },

    /**
     * A swap that ended no longer lives in this channel: relays stop posting there, what is written there no
     * longer reaches it, and people hear of new messages through their notifications instead.
     */
    async archiveChannel(input: z.input<typeof channelInput>): Promise<void> {
      const data = parseInput(channelInput, input, "CONVERSATION.INVALID");
      await db.$transaction(async (tx) => {
        await tx.conversationChannel.updateMany({
          where: { ...data, archivedAt: null },
          data: { archivedAt: clock.now() },
        });
      });
    },

    /** The platform channels linked to a group as the given kind (chat for announcements, forum for posts). */
    async groupChannels(groupId: string, platform: RelayPlatform, kind: "chat" | "forum") {
      const links = await db.channelLink.findMany({
        where: { groupId, platform, kind },
        orderBy: { createdAt: "asc" },
        select: { communityId: true, channelId: true, community: { select: { externalId: true } } },
      });
      // The community's own platform id (a Slack team, a Discord guild): whose token posts in the channel.
      return links.map(({ communityId, channelId, community }) => ({
        communityId,
        channelId,
        tenantId: community.externalId,
      }));
    },

    /**
     * An upcoming session and the linked chat channels of the platform where it may be announced (see
     * channelsAnnouncingSession); null when there is no such session, an empty list of channels when nobody
     * should hear of it.
     */
    async sessionAnnouncement(sessionId: string, platform: RelayPlatform): Promise<SessionAnnouncement | null> {
      const session = await db.swapSession.findUnique({
        where: { id: sessionId },
        select: {
          status: true,
          startsAt: true,
          durationMinutes: true,
          mode: true,
          skillId: true,
          skill: { select: { name: true, categoryId: true } },
          swap: {
            select: {
              status: true,
              participants: {
                select: {
                  userId: true,
                  teachesSkillId: true,
                  learnsSkillId: true,
                  user: {
                    select: {
                      displayName: true,
                      status: true,
                      visibility: true,
                      shareSessions: true,
                      memberships: { select: { communityId: true } },
                    },
                  },
                },
              },
            },
          },
        },
      });
      if (session === null || session.skill === null) return null;
      const participants = session.swap.participants;
      const participantIds = participants.map((p) => p.userId);
      const links = await db.channelLink.findMany({
        where: { platform, kind: "chat", group: { members: { some: { userId: { in: participantIds } } } } },
        orderBy: { createdAt: "asc" },
        select: {
          channelId: true,
          communityId: true,
          group: {
            select: {
              id: true,
              name: true,
              categoryId: true,
              members: { where: { userId: { in: participantIds } }, select: { userId: true } },
            },
          },
        },
      });
      const announcing = channelsAnnouncingSession(
        {
          upcoming:
            session.status === "scheduled" &&
            session.swap.status === "accepted" &&
            session.startsAt > clock.now() &&
            participants.every((p) => p.user.status === "active"),
          skillCategoryId: session.skill.categoryId,
          participants: participants.map((p) => ({
            userId: p.userId,
            sharesSessions: p.user.shareSessions,
            visibility: p.user.visibility as Visibility,
            communityIds: p.user.memberships.map((m) => m.communityId),
          })),
        },
        links.map((link) => ({
          channelId: link.channelId,
          communityId: link.communityId,
          groupId: link.group.id,
          groupCategoryId: link.group.categoryId,
          groupName: link.group.name,
          memberIds: link.group.members.map((m) => m.userId),
        })),
      );
      const namesWhere = (skillOf: (p: (typeof participants)[number]) => string | null) =>
        participants.filter((p) => skillOf(p) === session.skillId).map((p) => p.user.displayName);
      return {
        sessionId,
        skill: session.skill.name,
        teacherNames: namesWhere((p) => p.teachesSkillId),
        learnerNames: namesWhere((p) => p.learnsSkillId),
        startsAt: session.startsAt,
        durationMinutes: session.durationMinutes,
        mode: session.mode as "online" | "in_person",
        channels: announcing.map(({ channelId, groupName }) => ({ channelId, groupName })),
      };
    },

    /** The group a platform channel is linked to, if any. */
    async linkedChannel(platform: RelayPlatform, channelId: string) {
      return db.channelLink.findUnique({
        where: { platform_channelId: { platform, channelId } },
        select: { communityId: true, groupId: true, kind: true },
      });
    },

    /** The names an announcement of someone joining a group needs. */
    async groupMembership(groupId: string, userId: string) {
      const [group, user] = await Promise.all([
        db.group.findUnique({ where: { id: groupId }, select: { name: true } }),
        db.user.findUnique({ where: { id: userId }, select: { displayName: true } }),
      ]);
      return group === null ? null : { groupName: group.name, personName: nameOf(user) };
    },

    async forumThread(threadId: string): Promise<RelayedThread | null> {
      const row = await db.forumThread.findUnique({
        where: { id: threadId },
        select: {
          id: true,
          groupId: true,
          title: true,
          body: true,
          source: true,
          externalId: true,
          removedAt: true,
          group: { select: { name: true } },
          author: { select: { displayName: true } },
        },
      });
      if (row === null) return null;
      const { group, author, removedAt, ...rest } = row;
      return { ...rest, groupName: group.name, authorName: nameOf(author), removed: removedAt !== null };
    },

    async forumPost(postId: string): Promise<RelayedPost | null> {
      const row = await db.forumPost.findUnique({
        where: { id: postId },
        select: { id: true, threadId: true, body: true, source: true, author: { select: { displayName: true } } },
      });
      if (row === null) return null;
      const { author, ...rest } = row;
      return { ...rest, authorName: nameOf(author) };
    },

    /**
     * The platform threads carrying a forum thread: those the relay opened for it, and the one it started
     * in when it came from this platform.
     */
    async forumThreadChannels(threadId: string, platform: RelayPlatform) {
      const [thread, mirrors] = await Promise.all([
        db.forumThread.findUnique({ where: { id: threadId }, select: { source: true, externalId: true } }),
        db.forumThreadChannel.findMany({
          where: { threadId, platform },
          orderBy: { createdAt: "asc" },
          select: { parentChannelId: true, channelId: true },
        }),
      ]);
      const origin = thread?.source === platform ? [{ parentChannelId: null, channelId: thread.externalId }] : [];
      return [...origin, ...mirrors];
    },

    /** Remembers the post a relay opened for a thread; remembering it again is harmless. */
    async bindForumThread(input: z.input<typeof bindThreadInput>): Promise<void> {
      const data = parseInput(bindThreadInput, input, "FORUM.INVALID");
      try {
        await db.$transaction(async (tx) => {
          await tx.forumThreadChannel.create({ data: { id: ids.next(), ...data, createdAt: clock.now() } });
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error;
      }
    },

    /** The forum thread a platform thread carries: one started there, or one the relay mirrored into it. */
    async forumThreadForChannel(platform: RelayPlatform, channelId: string) {
      const started = await db.forumThread.findUnique({
        where: { source_externalId: { source: platform, externalId: channelId } },
        select: { id: true, groupId: true },
      });
      if (started !== null) return { threadId: started.id, groupId: started.groupId };
      const mirror = await db.forumThreadChannel.findUnique({
        where: { platform_channelId: { platform, channelId } },
        select: { thread: { select: { id: true, groupId: true } } },
      });
      return mirror === null ? null : { threadId: mirror.thread.id, groupId: mirror.thread.groupId };
    },
  };
}

export type RelaysService = ReturnType<typeof createRelaysService>;
