import { isDomainError, type Config, type Services } from "@skillswap/core";
import { ErrorCode, WebClient, type WebAPIPlatformError } from "@slack/web-api";
import { slackManifest } from "../manifest.js";
import { checkInstallState, issueInstallState } from "./install-state.js";
import { multiWorkspaceConfigOf, type MultiWorkspaceConfig } from "./multi-workspace.js";

/** What came back to `/slack/oauth_redirect`: Slack's query, and the nonce of the browser's install cookie. */
export interface SlackInstallCallback {
  readonly code?: string | undefined;
  readonly state?: string | undefined;
  readonly error?: string | undefined;
  readonly nonce?: string | undefined;
}

export type SlackInstallOutcome =
  | { readonly outcome: "installed"; readonly workspace: string }
  /** The admin pressed Cancel on Slack's consent screen (or Slack sent another `error`): nothing happened. */
  | { readonly outcome: "declined"; readonly error: string }
  /** The state was absent, not ours, too old, from another browser or already used: nothing was saved. */
  | { readonly outcome: "refused"; readonly reason: "missing" | "forged" | "expired" | "replayed" }
  /** Slack refused to exchange the code (spent, expired) or core refused what Slack returned. */
  | { readonly outcome: "failed"; readonly error: string };

/** The "Add to Slack" flow the web role serves at /slack/install and /slack/oauth_redirect. */
export interface SlackInstallFlow {
  /** Where to send the browser, and the nonce the browser must keep (a cookie) until it comes back. */
  begin(): { readonly authorizeUrl: string; readonly nonce: string };
  complete(callback: SlackInstallCallback): Promise<SlackInstallOutcome>;
}

export interface SlackInstallDeps {
  readonly installations: Pick<Services["installations"], "saveSlackInstallation">;
  readonly inbox: Pick<Services["inbox"], "claim">;
  readonly clock: { now(): Date };
}

const isPlatformError = (error: unknown): error is WebAPIPlatformError =>
  error instanceof Error && "code" in error && error.code === ErrorCode.PlatformError;

/** Slack requires the exchange to name the redirect URI the consent page was given: the manifest's one. */
function redirectUriOf(config: MultiWorkspaceConfig): string {
  const [uri] = slackManifest({ publicUrl: config.publicUrl }).oauth_config.redirect_urls;
  if (uri === undefined) throw new Error("The Slack app manifest names no OAuth redirect URL");
  return uri;
}

/**
 * Slack's consent page sits beside its Web API (https://slack.com/oauth/v2/authorize next to
 * https://slack.com/api/): deriving it from SLACK_API_URL's origin points a local Slack's tests at the same
 * server without another setting. Scopes and redirect URI are the manifest's, so what an admin grants here is
 * exactly what the app's configuration declares.
 */
function authorizeUrlOf(config: MultiWorkspaceConfig, state: string): string {
  const url = new URL("/oauth/v2/authorize", config.slackApiUrl);
  url.search = new URLSearchParams({
    client_id: config.clientId,
    scope: slackManifest({ publicUrl: config.publicUrl }).oauth_config.scopes.bot.join(","),
    redirect_uri: redirectUriOf(config),
    state,
  }).toString();
  return url.toString();
}

/** Installing SkillSwap into a workspace: leave for Slack with a signed state, come back, exchange, save. */
export function slackInstallFlow(config: MultiWorkspaceConfig, deps: SlackInstallDeps): SlackInstallFlow {
  const slack = (token?: string) =>
    new WebClient(token, { slackApiUrl: config.slackApiUrl, retryConfig: { retries: 1 } });

  async function exchange(code: string): Promise<SlackInstallOutcome> {
    const access = await slack().oauth.v2.access({
      client_id: config.clientId,
      client_secret: config.clientSecret,
      code,
      redirect_uri: redirectUriOf(config),
    });
    const token = access.access_token ?? "";
    const installerId = access.authed_user?.id ?? "";
    const bot = slack(token);
    // oauth.v2.access names the bot user but not the bot (auth.test does), and the installer by id only: their
    // new SkillSwap account starts with the name users.info gives.
    const [identity, installer] = await Promise.all([bot.auth.test(), bot.users.info({ user: installerId })]);
    const person = installer.user;
    const name = person?.profile?.display_name || person?.real_name || person?.name || installerId;
    const { team, enterprise } = access;
    await deps.installations.saveSlackInstallation({
      team: team?.id === undefined ? null : { id: team.id, name: team.name ?? team.id },
      enterprise:
        enterprise?.id === undefined
          ? null
          : { id: enterprise.id, ...(enterprise.name === undefined ? {} : { name: enterprise.name }) },
      isEnterpriseInstall: access.is_enterprise_install === true,
      appId: access.app_id ?? "",
      bot: {
        token,
        id: identity.bot_id ?? "",
        userId: access.bot_user_id ?? "",
        scopes: (access.scope ?? "").split(",").filter((scope) => scope !== ""),
      },
      installer: { id: installerId, displayName: name, username: person?.name ?? "" },
    });
    return { outcome: "installed", workspace: team?.name ?? enterprise?.name ?? "your workspace" };
  }

  return {
    begin() {
      const issued = issueInstallState(config.stateSecret, deps.clock.now());
      return { authorizeUrl: authorizeUrlOf(config, issued.state), nonce: issued.nonce };
    },

    async complete(callback) {
      if (callback.error !== undefined && callback.error !== "") return { outcome: "declined", error: callback.error };
      const checked = checkInstallState(config.stateSecret, callback.state, callback.nonce, deps.clock.now());
      if (!checked.ok) return { outcome: "refused", reason: checked.reason };
      // Claimed before the exchange: a state replayed while the first exchange is still running is refused too.
      if (!(await deps.inbox.claim("slack", `oauth-state:${checked.id}`)))
        return { outcome: "refused", reason: "replayed" };
      if (callback.code === undefined || callback.code === "") return { outcome: "refused", reason: "missing" };
      try {
        return await exchange(callback.code);
      } catch (error) {
        if (isPlatformError(error)) return { outcome: "failed", error: error.data.error };
        if (isDomainError(error)) return { outcome: "failed", error: error.code };
        throw error;
      }
    },
  };
}

/** The install flow the web role serves, or undefined outside multi-workspace mode (see multiWorkspaceConfigOf). */
export function slackInstallFlowOver(
  core: { readonly config: Config; readonly services: Pick<Services, "installations" | "inbox"> },
  options: { readonly clock?: { now(): Date } } = {},
): SlackInstallFlow | undefined {
  const config = multiWorkspaceConfigOf(core.config);
  if (config === undefined) return undefined;
  return slackInstallFlow(config, {
    installations: core.services.installations,
    inbox: core.services.inbox,
    clock: options.clock ?? { now: () => new Date() },
  });
}
