import type { ChatCore } from "../chat/context.js";
import type { SurfaceOptions } from "../surface.js";
import { createSlackApp, type SlackApp, type SlackAuthorization } from "./create-slack-app.js";
import { installationAuthorize } from "./install/installation-authorize.js";
import { multiWorkspaceConfigOf } from "./install/multi-workspace.js";
import { registerSlackChatListeners } from "./listeners/index.js";
import { registerSlackMembershipListeners } from "./listeners/events/membership.js";
import { registerSlackConversationListeners } from "./listeners/events/swap-conversation-messages.js";
import { boltLoggerFor } from "./transport/bolt-logger.js";

/**
 * The Bolt app behind the web role's `/slack/events`, or undefined when Slack is not configured for it: it needs
 * SLACK_SIGNING_SECRET to trust a request and either multi-workspace mode's installs (each request served with
 * its workspace's token from core) or one workspace's SLACK_BOT_TOKEN. The chat layer's listeners are
 * registered on `app` here, so every process serving the URL answers alike.
 */
export function slackAppOver(core: ChatCore, options: SurfaceOptions): SlackApp | undefined {
  const { SLACK_SIGNING_SECRET: signingSecret, SLACK_BOT_TOKEN: token, SLACK_API_URL: slackApiUrl } = core.config;
  const authorization: SlackAuthorization | undefined =
    multiWorkspaceConfigOf(core.config) !== undefined
      ? { authorize: installationAuthorize(core.services.installations) }
      : token === undefined
        ? undefined
        : { token };
  if (signingSecret === undefined || authorization === undefined) return undefined;
  const slack = createSlackApp({
    ...authorization,
    signingSecret,
    slackApiUrl,
    inbox: core.services.inbox,
    logger: boltLoggerFor(options.logger),
  });
  registerSlackConversationListeners(slack.app, { core });
  registerSlackMembershipListeners(slack.app, core.services);
  registerSlackChatListeners(slack.app, { core, logger: boltLoggerFor(options.logger) });
  return slack;
}
