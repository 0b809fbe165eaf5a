import { discordSurface } from "./discord/discord-surface.js";
import type { ChatSurface } from "./surface.js";

/**
 * The chat platforms this build can run, each behind the same contract. The Slack app joins this list with
 * its own surface (issue 16, step 2); until then `--roles slack` is reported as not in this build.
 */
export const chatSurfaces: readonly ChatSurface[] = [discordSurface];
