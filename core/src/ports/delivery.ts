/** What a notification is about; a person chooses per kind where it reaches them (profiles re-exports these). */
export const notificationKinds = [
  "swap_request",
  "swap_accepted",
  "message",
  "review",
  "group_activity",
  "session_reminder",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** Where a notification can reach a person: their chat platform, email, or the dashboard. */
export const notificationChannels = ["platform", "email", "dashboard"] as const;
export type NotificationChannel = (typeof notificationChannels)[number];

/** One notification for one person, in words, ready for a surface to show. */
export interface Notification {
  /** The outbox event it comes from: deliveries are at least once, so a surface keys on (eventId, userId). */
  readonly eventId: string;
  readonly userId: string;
  readonly kind: NotificationKind;
  readonly text: string;
  /** What it is about, for a surface to link to (a swap, a conversation, a review, a thread). */
  readonly about: { readonly type: "swap" | "conversation" | "review" | "thread"; readonly id: string };
}

/**
 * A way of reaching people: the Discord or Slack bot (channel "platform"), the dashboard, email. Adapters
 * implement it; the notifications handler decides who gets what, honouring each person's preferences.
 */
export interface Delivery {
  readonly channel: NotificationChannel;
  deliver(notification: Notification): Promise<void>;
}
