import { canViewProfile } from "../profiles/rules.js";
import type { MatchProfile } from "./types.js";

/** Whether two sorted lists of community ids share one. */
function shareAny(a: readonly string[], b: readonly string[]): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const x = a[i] as string;
    const y = b[j] as string;
    if (x === y) return true;
    if (x < y) i++;
    else j++;
  }
  return false;
}

/**
 * Who `viewer` may be offered, decided in memory on the index's copy of each person by the profile visibility
 * rule itself (with the viewer's blocks, read fresh): matching filters with it before it ranks, so people the
 * viewer may not see never take a place from those they may. What is finally shown is re-checked in the
 * database all the same: the index can trail a change by one request.
 */
export function admitFor(viewer: MatchProfile, blocked: ReadonlySet<string>): (person: MatchProfile) => boolean {
  return (person) =>
    canViewProfile({
      viewerId: viewer.userId,
      ownerId: person.userId,
      ownerVisibility: person.visibility,
      ownerDeleted: false,
      blockedEitherWay: blocked.has(person.userId),
      shareCommunity: person.visibility === "communities" && shareAny(viewer.communities, person.communities),
    });
}
