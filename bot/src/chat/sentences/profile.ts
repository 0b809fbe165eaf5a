import { formatSlot, translate, type ProfileView } from "@skillswap/core";
import type { ChatCard, ChatMessage } from "../reply.js";

function skillLines(profile: ProfileView, direction: "teach" | "learn"): string {
  const lines = profile.skills
    .filter((skill) => skill.direction === direction)
    .map((skill) => translate("bot.skill_level", { skill: skill.name, level: skill.level }));
  return lines.length === 0 ? "—" : lines.join("\n");
}

function ratingLine(profile: ProfileView): string {
  const { count, average } = profile.rating;
  return average === null
    ? translate("bot.profile_no_reviews")
    : translate("bot.profile_rating", { average: average.toFixed(1), count });
}

/** Only the owner needs to be reminded who can see them; others already can. */
function ownerNote(profile: ProfileView): string | undefined {
  if (!profile.isOwner) return undefined;
  const shares = "shareSessions" in profile && profile.shareSessions === true;
  const lines = [translate("bot.profile_visible_to", { visibility: profile.visibility })];
  if (shares) lines.push(translate("bot.profile_shares_sessions"));
  return lines.join("\n");
}

/** A profile: who, where, what they teach and learn, when they are free, how they are rated. */
export function profileCard(profile: ProfileView): ChatCard {
  const place = profile.location === null ? null : [profile.location.name, profile.location.country].join(", ");
  const footer = ownerNote(profile);
  return {
    title: `${profile.displayName} (@${profile.handle})`,
    ...(profile.bio === "" ? {} : { note: profile.bio }),
    fields: [
      { label: translate("bot.profile_teaches"), value: skillLines(profile, "teach"), short: true },
      { label: translate("bot.profile_learns"), value: skillLines(profile, "learn"), short: true },
      { label: translate("bot.profile_available"), value: profile.availability.map(formatSlot).join(", ") || "—" },
      { label: translate("bot.profile_location"), value: place ?? "—", short: true },
      { label: translate("bot.profile_time_zone"), value: profile.timeZone, short: true },
      { label: translate("bot.profile_reviews"), value: ratingLine(profile), short: true },
    ],
    // The small square: chat apps show a thumbnail at 80 px at most, and it is quick for their proxies to fetch.
    ...(profile.avatarSmallUrl === null ? {} : { pictureUrl: profile.avatarSmallUrl }),
    ...(footer === undefined ? {} : { footer }),
  };
}

export function profileMessage(profile: ProfileView, text?: string): ChatMessage {
  return { kind: "message", ...(text === undefined ? {} : { text }), cards: [profileCard(profile)] };
}
