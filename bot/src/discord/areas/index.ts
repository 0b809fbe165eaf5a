import { chatAreas } from "../../chat/areas/index.js";
import { chatRoutesOf } from "../../chat/chat-routes.js";
import type { BotArea } from "../interactions/handlers.js";
import { discordAreaOf } from "../translation/chat-area.js";

/** Every area of the Discord bot; the router refuses two areas answering the same command or button. */
export const botAreas: readonly BotArea[] = [discordAreaOf(chatRoutesOf(chatAreas))];
