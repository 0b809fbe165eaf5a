import type { PeopleSearchResult } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../../schemas/common.js";
import { peoplePage, peopleSearchQuery } from "../../../schemas/search.js";

/**
 * One page object per result: core hands back the very same result while the index has not changed, and the
 * serializer then reuses what it wrote for it (see openapi.ts).
 */
const pages = new WeakMap<
  PeopleSearchResult,
  { items: PeopleSearchResult["hits"]; nextCursor: string | null; sort: PeopleSearchResult["sort"] }
>();
function pageOf(found: PeopleSearchResult) {
  let page = pages.get(found);
  if (page === undefined) {
    page = { items: found.hits, nextCursor: found.nextCursor, sort: found.sort };
    pages.set(found, page);
  }
  return page;
}

/** /people: finding people by what they teach or want, where, when and how they meet. */
export const searchRoutes: FastifyPluginAsyncZod = (app) => {
  const { search } = app.services;

  app.get(
    "/people",
    {
      config: { signedOut: "allowed", costly: true },
      schema: {
        operationId: "searchPeople",
        summary: "Find people by free text and filters, a page at a time, each with why they matched",
        description:
          "Signed out, only public profiles are searched. Private profiles, blocked people and profiles I may " +
          "not see never appear.",
        tags: ["search"],
        querystring: peopleSearchQuery,
        response: { 200: peoplePage, ...errorResponses },
      },
    },
    async (request) => {
      const { q, ...filters } = request.query;
      return pageOf(await search.people(request.actor, { text: q, ...filters }));
    },
  );

  return Promise.resolve();
};
