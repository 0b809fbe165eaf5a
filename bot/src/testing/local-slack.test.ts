import { LogLevel, WebAPIHTTPError, WebAPIPlatformError, WebClient, type RetryOptions } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startLocalSlack, type LocalSlack, type SlackMemberInput } from "./index.js";

const ana: SlackMemberInput = { id: "U0ANA00001", name: "ana.g", real_name: "Ana García", tz: "Europe/Madrid" };
const bea: SlackMemberInput = { id: "U0BEA00002", name: "bea.s", real_name: "Bea Smith", is_admin: true };
const cho: SlackMemberInput = { id: "U0CHO00003", name: "cho.k", real_name: "Cho Kim", tz: "Asia/Seoul" };
/** Tests do not wait out @slack/web-api's default backoff (minutes); they keep its retrying. */
const quickRetries: RetryOptions = { retries: 2, minTimeout: 10, maxTimeout: 10 };

let slack: LocalSlack;

beforeEach(async () => {
  slack = await startLocalSlack({ team: { name: "Lyon Makers" }, members: [ana, bea, cho] });
});

afterEach(async () => {
  await slack.close();
});

/** The real @slack/web-api client, as Bolt builds it from `clientOptions.slackApiUrl`. */
function client(token = slack.team.botToken, retryConfig: RetryOptions = quickRetries): WebClient {
  return new WebClient(token, { slackApiUrl: slack.apiUrl, retryConfig, logLevel: LogLevel.ERROR });
}

/** The error code Slack refused a call with (`{ ok: false, error }`), as the client surfaces it. */
async function refusal(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WebAPIPlatformError)) throw new Error(`expected a Slack refusal, got ${String(error)}`);
  return error.data.error;
}

describe("who the app is", () => {
  it("answers auth.test with the workspace, the bot user and the bot id behind the token", async () => {
    const who = await client().auth.test();
    expect(who).toMatchObject({ ok: true, team: "Lyon Makers", team_id: slack.team.id });
    expect(who).toMatchObject({ user_id: slack.team.botUserId, bot_id: slack.team.botId });
    expect((await client().team.info()).team).toMatchObject({ id: slack.team.id, name: "Lyon Makers" });
  });

  it("refuses a token it never issued, and a call with none", async () => {
    expect(await refusal(client("xoxb-made-up").auth.test())).toBe("invalid_auth");
    expect(await refusal(new WebClient(undefined, { slackApiUrl: slack.apiUrl }).auth.test())).toBe("not_authed");
  });

  it("answers a method Slack does not have with unknown_method, and records the call", async () => {
    expect(await refusal(client().apiCall("skills.teach", { skill: "guitar" }))).toBe("unknown_method");
    expect(slack.callsTo("skills.teach")).toEqual([
      expect.objectContaining({ args: { skill: "guitar" }, token: slack.team.botToken }),
    ]);
  });
});

describe("the people of a workspace", () => {
  it("describes a member with their time zone and admin rights", async () => {
    const { user } = await client().users.info({ user: "U0BEA00002" });
    expect(user).toMatchObject({ name: "bea.s", real_name: "Bea Smith", is_admin: true, team_id: slack.team.id });
    const { user: anaUser } = await client().users.info({ user: "U0ANA00001" });
    expect(anaUser).toMatchObject({ tz: "Europe/Madrid", tz_offset: expect.any(Number), is_admin: false });
    expect(await refusal(client().users.info({ user: "U0NOBODY99" }))).toBe("user_not_found");
  });

  it("lists everyone page by page, the bot included", async () => {
    const first = await client().users.list({ limit: 3 });
    const rest = await client().users.list({ limit: 3, cursor: first.response_metadata?.next_cursor ?? "" });
    const names = [...(first.members ?? []), ...(rest.members ?? [])].map((user) => user.name);
    expect(names).toEqual(["skillswap", "ana.g", "bea.s", "cho.k"]);
    expect(rest.response_metadata?.next_cursor).toBe("");
  });
});

describe("posting messages", () => {
  it("posts into a channel and reads back the channel's messages and a thread's replies", async () => {
    const channel = slack.generalChannelId;
    const parent = await client().chat.postMessage({ channel, text: "Who teaches guitar?" });
    expect(parent).toMatchObject({ ok: true, channel, message: { text: "Who teaches guitar?" } });
    const reply = await client().chat.postMessage({ channel, text: "Ana does!", thread_ts: parent.ts ?? "" });
    expect(slack.channels.messagesIn(channel)).toEqual([
      expect.objectContaining({ ts: parent.ts, text: "Who teaches guitar?", reply_count: 1, latest_reply: reply.ts }),
    ]);
    expect(slack.channels.repliesTo(channel, parent.ts ?? "")).toEqual([
      expect.objectContaining({ text: "Ana does!", user: slack.team.botUserId, thread_ts: parent.ts }),
    ]);
  });

  it("keeps Block Kit blocks, edits and deletes the bot's messages", async () => {
    const channel = slack.generalChannelId;
    const blocks = [{ type: "section", text: { type: "mrkdwn", text: "*Swap requested*" } }];
    const posted = await client().chat.postMessage({ channel, text: "Swap requested", blocks });
    const ts = posted.ts ?? "";
    await client().chat.update({ channel, ts, text: "Swap accepted" });
    expect(slack.channels.messagesIn(channel)).toEqual([
      expect.objectContaining({ text: "Swap accepted", blocks, edited: expect.anything() }),
    ]);
    await client().chat.delete({ channel, ts });
    expect(slack.channels.messagesIn(channel)).toEqual([]);
    expect(await refusal(client().chat.delete({ channel, ts }))).toBe("message_not_found");
  });

  it("refuses a channel the bot is not in until it joins, and a thread that does not exist", async () => {
    const random = slack.channels.add("random", { botIsMember: false });
    expect(await refusal(client().chat.postMessage({ channel: random, text: "hi" }))).toBe("not_in_channel");
    await client().conversations.join({ channel: random });
    await client().chat.postMessage({ channel: random, text: "hi" });
    expect(slack.channels.messagesIn(random).map((m) => m.text)).toEqual(["hi"]);
    const lost = client().chat.postMessage({ channel: random, text: "late", thread_ts: "1.000001" });
    expect(await refusal(lost)).toBe("invalid_thread_ts");
  });

  it("shows an ephemeral message to one person only, and links to a message", async () => {
    const channel = slack.generalChannelId;
    await client().chat.postEphemeral({ channel, user: "U0ANA00001", text: "Only you can see this" });
    expect(slack.channels.ephemeralsTo("U0ANA00001")).toEqual([
      expect.objectContaining({ text: "Only you can see this" }),
    ]);
    expect(slack.channels.messagesIn(channel)).toEqual([]);
    const posted = await client().chat.postMessage({ channel, text: "Welcome" });
    const { permalink } = await client().chat.getPermalink({ channel, message_ts: posted.ts ?? "" });
    expect(permalink).toBe(`https://lyon-makers.slack.com/archives/${channel}/p${(posted.ts ?? "").replace(".", "")}`);
  });
});

describe("group DMs", () => {
  it("opens one group DM per set of people, whatever order they are named in", async () => {
    const first = await client().conversations.open({ users: "U0ANA00001,U0BEA00002" });
    const again = await client().conversations.open({ users: "U0BEA00002,U0ANA00001" });
    const other = await client().conversations.open({ users: "U0ANA00001,U0CHO00003" });
    expect(again.channel?.id).toBe(first.channel?.id);
    expect(other.channel?.id).not.toBe(first.channel?.id);
    expect(first.channel).toMatchObject({ is_mpim: true });
    const { members } = await client().conversations.members({ channel: first.channel?.id ?? "" });
    expect(members).toEqual([slack.team.botUserId, "U0ANA00001", "U0BEA00002"]);
  });

  it("opens a DM with one person, described in full only with return_im", async () => {
    const dm = await client().conversations.open({ users: "U0ANA00001" });
    expect(dm.channel).toEqual({ id: expect.stringMatching(/^D/) });
    const full = await client().conversations.open({ users: "U0ANA00001", return_im: true });
    expect(full.channel).toMatchObject({ id: dm.channel?.id, is_im: true, user: "U0ANA00001" });
    expect((await client().conversations.info({ channel: dm.channel?.id ?? "" })).channel).toMatchObject({
      is_im: true,
    });
  });

  it("refuses people who are not in the workspace", async () => {
    const stranger = client().conversations.open({ users: "U0ANA00001,U0NOBODY99" });
    expect(await refusal(stranger)).toBe("user_not_found");
  });
});

describe("when Slack is busy or failing", () => {
  it("answers 429 with Retry-After, which the client waits out before its retry succeeds", async () => {
    slack.failNext("chat.postMessage", { status: 429, retryAfterSeconds: 1 });
    const posted = await client().chat.postMessage({ channel: slack.generalChannelId, text: "after the wait" });
    expect(posted.ok).toBe(true);
    const [refused, retried] = slack.callsTo("chat.postMessage");
    expect(retried?.args).toEqual(refused?.args);
    expect((retried?.at ?? 0) - (refused?.at ?? 0)).toBeGreaterThanOrEqual(1000);
    expect(slack.channels.messagesIn(slack.generalChannelId).map((m) => m.text)).toEqual(["after the wait"]);
  });

  it("answers 500, which a client without retries reports and one with retries gets past", async () => {
    slack.failNext("auth.test", { status: 500 });
    const error: unknown = await client(slack.team.botToken, { retries: 0 })
      .auth.test()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WebAPIHTTPError);
    expect((error as WebAPIHTTPError).statusCode).toBe(500);
    slack.failNext("auth.test", { status: 503 });
    expect((await client().auth.test()).ok).toBe(true);
    expect(slack.callsTo("auth.test")).toHaveLength(3);
  });

  it("answers a refusal a test chose, which the client does not retry", async () => {
    slack.failNext("*", { ok: false, error: "channel_is_archived" });
    expect(await refusal(client().chat.postMessage({ channel: slack.generalChannelId, text: "x" }))).toBe(
      "channel_is_archived",
    );
    expect(slack.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("lets a test wait for a call made in the background", async () => {
    const awaited = slack.waitForCall("chat.postMessage", (call) => call.args.text === "second");
    void client().chat.postMessage({ channel: slack.generalChannelId, text: "first" });
    void client().chat.postMessage({ channel: slack.generalChannelId, text: "second" });
    expect((await awaited).args).toMatchObject({ channel: slack.generalChannelId, text: "second" });
  });
});
