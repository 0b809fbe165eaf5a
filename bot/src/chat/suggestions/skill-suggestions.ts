import { translate } from "@skillswap/core";
import type { Suggestion, SuggestionProvider } from "../area.js";

const maxChoices = 25;
const matches = (typed: string, name: string) => name.toLowerCase().includes(typed.trim().toLowerCase());

/** Catalog skills by name or alias, from core's cached spellings: no query per keystroke. */
export const catalogSkills: SuggestionProvider = async ({ core, typed }) =>
  (await core.services.skills.suggest(typed, maxChoices)).map((name) => ({ label: name, value: name }));

/**
 * The person's own skills, valued by their userSkill id so removing one is exact even when the same skill is
 * listed to teach and to learn.
 */
export const ownSkills: SuggestionProvider = async ({ core, actor, typed }) => {
  const { skills } = await core.services.profiles.me(actor);
  return skills
    .filter((skill) => matches(typed, skill.name))
    .slice(0, maxChoices)
    .map((skill): Suggestion => ({
      label: `${translate("bot.skill_level", { skill: skill.name, level: skill.level })} · ${skill.direction}`,
      value: skill.id,
    }));
};

/** The skills the person teaches: what they can offer in a swap. */
export const ownTeachSkills: SuggestionProvider = async ({ core, actor, typed }) => {
  const { skills } = await core.services.profiles.me(actor);
  return skills
    .filter((skill) => skill.direction === "teach" && matches(typed, skill.name))
    .slice(0, maxChoices)
    .map((skill) => ({ label: skill.name, value: skill.name }));
};
