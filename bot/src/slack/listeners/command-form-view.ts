import type { types } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import { definitionOf } from "../../commands/definitions.js";
import { commandModalOf, modalOf } from "../renderers/modal-view.js";
import { chatOptionsOf } from "../translation/chat-options.js";
import type { SlackRequester } from "../translation/slack-actor.js";
import type { SlackChat } from "./slack-chat.js";

/**
 * The form a button opens for a command, titled by the button. A command that answers with a form of its own
 * (`profile edit`, prefilled with the profile; `swap request`, asked step by step) is run for it; any other
 * opens the form of its options, whose submission runs the command as `/skillswap` would. Nothing slow but
 * resolving the person comes before the caller uses its trigger id, which lasts 3 s.
 */
export async function commandFormViewOf(
  chat: SlackChat,
  client: WebClient,
  requester: SlackRequester,
  command: { readonly name: string; readonly title: string },
): Promise<types.ModalView> {
  const definition = definitionOf(command.name);
  const run = chat.routes.command(command.name);
  if (definition === undefined || run === undefined) throw new Error(`no chat route for the form of "${command.name}"`);
  if (definition.opensForm !== true && definition.guidedForm !== true)
    return commandModalOf({ title: command.title, about: definition.description }, definition, {});
  const person = await chat.people.resolve(client, requester);
  const options = await chatOptionsOf(chat.people, client, person.tenantId, {});
  const said = await run({ ...person.context, options });
  if (said.kind !== "form") throw new Error(`"${command.name}" answered no form`);
  return modalOf(said);
}
