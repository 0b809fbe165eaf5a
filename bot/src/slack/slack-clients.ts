import type { WebClient } from "@slack/web-api";
import type { Config, Services } from "@skillswap/core";
import { multiWorkspaceConfigOf } from "./install/multi-workspace.js";
import { slackWebClient } from "./slack-web-client.js";

/**
 * Web API clients for the worker, each with the bot token of one workspace: the one SLACK_BOT_TOKEN, or in
 * multi-workspace mode the token core keeps for that workspace's installation.
 */
export interface SlackClients {
  clientFor(teamId: string): Promise<WebClient>;
  /**
   * Runs `work` with the workspace's client. When Slack says its token is dead (the app reinstalled, the token
   * revoked), the client is forgotten before the error goes on, so the outbox's retry reads core's token again.
   */
  withClient<T>(teamId: string, work: (client: WebClient) => Promise<T>): Promise<T>;
}

/** Slack's answers meaning the token itself no longer works. */
const deadTokenErrors: ReadonlySet<string> = new Set(["invalid_auth", "token_revoked", "account_inactive"]);

function isDeadToken(error: unknown): boolean {
  if (!(error instanceof Error) || !("data" in error)) return false;
  const answer = typeof error.data === "object" && error.data !== null ? error.data : {};
  return "error" in answer && typeof answer.error === "string" && deadTokenErrors.has(answer.error);
}

export interface InstalledClientsOptions {
  readonly installations: Pick<Services["installations"], "slackInstallationFor">;
  readonly slackApiUrl: string;
  /** How long a workspace's client is kept before core is asked for its token again; 5 minutes. */
  readonly keepMs?: number;
  readonly now?: () => number;
}

/**
 * Multi-workspace clients. A token is decrypted by core on each look-up, so a client is kept a few minutes
 * per workspace rather than built per call; a reinstall that changed the token is picked up when it expires,
 * or at once when Slack refuses the old one. A workspace without a working installation is core's NotFound,
 * which the caller decides about.
 */
export function installedClients(options: InstalledClientsOptions): SlackClients {
  const { installations, slackApiUrl, keepMs = 5 * 60_000, now = Date.now } = options;
  const kept = new Map<string, { readonly client: WebClient; readonly until: number }>();
  async function clientFor(teamId: string): Promise<WebClient> {
    const found = kept.get(teamId);
    if (found !== undefined && found.until > now()) return found.client;
    const installed = await installations.slackInstallationFor({ teamId, isEnterpriseInstall: false });
    const client = slackWebClient(installed.bot.token, slackApiUrl);
    kept.set(teamId, { client, until: now() + keepMs });
    return client;
  }
  return {
    clientFor,
    async withClient(teamId, work) {
      try {
        return await work(await clientFor(teamId));
      } catch (error) {
        if (isDeadToken(error)) kept.delete(teamId);
        throw error;
      }
    },
  };
}

/** One workspace's clients: SLACK_BOT_TOKEN's, whichever workspace is named (there is only that one). */
export function singleClient(client: WebClient): SlackClients {
  return {
    clientFor: () => Promise.resolve(client),
    withClient: (_teamId, work) => work(client),
  };
}

/** The worker's clients as the configuration says: multi-workspace first, as the web role's door does. */
export function slackClientsOf(
  config: Config,
  installations: InstalledClientsOptions["installations"],
): SlackClients | undefined {
  if (multiWorkspaceConfigOf(config) !== undefined)
    return installedClients({ installations, slackApiUrl: config.SLACK_API_URL });
  const token = config.SLACK_BOT_TOKEN;
  return token === undefined ? undefined : singleClient(slackWebClient(token, config.SLACK_API_URL));
}
