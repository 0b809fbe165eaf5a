import {
  discordInteractionsOver,
  discordRest,
  slackAppOver,
  slackInstallFlowOver,
  type BotLogger,
  type DiscordBot,
  type DiscordInteractions,
} from "@skillswap/bot";
import type { Core } from "@skillswap/core";
import { buildApp, builtDashboard } from "@skillswap/dashboard";

export interface WebRole {
  readonly url: string;
  /** Why POST /discord/interactions is or is not served, for the operator. */
  readonly discordInteractions: "served" | "no DISCORD_PUBLIC_KEY";
  /** Whether the dashboard's pages were built (dashboard/web/dist) and are served at /. */
  readonly dashboard: "served" | "not built";
  readonly server: Awaited<ReturnType<typeof buildApp>>;
}

/** Where the web role writes: the bot's faults, and the server's request log (one JSON line each). */
export interface WebRoleOutput {
  readonly logger: BotLogger;
  readonly requestLog: { write(line: string): void };
}

/** The bot's interaction router for the HTTP endpoint: the gateway bot's own when it runs in this process. */
function interactionsFor(core: Core, bot: DiscordBot | undefined, logger: BotLogger): DiscordInteractions {
  if (bot !== undefined) return bot.interactions;
  const rest = discordRest({
    apiUrl: core.config.DISCORD_API_URL,
    ...(core.config.DISCORD_TOKEN === undefined ? {} : { token: core.config.DISCORD_TOKEN }),
  });
  return discordInteractionsOver(core, rest, { logger });
}

/**
 * Starts the web role on HOST:PORT: health, login links, with DISCORD_PUBLIC_KEY Discord's interactions
 * endpoint and with SLACK_SIGNING_SECRET Slack's `/slack/events`. The server redacts secrets from its request
 * log itself, so this level and stream are all it needs.
 */
export async function startWeb(core: Core, bot: DiscordBot | undefined, output: WebRoleOutput): Promise<WebRole> {
  const publicKey = core.config.DISCORD_PUBLIC_KEY;
  const interactions = publicKey === undefined ? undefined : interactionsFor(core, bot, output.logger);
  const level = core.config.LOG_LEVEL;
  const dashboard = builtDashboard();
  const slack = slackAppOver(core, { logger: output.logger });
  const slackInstall = slackInstallFlowOver(core);
  const server = await buildApp(core, {
    logger: level === "silent" ? false : { level, stream: output.requestLog },
    ...(dashboard === undefined ? {} : { dashboard }),
    ...(publicKey !== undefined && interactions !== undefined ? { discord: { publicKey, interactions } } : {}),
    ...(slack === undefined ? {} : { slack: slack.receiver }),
    ...(slackInstall === undefined ? {} : { slackInstall }),
  });
  const url = await server.listen({ host: core.config.HOST, port: core.config.PORT });
  // In the background: the server answers meanwhile, and the first person to ask for matches finds the index
  // built (or being built) rather than starting it. A failure here is the same one a request would meet.
  core.services.matching.prepare().catch((error: unknown) => {
    output.logger.error("The match index could not be built ahead of time", error);
  });
  return {
    url,
    server,
    discordInteractions: publicKey === undefined ? "no DISCORD_PUBLIC_KEY" : "served",
    dashboard: dashboard === undefined ? "not built" : "served",
  };
}
