import { loadConfig } from "@skillswap/core";
import { createTestCore } from "@skillswap/core/testing";
import type { App, Receiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
import { startLocalSlack } from "../../testing/local-slack.js";
import { eventCallback } from "../../testing/local-slack/signed-requests.js";
import { slackSurfaceWith } from "../slack-surface.js";

const keys = { PUBLIC_URL: "https://swap.example.org", SLACK_BOT_TOKEN: "xoxb-local" };
const appToken = "xapp-1-A0SKILLSWAP-1234-abcdef";
const options = { logger: { error: () => undefined } };

/** Socket Mode's receiver, standing in for the WebSocket to Slack: it records what it was given and asked. */
function fakeSocket() {
  const seen: { appToken?: string; started: boolean; stopped: boolean } = { started: false, stopped: false };
  const factory = (token: string): Receiver => {
    seen.appToken = token;
    return {
      init: () => undefined,
      start: () => Promise.resolve((seen.started = true)),
      stop: () => Promise.resolve((seen.stopped = true)),
    };
  };
  return { seen, surface: slackSurfaceWith(factory) };
}

describe("trying the Slack app without a public URL (Socket Mode)", () => {
  it("takes Slack's requests over Socket Mode with the app-level token when SLACK_APP_TOKEN is set", async () => {
    const core = await createTestCore("sqlite", {}, { ...keys, SLACK_APP_TOKEN: appToken });
    const { seen, surface } = fakeSocket();
    try {
      expect(surface.configured(core.config)).toBe(true);
      const running = await surface.start(core, core.config, options);
      expect(running.status).toBe("connected");
      expect(running.summary()).toContain("Socket Mode");
      expect(seen).toMatchObject({ appToken, started: true });
      await running.stop();
      expect(seen.stopped).toBe(true);
    } finally {
      await core.close();
    }
  });

  it("waits for Slack's HTTP requests instead when there is no app-level token", async () => {
    const core = await createTestCore("sqlite", {}, { ...keys, SLACK_SIGNING_SECRET: "local-signing-secret" });
    const { seen, surface } = fakeSocket();
    try {
      const running = await surface.start(core, core.config, options);
      expect(running.summary()).toContain("https://swap.example.org/slack/events");
      expect(seen).toEqual({ started: false, stopped: false });
      await running.stop();
    } finally {
      await core.close();
    }
  });

  it("runs an envelope Socket Mode delivers again only once, acknowledging the repeat", async () => {
    const slack = await startLocalSlack({ members: [{ id: "U0MAYA0001", name: "maya.k", real_name: "Maya" }] });
    const core = await createTestCore(
      "sqlite",
      {},
      { ...keys, SLACK_BOT_TOKEN: slack.team.botToken ?? "", SLACK_API_URL: slack.apiUrl, SLACK_APP_TOKEN: appToken },
    );
    // The socket's receiver hands each envelope to the app it was given, as Bolt's SocketModeReceiver does.
    let app: App | undefined;
    const surface = slackSurfaceWith(() => ({
      init: (given) => void (app = given),
      start: () => Promise.resolve(),
      stop: () => Promise.resolve(),
    }));
    const running = await surface.start(core, core.config, options);
    const homeOpened = { type: "app_home_opened", user: "U0MAYA0001", channel: "D0MAYA", tab: "home", event_ts: "1.0" };
    const envelope = JSON.parse(
      eventCallback(homeOpened, { eventId: "Ev0SOCKET1", teamId: slack.team.id }).body,
    ) as Record<string, unknown>;
    let acks = 0;
    const deliver = () => app?.processEvent({ body: envelope, ack: () => Promise.resolve(void (acks += 1)) });
    try {
      await deliver();
      await slack.waitForCall("views.publish");
      await deliver();

      expect(acks).toBe(2);
      expect(slack.callsTo("views.publish")).toHaveLength(1);
    } finally {
      await running.stop();
      await core.close();
      await slack.close();
    }
  });

  it("refuses a SLACK_APP_TOKEN that is not an app-level token", () => {
    expect(() => loadConfig({ DATABASE_URL: "file::memory:", SLACK_APP_TOKEN: "xoxb-local" }, {})).toThrow(/xapp-/);
  });
});
