import { inputs } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { signedIn } from "../../../plugins/app/actor.js";
import { z } from "zod";
import { clearSessionCookie } from "../../../plugins/app/session.js";
import { errorResponses, noContent } from "../../../schemas/common.js";
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

  app.get(
    "/me/export",
    {
      schema: {
        operationId: "exportMyData",
        summary: "Everything SkillSwap stores about me, as one JSON download (GDPR article 20)",
        tags: ["me"],
        response: {
          200: z
            .looseObject({})
            .describe("My profile, skills, availability, swaps, messages, reviews, groups and settings; no secrets"),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const data = await profiles.exportData(signedIn(request));
      const day = new Date().toISOString().slice(0, 10);
      return reply
        .header("cache-control", "no-store")
        .header("content-disposition", `attachment; filename="skillswap-export-${day}.json"`)
        .send(data);
    },
  );

  app.delete(
    "/me",
    {
      schema: {
        operationId: "deleteMe",
        summary: "Delete my account and personal data, confirmed by typing my handle",
        description:
          "What others wrote stays theirs (attributed to a deleted user); every session of mine ends. Export first.",
        tags: ["me"],
        body: z.strictObject({ confirmHandle: z.string().min(1).max(64).describe("My handle, typed to confirm") }),
        response: { 204: noContent, ...errorResponses },
      },
    },
    async (request, reply) => {
      await profiles.deleteAccount(signedIn(request), request.body.confirmHandle);
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  return Promise.resolve();
};
