import { WebClient } from "@slack/web-api";
import { slackManifest } from "../manifest.js";

/** What Slack says of a bot token: its workspace, and which of the manifest's scopes it lacks. */
export interface SlackTokenCheck {
  readonly team: string;
  readonly teamId: string;
  readonly missingScopes: readonly string[];
}

/** The manifest's bot scopes that `granted` does not include, in the manifest's order. */
export function missingScopesOf(granted: readonly string[]): string[] {
  const have = new Set(granted);
  // The manifest's scopes do not depend on the URL; any one gives them.
  const wanted = slackManifest({ publicUrl: "http://localhost" }).oauth_config.scopes.bot;
  return wanted.filter((scope) => !have.has(scope));
}

/**
 * Asks Slack who a bot token is (auth.test). Slack names the token's scopes in the x-oauth-scopes header of
 * every answer, which the client hands back as response_metadata.scopes: a workspace installed before the
 * app asked for a new scope lacks it until an admin reinstalls, and the feature behind it fails only there.
 */
export async function checkSlackToken(token: string, slackApiUrl: string): Promise<SlackTokenCheck> {
  const answer = await new WebClient(token, { slackApiUrl, retryConfig: { retries: 0 } }).auth.test();
  return {
    team: answer.team ?? "",
    teamId: answer.team_id ?? "",
    missingScopes: missingScopesOf(answer.response_metadata?.scopes ?? []),
  };
}
