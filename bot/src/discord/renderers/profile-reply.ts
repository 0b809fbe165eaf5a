import { EmbedBuilder } from "discord.js";
import { formatSlot, translate, type ProfileView } from "@skillswap/core";
import { message, type MessageReply } from "../interactions/replies.js";

// Discord caps an embed description at 4096 characters and a field value at 1024.
const descriptionLimit = 4096;
const fieldLimit = 1024;
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);

function skillLines(profile: ProfileView, direction: "teach" | "learn"): string {
  const lines = profile.skills
    .filter((skill) => skill.direction === direction)
    .map((skill) => translate("bot.skill_level", { skill: skill.name, level: skill.level }));
  return clip(lines.length === 0 ? "—" : lines.join("\n"), fieldLimit);
}

function ratingLine(profile: ProfileView): string {
  const { count, average } = profile.rating;
  return average === null
    ? translate("bot.profile_no_reviews")
    : translate("bot.profile_rating", { average: average.toFixed(1), count });
}

/** A profile as an embed: who, where, what they teach and learn, when they are free, how they are rated. */
export function profileEmbed(profile: ProfileView) {
  const place = profile.location === null ? null : [profile.location.name, profile.location.country].join(", ");
  const embed = new EmbedBuilder().setTitle(clip(`${profile.displayName} (@${profile.handle})`, 256)).addFields(
    { name: translate("bot.profile_teaches"), value: skillLines(profile, "teach"), inline: true },
    { name: translate("bot.profile_learns"), value: skillLines(profile, "learn"), inline: true },
    {
      name: translate("bot.profile_available"),
      value: clip(profile.availability.map(formatSlot).join(", ") || "—", fieldLimit),
    },
    { name: translate("bot.profile_location"), value: place ?? "—", inline: true },
    { name: translate("bot.profile_time_zone"), value: profile.timeZone, inline: true },
    { name: translate("bot.profile_reviews"), value: ratingLine(profile), inline: true },
  );
  if (profile.bio !== "") embed.setDescription(clip(profile.bio, descriptionLimit));
  // Discord shows a thumbnail at 80 px at most; the small square is plenty and quick for its image proxy to fetch.
  if (profile.avatarSmallUrl !== null) embed.setThumbnail(profile.avatarSmallUrl);
  // Only the owner needs to be reminded who can see them; others already can.
  if (profile.isOwner) {
    const shares = "shareSessions" in profile && profile.shareSessions === true;
    const lines = [translate("bot.profile_visible_to", { visibility: profile.visibility })];
    if (shares) lines.push(translate("bot.profile_shares_sessions"));
    embed.setFooter({ text: lines.join("\n") });
  }
  return embed.toJSON();
}

export function profileReply(profile: ProfileView, content?: string): MessageReply {
  return message({ ...(content === undefined ? {} : { content }), embeds: [profileEmbed(profile)] });
}
