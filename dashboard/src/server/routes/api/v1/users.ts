import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { errorResponses, handleParam } from "../../../schemas/common.js";
import { profileView } from "../../../schemas/profiles.js";

/** /users/:handle: someone's profile, as the viewer may see it (private profiles and blocks answer 404). */
export const usersRoutes: FastifyPluginAsyncZod = (app) => {
  const { profiles } = app.services;

  app.get(
    "/users/:handle",
    {
      config: { signedOut: "allowed" },
      schema: {
        operationId: "getUser",
        summary: "A person's profile, as I may see it",
        tags: ["users"],
        params: handleParam,
        response: { 200: profileView, ...errorResponses },
      },
    },
    (request) => profiles.get(request.actor, request.params.handle),
  );

  return Promise.resolve();
};
