import { translate, type Actor, type PeopleSearchResult } from "@skillswap/core";
import { onClick, onSubmit, type ChatArea } from "../area.js";
import type { ChatCore } from "../context.js";
import { findMaxPage, findQueryOf, searchInputOf, type FindQuery } from "../find-query.js";
import { say, type ChatMessage } from "../reply.js";
import { peopleMessage } from "../sentences/people.js";
import { askForm, askMessageField, matchMessage } from "../sentences/recommendations.js";
import { cities } from "../suggestions/city-suggestions.js";

/** Page `wanted` of a search, reached by following cursors from the first page (a button carries no cursor). */
async function searchPage(core: ChatCore, actor: Actor, query: FindQuery, wanted: number) {
  let result: PeopleSearchResult = await core.services.search.people(actor, searchInputOf(query, null));
  let page = 1;
  while (page < wanted && result.nextCursor !== null) {
    result = await core.services.search.people(actor, searchInputOf(query, result.nextCursor));
    page += 1;
  }
  return { result, page };
}

async function findMessage(core: ChatCore, actor: Actor, query: FindQuery, wanted: number): Promise<ChatMessage> {
  const { result, page } = await searchPage(core, actor, query, wanted);
  return peopleMessage(result, {
    query,
    page,
    hasPrevious: page > 1,
    hasNext: result.nextCursor !== null && page < findMaxPage,
  });
}

/** Finding people: search with paging, and recommendations to request a swap from. */
export const discoveryArea: ChatArea<"find" | "match"> = {
  commands: {
    async find({ core, actor, options }) {
      return findMessage(core, actor, findQueryOf(options), 1);
    },

    async match({ core, actor, options }) {
      const found = await core.services.matching.recommend(actor, {
        limit: 5,
        cycles: options.boolean("cycles") === true,
      });
      return matchMessage(found);
    },
  },
  actions: [
    onClick("find.page", async ({ core, actor }, { query, page }) => ({
      ...(await findMessage(core, actor, query, page)),
      kind: "update",
    })),

    onClick("match.ask", (_context, { swap }) => Promise.resolve(askForm(swap))),

    onClick("match.cycle", async ({ core, actor }, { cycle }) => {
      await core.services.swaps.requestCycle(actor, cycle);
      // A new message under the recommendations, for the person alone like the recommendations themselves.
      return {
        kind: "message",
        text: translate("bot.cycle_requested", { next: cycle.next, after: cycle.after }),
        private: true,
      };
    }),
  ],
  forms: [
    onSubmit("match.ask", async (form, { swap }) => {
      const { to, want, offer } = swap;
      await form.core.services.swaps.request(form.actor, { to, want, offer, message: form.field(askMessageField) });
      return say(translate("bot.swap_requested", { handle: to, want, offer }));
    }),
  ],
  suggestions: { city: cities },
};
