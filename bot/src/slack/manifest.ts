import type { AppsManifestCreateArguments } from "@slack/web-api";
import { commandDefinitions, type CommandDefinition } from "../commands/definitions.js";
import { slackSlashCommand, slackWordsOf } from "./commands/slack-command-names.js";
import { slackShortcuts } from "./shortcut-ids.js";

/** Slack's app manifest schema, as @slack/web-api types it for `apps.manifest.create`. */
type ManifestShape = AppsManifestCreateArguments["manifest"];

export interface SlackManifestOptions {
  /** Where SkillSwap is reached from the internet (`PUBLIC_URL`); Slack calls the paths below it. */
  readonly publicUrl: string;
  /** At most 35 characters (Slack's limit). */
  readonly appName?: string;
  /** Slack reaches the app over a WebSocket it opens, not at request URLs (for apps behind a firewall). */
  readonly socketMode?: boolean;
}

/**
 * The scopes the bot asks for, each for a feature; Slack shows them to the admin who installs the app, so
 * nothing is asked for "in case".
 */
const botScopes = [
  // The /skillswap command and the "Ask to swap skills" message shortcut.
  "commands",
  // Replies, notifications and messages relayed into swap conversations.
  "chat:write",
  // Notifications go to a person's DM with the app, opened with conversations.open.
  "im:write",
  // A swap's private conversation is a group DM of its people and the app, opened with conversations.open.
  "mpim:write",
  // What people write in that group DM is stored and relayed to their partners on other surfaces (message.mpim).
  "mpim:history",
  // What a person writes to the app in its Messages tab (message.im).
  "im:history",
  // Names, time zones and whether someone is a workspace admin (admin-only commands); team_join, user_change.
  "users:read",
  // Public channels an admin links to a group or picks for swaps; member_joined_channel in them.
  "channels:read",
  // The same for private channels the app was invited to.
  "groups:read",
  // The workspace's name and domain, for the community it becomes.
  "team:read",
  // Forum mirroring: threads started in a linked public channel become group threads, replies follow.
  "channels:history",
  // A linked public channel is joined on the relay's first post there: linking it does not add the app.
  "channels:join",
] as const satisfies NonNullable<NonNullable<ManifestShape["oauth_config"]>["scopes"]>["bot"];

const botEvents = [
  // The Home tab is drawn when a person opens it.
  "app_home_opened",
  "message.mpim",
  "message.im",
  "message.channels",
  // New group members announced in linked channels, and people joining the swaps channel.
  "member_joined_channel",
  // People joining and changing (name, time zone, admin) keep their SkillSwap identity current.
  "team_join",
  "user_change",
  // The workspace's installation is forgotten when it goes.
  "app_uninstalled",
  "tokens_revoked",
] as const satisfies NonNullable<NonNullable<ManifestShape["settings"]>["event_subscriptions"]>["bot_events"];

/**
 * "profile view|edit, skills add|remove|list, …, help, login, admin link-group|unlink|swaps-channel": every
 * command of the table, shown next to `/skillswap` as a person types it (Slack allows 1,000 characters).
 */
export function slackUsageHint(definitions: readonly CommandDefinition[] = commandDefinitions): string {
  const groups = new Map<string, string[]>();
  for (const definition of definitions) {
    const [first = "", ...rest] = slackWordsOf(definition);
    groups.set(first, [...(groups.get(first) ?? []), ...rest]);
  }
  return [...groups].map(([first, subs]) => (subs.length === 0 ? first : `${first} ${subs.join("|")}`)).join(", ");
}

/** The app manifest to paste into api.slack.com/apps (or send to `apps.manifest.create`): the whole Slack app. */
export function slackManifest(options: SlackManifestOptions) {
  const base = options.publicUrl.replace(/\/+$/u, "");
  const socketMode = options.socketMode ?? false;
  // Bolt's HTTP receiver answers commands, events, actions and option loads at one path.
  const requestUrl = `${base}/slack/events`;
  const appName = options.appName ?? "SkillSwap";
  if (appName.length > 35) throw new Error(`Slack allows app names of 35 characters at most: “${appName}”.`);
  const manifest = {
    _metadata: { major_version: 1, minor_version: 1 },
    display_information: {
      name: appName,
      description: "Trade skills with the people of your workspace: teach what you know, learn what you want.",
      background_color: "#1f4e5f",
    },
    features: {
      app_home: { home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false },
      bot_user: { display_name: botDisplayNameOf(appName), always_online: true },
      slash_commands: [
        {
          command: slackSlashCommand,
          // With Socket Mode Slack sends commands, events and actions over the socket: no request URL to call.
          ...(socketMode ? {} : { url: requestUrl }),
          description: "Find people to swap skills with, list your skills, propose and run swaps",
          usage_hint: slackUsageHint(),
          // Mentions arrive as ids (<@U…>, <#C…>), so a person picked with @ is known for sure, not by name.
          should_escape: true,
        },
      ],
      shortcuts: [
        {
          name: slackShortcuts.askToSwap.name,
          type: "message",
          callback_id: slackShortcuts.askToSwap.callbackId,
          description: slackShortcuts.askToSwap.description,
        },
      ],
    },
    oauth_config: {
      redirect_urls: [`${base}/slack/oauth_redirect`],
      scopes: { bot: [...botScopes] },
    },
    settings: {
      event_subscriptions: { ...(socketMode ? {} : { request_url: requestUrl }), bot_events: [...botEvents] },
      interactivity: {
        is_enabled: true,
        // Buttons, forms and shortcuts, then the suggestions of external selects (skills, cities, groups).
        ...(socketMode ? {} : { request_url: requestUrl, message_menu_options_url: requestUrl }),
      },
      org_deploy_enabled: false,
      socket_mode_enabled: socketMode,
      token_rotation_enabled: false,
    },
  } satisfies ManifestShape;
  return manifest;
}

export type SlackManifest = ReturnType<typeof slackManifest>;

/** Slack allows a-z, 0-9, "-", "_" and "." in a bot's display name, 80 at most. */
function botDisplayNameOf(appName: string): string {
  const name = appName
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
  return (name === "" ? "skillswap" : name).slice(0, 80);
}
