import type { Authorize, AuthorizeResult } from "@slack/bolt";
import { WebClient } from "@slack/web-api";

/**
 * Authorizes every request with one workspace's bot token (SLACK_BOT_TOKEN), asking Slack who the bot is
 * (`auth.test`) on the first request and remembering the answer. Bolt's own single-token mode either asks while
 * the web server starts (a Slack that is down then rejects a promise nobody awaits yet) or asks again on every
 * request; a failed ask here is retried by the next request instead.
 */
export function singleWorkspaceAuthorize(token: string, slackApiUrl: string): Authorize<boolean> {
  const client = new WebClient(token, { slackApiUrl });
  let identity: Promise<AuthorizeResult> | undefined;
  const askSlack = async (): Promise<AuthorizeResult> => {
    const bot = await client.auth.test();
    return {
      botToken: token,
      ...(bot.bot_id === undefined ? {} : { botId: bot.bot_id }),
      ...(bot.user_id === undefined ? {} : { botUserId: bot.user_id }),
      ...(bot.team_id === undefined ? {} : { teamId: bot.team_id }),
    };
  };
  return () => {
    const asked = identity ?? askSlack();
    identity = asked;
    asked.catch(() => {
      if (identity === asked) identity = undefined;
    });
    return asked;
  };
}
