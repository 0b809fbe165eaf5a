import type { SlackInstallFlow, SlackInstallOutcome } from "@skillswap/bot";
import type { FastifyInstance, FastifyReply } from "fastify";
import { z } from "zod";
import { sendSentencesPage } from "../pages.js";

const installCookie = "skillswap_slack_install";
// As long as the signed state lives (bot's INSTALL_STATE_LIFETIME_MS): the cookie is useless past it.
const installMinutes = 10;

/** What Slack appends to the redirect URI; anything else, or anything oversized, counts as absent. */
const redirectQuery = z.object({
  code: z.string().max(512).optional(),
  state: z.string().max(512).optional(),
  error: z.string().max(200).optional(),
});

const startAgain = "Nothing was saved. Start again from the “Add to Slack” button.";

/** The page an install ends on, in the words of the admin who tried it. */
function answer(reply: FastifyReply, outcome: SlackInstallOutcome): FastifyReply {
  switch (outcome.outcome) {
    case "installed":
      return sendSentencesPage(reply, 200, [
        `SkillSwap is installed in ${outcome.workspace}.`,
        "Type /skillswap help in any channel to begin; as an admin of the workspace you also administer its community.",
      ]);
    case "declined":
      return sendSentencesPage(reply, 200, [
        "SkillSwap was not installed: the installation was cancelled on Slack.",
        "Nothing was changed. You can add it whenever you like.",
      ]);
    case "refused":
      return sendSentencesPage(reply, 400, [refusalOf(outcome.reason), startAgain]);
    case "failed":
      return sendSentencesPage(reply, 400, [
        `Slack did not confirm this installation (${outcome.error}); the link may have been used already.`,
        startAgain,
      ]);
  }
}

function refusalOf(reason: Extract<SlackInstallOutcome, { outcome: "refused" }>["reason"]): string {
  switch (reason) {
    case "missing":
      return "This installation could not be verified: the link is incomplete.";
    case "forged":
      return "This installation could not be verified: it began in another browser, or the link was altered.";
    case "expired":
      return `This installation took longer than ${installMinutes} minutes and expired.`;
    case "replayed":
      return "This installation link was already used.";
  }
}

/**
 * "Add to Slack" (multi-workspace mode): `GET /slack/install` leaves for Slack's consent page with a signed
 * state bound to a cookie of this browser; `GET /slack/oauth_redirect` comes back, and the bot's install flow
 * checks the state, exchanges the code and saves the installation. This route only carries cookie and query.
 */
export function slackInstallRoutes(flow: SlackInstallFlow, publicUrl: string) {
  return function register(app: FastifyInstance): Promise<void> {
    const secure = new URL(publicUrl).protocol === "https:";

    app.get("/slack/install", { schema: { hide: true } }, async (_request, reply) => {
      const { authorizeUrl, nonce } = flow.begin();
      reply.setCookie(installCookie, nonce, {
        path: "/slack",
        httpOnly: true,
        // Lax: the cookie must come back on Slack's top-level redirect to /slack/oauth_redirect.
        sameSite: "lax",
        secure,
        maxAge: installMinutes * 60,
      });
      return reply.redirect(authorizeUrl, 302);
    });

    app.get("/slack/oauth_redirect", { schema: { hide: true } }, async (request, reply) => {
      const query = redirectQuery.safeParse(request.query);
      // One install, one redirect: whatever happens next, this browser's nonce is spent.
      reply.clearCookie(installCookie, { path: "/slack" });
      // The query carries a code: no page this one links to may see it in a Referer.
      reply.header("referrer-policy", "no-referrer");
      const outcome = await flow.complete({
        ...(query.success ? query.data : {}),
        nonce: request.cookies[installCookie],
      });
      return answer(reply, outcome);
    });
    return Promise.resolve();
  };
}
