import { discordSurface } from "./discord/discord-surface.js";
import { slackSurface } from "./slack/slack-surface.js";
import type { ChatSurface } from "./surface.js";

/** The chat platforms this build can run, each behind the same contract. */
export const chatSurfaces: readonly ChatSurface[] = [discordSurface, slackSurface];
