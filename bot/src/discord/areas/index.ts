import type { BotArea } from "../interactions/handlers.js";
import { basicsArea } from "./basics.area.js";
import { discoveryArea } from "./discovery.area.js";

/** Every area of the Discord bot; the router refuses two areas answering the same command or button. */
export const botAreas: readonly BotArea[] = [basicsArea, discoveryArea];
