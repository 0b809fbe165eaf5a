import { Events, type Client } from "discord.js";
import type { BotLogger } from "../interactions/create-interactions.js";
import type { BotCore } from "../interactions/handlers.js";

export interface GatewayContext {
  readonly core: BotCore;
  readonly logger: BotLogger;
}

/**
 * What the bot learns from the gateway besides interactions: guilds it joins become communities. Each listener
 * turns one Discord event into one core call; failures are logged, since there is nobody to reply to.
 */
export function listenToGateway(client: Client, { core, logger }: GatewayContext): void {
  const guarded =
    <A extends unknown[]>(what: string, listener: (...args: A) => Promise<unknown>) =>
    (...args: A) => {
      listener(...args).catch((error: unknown) => logger.error(what, error));
    };

  client.on(
    Events.GuildCreate,
    guarded("registering a guild", (guild) =>
      core.services.communities.register({ platform: "discord", externalId: guild.id, name: guild.name }),
    ),
  );
}
