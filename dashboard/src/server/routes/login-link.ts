import { isDomainError, translate, type AccountRef } from "@skillswap/core";
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { statusOf } from "../errors/error-handler.js";
import { sendSentencesPage } from "../pages.js";
import { signIn } from "../plugins/app/session.js";

const loginLinkQuery = z.object({ token: z.string().max(200).default("") });

/**
 * GET /login/link?token=… — where the link `/skillswap login` sends in a DM lands. Redeems it and signs the
 * browser in with a new session, ending the one its cookie named before, if any.
 */
export function loginLinkRoutes(app: FastifyInstance): Promise<void> {
  const { accounts } = app.services;
  app.get("/login/link", async (request, reply) => {
    // The token is a credential in the URL: keep it out of caches and out of the Referer of whatever comes next.
    reply.header("cache-control", "no-store").header("referrer-policy", "no-referrer");
    const query = loginLinkQuery.safeParse(request.query);
    let account: AccountRef;
    try {
      account = await accounts.redeemLoginLink(query.success ? query.data.token : "");
    } catch (error) {
      if (!isDomainError(error)) throw error;
      return sendSentencesPage(reply, statusOf(error.kind), [translate(error.messageKey, error.params)]);
    }
    await signIn(request, reply, account.userId, "login_link");
    // 303: the browser follows with a GET, and reloading "/" does not replay the spent link.
    return reply.redirect("/", 303);
  });
  return Promise.resolve();
}
