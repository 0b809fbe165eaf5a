import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { errorResponses } from "../../../schemas/common.js";
import { ownProfileView } from "../../../schemas/profiles.js";

/** /me: the signed-in person's own profile and settings. */
export const meRoutes: FastifyPluginAsyncZod = (app) => {
  const { profiles } = app.services;

  app.get(
    "/me",
    {
      schema: {
        operationId: "getMe",
        summary: "My profile, with what only I see (email, settings, notification preferences)",
        tags: ["me"],
        response: { 200: ownProfileView, ...errorResponses },
      },
    },
    (request) => profiles.me(signedIn(request)),
  );

  app.patch(
    "/me",
    {
      schema: {
        operationId: "updateMe",
        summary: "Change any of my profile fields, settings and notification preferences",
        description:
          "Send only the fields to change. `location` takes a city as typed; when it could be several places the " +
          "400 lists them as `candidates` on the field, and `{ geonameId }` picks one.",
        tags: ["me"],
        body: inputs.profilePatch,
        response: { 200: ownProfileView, ...errorResponses },
      },
    },
    (request) => profiles.update(signedIn(request), request.body),
  );

  return Promise.resolve();
};
