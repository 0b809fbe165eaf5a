import { loadConfig } from "@skillswap/core";
import { createTestCore } from "@skillswap/core/testing";
import type { Receiver } from "@slack/bolt";
import { describe, expect, it } from "vitest";
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

  it("refuses a SLACK_APP_TOKEN that is not an app-level token", () => {
    expect(() => loadConfig({ DATABASE_URL: "file::memory:", SLACK_APP_TOKEN: "xoxb-local" }, {})).toThrow(/xapp-/);
  });
});
