import type { App } from "@slack/bolt";
import type { ChatCore } from "../chat/context.js";
import type { SurfaceOptions } from "../surface.js";
import { createSlackApp, type SlackApp, type SlackAuthorization } from "./create-slack-app.js";
import { installationAuthorize } from "./install/installation-authorize.js";
import { multiWorkspaceConfigOf } from "./install/multi-workspace.js";
import { registerSlackChatListeners } from "./listeners/index.js";
import { registerSlackChannelListeners } from "./listeners/events/linked-channel-messages.js";
import { registerSlackMembershipListeners } from "./listeners/events/membership.js";
import { registerSlackConversationListeners } from "./listeners/events/swap-conversation-messages.js";
import { boltLoggerFor } from "./transport/bolt-logger.js";

/** Which token serves a request: its workspace's from core in multi-workspace mode, else SLACK_BOT_TOKEN. */
export function slackAuthorizationOf(core: ChatCore): SlackAuthorization | undefined {
  if (multiWorkspaceConfigOf(core.config) !== undefined)
    return { authorize: installationAuthorize(core.services.installations) };
  const token = core.config.SLACK_BOT_TOKEN;
  return token === undefined ? undefined : { token };
}

/**
 * The Bolt app behind the web role's `/slack/events`, or undefined when Slack is not configured for it: it needs
 * SLACK_SIGNING_SECRET to trust a request and either multi-workspace mode's installs (each request served with
 * its workspace's token from core) or one workspace's SLACK_BOT_TOKEN. The chat layer's listeners are
 * registered on `app` here, so every process serving the URL answers alike.
 */
export function slackAppOver(core: ChatCore, options: SurfaceOptions): SlackApp | undefined {
  const { SLACK_SIGNING_SECRET: signingSecret, SLACK_API_URL: slackApiUrl } = core.config;
  const authorization = slackAuthorizationOf(core);
  if (signingSecret === undefined || authorization === undefined) return undefined;
  const slack = createSlackApp({
    ...authorization,
    signingSecret,
    slackApiUrl,
    inbox: core.services.inbox,
    logger: boltLoggerFor(options.logger),
  });
  registerSlackListeners(slack.app, core, options);
  return slack;
}

/** Every listener of the Slack app, whichever way Slack's requests arrive (here over HTTP, or Socket Mode). */
export function registerSlackListeners(app: App, core: ChatCore, options: SurfaceOptions): void {
  registerSlackConversationListeners(app, { core });
  registerSlackChannelListeners(app, { core });
  registerSlackMembershipListeners(app, core.services);
  registerSlackChatListeners(app, { core, logger: boltLoggerFor(options.logger) });
}
