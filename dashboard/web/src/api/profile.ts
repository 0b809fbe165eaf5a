import * as z from "zod/mini";
import { ApiError, call, callForNothing } from "./client.js";
import { profileBasics } from "./profile-basics.js";

export const meetingModes = ["online", "in_person", "either"] as const;
export const visibilities = ["public", "communities", "private"] as const;
export const contactPreferences = ["platform", "email", "dashboard"] as const;
export const notificationKinds = [
  "swap_request",
  "swap_accepted",
  "message",
  "review",
  "group_activity",
  "session_reminder",
] as const;
export const notificationChannels = ["platform", "email", "dashboard"] as const;

const notificationSetting = z.object({
  kind: z.enum(notificationKinds),
  channel: z.enum(notificationChannels),
  enabled: z.boolean(),
});
export type NotificationSetting = z.infer<typeof notificationSetting>;

/** What the profile editor edits of GET /api/v1/me (the API's `OwnProfile`). */
const editableProfile = z.object({
  ...profileBasics,
  meetingMode: z.enum(meetingModes),
  visibility: z.enum(visibilities),
  avatarUrl: z.nullable(z.string()),
  contactPreference: z.enum(contactPreferences),
  shareSessions: z.boolean(),
  maxDistanceKm: z.number(),
  notifications: z.array(notificationSetting),
});
export type EditableProfile = z.infer<typeof editableProfile>;

export interface ProfileChanges {
  readonly displayName?: string;
  readonly bio?: string;
  readonly pronouns?: string;
  readonly languages?: readonly string[];
  readonly timeZone?: string;
  /** A city as typed or as a suggestion's query; null removes it. */
  readonly location?: string | null;
  // Choices as the form holds them: a value the API does not know comes back as a field error.
  readonly meetingMode?: string;
  readonly maxDistanceKm?: number;
  readonly visibility?: string;
  readonly contactPreference?: string;
  readonly shareSessions?: boolean;
  readonly notifications?: readonly NotificationSetting[];
}

/**
 * The API names a rejected list item by its place ("languages.2", "notifications.0.kind"); a form shows the
 * sentence next to the list's one field.
 */
function byFormField(error: unknown): unknown {
  if (!(error instanceof ApiError)) return error;
  const fields: Record<string, string> = {};
  for (const [name, message] of Object.entries(error.fields)) {
    const field = name.split(".")[0] ?? name;
    fields[field] = fields[field] === undefined ? message : `${fields[field]} ${message}`;
  }
  return new ApiError(error.status, error.code, error.message, fields);
}

export const editableProfileNow = () => call("GET", "/me", editableProfile);

export const updateProfile = (changes: ProfileChanges) =>
  call("PATCH", "/me", editableProfile, changes).catch((error: unknown) => {
    throw byFormField(error);
  });

export function uploadAvatar(picture: File): Promise<EditableProfile> {
  const body = new FormData();
  body.append("avatar", picture);
  return call("PUT", "/me/avatar", editableProfile, body);
}

export const removeAvatar = () => callForNothing("DELETE", "/me/avatar");

const citySuggestions = z.array(z.object({ label: z.string(), query: z.string() }));
export type CitySuggestion = z.infer<typeof citySuggestions>[number];

export const suggestCities = (typed: string) =>
  call("GET", `/cities/suggestions?q=${encodeURIComponent(typed)}&limit=8`, citySuggestions);
