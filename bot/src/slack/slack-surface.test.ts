import { loadConfig } from "@skillswap/core";
import { createTestCore } from "@skillswap/core/testing";
import { describe, expect, it } from "vitest";
import { chatSurfaces } from "../surfaces.js";
import { slackSurface } from "./slack-surface.js";

const slackKeys = {
  PUBLIC_URL: "https://swap.example.org",
  SLACK_BOT_TOKEN: "xoxb-local",
  SLACK_SIGNING_SECRET: "local-signing-secret",
};
const options = { logger: { error: () => undefined } };

describe("Slack as a surface of `skillswap start`", () => {
  it("is one of the chat surfaces, run by the slack role", () => {
    expect(chatSurfaces.map((s) => s.role)).toContain("slack");
  });

  it("is off until it has a bot token and a signing secret, and says what to set", () => {
    const without = loadConfig({ DATABASE_URL: "file::memory:" }, {});
    expect(slackSurface.configured(without)).toBe(false);
    expect(slackSurface.off.line).toContain("SLACK_BOT_TOKEN");
    expect(slackSurface.configured(loadConfig({ DATABASE_URL: "file::memory:", ...slackKeys }, {}))).toBe(true);
  });

  it("tells the operator where Slack sends its requests, and gives the worker its relays and DMs", async () => {
    const core = await createTestCore("sqlite", {}, slackKeys);
    try {
      const running = await slackSurface.start(core, core.config, options);
      expect(running.summary()).toContain("https://swap.example.org/slack/events");
      await running.stop();
      const parts = slackSurface.workerHandlers(core, core.config, options);
      expect(parts.handlers.map((h) => h.name)).toEqual([
        "slack.swap-conversations",
        "slack.message-relay",
        "slack.message-edit-relay",
        "slack.swap-closing",
        "slack.group-announcements",
        "slack.forum-mirror",
        "slack.home-refresh",
      ]);
      expect(parts.deliveries.map((d) => d.channel)).toEqual(["platform"]);
    } finally {
      await core.close();
    }
  });
});
