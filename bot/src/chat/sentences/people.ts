import { translate, type PeopleSearchResult, type PersonHit } from "@skillswap/core";
import type { FindQuery } from "../find-query.js";
import type { ChatMessage } from "../reply.js";

function whyOf(hit: PersonHit): string {
  const reasons = hit.reasons.map((r) => r.text);
  if (hit.distanceKm !== null) reasons.push(translate("search.km_away", { km: Math.round(hit.distanceKm) }));
  return reasons.length === 0 ? "—" : reasons.join("\n");
}

/** Which page of a search is shown and whether there are pages either side. */
export interface Paging {
  readonly query: FindQuery;
  readonly page: number;
  readonly hasPrevious: boolean;
  readonly hasNext: boolean;
}

/** One page of /find: the people with why each matched, the page number and Previous/Next. */
export function peopleMessage(result: PeopleSearchResult, paging: Paging): ChatMessage {
  const { query, page } = paging;
  const title = translate("search.results_for", { text: query.skill });
  const found =
    result.hits.length === 0
      ? { note: translate("search.no_results") }
      : { people: result.hits.map((hit) => ({ handle: hit.handle, name: hit.displayName, why: whyOf(hit) })) };
  return {
    kind: "message",
    cards: [{ title, ...found, footer: translate("bot.page", { page }) }],
    buttons: [
      [
        {
          label: translate("bot.previous"),
          action: { kind: "find.page", query, page: page - 1 },
          tone: "secondary",
          disabled: !paging.hasPrevious,
        },
        {
          label: translate("bot.next"),
          action: { kind: "find.page", query, page: page + 1 },
          tone: "secondary",
          disabled: !paging.hasNext,
        },
      ],
    ],
  };
}
