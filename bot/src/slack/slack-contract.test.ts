import { describe, expect, it } from "vitest";
import { checkSlackToken } from "./install/token-check.js";
import { slackWebClient } from "./slack-web-client.js";

/**
 * The calls SkillSwap makes with a bot token, against the real Slack: run with a test workspace's bot token and
 * a channel the app was invited to (README "Slack", contract tests). It only reads what the token may read and
 * posts one message it deletes again: safe on a real workspace. Skipped when the variables are not set, as in
 * CI, where the local Slack stands in (bot/src/testing/local-slack.ts).
 */
const token = process.env.SLACK_BOT_TOKEN;
const channelId = process.env.SLACK_TEST_CHANNEL;
const live = token !== undefined && token !== "" && channelId !== undefined && channelId !== "";
const slackApiUrl = "https://slack.com/api/";

describe.skipIf(!live)("the real Slack (contract; set SLACK_BOT_TOKEN and SLACK_TEST_CHANNEL to run it)", () => {
  const client = slackWebClient(token ?? "", slackApiUrl, { retries: 2 });

  it("knows the token's workspace, and granted every scope the manifest asks for", async () => {
    const check = await checkSlackToken(token ?? "", slackApiUrl);
    expect(check.teamId).toMatch(/^[TE][A-Z0-9]+$/);
    expect(check.team).not.toBe("");
    expect(check.missingScopes).toEqual([]);
  });

  it("describes the test channel, as an admin linking it would see it", async () => {
    const info = await client.conversations.info({ channel: channelId ?? "" });
    expect(info.channel?.id).toBe(channelId);
    expect(info.channel?.name).toBeTruthy();
  });

  it("posts into the test channel, edits the message and deletes it", async () => {
    const posted = await client.chat.postMessage({
      channel: channelId ?? "",
      text: "SkillSwap contract test: this message is deleted in a moment.",
      unfurl_links: false,
    });
    expect(posted.ok).toBe(true);
    const ts = posted.ts ?? "";
    const updated = await client.chat.update({ channel: posted.channel ?? "", ts, text: "SkillSwap contract test." });
    expect(updated.text).toBe("SkillSwap contract test.");
    const deleted = await client.chat.delete({ channel: posted.channel ?? "", ts });
    expect(deleted.ts).toBe(ts);
  });
});
