import type { SuggestionProvider } from "../area.js";

const maxChoices = 25;

/**
 * Cities of the offline gazetteer starting with what is typed, biggest first; the value is a query that finds
 * exactly that city again ("Portland, US-OR"), so picking one never comes back as "ambiguous".
 */
export const cities: SuggestionProvider = ({ core, typed }) =>
  Promise.resolve(
    core.services.profiles.suggestCities(typed, maxChoices).map(({ label, query }) => ({ label, value: query })),
  );
