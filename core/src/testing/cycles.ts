import type { Core } from "../app.js";
import type { CycleRecommendation } from "../domain/matching/views.js";
import type { Actor } from "../domain/shared/actor.js";
import type { SwapView } from "../domain/swaps/types.js";

/** Requests a recommended three-person swap exactly as it was offered: its people and skills, in cycle order. */
export async function requestOfferedCycle(core: Core, actor: Actor, cycle: CycleRecommendation): Promise<SwapView> {
  const [yours, theirs, back] = cycle.links;
  if (yours === undefined || theirs === undefined || back === undefined) throw new Error("a cycle has 3 links");
  return core.services.swaps.requestCycle(actor, {
    next: theirs.teacher,
    after: back.teacher,
    youTeach: yours.skill.name,
    nextTeaches: theirs.skill.name,
    afterTeaches: back.skill.name,
  });
}
