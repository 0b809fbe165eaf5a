import type { SuggestionProvider } from "../area.js";
import { groupLabel } from "../sentences/groups.js";

const maxChoices = 25;

/** Groups of the community the person is in (or all theirs, in a DM) and open ones; valued by group id. */
export const groups: SuggestionProvider = async ({ core, actor, community, typed }) => {
  const key = typed.trim().toLowerCase();
  const visible = await core.services.groups.list(actor, community === null ? {} : { seenFrom: community.communityId });
  return visible
    .filter((g) => g.name.toLowerCase().includes(key) || g.slug.includes(key))
    .slice(0, maxChoices)
    .map((g) => ({ label: groupLabel(g), value: g.id }));
};
