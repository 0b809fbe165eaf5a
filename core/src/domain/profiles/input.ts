import { z } from "zod";
import {
  displayNameField,
  emailField,
  handleField,
  idField,
  lineField,
  nameField,
  textField,
  timeZoneField,
} from "../shared/fields.js";
import { contactPreferences, meetingModes, notificationChannels, notificationKinds, visibilities } from "./types.js";

export const languageCode = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z]{2}|-[A-Za-z]{4})?$/i, "field.language")
  .transform((code) => {
    const [lang = "", region] = code.split("-");
    return region === undefined
      ? lang.toLowerCase()
      : `${lang.toLowerCase()}-${region.length === 2 ? region.toUpperCase() : region}`;
  });

/** A city as typed ("Lyon", "Portland, US-OR") or the id of a candidate offered after an ambiguous answer. */
export const locationInput = z.union([
  lineField(1, 120),
  z.object({ geonameId: z.number().int().positive() }).strict(),
  z.null(),
]);

export const notificationSettingInput = z
  .object({ kind: z.enum(notificationKinds), channel: z.enum(notificationChannels), enabled: z.boolean() })
  .strict();

export const profilePatch = z
  .object({
    displayName: displayNameField,
    handle: handleField,
    bio: textField(0, 1000),
    pronouns: lineField(0, 40),
    languages: z.array(languageCode).max(10),
    timeZone: timeZoneField,
    location: locationInput,
    meetingMode: z.enum(meetingModes),
    maxDistanceKm: z.number().int().min(1).max(20_000),
    visibility: z.enum(visibilities),
    contactPreference: z.enum(contactPreferences),
    shareSessions: z.boolean(),
    notifications: z.array(notificationSettingInput).max(60),
  })
  .partial()
  .strict();
export type ProfilePatch = z.input<typeof profilePatch>;

export const identityInput = z
  .object({
    provider: z.enum(["discord", "slack", "google"]),
    tenantId: lineField(0, 64).default(""),
    subject: idField,
    username: nameField(0, 80).default(""),
    displayName: displayNameField,
    email: emailField.optional(),
    timeZone: timeZoneField.optional(),
  })
  .strict();
export type IdentityInput = z.input<typeof identityInput>;
