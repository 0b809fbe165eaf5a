import type { SuggestionProvider } from "../area.js";

const maxChoices = 25;

/**
 * People the person may see whose name, handle or skills match what is typed, as core's search ranks them;
 * the value is the handle, which is what a request names.
 */
export const people: SuggestionProvider = async ({ core, actor, typed }) => {
  const { hits } = await core.services.search.people(actor, { text: typed.trim(), limit: maxChoices });
  return hits.map((hit) => ({ label: `${hit.displayName} (@${hit.handle})`, value: hit.handle }));
};
