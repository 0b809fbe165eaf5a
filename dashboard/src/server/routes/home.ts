import { actorOf, isDomainError, translate, type Services } from "@skillswap/core";
import type { FastifyInstance, FastifyRequest } from "fastify";
import { sentencesPage } from "../pages.js";
import { SESSION_COOKIE } from "./login-link.js";

/** The user id the session cookie names, when its signature holds. */
function signedInUserId(request: FastifyRequest): string | null {
  const raw = request.cookies[SESSION_COOKIE];
  if (raw === undefined) return null;
  const unsigned = request.unsignCookie(raw);
  return unsigned.valid ? unsigned.value : null;
}

/**
 * GET / — where a login link lands. Until the dashboard's pages exist (a later issue) it says who is signed
 * in and where SkillSwap can be used meanwhile, rather than answering 404 to someone who just logged in.
 */
export function homeRoutes(profiles: Services["profiles"]) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get("/", async (request, reply) => {
      const userId = signedInUserId(request);
      let signedIn: string | null = null;
      if (userId !== null) {
        try {
          const me = await profiles.me(actorOf(userId));
          signedIn = translate("web.home_signed_in", { name: me.displayName, handle: me.handle });
        } catch (error) {
          // A cookie for an account deleted since is simply no session.
          if (!isDomainError(error)) throw error;
        }
      }
      return reply
        .header("cache-control", "no-store")
        .type("text/html; charset=utf-8")
        .send(sentencesPage([signedIn ?? translate("web.home_signed_out"), translate("web.home_meanwhile")]));
    });
    return Promise.resolve();
  };
}
