import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { citySuggestions, citySuggestionsQuery } from "../../../schemas/cities.js";
import { errorResponses } from "../../../schemas/common.js";

/** /cities: the offline gazetteer, for the city fields of the profile editor and onboarding. */
export const citiesRoutes: FastifyPluginAsyncZod = (app) => {
  const { profiles } = app.services;

  app.get(
    "/cities/suggestions",
    {
      // Public data from a file shipped with the app, looked up in memory: nothing depends on who asks, and a
      // lookup per keystroke costs too little to count against the stricter bucket of searches.
      config: { signedOut: "allowed" },
      schema: {
        operationId: "suggestCities",
        summary: "Cities for autocomplete: names starting with what is typed, most populous first",
        description:
          "Each comes with the `query` that PATCH /me resolves back to exactly that city, so picking a " +
          "suggestion never answers with an ambiguous-city error.",
        tags: ["me"],
        querystring: citySuggestionsQuery,
        response: { 200: citySuggestions, ...errorResponses },
      },
    },
    (request) => profiles.suggestCities(request.query.q, request.query.limit ?? 10),
  );

  return Promise.resolve();
};
