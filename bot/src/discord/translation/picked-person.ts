import type { APIUser } from "discord.js";
import type { BotCore } from "../interactions/handlers.js";

// Discord identities are global: one user id across every guild, so they are looked up with no tenant.
const discordTenant = "";

/**
 * The SkillSwap handle of a Discord user picked in a command option, or null when they never used SkillSwap.
 * Looking someone up never registers them: only a person's own interaction does.
 */
export async function skillswapHandleOf(core: BotCore, user: APIUser): Promise<string | null> {
  const account = await core.services.accounts.findByIdentity("discord", discordTenant, user.id);
  return account?.handle ?? null;
}

/** How a Discord user is named in a sentence. */
export const discordNameOf = (user: Pick<APIUser, "username" | "global_name">): string =>
  user.global_name ?? user.username;
