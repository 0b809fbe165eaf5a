import type { NotificationChannel, NotificationKind } from "../../ports/delivery.js";
import type { WeeklySlot } from "../skills/types.js";

export const visibilities = ["public", "communities", "private"] as const;
export type Visibility = (typeof visibilities)[number];

export const meetingModes = ["online", "in_person", "either"] as const;
export type MeetingMode = (typeof meetingModes)[number];

export const contactPreferences = ["platform", "email", "dashboard"] as const;
export type ContactPreference = (typeof contactPreferences)[number];

// The notification kinds and channels are what the Delivery port speaks in; they are defined there, below the domain.
export {
  notificationChannels,
  notificationKinds,
  type NotificationChannel,
  type NotificationKind,
} from "../../ports/delivery.js";

export interface NotificationSetting {
  readonly kind: NotificationKind;
  readonly channel: NotificationChannel;
  readonly enabled: boolean;
}

export interface LocationView {
  readonly name: string;
  readonly region: string;
  readonly country: string;
}

export interface RatingSummary {
  readonly count: number;
  readonly average: number | null;
  /** Average pulled towards the prior so two 5-star reviews do not outrank fifty 4.8s. */
  readonly bayesian: number;
}

export interface ProfileSkill {
  readonly id: string;
  readonly skillId: string;
  readonly name: string;
  readonly category: string;
  readonly direction: "teach" | "learn";
  readonly level: number;
  readonly notes: string;
  readonly pending: boolean;
}

/** A profile as another person may see it. Exact coordinates never leave core: only the city. */
export interface ProfileView {
  readonly id: string;
  readonly handle: string;
  readonly displayName: string;
  readonly bio: string;
  readonly pronouns: string;
  readonly languages: readonly string[];
  readonly timeZone: string;
  readonly location: LocationView | null;
  readonly meetingMode: MeetingMode;
  readonly visibility: Visibility;
  /** The profile picture, 512 px square (WebP), as an absolute URL; null when there is none. */
  readonly avatarUrl: string | null;
  /** The same picture at 128 px, for lists and chat thumbnails. */
  readonly avatarSmallUrl: string | null;
  readonly skills: readonly ProfileSkill[];
  /** General weekly availability, in the profile's time zone. */
  readonly availability: readonly WeeklySlot[];
  readonly rating: RatingSummary;
  readonly lastActiveAt: Date;
  readonly isOwner: boolean;
  /** How the signed-in viewer and this person are connected; null for the owner and for anonymous visitors. */
  readonly relation: ProfileRelation | null;
}

/**
 * What a viewer shares with someone else's profile. There is no "you blocked them": a block hides each person
 * from the other (canViewProfile), so a profile that answers at all is never blocked either way.
 */
export interface ProfileRelation {
  readonly youFollow: boolean;
  readonly followsYou: boolean;
  /** Names of the communities (Discord servers, Slack workspaces) both belong to, in name order. */
  readonly communitiesInCommon: readonly string[];
  /** Names of the groups both are members of, in name order. */
  readonly groupsInCommon: readonly string[];
}

/** What only the owner sees on top of the public view. */
export interface OwnProfileView extends ProfileView {
  readonly email: string | null;
  readonly contactPreference: ContactPreference;
  /** Whether their upcoming sessions may be announced in their groups' linked chat channels (opt-in). */
  readonly shareSessions: boolean;
  readonly maxDistanceKm: number;
  readonly notifications: readonly NotificationSetting[];
}
