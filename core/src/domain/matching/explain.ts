import { translate } from "../../messages/index.js";
import type { CycleMatch, PairMatch, SkillLink } from "./types.js";
import { formatUtcInterval } from "./week-utc.js";

export type SkillNames = (skillId: string) => string;

/** "teaches you Spanish (level 4)", or for a near fit "teaches Spanish at level 4; you asked for 5". */
export function explainTeachesYou(link: SkillLink, skillName: SkillNames): string {
  const params = { skill: skillName(link.skillId), level: link.teacherLevel, wanted: link.wantedLevel };
  return link.fit === "exact" ? translate("match.teaches_you", params) : translate("match.teaches_you_near", params);
}

/** "wants your Guitar", or for a near fit "wants your Guitar at level 5; you teach it at 4". */
function explainWantsYours(link: SkillLink, skillName: SkillNames): string {
  const params = { skill: skillName(link.skillId), level: link.teacherLevel, wanted: link.wantedLevel };
  return link.fit === "exact" ? translate("match.wants_yours", params) : translate("match.wants_yours_near", params);
}

/** "2 h", "1 h 30 min", "45 min". */
function duration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return translate("match.minutes", { minutes: rest });
  return rest === 0 ? translate("match.hours", { hours }) : translate("match.hours_minutes", { hours, minutes: rest });
}

/** "both free Tue 18:00–20:00 UTC (2 h a week together)", "flexible schedule" or "no shared time yet". */
export function explainTime(link: SkillLink): string {
  if (link.sharedSlot !== null)
    return translate("match.both_free", {
      slot: formatUtcInterval(link.sharedSlot),
      together: translate("match.week_together", { time: duration(link.overlapMinutes) }),
    });
  return link.overlapMinutes === 0 ? translate("match.no_shared_time") : translate("match.flexible");
}

/** "online", or "same city" / "12 km away" when they meet in person or live close by. */
export function explainPlace(links: readonly SkillLink[]): string {
  const km = links[0]?.km ?? null;
  const inPerson = links.some((l) => l.meeting === "in_person");
  if (!inPerson && (km === null || km >= 30)) return translate("match.online");
  // Two people in one city share its coordinates: under a kilometre is "same city".
  return (km ?? 0) < 1 ? translate("match.same_city") : translate("match.km_away", { km: Math.round(km ?? 0) });
}

const sameTime = (a: SkillLink, b: SkillLink) =>
  a.overlapMinutes === b.overlapMinutes &&
  a.sharedSlot?.start === b.sharedSlot?.start &&
  a.sharedSlot?.end === b.sharedSlot?.end;

/**
 * "teaches you Spanish (level 4), wants your Guitar; both free Tue 18:00–20:00 UTC (2 h a week together); 3 km
 * away". When a skill has its own slots, each session's time is named: "Spanish: both free …; Guitar: …".
 */
export function explainPair(match: PairMatch, skillName: SkillNames): string {
  const { theyTeach, youTeach } = match;
  const skills = [explainTeachesYou(theyTeach, skillName), explainWantsYours(youTeach, skillName)].join(", ");
  const time = sameTime(theyTeach, youTeach)
    ? explainTime(theyTeach)
    : [theyTeach, youTeach].map((l) => `${skillName(l.skillId)}: ${explainTime(l)}`).join("; ");
  return [skills, time, explainPlace([theyTeach, youTeach])].join("; ");
}

/** "you teach Bo Guitar; Bo teaches Cy Spanish; Cy teaches you Chess" */
export function explainCycle(cycle: CycleMatch, skillName: SkillNames, actorId: string): string {
  return cycle.links
    .map((l) => {
      const params = {
        teacher: l.teacher.displayName,
        learner: l.learner.userId === actorId ? "you" : l.learner.displayName,
        skill: skillName(l.link.skillId),
      };
      return l.teacher.userId === actorId
        ? translate("match.cycle_you_teach", params)
        : translate("match.cycle_link", params);
    })
    .join("; ");
}
