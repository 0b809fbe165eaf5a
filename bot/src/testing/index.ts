export { LocalDiscord, type LocalDiscordOptions, type ThreadView } from "./local-discord.js";
export type * from "./local-discord/public-types.js";
export { LocalSlack, startLocalSlack, type LocalSlackOptions } from "./local-slack.js";
export type * from "./local-slack/public-types.js";
export * from "./local-slack/signed-requests.js";
export * from "./local-slack/slack-payloads.js";
