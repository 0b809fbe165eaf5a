import type { App, BlockButtonAction } from "@slack/bolt";
import { formLinkCommandOf, formLinkPattern } from "../translation/action-ids.js";
import { commandFormViewOf } from "./command-form-view.js";
import { logFault, requesterOf, type SlackChat } from "./slack-chat.js";

/**
 * A button inside a form ("Set availability" in the profile form) opening another command's form on top of it
 * with views.push. Slack closes only a pushed view when its submission is acknowledged empty, so once saved the
 * person is back on the form below, as they left it.
 */
export function registerFormLinks(app: App, chat: SlackChat): void {
  app.action<BlockButtonAction>(
    { type: "block_actions", action_id: formLinkPattern },
    async ({ ack, body, action, client }) => {
      await ack();
      try {
        const command = { name: formLinkCommandOf(action.action_id), title: action.text.text };
        const view = await commandFormViewOf(chat, client, requesterOf(body), command);
        await client.views.push({ trigger_id: body.trigger_id, view });
      } catch (error) {
        logFault(chat, "form link", error);
      }
    },
  );
}
