export { LocalDiscord, type LocalDiscordOptions, type ThreadView } from "./local-discord.js";
export type * from "./local-discord/public-types.js";
