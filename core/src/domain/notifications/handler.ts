import type { Db } from "../../infra/prisma/database.js";
import { translate } from "../../messages/index.js";
import { formatLocalDateTime } from "../shared/local-time.js";
import type { Delivery, Notification } from "../../ports/delivery.js";
import type { OutboxHandler, OutboxMessage } from "../outbox/dispatcher.js";
import type { NotificationKind } from "../profiles/types.js";
import { deliversTo, notificationPreferencesOf, seenInConversationChannels } from "./rules.js";

const notifyingEvents = [
  "swap.requested",
  "swap.accepted",
  "message.posted",
  "review.received",
  "forum.thread_started",
  "session.reminder",
] as const;
type NotifyingEvent = (typeof notifyingEvents)[number];

interface Plan {
  readonly recipients: readonly string[];
  readonly kind: NotificationKind;
  /** What recipients are told; one text each when it names a time, so everyone reads it on their own clock. */
  readonly text: string | ((recipient: { readonly timeZone: string }) => string);
  readonly about: Notification["about"];
  /** People the chat-bot channel ("platform") should spare: they already see it where it happened. */
  readonly seenOnPlatform?: ReadonlySet<string>;
}

/** Participants who see a conversation's messages in one of its platform channels (see the rule). */
async function seenInChannelsOf(db: Db, conversationId: string, participantIds: readonly string[]) {
  const channels = await db.conversationChannel.findMany({
    where: { conversationId, archivedAt: null },
    select: { userId: true, platform: true },
  });
  if (channels.length === 0) return new Set<string>();
  const identities = await db.identity.findMany({
    where: { userId: { in: [...participantIds] } },
    select: { userId: true, provider: true },
  });
  const platformsOf = new Map<string, string[]>();
  for (const { userId, provider } of identities)
    platformsOf.set(userId, [...(platformsOf.get(userId) ?? []), provider]);
  return seenInConversationChannels(channels, platformsOf);
}

const nameOf = async (db: Db, userId: string) =>
  (await db.user.findUnique({ where: { id: userId }, select: { displayName: true } }))?.displayName ??
  translate("user.deleted_name");

/** Who hears about an event, under which kind, and what they are told; null when nobody does. */
async function planFor(db: Db, event: OutboxMessage<NotifyingEvent>): Promise<Plan | null> {
  switch (event.type) {
    case "swap.requested": {
      const { swapId, requesterId, recipientIds } = event.payload;
      const text = translate("notify.swap_request", { name: await nameOf(db, requesterId) });
      return { recipients: recipientIds, kind: "swap_request", text, about: { type: "swap", id: swapId } };
    }
    case "swap.accepted": {
      const { swapId, by, conversationId } = event.payload;
      // A three-person swap tells people once it is on, not at each acceptance.
      if (conversationId === null) return null;
      const participants = await db.swapParticipant.findMany({ where: { swapId }, select: { userId: true } });
      return {
        recipients: participants.map((p) => p.userId).filter((id) => id !== by),
        kind: "swap_accepted",
        text: translate("notify.swap_accepted", { name: await nameOf(db, by) }),
        about: { type: "conversation", id: conversationId },
      };
    }
    case "message.posted": {
      const { conversationId, messageId, authorId } = event.payload;
      const [participants, message] = await Promise.all([
        db.conversationParticipant.findMany({ where: { conversationId }, select: { userId: true } }),
        db.message.findUnique({ where: { id: messageId }, select: { body: true } }),
      ]);
      const preview = (message?.body ?? "").slice(0, 140);
      const recipients = participants.map((p) => p.userId).filter((id) => id !== authorId);
      return {
        recipients,
        kind: "message",
        text: translate("notify.message", { name: await nameOf(db, authorId), preview }),
        about: { type: "conversation", id: conversationId },
        seenOnPlatform: await seenInChannelsOf(db, conversationId, recipients),
      };
    }
    case "review.received": {
      const { reviewId, authorId, subjectId, rating } = event.payload;
      return {
        recipients: [subjectId],
        kind: "review",
        text: translate("notify.review", { name: await nameOf(db, authorId), rating }),
        about: { type: "review", id: reviewId },
      };
    }
    case "session.reminder": {
      const { swapId, sessionId, startsAt } = event.payload;
      const [participants, session] = await Promise.all([
        db.swapParticipant.findMany({ where: { swapId }, select: { userId: true } }),
        db.swapSession.findUnique({ where: { id: sessionId }, select: { skill: { select: { name: true } } } }),
      ]);
      return {
        recipients: participants.map((p) => p.userId),
        kind: "session_reminder",
        text: ({ timeZone }) =>
          translate("notify.session_reminder", {
            skill: session?.skill?.name ?? "",
            when: formatLocalDateTime(new Date(startsAt), timeZone),
            zone: timeZone,
          }),
        about: { type: "swap", id: swapId },
      };
    }
    case "forum.thread_started": {
      const { groupId, threadId, authorId } = event.payload;
      const [members, group, thread] = await Promise.all([
        db.groupMember.findMany({ where: { groupId }, select: { userId: true }, take: 1_000 }),
        db.group.findUnique({ where: { id: groupId }, select: { name: true } }),
        db.forumThread.findUnique({ where: { id: threadId }, select: { title: true } }),
      ]);
      return {
        recipients: members.map((m) => m.userId).filter((id) => id !== authorId),
        kind: "group_activity",
        text: translate("notify.thread", { group: group?.name ?? "", title: thread?.title ?? "" }),
        about: { type: "thread", id: threadId },
      };
    }
  }
}

/**
 * The notifications subscriber: turns events into notifications and hands each to the deliveries whose
 * channel the recipient left on for that kind (platform and dashboard by default, email when they opt in).
 * Deleted accounts hear nothing, and a new message is not pushed through the chat bot to someone who already
 * sees it in the conversation's thread or channel on that platform. Deliveries receive the event id and
 * dedupe on it: the outbox delivers at least once.
 */
export function notificationsHandler(db: Db, deliveries: readonly Delivery[]): OutboxHandler<NotifyingEvent> {
  return {
    name: "notifications",
    types: notifyingEvents,
    async handle(event) {
      const plan = await planFor(db, event);
      if (plan === null || plan.recipients.length === 0 || deliveries.length === 0) return;
      const [active, preferences] = await Promise.all([
        db.user.findMany({
          where: { id: { in: [...plan.recipients] }, status: "active" },
          select: { id: true, timeZone: true },
        }),
        db.$transaction((tx) => notificationPreferencesOf(tx, plan.recipients)),
      ]);
      for (const { id: userId, timeZone } of active) {
        const stored = preferences.get(userId) ?? [];
        const text = typeof plan.text === "string" ? plan.text : plan.text({ timeZone });
        for (const delivery of deliveries) {
          if (delivery.channel === "platform" && plan.seenOnPlatform?.has(userId) === true) continue;
          if (deliversTo(stored, plan.kind, delivery.channel))
            await delivery.deliver({ eventId: event.id, userId, kind: plan.kind, text, about: plan.about });
        }
      }
    },
  };
}
