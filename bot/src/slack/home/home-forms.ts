import type { App, BlockButtonAction } from "@slack/bolt";
import { homeFormCommandOf, homeFormPattern } from "../translation/action-ids.js";
import { commandFormViewOf } from "../listeners/command-form-view.js";
import { logFault, requesterOf, type SlackChat } from "../listeners/slack-chat.js";

/**
 * A Home button opening a command's form; a form of the command's options, once submitted, runs the command as
 * `/skillswap` would and DMs the answer. Resolving the person before the trigger id is used is quick: opening
 * the Home has just cached them.
 */
export function registerHomeForms(app: App, chat: SlackChat): void {
  app.action<BlockButtonAction>(
    { type: "block_actions", action_id: homeFormPattern },
    async ({ ack, body, action, client }) => {
      await ack();
      try {
        const command = { name: homeFormCommandOf(action.action_id), title: action.text.text };
        const view = await commandFormViewOf(chat, client, requesterOf(body), command);
        await client.views.open({ trigger_id: body.trigger_id, view });
      } catch (error) {
        logFault(chat, "Home form", error);
      }
    },
  );
}
