import type { RESTPostAPIChannelMessageJSONBody } from "discord.js";
import type { OutboxHandler, OutboxMessage } from "@skillswap/core";
import { groupJoinedAnnouncement, threadStartedAnnouncement } from "../renderers/announcement-group.js";
import { unlessRefused } from "./discord-refusals.js";
import { postOnce } from "./post-once.js";
import type { RelayContext } from "./relay-context.js";

const announcedEvents = ["group.joined", "forum.thread_started"] as const;
type AnnouncedEvent = (typeof announcedEvents)[number];

/**
 * What a group's linked Discord chat channels hear about: new members and new forum threads (from any
 * surface). Upcoming sessions have their own handler (session-announcements.ts), as they are announced only
 * with their people's consent.
 */
export function groupAnnouncementsHandler(context: RelayContext): OutboxHandler<AnnouncedEvent> {
  const { core, logger } = context;
  async function announcementOf(
    event: OutboxMessage<AnnouncedEvent>,
  ): Promise<RESTPostAPIChannelMessageJSONBody | null> {
    if (event.type === "group.joined") {
      const names = await core.services.relays.groupMembership(event.payload.groupId, event.payload.userId);
      return names === null ? null : groupJoinedAnnouncement(names.personName, names.groupName, event.id);
    }
    const thread = await core.services.relays.forumThread(event.payload.threadId);
    return thread === null || thread.removed ? null : threadStartedAnnouncement(thread, event.id);
  }

  return {
    name: "discord.group-announcements",
    types: announcedEvents,
    async handle(event: OutboxMessage<AnnouncedEvent>) {
      const channels = await core.services.relays.groupChannels(event.payload.groupId, "discord", "chat");
      if (channels.length === 0) return;
      const body = await announcementOf(event);
      if (body === null) return;
      for (const { channelId } of channels)
        await unlessRefused(
          () => postOnce(context, channelId, body),
          (error) => logger.error(`cannot announce in ${channelId}`, error),
        );
    },
  };
}
