import { formatSlot, translate, type DomainError, type UserSkillView, type WeeklySlot } from "@skillswap/core";
import { say, type ChatMessage } from "../reply.js";

export function skillAddedMessage(added: UserSkillView): ChatMessage {
  const key = added.direction === "teach" ? "bot.skill_added_teach" : "bot.skill_added_learn";
  return say(translate(key, { skill: added.skill.name, level: added.level }));
}

/** The domain's "unknown skill" sentence, with the spellings it found close to what was typed. */
export function unknownSkillMessage(error: DomainError): ChatMessage {
  const suggestions = String(error.params.suggestions ?? "");
  const lines = [translate(error.messageKey, error.params)];
  if (suggestions !== "") lines.push(translate("bot.did_you_mean", { suggestions }));
  return say(lines.join("\n"));
}

function linesOf(skills: readonly UserSkillView[], direction: UserSkillView["direction"]): string {
  const lines = skills
    .filter((s) => s.direction === direction)
    .map((s) => translate("bot.skill_level", { skill: s.skill.name, level: s.level }));
  return lines.length === 0 ? "—" : lines.join("\n");
}

/** Someone's skills, what they teach beside what they want to learn. */
export function skillsMessage(name: string, skills: readonly UserSkillView[]): ChatMessage {
  const title = translate("bot.skills_of", { name });
  if (skills.length === 0) return { kind: "message", cards: [{ title, note: translate("bot.skills_none") }] };
  const fields = [
    { label: translate("bot.profile_teaches"), value: linesOf(skills, "teach"), short: true },
    { label: translate("bot.profile_learns"), value: linesOf(skills, "learn"), short: true },
  ];
  return { kind: "message", cards: [{ title, fields }] };
}

const modeKeys = { online: "bot.mode_online", in_person: "bot.mode_in_person", either: "bot.mode_either" } as const;

/** The weekly times as stored, in the person's time zone, and how they meet when that changed. */
export function availabilityMessage(
  slots: readonly WeeklySlot[],
  timeZone: string,
  mode: keyof typeof modeKeys | null,
): ChatMessage {
  const lines = [
    slots.length === 0
      ? translate("bot.availability_cleared")
      : translate("bot.availability_set", { timeZone, slots: slots.map(formatSlot).join(", ") }),
  ];
  if (mode !== null) lines.push(translate("bot.meets", { mode: translate(modeKeys[mode]) }));
  return say(lines.join("\n"));
}
