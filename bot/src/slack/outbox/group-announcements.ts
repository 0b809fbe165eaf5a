import type { OutboxHandler, OutboxMessage } from "@skillswap/core";
import { groupJoinedText, threadStartedText } from "../renderers/group-relay-messages.js";
import { postInLinkedChannel } from "./linked-channel-post.js";
import type { SlackRelayContext } from "./slack-relay-context.js";
import { unlessRefused } from "./slack-refusals.js";

const announcedEvents = ["group.joined", "forum.thread_started"] as const;
type AnnouncedEvent = (typeof announcedEvents)[number];

/**
 * What a group's linked Slack chat channels hear about, as on Discord: new members and new forum threads (from
 * any surface), each announced once per channel however often the event comes. Upcoming sessions are not
 * announced on Slack yet (Discord's session-announcements.ts, which needs its people's consent).
 */
export function groupAnnouncementsHandler(context: SlackRelayContext): OutboxHandler<AnnouncedEvent> {
  const { core, clients, logger } = context;
  const relays = core.services.relays;

  async function announcementOf(event: OutboxMessage<AnnouncedEvent>): Promise<string | null> {
    if (event.type === "group.joined") {
      const names = await relays.groupMembership(event.payload.groupId, event.payload.userId);
      return names === null ? null : groupJoinedText(names.personName, names.groupName);
    }
    const thread = await relays.forumThread(event.payload.threadId);
    return thread === null || thread.removed ? null : threadStartedText(thread);
  }

  return {
    name: "slack.group-announcements",
    types: announcedEvents,
    async handle(event: OutboxMessage<AnnouncedEvent>) {
      const channels = await relays.groupChannels(event.payload.groupId, "slack", "chat");
      if (channels.length === 0) return;
      const text = await announcementOf(event);
      if (text === null) return;
      for (const { channelId, tenantId } of channels)
        await unlessRefused(
          () =>
            clients.withClient(tenantId, (client) =>
              postInLinkedChannel({ core, client }, channelId, `announce/${event.id}`, text),
            ),
          (error) => logger.error(`cannot announce in ${channelId}`, error),
        );
    },
  };
}
