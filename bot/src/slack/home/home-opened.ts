import type { App } from "@slack/bolt";
import { logFault, type SlackChat } from "../listeners/slack-chat.js";
import { publishHome } from "./publish-home.js";

/**
 * A person opening the app's Home tab: they are resolved as for any request (so someone new is signed up and
 * sees their empty Home with the forms to start), then their Home is published. Opening the Messages tab or
 * the About tab shows nothing of ours.
 */
export function registerHomeOpened(app: App, chat: SlackChat): void {
  app.event("app_home_opened", async ({ event, body, context, client }) => {
    if (event.tab !== "home") return;
    try {
      const person = await chat.people.resolve(client, {
        userId: event.user,
        teamId: context.teamId ?? body.team_id,
        enterpriseId: context.enterpriseId,
        isEnterpriseInstall: context.isEnterpriseInstall,
      });
      await publishHome(person.context.core, client, person.context.actor, event.user);
    } catch (error) {
      logFault(chat, "Home", error);
    }
  });
}
