import { canViewProfile } from "../profiles/rules.js";
import { visibilities } from "../profiles/types.js";
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
 *
 * The rule is asked once for each combination of the facts it depends on, not once per person: a recommendation
 * filters thousands of people, and a facts object apiece was a good part of its garbage.
 */
export function admitFor(viewer: MatchProfile, blocked: ReadonlySet<string>): (person: MatchProfile) => boolean {
  // verdicts[visibility × 4 + blocked × 2 + shares a community]
  const verdicts: boolean[] = [];
  for (const [v, ownerVisibility] of visibilities.entries())
    for (const blockedEitherWay of [false, true])
      for (const shareCommunity of [false, true])
        verdicts[v * 4 + (blockedEitherWay ? 2 : 0) + (shareCommunity ? 1 : 0)] = canViewProfile({
          viewerId: "viewer",
          ownerId: "owner",
          ownerVisibility,
          ownerDeleted: false,
          blockedEitherWay,
          shareCommunity,
          // The index holds no swaps: partners met outside a community are seen on their pages, not offered.
          ownerAgreedToSwapWithViewer: false,
        });
  return (person) => {
    if (person.userId === viewer.userId) return true;
    const shares = person.visibility === "communities" && shareAny(viewer.communities, person.communities);
    const at = visibilities.indexOf(person.visibility) * 4 + (blocked.has(person.userId) ? 2 : 0) + (shares ? 1 : 0);
    return verdicts[at] === true;
  };
}
