import type { Config, inputs } from "@skillswap/core";
import {
  Strategy as DiscordStrategy,
  type Profile as DiscordProfile,
  type StrategyOptions as DiscordOptions,
} from "passport-discord";
import { Strategy as GoogleStrategy, type Profile as GoogleProfile } from "passport-google-oauth20";
import type { VerifyCallback } from "passport-oauth2";
import type { z } from "zod";

export type OAuthProvider = "discord" | "google";

/** What a provider told us about the person, as core's accounts take it. */
export type ProviderIdentity = z.input<typeof inputs.identityInput>;

/**
 * Discord's strategy reads the profile from a fixed https://discord.com address; this one reads it from
 * DISCORD_API_URL, like the bot, so a local Discord can answer in tests.
 */
class ConfigurableDiscordStrategy extends DiscordStrategy {
  constructor(
    options: DiscordOptions,
    verify: (accessToken: string, refreshToken: string, profile: DiscordProfile, done: VerifyCallback) => void,
    private readonly apiUrl: string,
  ) {
    super(options, verify);
  }

  override userProfile(accessToken: string, done: (error: Error | null, profile?: DiscordProfile) => void): void {
    this._oauth2.get(`${this.apiUrl}/users/@me`, accessToken, (error, body) => {
      if (error !== null || typeof body !== "string") return done(new Error("Discord did not give the profile."));
      try {
        done(null, { ...(JSON.parse(body) as DiscordProfile), provider: "discord" });
      } catch {
        done(new Error("Discord's profile was not JSON."));
      }
    });
  }
}

// Only what sign-in needs: who they are, and their email to recognise an existing account (never to merge).
const discordScopes = ["identify", "email"];
const googleScopes = ["openid", "profile", "email"];

function fromDiscord(profile: DiscordProfile): ProviderIdentity {
  const displayName = (profile as DiscordProfile & { global_name?: string | null }).global_name ?? profile.username;
  return {
    provider: "discord",
    subject: profile.id,
    username: profile.username,
    displayName: displayName || profile.username,
    // An address Discord has not verified proves nothing about who holds it.
    ...(profile.verified && typeof profile.email === "string" ? { email: profile.email } : {}),
  };
}

function fromGoogle(profile: GoogleProfile): ProviderIdentity {
  // Google's user-info sends email_verified as a boolean, older profile formats as the string "true".
  const email = profile.emails?.find((entry) => String(entry.verified) === "true");
  return {
    provider: "google",
    subject: profile.id,
    username: email?.value ?? profile.displayName,
    displayName: profile.displayName || (email?.value.split("@")[0] ?? "New member"),
    ...(email === undefined ? {} : { email: email.value }),
  };
}

const identify =
  <P>(read: (profile: P) => ProviderIdentity) =>
  (_accessToken: string, _refreshToken: string, profile: P, done: VerifyCallback): void => {
    // Tokens are not kept: SkillSwap only needs to know who signed in, not to act on their behalf.
    try {
      done(null, read(profile));
    } catch (error) {
      done(error instanceof Error ? error : new Error("unreadable profile"));
    }
  };

/** The providers this configuration offers, each as a passport strategy with state and PKCE. */
export function configuredStrategies(config: Config): Map<OAuthProvider, DiscordStrategy | GoogleStrategy> {
  const strategies = new Map<OAuthProvider, DiscordStrategy | GoogleStrategy>();
  const callbackURL = (provider: OAuthProvider) => new URL(`/auth/${provider}/callback`, config.PUBLIC_URL).href;
  if (config.DISCORD_APPLICATION_ID !== undefined && config.DISCORD_CLIENT_SECRET !== undefined) {
    // passport-oauth2 takes `pkce`; passport-discord's types predate it, hence the options built apart.
    const options = {
      clientID: config.DISCORD_APPLICATION_ID,
      clientSecret: config.DISCORD_CLIENT_SECRET,
      callbackURL: callbackURL("discord"),
      authorizationURL: config.DISCORD_OAUTH_AUTHORIZE_URL,
      tokenURL: config.DISCORD_OAUTH_TOKEN_URL,
      scope: discordScopes,
      state: true,
      pkce: true,
    };
    strategies.set("discord", new ConfigurableDiscordStrategy(options, identify(fromDiscord), config.DISCORD_API_URL));
  }
  if (config.GOOGLE_CLIENT_ID !== undefined && config.GOOGLE_CLIENT_SECRET !== undefined) {
    strategies.set(
      "google",
      new GoogleStrategy(
        {
          clientID: config.GOOGLE_CLIENT_ID,
          clientSecret: config.GOOGLE_CLIENT_SECRET,
          callbackURL: callbackURL("google"),
          authorizationURL: config.GOOGLE_OAUTH_AUTHORIZE_URL,
          tokenURL: config.GOOGLE_OAUTH_TOKEN_URL,
          userProfileURL: config.GOOGLE_OAUTH_USERINFO_URL,
          scope: googleScopes,
          state: true,
          pkce: true,
        },
        identify(fromGoogle),
      ),
    );
  }
  return strategies;
}
