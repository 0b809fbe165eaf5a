/** The kinds of account a person can link to theirs; each one can be unlinked. */
export const linkableProviders = ["discord", "slack", "google", "email"] as const;

export type LinkableProvider = (typeof linkableProviders)[number];

/** What decides whether a person can still reach the dashboard: their password and their linked accounts. */
export interface SignInFacts {
  /** Email and password log-in works: the account has an address and a password. */
  readonly hasPassword: boolean;
  readonly providers: readonly string[];
}

/**
 * Providers whose identity alone signs a person in on the web, through its OAuth flow.
 *
 * Slack is not one. The Slack app's `/skillswap login` is to DM a one-time link, as the Discord bot does, but
 * such a link only works while a workspace that has the app installed still has the person: a workspace
 * admin can uninstall the app or remove the member, and nothing on the web could then let them back in.
 * Discord counts for its OAuth sign-in, not for the bot's link, for the same reason.
 */
const signInProviders: ReadonlySet<string> = new Set(["discord", "google"]);

/**
 * Whether the person could still sign in after unlinking `provider`. Unlinking email takes the password with
 * it: an email row left without its password would still sign in, and one kept with it would be a lie.
 */
export function canSignInWithout(facts: SignInFacts, provider: LinkableProvider): boolean {
  if (provider !== "email" && facts.hasPassword) return true;
  return facts.providers.some((other) => other !== provider && signInProviders.has(other));
}
