import type { FastifyInstance } from "fastify";
import { signInRequired } from "../../../plugins/app/actor.js";
import { requireCsrfProof } from "../../../plugins/app/csrf.js";
import { entityTags } from "../../../plugins/app/entity-tags.js";
import { idempotencyPlugin } from "../../../plugins/app/idempotency.js";
import { limitRequests } from "../../../plugins/app/request-limits.js";
import type { OAuthProvider } from "../../../oauth/providers.js";
import { authDemoRoutes } from "./auth-demo.js";
import { authProvidersRoutes } from "./auth-providers.js";
import { authStatusRoutes } from "./auth-status.js";
import { authRoutes } from "./auth.js";
import { avatarRoutes } from "./avatar.js";
import { citiesRoutes } from "./cities.js";
import { communitiesRoutes } from "./communities.js";
import { conversationsRoutes, type ConversationsRoutesOptions } from "./conversations.js";
import { followsRoutes } from "./follows.js";
import { forumsRoutes } from "./forums.js";
import { groupsRoutes } from "./groups.js";
import { meRoutes } from "./me.js";
import { moderationRoutes } from "./moderation.js";
import { notificationsRoutes } from "./notifications.js";
import { recommendationsRoutes } from "./recommendations.js";
import { reviewsRoutes } from "./reviews.js";
import { searchRoutes } from "./search.js";
import { sessionsRoutes } from "./sessions.js";
import { skillsRoutes } from "./skills.js";
import { swapsRoutes } from "./swaps.js";
import { usersRoutes } from "./users.js";

/**
 * Everything under /api/v1. Signed out, only the routes marked `signedOut: "allowed"` answer (public profiles,
 * the catalog, search as the public sees it); every other one says 401 before its handler runs, so a route
 * that forgets to ask is closed, not open.
 */
export interface ApiOptions extends ConversationsRoutesOptions {
  /** The OAuth providers configured, for the sign-in buttons. */
  readonly signInProviders?: readonly OAuthProvider[];
  /** SKILLSWAP_DEMO_DATA: whether "try it as …" may sign visitors in as the demo people. */
  readonly demoData?: boolean;
}

export async function apiV1(app: FastifyInstance, options: ApiOptions = {}): Promise<void> {
  // JSON only: a text body is refused as the wrong media type (415), not half-read as a string.
  app.removeContentTypeParser("text/plain");
  app.addHook("onRequest", (request, _reply, done) => {
    done(request.actor === null && request.routeOptions.config.signedOut !== "allowed" ? signInRequired() : undefined);
  });
  // Before anything costly, after the sign-in check: an anonymous flood is counted by address, people by account.
  app.addHook("onRequest", limitRequests);
  // After the sign-in check: a visitor is told to sign in (401) before being told what a write lacks (403).
  app.addHook("onRequest", (request, _reply, done) => {
    done(requireCsrfProof(request));
  });
  entityTags(app);
  // Before the routes: it reads each one as it is added, and gives the creating ones the Idempotency-Key header.
  await app.register(idempotencyPlugin);
  await app.register(authRoutes);
  await app.register(authProvidersRoutes, { providers: options.signInProviders ?? [] });
  await app.register(authStatusRoutes);
  await app.register(authDemoRoutes, { demoData: options.demoData ?? false });
  await app.register(meRoutes);
  await app.register(avatarRoutes);
  await app.register(citiesRoutes);
  await app.register(usersRoutes);
  await app.register(swapsRoutes);
  await app.register(sessionsRoutes);
  await app.register(reviewsRoutes);
  await app.register(skillsRoutes);
  await app.register(searchRoutes);
  await app.register(recommendationsRoutes);
  await app.register(followsRoutes);
  await app.register(groupsRoutes);
  await app.register(forumsRoutes);
  await app.register(communitiesRoutes);
  await app.register(moderationRoutes);
  await app.register(notificationsRoutes);
  // Only its own options: what apiV1 was given also holds the prefix, which would apply twice.
  await app.register(conversationsRoutes, {
    ...(options.heartbeatMs === undefined ? {} : { heartbeatMs: options.heartbeatMs }),
  });
}
