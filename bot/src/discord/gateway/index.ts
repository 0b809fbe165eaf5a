import { Events, type Client } from "discord.js";
import { listenToChannelMessages } from "./channel-messages.js";
import type { GatewayContext } from "./gateway-context.js";
import { guardedBy } from "./guarded.js";
import { listenToGuildMembers } from "./guild-members.js";
import { listenToMessageEdits } from "./message-edits.js";

export type { GatewayContext } from "./gateway-context.js";

/**
 * What the bot learns from the gateway besides interactions: guilds it joins become communities, their
 * members' arrivals, permission changes and departures follow, and what people write in swap conversations
 * and linked forums is stored. Each listener turns one Discord event into one core call; failures are
 * logged, since there is nobody to reply to.
 */
export function listenToGateway(client: Client, context: GatewayContext): void {
  const { core, logger } = context;
  const guarded = guardedBy(logger);

  client.on(
    Events.GuildCreate,
    guarded("registering a guild", (guild) =>
      core.services.communities.register({ platform: "discord", externalId: guild.id, name: guild.name }),
    ),
  );
  listenToGuildMembers(client, context);
  listenToChannelMessages(client, context);
  listenToMessageEdits(client, context);
}
