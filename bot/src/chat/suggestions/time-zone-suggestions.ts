import type { SuggestionProvider } from "../area.js";

const maxChoices = 25;

// Read once: the runtime's list does not change while the process runs, and filtering ~420 names is instant.
let zones: readonly { readonly zone: string; readonly folded: string }[] | undefined;
const fold = (text: string) => text.toLowerCase().replace(/[\s_]+/g, " ");

function allZones() {
  zones ??= [...new Set([...Intl.supportedValuesOf("timeZone"), "UTC"])].map((zone) => ({ zone, folded: fold(zone) }));
  return zones;
}

/** IANA time zones containing what is typed ("paris", "new york"), those whose city starts with it first. */
export const timeZones: SuggestionProvider = ({ typed }) => {
  const key = fold(typed.trim());
  const found = allZones().filter((z) => z.folded.includes(key));
  const cityStarts = (z: { folded: string }) => (z.folded.split("/").at(-1) ?? "").startsWith(key);
  const ranked = [...found.filter(cityStarts), ...found.filter((z) => !cityStarts(z))];
  return Promise.resolve(ranked.slice(0, maxChoices).map(({ zone }) => ({ label: zone, value: zone })));
};
