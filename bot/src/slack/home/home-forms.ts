import type { App, BlockButtonAction } from "@slack/bolt";
import { definitionOf } from "../../commands/definitions.js";
import { commandModalOf, modalOf } from "../renderers/modal-view.js";
import { chatOptionsOf } from "../translation/chat-options.js";
import { homeFormCommandOf, homeFormPattern } from "../translation/action-ids.js";
import { logFault, requesterOf, type SlackChat } from "../listeners/slack-chat.js";

/**
 * A Home button opening a command's form. A command that answers with a form of its own (`profile edit`,
 * prefilled with the profile) is run for it; any other opens the form of its options, whose submission runs
 * the command as `/skillswap` would and DMs the answer. The trigger id lasts 3 s: nothing slow before it but
 * resolving the person, whom opening the Home has just cached.
 */
export function registerHomeForms(app: App, chat: SlackChat): void {
  app.action<BlockButtonAction>(
    { type: "block_actions", action_id: homeFormPattern },
    async ({ ack, body, action, client }) => {
      await ack();
      try {
        const name = homeFormCommandOf(action.action_id);
        const definition = definitionOf(name);
        const run = chat.routes.command(name);
        if (definition === undefined || run === undefined) throw new Error(`no chat route for the form of "${name}"`);
        if (definition.opensForm !== true) {
          const form = { title: action.text.text, about: definition.description };
          await client.views.open({ trigger_id: body.trigger_id, view: commandModalOf(form, definition, {}) });
          return;
        }
        const person = await chat.people.resolve(client, requesterOf(body));
        const options = await chatOptionsOf(chat.people, client, person.tenantId, {});
        const said = await run({ ...person.context, options });
        if (said.kind !== "form") throw new Error(`"${name}" answered no form`);
        await client.views.open({ trigger_id: body.trigger_id, view: modalOf(said) });
      } catch (error) {
        logFault(chat, "Home form", error);
      }
    },
  );
}
