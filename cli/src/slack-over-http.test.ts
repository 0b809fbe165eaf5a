import { boltLoggerFor, createSlackApp, SLACK_REQUEST_WINDOW_MS, type SlackApp } from "@skillswap/bot";
import {
  blockActions,
  blockSuggestion,
  eventCallback,
  interaction,
  signedSlackRequest,
  slashCommand,
  unixSeconds,
  urlVerification,
  viewSubmission,
  type SlackDelivery,
} from "@skillswap/bot/testing";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "@skillswap/dashboard";

const signingSecret = "a1b2c3d4e5f60718293a4b5c6d7e8f90";
const teamId = "T0FRIENDS1";
const maya = { userId: "U0MAYA0001", teamId };
const minute = 60 * 1000;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** What the app did, in the words a person would use; what it reported as faults. */
let heard: string[] = [];
let faults: string[] = [];
let slowWorkDone: Promise<void> = Promise.resolve();

/** Trivial listeners standing in for the Slack chat layer: each says what it heard and acknowledges. */
function listenLikeTheBot({ app }: SlackApp): void {
  app.command("/skillswap", async ({ command, ack }) => {
    heard.push(`command: ${command.text}`);
    if (command.text === "report") {
      // Slow work before the acknowledgement: what the transport must cover for.
      slowWorkDone = sleep(4000).then(() => {
        heard.push("report ready");
      });
      await slowWorkDone;
      await ack();
      return;
    }
    await ack({ response_type: "ephemeral", text: `Here is how to use SkillSwap (${command.text}).` });
  });
  app.action("swap.accept", async ({ ack, body }) => {
    await ack();
    heard.push(`accepted by ${body.user.id}`);
  });
  app.action("swap.decline", () => Promise.reject(new Error("connection to db.internal:5432 refused")));
  app.view("profile.edit", async ({ ack, view }) => {
    const about = view.state.values.about?.text?.value ?? "";
    if (about.trim() === "") {
      await ack({ response_action: "errors", errors: { about: "Say a few words about yourself." } });
      return;
    }
    await ack();
    heard.push(`profile saved: ${about}`);
  });
  app.options("skill", async ({ ack, options }) => {
    heard.push(`options for: ${options.value}`);
    const skills = ["Spanish", "Sparkling wine", "Swing dance"].filter((skill) =>
      skill.toLowerCase().startsWith(options.value.toLowerCase()),
    );
    await ack({ options: skills.map((skill) => ({ text: { type: "plain_text", text: skill }, value: skill })) });
  });
  app.event("app_mention", ({ event }) => {
    heard.push(`mentioned: ${event.text}`);
    return Promise.resolve();
  });
}

/**
 * Slack's one URL for commands, interactivity, options and events, as the web role serves it: the real Bolt app
 * behind the bot's receiver, mounted in the real web server, driven by requests signed as Slack signs them.
 * Listeners here stand in for the Slack chat layer; they are the app's only part that is not the product's.
 */
describe("Slack's requests to /slack/events", () => {
  let core: TestCore;
  let server: FastifyInstance;
  let url: string;

  const now = () => unixSeconds(core.clock.now());

  function post(delivery: SlackDelivery, signing: { secret?: string; at?: number } = {}): Promise<Response> {
    const request = signedSlackRequest(signing.secret ?? signingSecret, delivery, signing.at ?? now());
    return fetch(`${url}/slack/events`, { method: "POST", ...request });
  }

  beforeAll(async () => {
    core = await createTestCore("sqlite");
    const slack = createSlackApp({
      signingSecret,
      slackApiUrl: "http://127.0.0.1:9/api/",
      // A fixed workspace, so Bolt asks no Web API who the bot is.
      authorize: () =>
        Promise.resolve({ botToken: "xoxb-local", botId: "B0SKILLBOT", botUserId: "U0SKILLBOT", teamId }),
      inbox: core.services.inbox,
      clock: core.clock,
      logger: boltLoggerFor({ error: (message) => faults.push(message) }),
    });
    listenLikeTheBot(slack);
    server = await buildApp(core, { slack: slack.receiver });
    url = await server.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await server.close();
    await core.close();
  });
  beforeEach(() => {
    heard = [];
    faults = [];
  });

  it("runs a slash command and answers with what the app acknowledged", async () => {
    const response = await post(slashCommand({ ...maya, text: "help" }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      response_type: "ephemeral",
      text: "Here is how to use SkillSwap (help).",
    });
    expect(heard).toEqual(["command: help"]);
  });

  it("refuses a request signed with another secret, and the app never hears of it", async () => {
    const response = await post(slashCommand({ ...maya, text: "help" }), { secret: "not-the-signing-secret" });
    expect(response.status).toBe(401);
    expect(heard).toEqual([]);
  });

  it("refuses a body changed after Slack signed it", async () => {
    const signed = signedSlackRequest(signingSecret, slashCommand({ ...maya, text: "help" }), now());
    const body = signed.body.replace("text=help", "text=admin");
    const response = await fetch(`${url}/slack/events`, { method: "POST", headers: signed.headers, body });
    expect(response.status).toBe(401);
    expect(heard).toEqual([]);
  });

  it("refuses a correctly signed request made six minutes ago", async () => {
    const sixMinutesAgo = now() - (6 * minute) / 1000;
    const response = await post(slashCommand({ ...maya, text: "help" }), { at: sixMinutesAgo });
    expect(response.status).toBe(401);
    expect(heard).toEqual([]);
  });

  it("accepts a request signed just inside the five-minute window", async () => {
    const response = await post(slashCommand({ ...maya, text: "help" }), {
      at: now() - (SLACK_REQUEST_WINDOW_MS - minute) / 1000,
    });
    expect(response.status).toBe(200);
  });

  it("claims nothing for a refused request: the genuine delivery of the same event still runs", async () => {
    const mention = { type: "app_mention", user: maya.userId, text: "<@U0SKILLBOT> hi", ts: "1.000001" };
    const delivery = eventCallback(mention, { eventId: "Ev0FORGED01", teamId });
    expect((await post(delivery, { secret: "forged" })).status).toBe(401);
    expect((await post(delivery)).status).toBe(200);
    await sleep(50);
    expect(heard).toEqual(["mentioned: <@U0SKILLBOT> hi"]);
  });

  it("answers the Events API's URL check with its challenge", async () => {
    const response = await post(urlVerification("3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ challenge: "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P" });
    expect(heard).toEqual([]);
  });

  it("handles an event once when Slack delivers it again as a retry", async () => {
    const mention = { type: "app_mention", user: maya.userId, text: "<@U0SKILLBOT> swap?", ts: "2.000001" };
    const first = await post(eventCallback(mention, { eventId: "Ev0RETRIED1", teamId }));
    const retry = await post(eventCallback(mention, { eventId: "Ev0RETRIED1", teamId, retryNum: 1 }));
    expect([first.status, retry.status]).toEqual([200, 200]);
    await sleep(50);
    expect(heard).toEqual(["mentioned: <@U0SKILLBOT> swap?"]);
  });

  it("runs a button click once when the same request arrives twice", async () => {
    const click = interaction(blockActions(maya, { actionId: "swap.accept", value: "swap-0193" }));
    const first = await post(click);
    const replay = await post(click);
    expect([first.status, replay.status]).toEqual([200, 200]);
    expect(heard).toEqual([`accepted by ${maya.userId}`]);
  });

  it("sends a form's field errors back as the answer, so Slack shows them on the form", async () => {
    const values = { about: { text: { type: "plain_text_input", value: "  " } } };
    const response = await post(interaction(viewSubmission(maya, { callbackId: "profile.edit", values })));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      response_action: "errors",
      errors: { about: "Say a few words about yourself." },
    });
    expect(heard).toEqual([]);
  });

  it("saves a valid form and answers with an empty 200, which closes it", async () => {
    const values = { about: { text: { type: "plain_text_input", value: "I teach Spanish" } } };
    const response = await post(interaction(viewSubmission(maya, { callbackId: "profile.edit", values })));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe("");
    expect(heard).toEqual(["profile saved: I teach Spanish"]);
  });

  it("answers a select's options as the person types, every time they ask", async () => {
    const typing = interaction(blockSuggestion(maya, { actionId: "skill", value: "sp" }));
    for (let time = 0; time < 2; time += 1) {
      const response = await post(typing);
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        options: [
          { text: { type: "plain_text", text: "Spanish" }, value: "Spanish" },
          { text: { type: "plain_text", text: "Sparkling wine" }, value: "Sparkling wine" },
        ],
      });
    }
    expect(heard).toEqual(["options for: sp", "options for: sp"]);
  });

  it("answers 500 without detail when the app fails before acknowledging, and reports the fault", async () => {
    const response = await post(interaction(blockActions(maya, { actionId: "swap.decline" })));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: "Internal Server Error" });
    expect(text).not.toContain("db.internal");
    expect(faults).toContain("Slack block_actions failed before it was acknowledged");
  });

  it("answers 400 to a signed body that is not one of Slack's", async () => {
    const garbage: SlackDelivery = { contentType: "application/json", body: "[1, 2", headers: {} };
    expect((await post(garbage)).status).toBe(400);
    expect(heard).toEqual([]);
  });

  it("answers within Slack's 3 seconds when the app is slow to acknowledge, and its work still completes", async () => {
    const started = Date.now();
    const response = await post(slashCommand({ ...maya, text: "report" }));
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(3000);
    expect(heard).toEqual(["command: report"]);
    await slowWorkDone;
    expect(heard).toEqual(["command: report", "report ready"]);
    expect(faults).toEqual([expect.stringContaining("not acknowledged within 2500 ms")]);
  }, 10_000);
});

describe("a web server without Slack configured", () => {
  let core: TestCore;
  let server: FastifyInstance;
  beforeAll(async () => {
    core = await createTestCore("sqlite");
    server = await buildApp(core);
  });
  afterAll(async () => {
    await server.close();
    await core.close();
  });

  it("has no /slack/events", async () => {
    const request = signedSlackRequest(signingSecret, slashCommand({ ...maya, text: "help" }));
    const response = await server.inject({
      method: "POST",
      url: "/slack/events",
      headers: request.headers,
      payload: request.body,
    });
    expect(response.statusCode).toBe(404);
  });
});
