import type { OutboxHandler, OutboxMessage } from "@skillswap/core";
import { sessionUpcomingAnnouncement } from "../renderers/announcement-group.js";
import { unlessRefused } from "./discord-refusals.js";
import { postOnce } from "./post-once.js";
import type { RelayContext } from "./relay-context.js";

/**
 * Upcoming sessions in the linked chat channels of the groups their people share, when the reminder comes
 * (a day before). Core decides where, if anywhere (`relays.sessionAnnouncement`): only with everyone's opt-in.
 */
export function sessionAnnouncementsHandler(context: RelayContext): OutboxHandler<"session.reminder"> {
  const { core, logger } = context;
  return {
    name: "discord.session-announcements",
    types: ["session.reminder"],
    async handle(event: OutboxMessage<"session.reminder">) {
      const session = await core.services.relays.sessionAnnouncement(event.payload.sessionId, "discord");
      if (session === null) return;
      for (const { channelId, groupName } of session.channels)
        await unlessRefused(
          () => postOnce(context, channelId, sessionUpcomingAnnouncement(session, groupName, event.id)),
          (error) => logger.error(`cannot announce a session in ${channelId}`, error),
        );
    },
  };
}
