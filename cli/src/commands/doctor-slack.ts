import { checkSlackToken, missingScopesOf, multiWorkspaceConfigOf } from "@skillswap/bot";
import type { Config, InstallationOverview } from "@skillswap/core";
import type { Check } from "./doctor.js";

const reinstall = "add them to the app's scopes and reinstall it";

/** One installed workspace, as an operator needs to see it: working, with every scope, or why not. */
function installationCheck(installation: InstallationOverview): Check {
  const name = `slack ${installation.name}`;
  const where = installation.externalId;
  if (!installation.active) {
    const since = installation.deactivatedAt?.toISOString().slice(0, 10) ?? "";
    const why = installation.deactivatedReason === "tokens_revoked" ? "token revoked" : "app removed";
    return {
      name,
      status: "warn",
      detail: `${where}: inactive (${why} on ${since}); its community and people are kept`,
    };
  }
  const missing = missingScopesOf(installation.scopes);
  return missing.length === 0
    ? { name, status: "ok", detail: `${where}: installed, every scope granted` }
    : { name, status: "warn", detail: `${where}: missing scopes ${missing.join(", ")}: ${reinstall}` };
}

async function multiWorkspaceChecks(
  config: Config,
  installations: (() => Promise<InstallationOverview[]>) | undefined,
): Promise<Check[]> {
  const install = `install at ${config.PUBLIC_URL}/slack/install`;
  if (installations === undefined)
    return [
      {
        name: "slack",
        status: "warn",
        detail: `multi-workspace mode; ${install} (installations unknown: no database)`,
      },
    ];
  let listed: InstallationOverview[];
  try {
    listed = await installations();
  } catch (error) {
    // Pending migrations, say: the database's own check already reports why, this one only what it could not see.
    const reason = error instanceof Error ? error.message : String(error);
    return [{ name: "slack", status: "warn", detail: `multi-workspace mode; installations unreadable: ${reason}` }];
  }
  const slack = listed.filter((installation) => installation.platform === "slack");
  const active = slack.filter((installation) => installation.active).length;
  return [
    {
      name: "slack",
      status: "ok",
      detail: `multi-workspace mode, ${active} of ${slack.length} installation(s) active; ${install}`,
    },
    ...slack.map(installationCheck),
  ];
}

async function singleWorkspaceCheck(config: Config, token: string): Promise<Check> {
  const served = config.SLACK_SIGNING_SECRET === undefined ? "; /slack/events off (no SLACK_SIGNING_SECRET)" : "";
  try {
    const { team, teamId, missingScopes } = await checkSlackToken(token, config.SLACK_API_URL);
    const workspace = `token works in ${team} (${teamId})`;
    return missingScopes.length === 0
      ? { name: "slack", status: "ok", detail: `${workspace}, every scope granted${served}` }
      : {
          name: "slack",
          status: "warn",
          detail: `${workspace}, missing scopes ${missingScopes.join(", ")}: ${reinstall}${served}`,
        };
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    return { name: "slack", status: "fail", detail: `Slack refused SLACK_BOT_TOKEN: ${reason}` };
  }
}

/**
 * Slack's part of `skillswap doctor`: in multi-workspace mode every installation core keeps (never a token);
 * with SLACK_BOT_TOKEN, what Slack says of the token. `installations` is absent when the database is not reachable.
 */
export async function slackChecks(
  config: Config,
  installations: (() => Promise<InstallationOverview[]>) | undefined,
): Promise<Check[]> {
  if (multiWorkspaceConfigOf(config) !== undefined) return multiWorkspaceChecks(config, installations);
  if (config.SLACK_BOT_TOKEN !== undefined) return [await singleWorkspaceCheck(config, config.SLACK_BOT_TOKEN)];
  return [{ name: "slack", status: "ok", detail: "not configured" }];
}
