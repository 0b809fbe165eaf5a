import { isDomainError, translate, type AccountRef, type Services } from "@skillswap/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { statusOf } from "../errors/error-handler.js";
import { sentencesPage } from "../pages.js";

/** The signed cookie naming the person logged in to the dashboard. */
export const SESSION_COOKIE = "skillswap_session";
const SESSION_DAYS = 7;

const loginLinkQuery = z.object({ token: z.string().max(200).default("") });

/**
 * GET /login/link?token=… — where the link `/skillswap login` sends in a DM lands. Redeems it and logs the
 * person in with a signed cookie holding their user id.
 *
 * Deliberately minimal: the full dashboard (server-side sessions that can be revoked, CSRF protection, its
 * pages) is a later issue, which replaces this cookie's contents.
 */
export function loginLinkRoutes(accounts: Services["accounts"], options: { secureCookie: boolean }) {
  return function register(app: FastifyInstance): Promise<void> {
    app.get("/login/link", async (request, reply) => {
      // The token is a credential in the URL: keep it out of caches and out of the Referer of whatever comes next.
      reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
      const query = loginLinkQuery.safeParse(request.query);
      let account: AccountRef;
      try {
        account = await accounts.redeemLoginLink(query.success ? query.data.token : "");
      } catch (error) {
        if (!isDomainError(error)) throw error;
        return reply
          .code(statusOf(error.kind))
          .type("text/html; charset=utf-8")
          .send(sentencesPage([translate(error.messageKey, error.params)]));
      }
      reply.setCookie(SESSION_COOKIE, account.userId, {
        signed: true,
        httpOnly: true,
        sameSite: "lax",
        secure: options.secureCookie,
        path: "/",
        maxAge: SESSION_DAYS * 24 * 60 * 60,
      });
      // 303: the browser follows with a GET, and reloading "/" does not replay the spent link.
      return reply.redirect("/", 303);
    });
    return Promise.resolve();
  };
}
