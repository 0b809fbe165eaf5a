import { DomainError, type FieldError } from "@skillswap/core";
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from "@slack/bolt";
import { definitionOf } from "../../commands/definitions.js";
import type { ChatReply } from "../../chat/reply.js";
import { readOptionValue, type SlackOptionValue } from "../commands/option-values.js";
import { submittedFieldsOf } from "../renderers/modal-view.js";
import { chatOptionsOf } from "../translation/chat-options.js";
import { commandFormPrefix, fixedOptionsOf } from "../translation/action-ids.js";
import { requesterOf, type SlackChat } from "./slack-chat.js";

type Submission = SlackViewMiddlewareArgs<ViewSubmitAction> & AllMiddlewareArgs;

/**
 * A submitted form of a command's options runs that command, its fields read exactly as the same words after
 * `/skillswap` would be: a value the command cannot take is said on its field, like core's own refusals.
 */
export async function commandOfForm(chat: SlackChat, { body, view, client }: Submission): Promise<ChatReply> {
  const name = view.callback_id.slice(commandFormPrefix.length);
  const definition = definitionOf(name);
  const run = chat.routes.command(name);
  if (definition === undefined || run === undefined) throw new Error(`no chat route for the form of "${name}"`);
  const fixed = fixedOptionsOf(view.private_metadata);
  const typed = submittedFieldsOf(view.state.values);
  const options: Record<string, SlackOptionValue> = {};
  const problems: FieldError[] = [];
  for (const option of definition.options) {
    // Slack itself keeps a required input from being left empty.
    const text = (fixed[option.name] ?? typed(option.name)).trim();
    if (text === "") continue;
    const read = readOptionValue(option, text);
    if (read.ok) options[option.name] = read.value;
    else problems.push({ field: option.name, message: read.problem });
  }
  if (problems.length > 0) {
    const fields = problems.map((p) => p.field).join(", ");
    throw new DomainError("invalid", "COMMAND.INVALID_OPTIONS", "error.invalid", { fields }, problems);
  }
  const person = await chat.people.resolve(client, requesterOf(body));
  return run({ ...person.context, options: await chatOptionsOf(chat.people, client, person.tenantId, options) });
}
