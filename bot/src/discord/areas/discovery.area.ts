import type { PeopleSearchInput } from "@skillswap/core";
import type { BotArea } from "../interactions/handlers.js";
import { peopleReply } from "../renderers/people-reply.js";

/** Finding people: search and recommendations. */
export const discoveryArea: BotArea<"find"> = {
  commands: {
    async find({ core, actor, options }) {
      const text = options.string("skill") ?? "";
      const near = options.string("near");
      const km = options.number("km");
      const query: PeopleSearchInput = {
        text,
        limit: 5,
        ...(near === null ? {} : { near }),
        ...(km === null ? {} : { km }),
      };
      return peopleReply(text, await core.services.search.people(actor, query));
    },
  },
};
