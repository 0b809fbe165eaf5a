import { EmbedBuilder } from "discord.js";
import { formatSlot, translate, type DomainError, type UserSkillView, type WeeklySlot } from "@skillswap/core";
import { message, say, type MessageReply } from "../interactions/replies.js";

const fieldLimit = 1024;
const clip = (text: string) => (text.length > fieldLimit ? `${text.slice(0, fieldLimit - 1)}…` : text);

export function skillAddedReply(added: UserSkillView): MessageReply {
  const key = added.direction === "teach" ? "bot.skill_added_teach" : "bot.skill_added_learn";
  return say(translate(key, { skill: added.skill.name, level: added.level }));
}

/** The domain's "unknown skill" sentence, with the spellings it found close to what was typed. */
export function unknownSkillReply(error: DomainError): MessageReply {
  const suggestions = String(error.params.suggestions ?? "");
  const lines = [translate(error.messageKey, error.params)];
  if (suggestions !== "") lines.push(translate("bot.did_you_mean", { suggestions }));
  return say(lines.join("\n"));
}

function linesOf(skills: readonly UserSkillView[], direction: UserSkillView["direction"]): string {
  const lines = skills
    .filter((s) => s.direction === direction)
    .map((s) => translate("bot.skill_level", { skill: s.skill.name, level: s.level }));
  return clip(lines.length === 0 ? "—" : lines.join("\n"));
}

/** Someone's skills, what they teach beside what they want to learn. */
export function skillsReply(name: string, skills: readonly UserSkillView[]): MessageReply {
  const embed = new EmbedBuilder().setTitle(translate("bot.skills_of", { name }).slice(0, 256));
  if (skills.length === 0) embed.setDescription(translate("bot.skills_none"));
  else
    embed.addFields(
      { name: translate("bot.profile_teaches"), value: linesOf(skills, "teach"), inline: true },
      { name: translate("bot.profile_learns"), value: linesOf(skills, "learn"), inline: true },
    );
  return message({ embeds: [embed.toJSON()] });
}

const modeKeys = { online: "bot.mode_online", in_person: "bot.mode_in_person", either: "bot.mode_either" } as const;

/** The weekly times as stored, in the person's time zone, and how they meet when that changed. */
export function availabilityReply(
  slots: readonly WeeklySlot[],
  timeZone: string,
  mode: keyof typeof modeKeys | null,
): MessageReply {
  const lines = [
    slots.length === 0
      ? translate("bot.availability_cleared")
      : translate("bot.availability_set", { timeZone, slots: slots.map(formatSlot).join(", ") }),
  ];
  if (mode !== null) lines.push(translate("bot.meets", { mode: translate(modeKeys[mode]) }));
  return say(lines.join("\n"));
}
