import type { APIUser } from "discord.js";
import type { BotCore } from "../interactions/handlers.js";

/**
 * The SkillSwap handle of a Discord user picked in a command option, or null when they never used SkillSwap.
 * Looking someone up never registers them: only a person's own interaction does.
 */
export async function skillswapHandleOf(core: BotCore, user: APIUser): Promise<string | null> {
  const account = await core.services.accounts.findByIdentity("discord", "", user.id);
  return account?.handle ?? null;
}

/** How a Discord user is named in a sentence. */
export const discordNameOf = (user: APIUser): string => user.global_name ?? user.username;
