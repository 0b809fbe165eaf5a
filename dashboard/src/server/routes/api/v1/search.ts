import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses } from "../../../schemas/common.js";
import { peoplePage, peopleSearchQuery } from "../../../schemas/search.js";

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
      const found = await search.people(request.actor, { text: q, ...filters });
      return { items: found.hits, nextCursor: found.nextCursor, sort: found.sort };
    },
  );

  return Promise.resolve();
};
