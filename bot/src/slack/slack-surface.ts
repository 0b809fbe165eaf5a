import type { Config } from "@skillswap/core";
import type { ChatSurface } from "../surface.js";
import { multiWorkspaceConfigOf } from "./install/multi-workspace.js";
import { slackDelivery } from "./outbox/dm-delivery.js";
import { slackOutboxHandlers } from "./outbox/index.js";
import { slackClientsOf } from "./slack-clients.js";
import { socketModeReceiver, startSlackSocketMode, type SocketReceiverFactory } from "./transport/socket-mode.js";

/** Where Slack sends commands, interactions and events: the web role's receiver (slack-door.ts). */
const eventsUrlOf = (config: Config) => new URL("slack/events", `${config.PUBLIC_URL.replace(/\/$/, "")}/`).href;

/**
 * Slack as a surface. Slack calls us over HTTP, and that endpoint lives in the web role, so the `slack` role
 * holds no connection of its own: it reports where requests arrive. With SLACK_APP_TOKEN it holds one, Socket
 * Mode's WebSocket, built by `socketReceiver` (tests give one that does not connect). The worker
 * gets its relays (group DMs for swaps) and its DMs for notifications, which need only bot tokens (the one
 * SLACK_BOT_TOKEN, or each installed workspace's) and the Web API at SLACK_API_URL.
 */
export const slackSurfaceWith = (socketReceiver: SocketReceiverFactory): ChatSurface => ({
  role: "slack",
  configured: (config) =>
    (config.SLACK_BOT_TOKEN !== undefined &&
      (config.SLACK_SIGNING_SECRET !== undefined || config.SLACK_APP_TOKEN !== undefined)) ||
    multiWorkspaceConfigOf(config) !== undefined,
  off: {
    status: "off (no SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET)",
    line: "Slack app off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to run it (bot/README.md, Slack).",
  },
  start(core, config, options) {
    const appToken = config.SLACK_APP_TOKEN;
    if (appToken !== undefined) return startSlackSocketMode(core, options, appToken, socketReceiver);
    return Promise.resolve({
      status: "listening",
      summary: () => `Slack app: requests arrive at ${eventsUrlOf(config)} (served by the web role).`,
      stop: () => Promise.resolve(),
    });
  },
  workerHandlers(core, config, { logger }) {
    const clients = slackClientsOf(config, core.services.installations);
    if (clients === undefined) throw new Error("The Slack surface needs SLACK_BOT_TOKEN or the multi-workspace keys.");
    // Every handler posts with the token of the workspace it posts in: the one SLACK_BOT_TOKEN, or each
    // installed workspace's.
    return {
      handlers: slackOutboxHandlers({ core, clients, logger }),
      deliveries: [slackDelivery({ core, clients, logger })],
    };
  },
});

export const slackSurface: ChatSurface = slackSurfaceWith(socketModeReceiver);
