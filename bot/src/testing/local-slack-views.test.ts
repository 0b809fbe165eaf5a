import { LogLevel, WebAPIPlatformError, WebClient } from "@slack/web-api";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { startLocalSlack, type LocalSlack, type SlackMemberInput } from "./index.js";

const ana: SlackMemberInput = { id: "U0ANA00001", name: "ana.g", real_name: "Ana García" };
const bea: SlackMemberInput = { id: "U0BEA00002", name: "bea.s", real_name: "Bea Smith" };
const modal = (title: string, extra: Record<string, string> = {}) => ({
  type: "modal" as const,
  title: { type: "plain_text" as const, text: title },
  blocks: [{ type: "section", text: { type: "mrkdwn", text: title } }],
  ...extra,
});
const home = (text: string) => ({
  type: "home" as const,
  blocks: [{ type: "section", text: { type: "mrkdwn", text } }],
});

let slack: LocalSlack;

beforeEach(async () => {
  slack = await startLocalSlack({ team: { name: "Lyon Makers" }, members: [ana, bea] });
});

afterEach(async () => {
  await slack.close();
});

function client(token = slack.team.botToken): WebClient {
  return new WebClient(token, { slackApiUrl: slack.apiUrl, retryConfig: { retries: 0 }, logLevel: LogLevel.ERROR });
}

async function refusal(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof WebAPIPlatformError)) throw new Error(`expected a Slack refusal, got ${String(error)}`);
  return error.data.error;
}

describe("opening a modal", () => {
  it("opens it for the person whose action issued the trigger id", async () => {
    const trigger = slack.issueTriggerId("U0ANA00001");
    const { view } = await client().views.open({ trigger_id: trigger, view: modal("Request a swap") });
    expect(view).toMatchObject({ id: expect.stringMatching(/^V/), type: "modal", app_id: slack.app.appId });
    expect(slack.modalsOf("U0ANA00001")).toEqual([
      expect.objectContaining({ id: view?.id, title: { type: "plain_text", text: "Request a swap" } }),
    ]);
    expect(slack.modalsOf("U0BEA00002")).toEqual([]);
  });

  it("accepts a trigger id once: a second use answers exchanged_trigger_id", async () => {
    const trigger = slack.issueTriggerId("U0ANA00001");
    await client().views.open({ trigger_id: trigger, view: modal("First") });
    expect(await refusal(client().views.open({ trigger_id: trigger, view: modal("Again") }))).toBe(
      "exchanged_trigger_id",
    );
  });

  it("refuses a trigger id older than 3 seconds, and one Slack never issued", async () => {
    const trigger = slack.issueTriggerId("U0ANA00001");
    slack.passTime(3001);
    expect(await refusal(client().views.open({ trigger_id: trigger, view: modal("Late") }))).toBe("expired_trigger_id");
    expect(await refusal(client().views.open({ trigger_id: "1.2.made-up", view: modal("X") }))).toBe(
      "invalid_trigger_id",
    );
    expect(slack.modalsOf("U0ANA00001")).toEqual([]);
  });

  it("stacks pushed views on the open one, up to three", async () => {
    await client().views.open({ trigger_id: slack.issueTriggerId("U0ANA00001"), view: modal("One") });
    await client().views.push({ trigger_id: slack.issueTriggerId("U0ANA00001"), view: modal("Two") });
    await client().views.push({ trigger_id: slack.issueTriggerId("U0ANA00001"), view: modal("Three") });
    const fourth = client().views.push({ trigger_id: slack.issueTriggerId("U0ANA00001"), view: modal("Four") });
    expect(await refusal(fourth)).toBe("push_limit_reached");
    const [root, , top] = slack.modalsOf("U0ANA00001");
    expect(top).toMatchObject({ root_view_id: root?.id, title: { text: "Three" } });
    slack.closeModals("U0ANA00001", "top");
    expect(slack.modalsOf("U0ANA00001").map((view) => view.title)).toEqual([modal("One").title, modal("Two").title]);
  });

  it("updates an open view by external id, refusing a stale hash", async () => {
    const trigger = slack.issueTriggerId("U0ANA00001");
    const { view } = await client().views.open({
      trigger_id: trigger,
      view: modal("Draft", { external_id: "swap-1" }),
    });
    const updated = await client().views.update({
      external_id: "swap-1",
      hash: view?.hash ?? "",
      view: modal("Saved"),
    });
    expect(slack.modalsOf("U0ANA00001")).toEqual([
      expect.objectContaining({ id: view?.id, title: { type: "plain_text", text: "Saved" } }),
    ]);
    const stale = client().views.update({ view_id: view?.id ?? "", hash: view?.hash ?? "", view: modal("Lost") });
    expect(await refusal(stale)).toBe("hash_conflict");
    expect(updated.view?.hash).not.toBe(view?.hash);
  });
});

describe("App Home", () => {
  it("keeps the last view published for each person", async () => {
    await client().views.publish({ user_id: "U0ANA00001", view: home("Ana's first home") });
    await client().views.publish({ user_id: "U0ANA00001", view: home("Ana's swaps") });
    await client().views.publish({ user_id: "U0BEA00002", view: home("Bea's swaps") });
    expect(slack.homeOf("U0ANA00001")?.blocks).toEqual(home("Ana's swaps").blocks);
    expect(slack.homeOf("U0BEA00002")?.blocks).toEqual(home("Bea's swaps").blocks);
    expect(await refusal(client().views.publish({ user_id: "U0NOBODY99", view: home("x") }))).toBe("user_not_found");
  });
});

describe("installing the app with OAuth", () => {
  const oauth = () => new WebClient(undefined, { slackApiUrl: slack.apiUrl, logLevel: LogLevel.ERROR });
  const credentials = () => ({ client_id: slack.app.clientId, client_secret: slack.app.clientSecret });

  it("exchanges a code once for a bot token that works in the new workspace", async () => {
    const code = slack.issueOAuthCode(
      { id: "T0GRENOBLE", name: "Grenoble Climbers" },
      { id: "U0GAB00009", name: "gab" },
    );
    const granted = await oauth().oauth.v2.access({ ...credentials(), code });
    expect(granted).toMatchObject({
      team: { id: "T0GRENOBLE", name: "Grenoble Climbers" },
      authed_user: { id: "U0GAB00009" },
    });
    expect(granted).toMatchObject({
      token_type: "bot",
      app_id: slack.app.appId,
      bot_user_id: expect.stringMatching(/^U/),
    });
    const who = await client(granted.access_token).auth.test();
    expect(who).toMatchObject({ team_id: "T0GRENOBLE", user_id: granted.bot_user_id });
    expect(await refusal(oauth().oauth.v2.access({ ...credentials(), code }))).toBe("invalid_code");
  });

  it("refuses a code it never issued, and a wrong client secret", async () => {
    expect(await refusal(oauth().oauth.v2.access({ ...credentials(), code: "123.made-up" }))).toBe("invalid_code");
    const code = slack.issueOAuthCode(slack.team.id, "U0ANA00001");
    const wrongSecret = oauth().oauth.v2.access({ ...credentials(), client_secret: "guessed", code });
    expect(await refusal(wrongSecret)).toBe("bad_client_secret");
  });

  it("revokes the bot token when the app is uninstalled", async () => {
    const token = slack.team.botToken;
    await client(token).apps.uninstall(credentials());
    expect(await refusal(client(token).auth.test())).toBe("token_revoked");
  });
});
