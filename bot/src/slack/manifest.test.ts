import { describe, expect, it } from "vitest";
import { commandDefinitions } from "../commands/definitions.js";
import { slackNameOf } from "./commands/slack-command-names.js";
import { slackManifest, slackUsageHint } from "./manifest.js";
import { slackShortcuts } from "./shortcut-ids.js";

const manifest = slackManifest({ publicUrl: "https://swap.example.org/" });

// What Slack requires before it delivers each event to the bot (api.slack.com/events, "Required scopes").
const scopeForEvent: Readonly<Record<string, readonly string[]>> = {
  app_home_opened: [],
  "message.mpim": ["mpim:history"],
  "message.im": ["im:history"],
  "message.channels": ["channels:history"],
  member_joined_channel: ["channels:read", "groups:read"],
  team_join: ["users:read"],
  user_change: ["users:read"],
  app_uninstalled: [],
  tokens_revoked: [],
};

describe("the Slack app manifest", () => {
  it("declares one /skillswap command answered at PUBLIC_URL, with mentions escaped into ids", () => {
    expect(manifest.features.slash_commands).toEqual([
      expect.objectContaining({
        command: "/skillswap",
        url: "https://swap.example.org/slack/events",
        should_escape: true,
      }),
    ]);
  });

  it("sends events, actions, option loads and the OAuth redirect to PUBLIC_URL", () => {
    expect(manifest.settings.event_subscriptions).toMatchObject({
      request_url: "https://swap.example.org/slack/events",
    });
    expect(manifest.settings.interactivity).toEqual({
      is_enabled: true,
      request_url: "https://swap.example.org/slack/events",
      message_menu_options_url: "https://swap.example.org/slack/events",
    });
    expect(manifest.oauth_config.redirect_urls).toEqual(["https://swap.example.org/slack/oauth_redirect"]);
  });

  it("hints every command of the table next to /skillswap, within Slack's limits", () => {
    const [command] = manifest.features.slash_commands;
    const hint = command?.usage_hint ?? "";
    for (const definition of commandDefinitions)
      expect(hint).toContain(slackNameOf(definition).split(" ").at(-1) ?? "");
    expect(hint).toMatch(/^profile view\|edit, skills add\|remove\|list, /u);
    expect(hint).toContain("admin link-group|unlink|swaps-channel");
    // Limits of Slack's manifest schema (slackapi/manifest-schema, v1).
    expect(hint.length).toBeLessThanOrEqual(1000);
    expect(command?.description.length).toBeLessThanOrEqual(2000);
    expect(manifest.display_information.name.length).toBeLessThanOrEqual(35);
    expect(manifest.display_information.description.length).toBeLessThanOrEqual(140);
    expect(manifest.features.shortcuts[0]?.name.length).toBeLessThanOrEqual(24);
  });

  it("offers the Home tab, the app's messages and the message shortcut", () => {
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: true,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({
        name: "Ask to swap skills",
        type: "message",
        callback_id: slackShortcuts.askToSwap.callbackId,
      }),
    ]);
  });

  it("asks for every scope its features and events need, and only those", () => {
    const scopes = manifest.oauth_config.scopes.bot;
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(Object.keys(scopeForEvent));
    for (const needed of Object.values(scopeForEvent).flat()) expect(scopes).toContain(needed);
    // The command and shortcut, replies, DMs and group DMs for swaps, admins' rights and the workspace's name.
    for (const needed of ["commands", "chat:write", "im:write", "mpim:write", "users:read", "team:read"])
      expect(scopes).toContain(needed);
    expect(new Set(scopes).size).toBe(scopes.length);
    // Linked public channels are joined by the relay (conversations.join) before it first posts there.
    expect(scopes).toContain("channels:join");
    expect(scopes).toHaveLength(12);
  });

  it("leaves request URLs out with Socket Mode, where Slack sends everything over the socket", () => {
    const socket = slackManifest({ publicUrl: "http://localhost:3000", socketMode: true });
    expect(socket.settings.socket_mode_enabled).toBe(true);
    expect(JSON.stringify(socket)).not.toContain("/slack/events");
    expect(socket.oauth_config.redirect_urls).toEqual(["http://localhost:3000/slack/oauth_redirect"]);
  });

  it("names the app and its bot user as asked", () => {
    const named = slackManifest({ publicUrl: "https://swap.example.org", appName: "Swap Club Lyon" });
    expect(named.display_information.name).toBe("Swap Club Lyon");
    expect(named.features.bot_user.display_name).toBe("swap-club-lyon");
    expect(() => slackManifest({ publicUrl: "https://x.example", appName: "x".repeat(36) })).toThrow(/35 characters/u);
  });

  it("builds the hint from whatever table it is given", () => {
    expect(
      slackUsageHint([
        { path: ["skillswap", "help"], description: "", options: [], ephemeral: true },
        { path: ["find"], description: "", options: [], ephemeral: true },
      ]),
    ).toBe("help, find");
  });
});
