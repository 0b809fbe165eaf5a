import { isDomainError, translate, type AvailabilityInput } from "@skillswap/core";
import type { ChatArea, CommandRun } from "../area.js";
import { say } from "../reply.js";
import { availabilityMessage, skillAddedMessage, skillsMessage, unknownSkillMessage } from "../sentences/skills.js";
import { parseSlotList } from "../slot-list.js";
import { catalogSkills, ownSkills, ownTeachSkills } from "../suggestions/skill-suggestions.js";
import { timeZones } from "../suggestions/time-zone-suggestions.js";

// The command offers "both"; the domain calls it "either".
const meetingModes = { online: "online", in_person: "in_person", both: "either" } as const;
const isModeChoice = (text: string): text is keyof typeof meetingModes => Object.hasOwn(meetingModes, text);

/** A skill's own mode and weekly times, when the person gave them: they override the profile's for it. */
const addSkill: CommandRun = async ({ core, actor, options }) => {
  const direction = options.string("direction") === "learn" ? "learn" : "teach";
  const choice = options.string("mode") ?? "";
  const times = options.string("times");
  const parsed = times === null ? null : parseSlotList(times);
  if (parsed?.ok === false) return say(translate("bot.slot_unreadable", { slot: parsed.unreadable }));
  try {
    const added = await core.services.skills.add(actor, {
      skill: options.string("skill") ?? "",
      direction,
      level: options.integer("level") ?? 0,
      ...(isModeChoice(choice) ? { mode: meetingModes[choice] } : {}),
      ...(parsed === null || parsed.slots.length === 0
        ? {}
        : {
            availability: parsed.slots.map((slot) => ({
              day: slot.weekday,
              start: slot.startMinute,
              end: slot.endMinute,
            })),
          }),
    });
    return skillAddedMessage(added);
  } catch (error) {
    if (isDomainError(error) && error.code === "SKILL.UNKNOWN") return unknownSkillMessage(error);
    throw error;
  }
};

/**
 * Picked from the suggestions, the option is the userSkill id; typed by hand, it is a skill name, which names
 * one of the person's skills unless they list it both to teach and to learn.
 */
const removeSkill: CommandRun = async ({ core, actor, options }) => {
  const typed = (options.string("skill") ?? "").trim();
  const { skills } = await core.services.profiles.me(actor);
  const byId = skills.find((s) => s.id === typed);
  const byName = skills.filter((s) => s.name.toLowerCase() === typed.toLowerCase());
  if (byId === undefined && byName.length > 1)
    return say(translate("bot.skill_pick_one", { skill: byName[0]?.name ?? typed }));
  const chosen = byId ?? byName[0];
  // An id or name that is none of theirs goes to core as typed, which says it is not on their profile.
  await core.services.skills.remove(actor, chosen?.id ?? typed);
  return say(translate("bot.skill_removed", { skill: chosen?.name ?? typed }));
};

const listSkills: CommandRun = async ({ core, actor, options }) => {
  const person = options.person("user");
  if (person === null) {
    const me = await core.services.profiles.me(actor);
    return skillsMessage(me.displayName, await core.services.skills.listFor(actor, me.handle));
  }
  if (person.handle === null) return say(translate("bot.not_on_skillswap", { name: person.name }));
  return skillsMessage(person.name, await core.services.skills.listFor(actor, person.handle));
};

const setAvailability: CommandRun = async ({ core, actor, options }) => {
  const parsed = parseSlotList(options.string("slots") ?? "");
  if (!parsed.ok) return say(translate("bot.slot_unreadable", { slot: parsed.unreadable }));
  const choice = options.string("mode") ?? "";
  const mode = isModeChoice(choice) ? meetingModes[choice] : null;
  const timeZone = options.string("timezone");
  // The time zone first: the slots are read in it, and a wrong one must stop before anything is saved.
  const profile =
    timeZone === null
      ? await core.services.profiles.me(actor)
      : await core.services.profiles.update(actor, { timeZone });
  const input: AvailabilityInput = {
    slots: parsed.slots.map((slot) => ({ day: slot.weekday, start: slot.startMinute, end: slot.endMinute })),
    ...(mode === null ? {} : { meetingMode: mode }),
  };
  const saved = await core.services.skills.setAvailability(actor, input);
  return availabilityMessage(saved.slots, profile.timeZone, mode);
};

/** The skills on a person's profile and the weekly times they are free. */
export const skillsArea: ChatArea<"skills add" | "skills remove" | "skills list" | "availability"> = {
  commands: {
    "skills add": addSkill,
    "skills remove": removeSkill,
    "skills list": listSkills,
    availability: setAvailability,
  },
  suggestions: {
    skill: catalogSkills,
    "own-skill": ownSkills,
    "own-teach-skill": ownTeachSkills,
    "time-zone": timeZones,
  },
};
