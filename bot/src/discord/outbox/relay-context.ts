import type { REST } from "discord.js";
import type { BotLogger } from "../interactions/create-interactions.js";
import type { BotCore } from "../interactions/handlers.js";

/** What every Discord outbox handler works with. */
export interface RelayContext {
  readonly core: BotCore;
  readonly rest: REST;
  readonly logger: BotLogger;
}
