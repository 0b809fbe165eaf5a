import { parseLocalDateTime } from "@skillswap/core";
import type { ChatArea } from "../area.js";
import { sessionConfirmedMessage, sessionScheduledMessage, whenFormatMessage } from "../sentences/sessions.js";

/** Scheduling the sessions of a swap and confirming they took place. */
export const sessionsArea: ChatArea<"session schedule" | "session complete"> = {
  commands: {
    async "session schedule"({ core, actor, options }) {
      // People type the time on their own clock; core stores an instant.
      const { timeZone } = await core.services.profiles.me(actor);
      const startsAt = parseLocalDateTime(options.string("when") ?? "", timeZone);
      if (startsAt === null) return whenFormatMessage(timeZone);
      const minutes = options.integer("minutes");
      const place = options.string("where");
      const skill = options.string("skill");
      const session = await core.services.sessions.schedule(actor, options.string("swap") ?? "", {
        startsAt,
        // Optional in the command, described there as online unless the person picks in person.
        mode: options.string("mode") === "in_person" ? "in_person" : "online",
        ...(minutes === null ? {} : { durationMinutes: minutes }),
        ...(place === null ? {} : { place }),
        ...(skill === null ? {} : { skill }),
      });
      return sessionScheduledMessage(session, timeZone);
    },

    async "session complete"({ core, actor, options }) {
      return sessionConfirmedMessage(await core.services.sessions.confirm(actor, options.string("session") ?? ""));
    },
  },
};
