import * as z from "zod/mini";
import { call } from "./api/client.js";

/** The steps of /welcome, in order, each its own address (?step=…) so back and forward move between them. */
export const welcomeSteps = ["name", "place", "skills"] as const;
export type WelcomeStep = (typeof welcomeSteps)[number];

export const welcomeHref = (step: WelcomeStep) => `/welcome?step=${step}`;

/**
 * Whom the app leads to /welcome: everyone right after sign-up, and anyone signing in whose profile is still
 * empty — no skill and no city, so nobody could find or match them. A name alone does not count: every sign-up
 * and every Discord or Slack account starts with one.
 */
export const isStillEmpty = (profile: { skills: readonly unknown[]; location: unknown }) =>
  profile.skills.length === 0 && profile.location === null;

/**
 * Just what the rule reads of GET /api/v1/me. Its own schema, not the "me" page's: the sign-in forms are on the
 * first page, whose JavaScript must not pull in another page's code.
 */
const profileFilling = z.object({ skills: z.array(z.unknown()), location: z.nullable(z.unknown()) });

/** Where a sign-in lands: onboarding for an empty profile, the person's own page otherwise. */
export async function landingAfterSignIn(): Promise<string> {
  // The landing is a nicety: when the profile cannot be read, the person's own page says why.
  const profile = await call("GET", "/me", profileFilling).catch(() => null);
  return profile !== null && isStillEmpty(profile) ? welcomeHref("name") : "/me";
}
