import type { Sightlines } from "../profiles/visibility.js";
import { kmBetween, meetingFor } from "./links.js";
import type { MeetingRefusal } from "./rules.js";
import type { MatchProfile } from "./types.js";

/** Positions in a cycle: 0 the requester, 1 the next person (taught by the requester), 2 the one after. */
export type CyclePosition = 0 | 1 | 2;

export type CycleRefusal =
  | { readonly kind: "hidden"; readonly viewer: CyclePosition; readonly owner: CyclePosition }
  | { readonly kind: "cannot_meet"; readonly link: CyclePosition; readonly why: MeetingRefusal };

export interface CycleProposal {
  /** The requester, the next person, the one after. */
  readonly members: readonly [MatchProfile, MatchProfile, MatchProfile];
  /** Skill numbers: what member i teaches member i + 1 (the last teaches the requester). */
  readonly skills: readonly [number, number, number];
}

// Each of the three sees the other two: they will share a conversation. The requester's own sightlines come
// first (they chose the others), then the others'. Visibility refuses a block either way, so no two of the three
// have blocked each other.
const sightlines: ReadonlyArray<readonly [CyclePosition, CyclePosition]> = [
  [0, 1],
  [0, 2],
  [1, 2],
  [2, 1],
  [1, 0],
  [2, 0],
];
const links: readonly CyclePosition[] = [0, 1, 2];

/**
 * Whether a three-person swap can be accepted as proposed, and if not the first reason why. The one rule both
 * for offering a cycle (matching) and for storing a requested one (swaps.requestCycle), so a cycle offered is
 * a cycle that can be requested: every member visible to the other two, and each link's teacher and learner able to
 * meet for its skill (modes, per skill where set, and distance within both people's limits).
 */
export function cycleRefusal(proposal: CycleProposal, sight: Sightlines): CycleRefusal | null {
  const { members, skills } = proposal;
  for (const [viewer, owner] of sightlines)
    if (!sight.maySee(members[viewer].userId, members[owner].userId)) return { kind: "hidden", viewer, owner };
  for (const link of links) {
    const teacher = members[link];
    const learner = members[((link + 1) % 3) as CyclePosition];
    const meeting = meetingFor(teacher, learner, skills[link], kmBetween(teacher, learner));
    if ("refused" in meeting) return { kind: "cannot_meet", link, why: meeting.refused };
  }
  return null;
}
