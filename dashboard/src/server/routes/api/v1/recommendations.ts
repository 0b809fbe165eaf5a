import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses, list } from "../../../schemas/common.js";
import {
  recommendationsQuery,
  recommendationsView,
  teacherRecommendation,
  teachersQuery,
} from "../../../schemas/recommendations.js";

const tags = ["recommendations"];

/** /recommendations: whom to swap with, best first, each offer explained. */
export const recommendationsRoutes: FastifyPluginAsyncZod = (app) => {
  const { matching } = app.services;

  app.get(
    "/recommendations",
    {
      config: { costly: true },
      schema: {
        operationId: "getRecommendations",
        summary: "People to swap with, best first: reciprocal pairs, and on request one-way teachers and cycles",
        description:
          "Exact fits rank before near ones. Each offer carries its score components and a sentence saying why. " +
          "Only people I may see, who have not blocked me nor been blocked by me.",
        tags,
        querystring: recommendationsQuery,
        response: { 200: recommendationsView, ...errorResponses },
      },
    },
    (request) => matching.recommend(signedIn(request), request.query),
  );

  app.get(
    "/recommendations/teachers",
    {
      config: { costly: true },
      schema: {
        operationId: "getTeachersOf",
        summary: "Who can teach me a skill, even if they want nothing back; exact fits first",
        tags,
        querystring: teachersQuery,
        response: { 200: list(teacherRecommendation), ...errorResponses },
      },
    },
    (request) => matching.teachersOf(signedIn(request), request.query),
  );

  return Promise.resolve();
};
