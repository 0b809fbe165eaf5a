import { App, SocketModeReceiver, type Logger, type Receiver } from "@slack/bolt";
import type { ChatCore } from "../../chat/context.js";
import type { RunningSurface, SurfaceOptions } from "../../surface.js";
import { singleWorkspaceAuthorize } from "../single-workspace.js";
import { registerSlackListeners, slackAuthorizationOf } from "../slack-door.js";
import { boltLoggerFor } from "./bolt-logger.js";
import { claimingReceiver } from "./claiming-receiver.js";

/** Builds the receiver that holds Socket Mode's WebSocket; tests give one that does not connect. */
export type SocketReceiverFactory = (appToken: string, logger: Logger) => Receiver;

/** Bolt's own Socket Mode receiver, connecting to Slack (there is no local Socket Mode server to test it on). */
export const socketModeReceiver: SocketReceiverFactory = (appToken, logger) =>
  new SocketModeReceiver({ appToken, logger });

/**
 * The Slack app over Socket Mode: Slack's requests arrive on a WebSocket this process opens with the app-level
 * token, so no public URL is needed to try it. The listeners and tokens are the web role's; what differs is
 * that requests do not pass the HTTP receiver, so the socket's receiver is wrapped to claim each delivery in
 * core's inbox first, as the HTTP receiver does: a redelivered envelope runs once.
 */
export async function startSlackSocketMode(
  core: ChatCore,
  options: SurfaceOptions,
  appToken: string,
  receiverOf: SocketReceiverFactory,
): Promise<RunningSurface> {
  const authorization = slackAuthorizationOf(core);
  if (authorization === undefined) throw new Error("Socket Mode needs SLACK_BOT_TOKEN or the multi-workspace keys.");
  const logger = boltLoggerFor(options.logger);
  const slackApiUrl = core.config.SLACK_API_URL;
  const app = new App({
    receiver: claimingReceiver(receiverOf(appToken, logger), core.services.inbox),
    logger,
    clientOptions: { slackApiUrl },
    authorize: authorization.authorize ?? singleWorkspaceAuthorize(authorization.token, slackApiUrl),
  });
  registerSlackListeners(app, core, options);
  await app.start();
  return {
    status: "connected",
    summary: () => "Slack app: connected to Slack over Socket Mode (SLACK_APP_TOKEN).",
    stop: async () => {
      await app.stop();
    },
  };
}
