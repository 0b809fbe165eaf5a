import type { App, Logger } from "@slack/bolt";
import { chatRoutesOf } from "../../chat/chat-routes.js";
import type { ChatCore } from "../../chat/context.js";
import { chatAreas } from "../../chat/areas/index.js";
import { registerSlackHome } from "../home/index.js";
import { createSlackPeople } from "../translation/slack-actor.js";
import { registerActions } from "./actions.js";
import { registerCommands } from "./commands.js";
import { registerFormLinks } from "./form-links.js";
import { registerFormSteps } from "./form-steps.js";
import { registerOptions } from "./options.js";
import { registerShortcuts } from "./shortcuts.js";
import { registerViews } from "./views.js";

/** The chat layer on Slack: `/skillswap`, buttons, forms, suggestions, the message shortcut and the App Home. */
export function registerSlackChatListeners(app: App, deps: { readonly core: ChatCore; readonly logger: Logger }): void {
  const chat = { routes: chatRoutesOf(chatAreas), people: createSlackPeople(deps.core), logger: deps.logger };
  registerCommands(app, chat);
  registerActions(app, chat);
  registerViews(app, chat);
  registerFormSteps(app, chat);
  registerFormLinks(app, chat);
  registerOptions(app, chat);
  registerShortcuts(app, chat);
  registerSlackHome(app, chat);
}
