import { formatLocalDateTime, translate } from "@skillswap/core";
import { say, type ChatMessage } from "../reply.js";

/** The session as core shows it; only what is said about it. */
export interface SessionLike {
  readonly skill: { readonly name: string } | null;
  readonly startsAt: Date;
  readonly durationMinutes: number;
  readonly mode: "online" | "in_person";
  readonly status: string;
}

/** "Session scheduled: Spanish, 2026-12-01 18:30 (Europe/Paris), 60 minutes, online." on the person's clock. */
export function sessionScheduledMessage(session: SessionLike, timeZone: string): ChatMessage {
  return say(
    translate("bot.session_scheduled", {
      skill: session.skill?.name ?? "",
      when: formatLocalDateTime(session.startsAt, timeZone),
      zone: timeZone,
      minutes: session.durationMinutes,
      mode: translate(session.mode === "online" ? "bot.session_online" : "bot.session_in_person"),
    }),
  );
}

/** After a confirmation: done, or waiting for the others. */
export function sessionConfirmedMessage(session: SessionLike): ChatMessage {
  return say(translate(session.status === "completed" ? "bot.session_completed" : "bot.session_you_confirmed"));
}

/** What to type when `when` could not be read. */
export function whenFormatMessage(timeZone: string): ChatMessage {
  return say(translate("bot.session_when_format", { zone: timeZone }));
}
