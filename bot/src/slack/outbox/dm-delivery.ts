import { isDomainError, type Delivery, type Notification } from "@skillswap/core";
import type { ChatCore } from "../../chat/context.js";
import { buttonMovesOf, swapButtons, swapLine } from "../../chat/sentences/swaps.js";
import type { BotLogger } from "../../surface.js";
import { slackMessageOf, type SlackMessage } from "../renderers/block-kit.js";
import { notificationText } from "../renderers/relay-messages.js";
import type { SlackClients } from "../slack-clients.js";
import { postOnce } from "./post-once.js";
import { isRefusal } from "./slack-refusals.js";

/**
 * Core, where faults go, and the Web API clients on SLACK_API_URL, whose retryConfig waits out 429s as Slack's
 * Retry-After says (slack-web-client.ts): each workspace's (`clients`), or the one workspace's (`client`).
 */
export type SlackDeliveryOptions = {
  readonly core: ChatCore;
  readonly logger: BotLogger;
  readonly clients: SlackClients;
};

/** The person's Slack account (their workspace and user id), or null when they reach SkillSwap some other way. */
async function slackAccountOf(core: ChatCore, userId: string): Promise<{ teamId: string; slackId: string } | null> {
  const identities = await core.services.accounts.identitiesOf(userId);
  const slack = identities.find((i) => i.provider === "slack");
  return slack === undefined ? null : { teamId: slack.tenantId, slackId: slack.subject };
}

/** A workspace that removed the app has no token left to reach its people with, however often it is retried. */
const isUninstalled = (error: unknown) => isDomainError(error) && error.code === "INSTALLATION.NOT_FOUND";

/**
 * What the DM says. A swap request also shows the swap and, while it still waits on them, Accept and Decline
 * buttons from the same action table as every Slack button, so a click reaches the block_actions listener
 * (listeners/actions.ts), which answers by rewriting this DM.
 */
async function dmOf(core: ChatCore, notification: Notification): Promise<string | SlackMessage> {
  const plain = notificationText(notification, core.config.PUBLIC_URL);
  if (notification.kind !== "swap_request" || notification.about.type !== "swap") return plain;
  try {
    const swap = await core.services.swaps.get({ userId: notification.userId }, notification.about.id);
    return slackMessageOf({
      kind: "message",
      text: notificationText(notification, core.config.PUBLIC_URL, [swapLine(swap)]),
      buttons: [swapButtons(swap.id, buttonMovesOf(swap))],
    });
  } catch (error) {
    // Gone or no longer theirs since the event: the plain sentence is still true, just without buttons.
    if (isDomainError(error)) return plain;
    throw error;
  }
}

/**
 * Notifications by Slack DM (core's "platform" channel, shared with Discord): to people with a Slack account,
 * in the bot's DM with them, sent with their workspace's token. Core has already chosen who hears what: each
 * person's preferences per kind, and no message notification for someone who reads the conversation in its
 * group DM or thread. People Slack will not let the bot reach, or whose workspace removed the app, are
 * skipped, not retried; any other failure is thrown so the outbox retries with
 * backoff, and a DM that already went out is not sent again by that retry (post-once.ts).
 */
export function slackDelivery(options: SlackDeliveryOptions): Delivery {
  const { core, clients, logger } = options;
  return {
    channel: "platform",
    async deliver(notification) {
      const recipient = await slackAccountOf(core, notification.userId);
      if (recipient === null) return;
      const message = await dmOf(core, notification);
      try {
        await clients.withClient(recipient.teamId, async (client) => {
          // Opening a DM is idempotent: Slack returns the same conversation each time.
          const opened = await client.conversations.open({ users: recipient.slackId });
          const channelId = opened.channel?.id;
          if (channelId === undefined) throw new Error(`Slack opened no DM with ${recipient.slackId}.`);
          await postOnce({ core, client }, channelId, `dm/${notification.eventId}/${notification.userId}`, message);
        });
      } catch (error) {
        if (!isRefusal(error) && !isUninstalled(error)) throw error;
        logger.error(`notification ${notification.eventId} not sent to ${notification.userId} on Slack`, error);
      }
    },
  };
}
