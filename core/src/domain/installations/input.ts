import { z } from "zod";
import { displayNameField, nameField } from "../shared/fields.js";

/** A Slack id (team T…, enterprise E…, user U…/W…, bot B…, app A…): upper-case letters and digits. */
const slackId = z.string().regex(/^[A-Z0-9]{2,32}$/, "field.invalid");
const scope = z.string().regex(/^[a-z][a-z0-9.:_-]{0,63}$/, "field.invalid");

/**
 * What Slack's OAuth v2 install returns (Bolt's `Installation`), plus the installer's name: Bolt hands
 * storeInstallation their id only, so the door asks users.info for the name their new account starts with.
 * An org-wide install has an enterprise and no team; any other install, a team (and its enterprise if any).
 */
export const slackInstallationInput = z
  .object({
    team: z
      .object({ id: slackId, name: nameField(1, 100) })
      .strict()
      .nullable()
      .default(null),
    enterprise: z
      .object({ id: slackId, name: nameField(1, 100).optional() })
      .strict()
      .nullable()
      .default(null),
    isEnterpriseInstall: z.boolean().default(false),
    appId: slackId,
    tokenType: z.literal("bot").default("bot"),
    bot: z
      .object({
        token: z.string().regex(/^\S{10,512}$/, "field.invalid"),
        id: slackId,
        userId: slackId,
        scopes: z.array(scope).max(100),
      })
      .strict(),
    installer: z
      .object({ id: slackId, displayName: displayNameField, username: nameField(0, 80).default("") })
      .strict(),
  })
  .strict();
export type SlackInstallationInput = z.input<typeof slackInstallationInput>;

/** Which installation a request belongs to, as Bolt's InstallationQuery names it. */
export const slackWorkspaceInput = z
  .object({
    teamId: slackId.nullish(),
    enterpriseId: slackId.nullish(),
    isEnterpriseInstall: z.boolean().optional(),
  })
  .strict();
export type SlackWorkspaceInput = z.input<typeof slackWorkspaceInput>;

export const deactivationInput = z.discriminatedUnion("reason", [
  z.object({ reason: z.literal("uninstalled") }).strict(),
  z.object({ reason: z.literal("tokens_revoked"), botUserIds: z.array(slackId).max(1000) }).strict(),
]);

/** Single-workspace mode: the workspace auth.test names for SLACK_BOT_TOKEN. */
export const slackWorkspaceFields = z.object({ teamId: slackId, name: nameField(1, 100) }).strict();
