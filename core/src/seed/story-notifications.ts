import type { Prisma } from "../infra/prisma/generated/sqlite/client.js";
import { formatLocalDateTime } from "../domain/shared/local-time.js";
import { translate } from "../messages/index.js";
import { day, hour, type StoryEvent, type StoryRows } from "./story-rows.js";

/** What the seeding knows of the people the story names, to word what they are told. */
export interface StoryPerson {
  readonly displayName: string;
  readonly timeZone: string;
}

/** Names the sentences use, by id. */
export interface StoryNames {
  readonly people: ReadonlyMap<string, StoryPerson>;
  readonly skills: ReadonlyMap<string, string>;
  readonly groups: ReadonlyMap<string, string>;
}

interface Told {
  readonly recipients: readonly string[];
  readonly kind: string;
  readonly text: (timeZone: string) => string;
  readonly about: { readonly type: string; readonly id: string };
}

/** Whom the notifications subscriber would have told of an event, and how (see notifications/handler.ts). */
function toldOf(rows: StoryRows, names: StoryNames, { event }: StoryEvent): Told | null {
  const name = (id: string) => names.people.get(id)?.displayName ?? translate("user.deleted_name");
  const participantsOf = (swapId: string) => rows.participants.filter((p) => p.swapId === swapId).map((p) => p.userId);
  switch (event.type) {
    case "swap.requested": {
      const { swapId, requesterId, recipientIds } = event.payload;
      const text = () => translate("notify.swap_request", { name: name(requesterId) });
      return { recipients: recipientIds, kind: "swap_request", text, about: { type: "swap", id: swapId } };
    }
    case "swap.accepted": {
      const { swapId, by, conversationId } = event.payload;
      if (conversationId === null) return null;
      return {
        recipients: participantsOf(swapId).filter((id) => id !== by),
        kind: "swap_accepted",
        text: () => translate("notify.swap_accepted", { name: name(by) }),
        about: { type: "conversation", id: conversationId },
      };
    }
    case "message.posted": {
      const { conversationId, messageId, authorId } = event.payload;
      const preview = (rows.messages.find((m) => m.id === messageId)?.body ?? "").slice(0, 140);
      return {
        recipients: rows.members
          .filter((m) => m.conversationId === conversationId && m.userId !== authorId)
          .map((m) => m.userId),
        kind: "message",
        text: () => translate("notify.message", { name: name(authorId), preview }),
        about: { type: "conversation", id: conversationId },
      };
    }
    case "review.received": {
      const { reviewId, authorId, subjectId, rating } = event.payload;
      const text = () => translate("notify.review", { name: name(authorId), rating });
      return { recipients: [subjectId], kind: "review", text, about: { type: "review", id: reviewId } };
    }
    case "session.reminder": {
      const { swapId, sessionId, startsAt } = event.payload;
      const skillId = rows.sessions.find((s) => s.id === sessionId)?.skillId;
      const skill = skillId === null || skillId === undefined ? "" : (names.skills.get(skillId) ?? "");
      return {
        recipients: participantsOf(swapId),
        kind: "session_reminder",
        text: (zone) =>
          translate("notify.session_reminder", { skill, when: formatLocalDateTime(new Date(startsAt), zone), zone }),
        about: { type: "swap", id: swapId },
      };
    }
    case "forum.thread_started": {
      const { groupId, threadId, authorId } = event.payload;
      const title = rows.threads.find((t) => t.id === threadId)?.title ?? "";
      return {
        recipients: rows.groupMembers
          .filter((m) => m.groupId === groupId && m.userId !== authorId)
          .map((m) => m.userId),
        kind: "group_activity",
        text: () => translate("notify.thread", { group: names.groups.get(groupId) ?? "", title }),
        about: { type: "thread", id: threadId },
      };
    }
    default:
      return null;
  }
}

/**
 * The dashboard inbox of the people to try, as the notifications subscriber would have filled it from the
 * story's events with everyone's default preferences. What is older than three days has been read. Only the
 * people to try get rows: nobody signs in as someone from the crowd.
 */
export function storyNotifications(
  rows: StoryRows,
  names: StoryNames,
  inboxOwners: ReadonlySet<string>,
): Prisma.NotificationCreateManyInput[] {
  const notifications: Prisma.NotificationCreateManyInput[] = [];
  for (const told of rows.eventsInOrder()) {
    const plan = toldOf(rows, names, told);
    if (plan === null) continue;
    for (const userId of plan.recipients) {
      if (!inboxOwners.has(userId)) continue;
      const read = told.at.getTime() < rows.now - 3 * day;
      notifications.push({
        id: rows.idAt(told.at),
        userId,
        eventId: told.id,
        kind: plan.kind,
        text: plan.text(names.people.get(userId)?.timeZone ?? "UTC"),
        aboutType: plan.about.type,
        aboutId: plan.about.id,
        createdAt: told.at,
        readAt: read ? new Date(told.at.getTime() + 2 * hour) : null,
      });
    }
  }
  return notifications;
}
