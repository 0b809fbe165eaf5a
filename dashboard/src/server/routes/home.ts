import { isDomainError, translate, type Services } from "@skillswap/core";
import type { FastifyInstance } from "fastify";
import { sendSentencesPage } from "../pages.js";

/**
 * GET / when the dashboard was not built (dashboard/web/dist missing) — where a login link lands. It says who is
 * signed in, how to build the dashboard and where SkillSwap can be used meanwhile, rather than answering 404 to
 * someone who just logged in.
 */
export function homeRoutes(profiles: Services["profiles"]) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get("/", async (request, reply) => {
      let signedIn: string | null = null;
      if (request.actor !== null) {
        try {
          const me = await profiles.me(request.actor);
          signedIn = translate("web.home_signed_in", { name: me.displayName, handle: me.handle });
        } catch (error) {
          // A session of an account deleted within the last minute is simply no session.
          if (!isDomainError(error)) throw error;
        }
      }
      return sendSentencesPage(reply, 200, [
        signedIn ?? translate("web.home_signed_out"),
        translate("web.home_meanwhile"),
      ]);
    });
    return Promise.resolve();
  };
}
