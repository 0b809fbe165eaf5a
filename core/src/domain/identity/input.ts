import { z } from "zod";
import { displayNameField, emailField, handleField, timeZoneField } from "../shared/fields.js";
import { newPasswordField, PASSWORD_MAX_LENGTH } from "./password-policy.js";

export const emailSignUpInput = z
  .object({
    email: emailField,
    password: newPasswordField,
    displayName: displayNameField,
    handle: handleField.optional(),
    timeZone: timeZoneField.optional(),
  })
  .strict();
export type EmailSignUpInput = z.input<typeof emailSignUpInput>;

/** A password someone already has: any length the policy of its day allowed, so no policy here. */
const existingPasswordField = z.string().min(1).max(PASSWORD_MAX_LENGTH);

export const credentialsInput = z.object({ email: emailField, password: existingPasswordField }).strict();
export type CredentialsInput = z.input<typeof credentialsInput>;

export const passwordResetRequest = z.object({ email: emailField }).strict();
export type PasswordResetRequest = z.input<typeof passwordResetRequest>;

// The token's shape is checked where it is spent, so a malformed one gets the same sentence as a stale one.
export const passwordReset = z.object({ token: z.string(), password: newPasswordField }).strict();
export type PasswordResetInput = z.input<typeof passwordReset>;

/** `currentPassword` may be left out only by someone who has none yet (an account made on Discord or Slack). */
export const passwordChange = z
  .object({ currentPassword: existingPasswordField.optional(), newPassword: newPasswordField })
  .strict();
export type PasswordChangeInput = z.input<typeof passwordChange>;
