import type { WebClient } from "@slack/web-api";
import type { Delivery } from "@skillswap/core";
import type { ChatCore } from "../../chat/context.js";
import type { BotLogger } from "../../surface.js";
import { notificationText } from "../renderers/relay-messages.js";
import { postOnce } from "./post-once.js";
import { isRefusal } from "./slack-refusals.js";

export interface SlackDeliveryOptions {
  readonly core: ChatCore;
  /** A client on SLACK_API_URL; its retryConfig waits out 429s as Slack's Retry-After says (slack-web-client.ts). */
  readonly client: WebClient;
  readonly logger: BotLogger;
}

/** The person's Slack user id, or null when they reach SkillSwap some other way. */
async function slackIdOf(core: ChatCore, userId: string): Promise<string | null> {
  const identities = await core.services.accounts.identitiesOf(userId);
  return identities.find((i) => i.provider === "slack")?.subject ?? null;
}

/**
 * Notifications by Slack DM (core's "platform" channel, shared with Discord): to people with a Slack account,
 * in the bot's DM with them. Core has already chosen who hears what: each person's preferences per kind, and
 * no message notification for someone who reads the conversation in its group DM or thread. People Slack
 * will not let the bot reach are skipped, not retried; any other failure is thrown so the outbox retries with
 * backoff, and a DM that already went out is not sent again by that retry (post-once.ts).
 */
export function slackDelivery(options: SlackDeliveryOptions): Delivery {
  const { core, client, logger } = options;
  return {
    channel: "platform",
    async deliver(notification) {
      const recipientId = await slackIdOf(core, notification.userId);
      if (recipientId === null) return;
      try {
        // Opening a DM is idempotent: Slack returns the same conversation each time.
        const opened = await client.conversations.open({ users: recipientId });
        const channelId = opened.channel?.id;
        if (channelId === undefined) throw new Error(`Slack opened no DM with ${recipientId}.`);
        const text = notificationText(notification, core.config.PUBLIC_URL);
        await postOnce(options, channelId, `dm/${notification.eventId}/${notification.userId}`, text);
      } catch (error) {
        if (!isRefusal(error)) throw error;
        logger.error(`notification ${notification.eventId} not sent to ${notification.userId} on Slack`, error);
      }
    },
  };
}
