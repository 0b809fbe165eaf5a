import type { App, MessageShortcut } from "@slack/bolt";
import { definitionOf } from "../../commands/definitions.js";
import { formatOptionValue } from "../commands/option-values.js";
import { commandModalOf } from "../renderers/modal-view.js";
import { slackShortcuts } from "../shortcut-ids.js";
import { logFault, type SlackChat } from "./slack-chat.js";

const { askToSwap } = slackShortcuts;
const swapRequest = "swap request";

/**
 * "Ask to swap skills" on someone's message: the form of `/skillswap swap request`, its person already the
 * message's author, so only the skills (suggested as one types) and a note are left to fill in. The trigger id
 * is used first, before anything slow.
 */
export function registerShortcuts(app: App, chat: SlackChat): void {
  app.shortcut<MessageShortcut>(
    { type: "message_action", callback_id: askToSwap.callbackId },
    async ({ ack, shortcut, client }) => {
      await ack();
      const author = shortcut.message.user;
      const definition = definitionOf(swapRequest);
      try {
        if (definition === undefined) throw new Error(`the command table has no "${swapRequest}"`);
        // A bot's or an integration's message has no person to swap with.
        if (author === undefined) return;
        const user = formatOptionValue({ slackUserId: author });
        const view = commandModalOf({ title: askToSwap.name, about: `${askToSwap.description}: ${user}` }, definition, {
          user,
        });
        await client.views.open({ trigger_id: shortcut.trigger_id, view });
      } catch (error) {
        logFault(chat, "shortcut", error);
      }
    },
  );
}
