import type { Config } from "@skillswap/core";
import type { ChatSurface } from "../surface.js";
import { slackDelivery } from "./outbox/dm-delivery.js";
import { slackOutboxHandlers } from "./outbox/index.js";
import { slackWebClient } from "./slack-web-client.js";

function tokenOf(config: Config): string {
  const token = config.SLACK_BOT_TOKEN;
  if (token === undefined) throw new Error("The Slack surface needs SLACK_BOT_TOKEN.");
  return token;
}

/** Where Slack sends commands, interactions and events: the web role's receiver (slack-door.ts). */
const eventsUrlOf = (config: Config) => new URL("slack/events", `${config.PUBLIC_URL.replace(/\/$/, "")}/`).href;

/**
 * Slack as a surface. Slack calls us over HTTP, and that endpoint lives in the web role, so the `slack` role
 * holds no connection of its own (no Socket Mode in this build): it reports where requests arrive. The worker
 * gets its relays (group DMs for swaps) and its DMs for notifications, which need only the bot token and
 * the Web API at SLACK_API_URL.
 */
export const slackSurface: ChatSurface = {
  role: "slack",
  configured: (config) => config.SLACK_BOT_TOKEN !== undefined && config.SLACK_SIGNING_SECRET !== undefined,
  off: {
    status: "off (no SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)",
    line: "Slack app off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run it (bot/README.md, Slack).",
  },
  start(_core, config) {
    return Promise.resolve({
      status: "listening",
      summary: () => `Slack app: requests arrive at ${eventsUrlOf(config)} (served by the web role).`,
      stop: () => Promise.resolve(),
    });
  },
  workerHandlers(core, config, { logger }) {
    const client = slackWebClient(tokenOf(config), config.SLACK_API_URL);
    return {
      handlers: slackOutboxHandlers({ core, client, logger }),
      deliveries: [slackDelivery({ core, client, logger })],
    };
  },
};
