import type { ChatCore } from "../chat/context.js";
import type { SurfaceOptions } from "../surface.js";
import { createSlackApp, type SlackApp } from "./create-slack-app.js";
import { boltLoggerFor } from "./transport/bolt-logger.js";

/**
 * The Bolt app behind the web role's `/slack/events`, or undefined when Slack is not configured for it: it needs
 * SLACK_SIGNING_SECRET to trust a request and, for now, one workspace's SLACK_BOT_TOKEN to act in it. The
 * chat layer's listeners are registered on `app` here, so every process serving the URL answers alike.
 */
export function slackAppOver(core: ChatCore, options: SurfaceOptions): SlackApp | undefined {
  const { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: token, SLACK_API_URL: slackApiUrl } = core.config;
  if (signingSecret === undefined || token === undefined) return undefined;
  return createSlackApp({
    token,
    signingSecret,
    slackApiUrl,
    inbox: core.services.inbox,
    logger: boltLoggerFor(options.logger),
  });
}
