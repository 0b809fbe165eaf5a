import type { FastifyInstance } from "fastify";
import { signInRequired } from "../../../plugins/app/actor.js";
import { meRoutes } from "./me.js";
import { usersRoutes } from "./users.js";

/**
 * Everything under /api/v1. Signed out, only the routes marked `signedOut: "allowed"` answer (public profiles,
 * the catalog, search as the public sees it); every other one says 401 before its handler runs, so a route
 * that forgets to ask is closed, not open.
 */
export async function apiV1(app: FastifyInstance): Promise<void> {
  // JSON only: a text body is refused as the wrong media type (415), not half-read as a string.
  app.removeContentTypeParser("text/plain");
  app.addHook("onRequest", (request, _reply, done) => {
    done(request.actor === null && request.routeOptions.config.signedOut !== "allowed" ? signInRequired() : undefined);
  });
  await app.register(meRoutes);
  await app.register(usersRoutes);
}
