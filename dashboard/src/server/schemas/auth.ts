import { linkableProviders } from "@skillswap/core";
import { z } from "zod";
import { list } from "./common.js";
import { ownProfileView } from "./profiles.js";

export const csrfTokenView = z
  .object({ token: z.string().describe("Send it in the x-csrf-token header of every write while this session lasts") })
  .meta({ id: "CsrfToken" });

/** Who just signed in: enough for a page to greet them; GET /api/v1/me has the rest. */
export const signedInView = ownProfileView
  .pick({ id: true, handle: true, displayName: true, email: true })
  .meta({ id: "SignedIn" });

export const webSessionView = z
  .object({
    id: z.string(),
    current: z.boolean().describe("The browser asking: ending it signs this browser out"),
    createdAt: z.date(),
    lastSeenAt: z.date().describe("Moves at most once a minute; the session ends 30 minutes after it"),
    expiresAt: z.date().describe("When it ends however active it is (12 hours after sign-in)"),
    userAgent: z.string(),
    ip: z.string(),
  })
  .meta({ id: "WebSession" });

export const webSessionList = list(webSessionView);

export const sessionsEnded = z
  .object({ ended: z.number().int().describe("How many other sessions were ended") })
  .meta({ id: "SessionsEnded" });

export const linkedIdentityView = z
  .object({
    provider: z.string().describe("discord, slack, google or email"),
    username: z.string().describe("The name on that platform, or the email address"),
    linkedAt: z.date(),
  })
  .meta({ id: "LinkedIdentity" });

export const verificationToken = z.object({ token: z.string().max(200) }).strict();

/** A session in a path: the id GET /auth/sessions lists (64 hex characters). */
export const sessionIdParam = z.object({ id: z.string().min(1).max(64) });

export const identityProviderParam = z.object({
  provider: z.enum(linkableProviders).describe("Which kind of linked account: discord, slack, google or email"),
});
