/** Every event core writes to the outbox, by type. Subscribers (search index, notifications, relays) key on `type`. */
export type DomainEvent =
  | { type: "user.created"; aggregateId: string; payload: { userId: string; via: string } }
  | { type: "profile.updated"; aggregateId: string; payload: { userId: string; fields: string[] } }
  | { type: "user.deleted"; aggregateId: string; payload: { userId: string } }
  // Account mail: the handler that sends it mints the link's token, so no token is ever stored in the clear.
  | { type: "account.verification_requested"; aggregateId: string; payload: { userId: string } }
  // Recorded for any address typed, account or not (aggregateId is the address): see requestPasswordReset.
  | { type: "account.password_reset_requested"; aggregateId: string; payload: { email: string } }
  | {
      type: "account.password_changed";
      aggregateId: string;
      payload: { userId: string; via: "reset" | "change" | "set" };
    }
  | {
      type: "skill.added";
      aggregateId: string;
      payload: { userId: string; skillId: string; direction: string; level: number };
    }
  | { type: "skill.updated"; aggregateId: string; payload: { userId: string; skillId: string; fields: string[] } }
  | { type: "skill.removed"; aggregateId: string; payload: { userId: string; skillId: string; direction: string } }
  | { type: "availability.updated"; aggregateId: string; payload: { userId: string } }
  | { type: "community.joined"; aggregateId: string; payload: { userId: string; communityId: string; role: string } }
  | { type: "community.left"; aggregateId: string; payload: { userId: string; communityId: string } }
  | {
      type: "swap.requested";
      aggregateId: string;
      payload: { swapId: string; requesterId: string; recipientIds: string[] };
    }
  | {
      type: "swap.accepted";
      aggregateId: string;
      payload: { swapId: string; by: string; conversationId: string | null };
    }
  | { type: "swap.declined"; aggregateId: string; payload: { swapId: string; by: string; reason: string } }
  | {
      type: "swap.cancelled";
      aggregateId: string;
      payload: { swapId: string; by: string | null; why: "cancelled" | "blocked" };
    }
  | { type: "swap.expired"; aggregateId: string; payload: { swapId: string } }
  | { type: "swap.completed"; aggregateId: string; payload: { swapId: string } }
  | {
      type: "message.posted";
      aggregateId: string;
      payload: { conversationId: string; messageId: string; authorId: string; source: string };
    }
  // A stored message's text changed (its author edited it on a platform): relays update the copies they made,
  // reading the message as it is when they run, so edits delivered out of order still end on the latest.
  | {
      type: "message.edited";
      aggregateId: string;
      payload: { conversationId: string; messageId: string; authorId: string; source: string };
    }
  | { type: "session.scheduled"; aggregateId: string; payload: { swapId: string; sessionId: string; startsAt: string } }
  | { type: "session.reminder"; aggregateId: string; payload: { swapId: string; sessionId: string; startsAt: string } }
  | { type: "session.cancelled"; aggregateId: string; payload: { swapId: string; sessionId: string; by: string } }
  | { type: "session.disputed"; aggregateId: string; payload: { swapId: string; sessionId: string; by: string } }
  | { type: "session.completed"; aggregateId: string; payload: { swapId: string; sessionId: string } }
  | {
      type: "review.received";
      aggregateId: string;
      payload: { reviewId: string; swapId: string; authorId: string; subjectId: string; rating: number };
    }
  | {
      type: "review.reported";
      aggregateId: string;
      payload: { reportId: string; reviewId: string; reporterId: string };
    }
  | {
      type: "channel.linked";
      aggregateId: string;
      payload: { communityId: string; channelId: string; groupId: string; kind: string };
    }
  | { type: "channel.unlinked"; aggregateId: string; payload: { communityId: string; channelId: string } }
  | { type: "group.joined"; aggregateId: string; payload: { userId: string; groupId: string; role: string } }
  | { type: "group.left"; aggregateId: string; payload: { userId: string; groupId: string } }
  | {
      type: "forum.thread_started";
      aggregateId: string;
      payload: { groupId: string; threadId: string; authorId: string; source: string };
    }
  | {
      type: "forum.replied";
      aggregateId: string;
      payload: { groupId: string; threadId: string; postId: string; authorId: string; source: string };
    }
  | {
      type: "forum.thread_moderated";
      aggregateId: string;
      payload: { groupId: string; threadId: string; by: string; change: string };
    }
  | { type: "user.followed"; aggregateId: string; payload: { followerId: string; followeeId: string } }
  | { type: "user.blocked"; aggregateId: string; payload: { blockerId: string; blockedId: string } }
  | { type: "user.unblocked"; aggregateId: string; payload: { blockerId: string; blockedId: string } }
  | { type: "user.reported"; aggregateId: string; payload: { reportId: string; reporterId: string; subjectId: string } }
  | {
      type: "skill.proposed";
      aggregateId: string;
      payload: { skillId: string; communityId: string; proposedBy: string };
    }
  | {
      type: "skill.reviewed";
      aggregateId: string;
      payload: { skillId: string; decision: "approve" | "reject"; by: string };
    };

export type DomainEventType = DomainEvent["type"];

/**
 * Events whose aggregate is a person whose profile, skills, schedule, communities or ratings changed: the
 * indexes of people (search, matching) reload that person when they read one.
 */
export const personChangeEvents: ReadonlySet<string> = new Set<DomainEventType>([
  "user.created",
  "user.deleted",
  "profile.updated",
  "skill.added",
  "skill.updated",
  "skill.removed",
  "availability.updated",
  "community.joined",
  "community.left",
  "review.received",
]);
