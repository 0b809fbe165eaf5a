import type { App } from "@slack/bolt";
import type { SlackChat } from "../listeners/slack-chat.js";
import { registerHomeForms } from "./home-forms.js";
import { registerHomeOpened } from "./home-opened.js";

/** The App Home: published when opened, its form buttons; its other buttons are the chat layer's (actions.ts). */
export function registerSlackHome(app: App, chat: SlackChat): void {
  registerHomeOpened(app, chat);
  registerHomeForms(app, chat);
}
