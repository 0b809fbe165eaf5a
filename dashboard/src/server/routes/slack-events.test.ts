import type { SlackEvents, SlackHttpRequest, SlackHttpResponse } from "@skillswap/bot";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";

/**
 * The route only carries bytes to the bot's receiver and its answer back; the receiver (signatures, retries,
 * Bolt) is specified in bot/ and, mounted for real, in cli/src/slack-over-http.test.ts.
 */
const receiver = {
  received: [] as SlackHttpRequest[],
  answer: { status: 200, body: "" } as SlackHttpResponse,
};
const events: SlackEvents = {
  handle: (request) => {
    receiver.received.push(request);
    return Promise.resolve(receiver.answer);
  },
};

const slashCommand = "command=%2Fskillswap&text=find+sp%C3%A4nish&user_id=U0MAYA&trigger_id=1.2.3";
const event = '{"type":"event_callback",  "event_id":"Ev01","event":{"type":"app_mention","text":"hé"}}';

describe("POST /slack/events in the web server", () => {
  let core: TestCore;
  let app: FastifyInstance;
  beforeAll(async () => {
    core = await createTestCore("sqlite");
    app = await buildApp(core, { slack: events });
  });
  afterAll(async () => {
    await app.close();
    await core.close();
  });
  beforeEach(() => {
    receiver.received = [];
    receiver.answer = { status: 200, body: "" };
  });

  it("hands the receiver the exact bytes Slack signed, form-encoded or JSON, with Slack's headers", async () => {
    const signature = { "x-slack-signature": "v0=abc", "x-slack-request-timestamp": "1765130000" };
    await app.inject({
      method: "POST",
      url: "/slack/events",
      headers: { "content-type": "application/x-www-form-urlencoded", ...signature },
      payload: slashCommand,
    });
    await app.inject({
      method: "POST",
      url: "/slack/events",
      headers: { "content-type": "application/json", "x-slack-retry-num": "1", ...signature },
      payload: event,
    });
    expect(receiver.received.map((request) => request.rawBody.toString("utf8"))).toEqual([slashCommand, event]);
    expect(receiver.received[0]?.headers).toMatchObject(signature);
    expect(receiver.received[1]?.headers).toMatchObject({ "x-slack-retry-num": "1" });
  });

  it("answers with the receiver's status, content type and body", async () => {
    receiver.answer = { status: 200, body: '{"response_action":"errors"}', contentType: "application/json" };
    const form = await app.inject({ method: "POST", url: "/slack/events", payload: event, headers: json });
    expect(form.statusCode).toBe(200);
    expect(form.headers["content-type"]).toMatch(/^application\/json/);
    expect(form.json()).toEqual({ response_action: "errors" });

    receiver.answer = { status: 401, body: '{"error":"Invalid request signature."}', contentType: "application/json" };
    const refused = await app.inject({ method: "POST", url: "/slack/events", payload: event, headers: json });
    expect(refused.statusCode).toBe(401);
    expect(refused.json()).toEqual({ error: "Invalid request signature." });
  });

  it("answers an empty 200 when the receiver has nothing to say", async () => {
    const response = await app.inject({ method: "POST", url: "/slack/events", payload: event, headers: json });
    expect(response.statusCode).toBe(200);
    expect(response.body).toBe("");
  });

  it("keeps its raw-body parsing to itself: the API still reads JSON bodies", async () => {
    const response = await app.inject({
      method: "POST",
      url: "/api/v1/auth/password/forgot",
      headers: json,
      payload: { email: "nobody@example.com" },
    });
    expect(response.statusCode).toBe(202);
    expect(receiver.received).toEqual([]);
  });
});

const json = { "content-type": "application/json" };

describe("a web server without Slack configured", () => {
  let core: TestCore;
  let app: FastifyInstance;
  beforeAll(async () => {
    core = await createTestCore("sqlite");
    app = await buildApp(core);
  });
  afterAll(async () => {
    await app.close();
    await core.close();
  });

  it("has no /slack/events", async () => {
    const response = await app.inject({ method: "POST", url: "/slack/events", payload: event, headers: json });
    expect(response.statusCode).toBe(404);
  });
});
