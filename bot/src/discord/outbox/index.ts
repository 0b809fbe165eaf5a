import type { OutboxHandler } from "@skillswap/core";
import { forumMirrorHandler } from "./forum-mirror.js";
import { groupAnnouncementsHandler } from "./group-announcements.js";
import { messageEditRelayHandler } from "./message-edit-relay.js";
import { messageRelayHandler } from "./message-relay.js";
import type { RelayContext } from "./relay-context.js";
import { sessionAnnouncementsHandler } from "./session-announcements.js";
import { swapClosingHandler } from "./swap-closing.js";
import { swapConversationsHandler } from "./swap-conversations.js";

export type { RelayContext } from "./relay-context.js";

/**
 * The Discord side of the outbox: swap conversations opened, relayed and closed on Discord, group news (new
 * members and threads, upcoming sessions of those who share them) in linked chat channels, group forums mirrored into linked forum channels. Give them to the worker
 * (`startWorker(core, { handlers })`); each is idempotent by event id, as the dispatcher requires.
 */
export function discordOutboxHandlers(context: RelayContext): OutboxHandler[] {
  return [
    swapConversationsHandler(context),
    messageRelayHandler(context),
    messageEditRelayHandler(context),
    swapClosingHandler(context),
    groupAnnouncementsHandler(context),
    sessionAnnouncementsHandler(context),
    forumMirrorHandler(context),
  ];
}
