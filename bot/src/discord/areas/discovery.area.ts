import { MessageFlags } from "discord.js";
import { translate, type Actor, type PeopleSearchResult } from "@skillswap/core";
import type { BotArea, BotCore } from "../interactions/handlers.js";
import { message, say, update } from "../interactions/replies.js";
import {
  askForm,
  matchAskMessageField,
  matchAskRoute,
  matchCycleRoute,
  matchMessage,
} from "../renderers/match-reply.js";
import { peopleMessage } from "../renderers/people-reply.js";
import { cities } from "../suggestions/city-suggestions.js";
import { unpackText } from "./custom-id-text.js";
import {
  findMaxPage,
  findPageId,
  findPageRoute,
  findQueryOf,
  parseFindPageArgs,
  searchInputOf,
  type FindQuery,
} from "./find-query.js";

/** Page `wanted` of a search, reached by following cursors from the first page (see findPageId). */
async function searchPage(core: BotCore, actor: Actor, query: FindQuery, wanted: number) {
  let result: PeopleSearchResult = await core.services.search.people(actor, searchInputOf(query, null));
  let page = 1;
  while (page < wanted && result.nextCursor !== null) {
    result = await core.services.search.people(actor, searchInputOf(query, result.nextCursor));
    page += 1;
  }
  return { result, page };
}

async function findMessage(core: BotCore, actor: Actor, query: FindQuery, wanted: number) {
  const { result, page } = await searchPage(core, actor, query, wanted);
  return peopleMessage(query.skill, result, {
    page,
    previousId: findPageId(query, page - 1),
    nextId: findPageId(query, page + 1),
    hasPrevious: page > 1,
    hasNext: result.nextCursor !== null && page < findMaxPage,
  });
}

/** What a "Request swap" button (and its form) carries: the partner, what they teach you, what you teach them. */
function askedSwapOf(args: readonly string[]) {
  const [to = "", want = "", offer = ""] = args;
  return { to, want: unpackText(want), offer: unpackText(offer) };
}

/** Finding people: search with paging, and recommendations to request a swap from. */
export const discoveryArea: BotArea<"find" | "match"> = {
  commands: {
    async find({ core, actor, options }) {
      return message(await findMessage(core, actor, findQueryOf(options), 1));
    },

    async match({ core, actor, options }) {
      const found = await core.services.matching.recommend(actor, {
        limit: 5,
        cycles: options.boolean("cycles") === true,
      });
      return message(matchMessage(found));
    },
  },
  buttons: {
    async [findPageRoute]({ core, actor, args }) {
      const { query, page } = parseFindPageArgs(args);
      return update(await findMessage(core, actor, query, page));
    },

    [matchAskRoute]: ({ args, interaction }) =>
      // The form keeps the button's id: it carries the same swap to the submission.
      Promise.resolve(askForm(interaction.data.custom_id, askedSwapOf(args).to)),

    async [matchCycleRoute]({ core, actor, args }) {
      const [next = "", after = "", youTeach = "", nextTeaches = "", afterTeaches = ""] = args;
      await core.services.swaps.requestCycle(actor, {
        next,
        after,
        youTeach: unpackText(youTeach),
        nextTeaches: unpackText(nextTeaches),
        afterTeaches: unpackText(afterTeaches),
      });
      // A new message under the recommendations, for the person alone like the recommendations themselves.
      return message({ content: translate("bot.cycle_requested", { next, after }), flags: MessageFlags.Ephemeral });
    },
  },
  forms: {
    async [matchAskRoute](context) {
      const { core, actor, args } = context;
      const { to, want, offer } = askedSwapOf(args);
      await core.services.swaps.request(actor, { to, want, offer, message: context.field(matchAskMessageField) });
      return say(translate("bot.swap_requested", { handle: to, want, offer }));
    },
  },
  suggestions: { city: cities },
};
