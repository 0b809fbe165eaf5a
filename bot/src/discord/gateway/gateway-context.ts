import type { BotLogger } from "../interactions/create-interactions.js";
import type { BotCore } from "../interactions/handlers.js";

export interface GatewayContext {
  readonly core: BotCore;
  readonly logger: BotLogger;
}
