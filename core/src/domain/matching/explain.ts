import { translate } from "../../messages/index.js";
import type { CycleMatch, PairMatch } from "./types.js";
import { formatUtcInterval } from "./week-utc.js";

export type SkillNames = (skillId: string) => string;

/** "teaches you Spanish (level 4), wants your Guitar; both free Tue 18:00–20:00 UTC; 3 km away" */
export function explainPair(match: PairMatch, skillName: SkillNames): string {
  const skills = [
    translate("match.teaches_you", { skill: skillName(match.theyTeach.skillId), level: match.theyTeach.teacherLevel }),
    translate("match.wants_yours", { skill: skillName(match.youTeach.skillId) }),
  ].join(", ");
  const time =
    match.sharedSlot !== null
      ? translate("match.both_free", { slot: formatUtcInterval(match.sharedSlot) })
      : match.components.availability === 1
        ? translate("match.flexible")
        : translate("match.no_shared_time");
  const nearby = match.distanceKm !== null && match.distanceKm < 30;
  const place =
    match.components.distance === 1 && !nearby ? translate("match.online") : distanceWords(match.distanceKm ?? 0);
  return [skills, time, place].join("; ");
}

/** "same city" under a kilometre (two people in one city share its coordinates), else "12 km away". */
function distanceWords(km: number): string {
  return km < 1 ? translate("match.same_city") : translate("match.km_away", { km: Math.round(km) });
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
