import type { NotificationChannel, NotificationKind, NotificationSetting, RatingSummary, Visibility } from "./types.js";
import { notificationKinds } from "./types.js";

export interface VisibilityFacts {
  readonly viewerId: string | null;
  readonly ownerId: string;
  readonly ownerVisibility: Visibility;
  readonly ownerDeleted: boolean;
  readonly blockedEitherWay: boolean;
  readonly shareCommunity: boolean;
  /** The owner asked the viewer for a swap (whatever became of it), or accepted a swap the viewer takes part in. */
  readonly ownerAgreedToSwapWithViewer: boolean;
}

/**
 * Who may see a profile. Blocks win over everything but ownership, in both directions, so neither person
 * can find the other. Anonymous visitors see public profiles only.
 *
 * A "communities" profile is also shown to the people its owner chose to swap with, though they share no
 * community (someone who signed up on the web shares none): the person asked must be able to judge the
 * request, and the reviews both receive belong to the swap. The sight is given by the owner's own act, so it
 * is directional: asking someone lets them see you, whatever they answer, and accepting lets everyone in
 * that swap see you, even once it is cancelled or done. Asking alone gives the asker nothing: a declined,
 * expired or unanswered request never lets anyone see more of the person they asked than they already could.
 * A private profile stays private (the swap's own views name the partner), and a block still hides.
 */
export function canViewProfile(facts: VisibilityFacts): boolean {
  if (facts.ownerDeleted) return false;
  if (facts.viewerId === facts.ownerId) return true;
  if (facts.viewerId === null) return facts.ownerVisibility === "public";
  if (facts.blockedEitherWay) return false;
  switch (facts.ownerVisibility) {
    case "public":
      return true;
    case "communities":
      return facts.shareCommunity || facts.ownerAgreedToSwapWithViewer;
    case "private":
      return false;
  }
}

export const ratingPrior = { mean: 4, weight: 3 } as const;

export function summarizeRatings(ratings: readonly number[]): RatingSummary {
  return summarizeRatingTotals(
    ratings.length,
    ratings.reduce((total, rating) => total + rating, 0),
  );
}

/** The same summary from a count and a sum, as a GROUP BY gives them. */
export function summarizeRatingTotals(count: number, sum: number): RatingSummary {
  return {
    count,
    average: count === 0 ? null : Math.round((sum / count) * 100) / 100,
    bayesian: Math.round(((ratingPrior.mean * ratingPrior.weight + sum) / (ratingPrior.weight + count)) * 100) / 100,
  };
}

/** Everything is delivered on the person's platform and dashboard unless they switch it off; email is opt-in. */
export function defaultNotificationEnabled(_kind: NotificationKind, channel: NotificationChannel): boolean {
  return channel !== "email";
}

export function effectiveNotificationSettings(stored: readonly NotificationSetting[]): NotificationSetting[] {
  const channels: NotificationChannel[] = ["platform", "email", "dashboard"];
  return notificationKinds.flatMap((kind) =>
    channels.map((channel) => {
      const saved = stored.find((setting) => setting.kind === kind && setting.channel === channel);
      return { kind, channel, enabled: saved?.enabled ?? defaultNotificationEnabled(kind, channel) };
    }),
  );
}

const reservedHandles = new Set([
  "admin",
  "administrator",
  "api",
  "me",
  "skillswap",
  "support",
  "help",
  "settings",
  "login",
  "deleted",
]);

export function isReservedHandle(handle: string): boolean {
  return reservedHandles.has(handle.toLowerCase());
}

/** A handle candidate from a platform username or display name: "Ana María!" → "ana-maria". */
export function handleFromName(name: string): string {
  const base = name
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, "-")
    .replace(/^[-_]+|[-_]+$/g, "")
    .slice(0, 24);
  return base.length >= 3 && !isReservedHandle(base) ? base : `user-${base}`.replace(/-$/, "").padEnd(8, "0");
}
