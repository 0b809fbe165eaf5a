import { forbidden, invalid, notFound } from "../../errors.js";
import type { RowReader, Tx } from "../../infra/prisma/database.js";
import { translate } from "../../messages/index.js";
import { cycleRefusal } from "../matching/cycle-rule.js";
import { loadMatchProfiles } from "../matching/pool.js";
import { skillNumber } from "../matching/skill-ids.js";
import { sightlinesAmong } from "../profiles/visibility.js";

/** A member of a proposed cycle; the requester has no handle to show (messages say "you"). */
export interface CycleMember {
  readonly id: string;
  readonly handle: string | null;
}
export interface CycleSkill {
  readonly id: string;
  readonly name: string;
}
/** The request's field for each link's skill, in cycle order. */
const cycleSkillFields = ["youTeach", "nextTeaches", "afterTeaches"] as const;

/**
 * Judges a proposed cycle by the rule matching offers cycles by (cycleRefusal), on the rows the transaction
 * sees (`readRows` reads inside it), and turns its
 * refusal into the error people see: someone hidden is "not found", a link that cannot meet names its skill.
 */
export async function requireAcceptableCycle(
  tx: Tx,
  readRows: RowReader,
  people: readonly [CycleMember, CycleMember, CycleMember],
  skills: readonly [CycleSkill, CycleSkill, CycleSkill],
  now: Date,
): Promise<void> {
  const profiles = new Map(
    (
      await loadMatchProfiles(
        tx,
        people.map((p) => p.id),
        now,
      )
    ).map((p) => [p.userId, p]),
  );
  const [a, b, c] = people.map((p) => profiles.get(p.id));
  if (a === undefined || b === undefined || c === undefined)
    throw notFound("USER.NOT_FOUND", "user.not_found", { handle: people[2].handle ?? "" });
  const refusal = cycleRefusal(
    { members: [a, b, c], skills: [skillNumber(skills[0].id), skillNumber(skills[1].id), skillNumber(skills[2].id)] },
    await sightlinesAmong(
      readRows,
      people.map((p) => p.id),
    ),
  );
  if (refusal === null) return;
  if (refusal.kind === "hidden") {
    const owner = people[refusal.owner].handle;
    // Someone the requester may not see is "not found"; the requester hidden from one of the others is told so.
    if (owner === null)
      throw forbidden("SWAP.YOU_ARE_HIDDEN", "swap.you_are_hidden", {
        handle: people[refusal.viewer].handle ?? "",
      });
    throw notFound("USER.NOT_FOUND", "user.not_found", { handle: owner });
  }
  const teacher = people[refusal.link];
  const learner = people[((refusal.link + 1) % 3) as 0 | 1 | 2];
  throw invalid("SWAP.CANNOT_MEET", [
    {
      field: cycleSkillFields[refusal.link],
      message: translate(refusal.why === "modes" ? "swap.cycle_cannot_meet" : "swap.cycle_too_far", {
        teacher: teacher.handle ?? "You",
        learner: learner.handle ?? "you",
        skill: skills[refusal.link].name,
      }),
    },
  ]);
}
