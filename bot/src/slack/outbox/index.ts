import type { OutboxHandler } from "@skillswap/core";
import { homeRefreshHandler } from "../home/home-refresh.js";
import { forumMirrorHandler } from "./forum-mirror.js";
import { groupAnnouncementsHandler } from "./group-announcements.js";
import { messageEditRelayHandler } from "./message-edit-relay.js";
import { messageRelayHandler } from "./message-relay.js";
import type { SlackRelayContext } from "./slack-relay-context.js";
import { swapClosingHandler } from "./swap-closing.js";
import { swapConversationsHandler } from "./swap-conversations.js";

export type { SlackRelayContext } from "./slack-relay-context.js";

/**
 * The Slack side of the outbox: swap conversations opened in a group DM, relayed into and closed; group news in
 * linked chat channels and group forums mirrored into linked forum channels; App Homes published again when what
 * they show changes. Give them to the worker (`startWorker(core, { handlers })`); each is idempotent by event
 * id, as the dispatcher requires.
 */
export function slackOutboxHandlers(context: SlackRelayContext): OutboxHandler[] {
  return [
    swapConversationsHandler(context),
    messageRelayHandler(context),
    messageEditRelayHandler(context),
    swapClosingHandler(context),
    groupAnnouncementsHandler(context),
    forumMirrorHandler(context),
    homeRefreshHandler(context),
  ];
}
