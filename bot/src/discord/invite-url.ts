import { OAuth2Scopes, PermissionFlagsBits } from "discord.js";

/**
 * What the bot needs in a server, and why: it reads and answers in channels, opens private swap threads and
 * adds both people, archives and locks them when the swap ends, and posts mirrored threads in forums.
 */
export const discordBotPermissions = [
  PermissionFlagsBits.ViewChannel,
  PermissionFlagsBits.SendMessages,
  PermissionFlagsBits.SendMessagesInThreads,
  PermissionFlagsBits.CreatePrivateThreads,
  PermissionFlagsBits.CreatePublicThreads,
  PermissionFlagsBits.ManageThreads,
  PermissionFlagsBits.ReadMessageHistory,
  PermissionFlagsBits.EmbedLinks,
].reduce((all, flag) => all | flag, 0n);

/** The link a server admin opens to add the bot with its commands and exactly these permissions. */
export function discordInviteUrl(applicationId: string): string {
  const url = new URL("https://discord.com/oauth2/authorize");
  url.searchParams.set("client_id", applicationId);
  url.searchParams.set("scope", [OAuth2Scopes.Bot, OAuth2Scopes.ApplicationsCommands].join(" "));
  url.searchParams.set("permissions", discordBotPermissions.toString());
  return url.toString();
}
