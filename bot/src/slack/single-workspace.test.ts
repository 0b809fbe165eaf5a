import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { singleWorkspaceAuthorize } from "./single-workspace.js";

/** Slack's auth.test on loopback: answers each call with the next of `answers`, and counts the calls. */
const slack = { calls: 0, answers: [] as object[] };
const bot = { ok: true, team_id: "T0FRIENDS1", user_id: "U0SKILLBOT", bot_id: "B0SKILLBOT" };

describe("one workspace authorized by its bot token", () => {
  let server: Server;
  let apiUrl: string;
  beforeAll(async () => {
    server = createServer((request, response) => {
      slack.calls += 1;
      request.resume();
      response.writeHead(200, { "content-type": "application/json" });
      response.end(JSON.stringify(slack.answers.shift() ?? { ok: false, error: "unexpected" }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it("asks Slack who the bot is on the first request only, and again after Slack failed to say", async () => {
    slack.answers = [{ ok: false, error: "service_unavailable" }, bot];
    const authorize = singleWorkspaceAuthorize("xoxb-local-token", apiUrl);
    const source = { teamId: "T0FRIENDS1", enterpriseId: undefined, isEnterpriseInstall: false };
    await expect(authorize(source)).rejects.toThrow(/service_unavailable/);
    const expected = {
      botToken: "xoxb-local-token",
      botId: "B0SKILLBOT",
      botUserId: "U0SKILLBOT",
      teamId: "T0FRIENDS1",
    };
    expect(await authorize(source)).toEqual(expected);
    expect(await authorize(source)).toEqual(expected);
    expect(slack.calls).toBe(2);
  });
});
