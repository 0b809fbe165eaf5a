import { isDomainError } from "@skillswap/core";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { csrfTokenOf } from "../../../plugins/app/csrf.js";
import { errorResponses } from "../../../schemas/common.js";
import { sessionStatusView } from "../../../schemas/session-status.js";

const signedOut = { signedIn: false, person: null, csrfToken: null } as const;

/**
 * GET /auth/session: who this browser is signed in as, if anyone. /me and /auth/csrf answer 401 to a visitor,
 * which a browser logs as a failed request; the dashboard asks here first, on every page load.
 */
export const authStatusRoutes: FastifyPluginAsyncZod = (app) => {
  const { profiles } = app.services;

  app.get(
    "/auth/session",
    {
      config: { signedOut: "allowed" },
      schema: {
        operationId: "getSessionStatus",
        summary: "Whether this browser is signed in, as whom, and the session's CSRF token (200 either way)",
        tags: ["auth"],
        response: { 200: sessionStatusView, ...errorResponses },
      },
    },
    async (request, reply) => {
      reply.header("cache-control", "no-store");
      const session = request.webSession;
      if (session === null) return signedOut;
      try {
        const person = await profiles.me(session.actor);
        return { signedIn: true, person, csrfToken: csrfTokenOf(session.token) };
      } catch (error) {
        // A session of an account deleted within the last minute is simply no session.
        if (!isDomainError(error)) throw error;
        return signedOut;
      }
    },
  );
  return Promise.resolve();
};
