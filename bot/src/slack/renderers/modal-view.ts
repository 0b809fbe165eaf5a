import type { types, ViewStateValue } from "@slack/bolt";
import type { CommandDefinition, OptionDefinition } from "../../commands/definitions.js";
import type { ChatForm, FormField } from "../../chat/reply.js";
import {
  commandFormCallbackIdOf,
  commandMetadataOf,
  fieldBlockIdOf,
  formCallbackId,
  formMetadataOf,
  suggestionActionIdOf,
  textActionId,
} from "../translation/action-ids.js";

// Slack's limits on a modal: title 24 characters, submit and close 24, a label 2000, a placeholder 150.
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);
const plain = (text: string, limit: number): types.PlainTextElement => ({
  type: "plain_text",
  text: clip(text, limit),
});

function modal(title: string, callbackId: string, metadata: string, blocks: types.KnownBlock[]): types.ModalView {
  return {
    type: "modal",
    callback_id: callbackId,
    private_metadata: metadata,
    title: plain(title, 24),
    submit: plain("Submit", 24),
    close: plain("Cancel", 24),
    blocks,
  };
}

function textInputOf(field: FormField): types.InputBlock {
  return {
    type: "input",
    block_id: fieldBlockIdOf(field.name),
    label: plain(field.label, 2000),
    optional: !field.required,
    element: {
      type: "plain_text_input",
      action_id: textActionId,
      multiline: field.long === true,
      max_length: field.maxLength,
      ...(field.minLength === undefined ? {} : { min_length: field.minLength }),
      ...(field.placeholder === undefined ? {} : { placeholder: plain(field.placeholder, 150) }),
      // Slack refuses an empty initial value as it refuses an empty text; a field without one starts empty.
      ...(field.initial === undefined || field.initial === "" ? {} : { initial_value: field.initial }),
    },
  };
}

/** A chat form as a Slack modal: one input per field, named by the field, the submission in private_metadata. */
export function modalOf(form: ChatForm): types.ModalView {
  return modal(form.title, formCallbackId, formMetadataOf(form.submit), form.fields.map(textInputOf));
}

/** An option of the command table as a form input: options with a suggestion source suggest as one types. */
function optionInputOf(option: OptionDefinition): types.InputBlock {
  const placeholder = plain(option.description, 150);
  const element: types.InputBlock["element"] =
    option.suggest === undefined
      ? { type: "plain_text_input", action_id: textActionId, placeholder }
      : { type: "external_select", action_id: suggestionActionIdOf(option.suggest), min_query_length: 1, placeholder };
  return {
    type: "input",
    block_id: fieldBlockIdOf(option.name),
    label: plain(option.name, 2000),
    optional: !option.required,
    element,
  };
}

/**
 * A command as a form: its options as inputs, except the `fixed` ones already known (the person a shortcut was
 * used on), which travel in private_metadata as the words a person would type after the command.
 */
export function commandModalOf(
  form: { readonly title: string; readonly about: string },
  definition: CommandDefinition,
  fixed: Readonly<Record<string, string>>,
): types.ModalView {
  const inputs = definition.options.filter((o) => !(o.name in fixed) && o.kind !== "user" && o.kind !== "channel");
  const about: types.SectionBlock = { type: "section", text: { type: "mrkdwn", text: clip(form.about, 3000) } };
  return modal(form.title, commandFormCallbackIdOf(definition.path.join(" ")), commandMetadataOf(fixed), [
    about,
    ...inputs.map(optionInputOf),
  ]);
}

/** What a person typed or picked in a submitted view, by field name; "" when left empty. */
export function submittedFieldsOf(
  values: Readonly<Record<string, Readonly<Record<string, ViewStateValue | undefined>>>>,
): (name: string) => string {
  return (name) => {
    const elements = Object.values(values[fieldBlockIdOf(name)] ?? {});
    const element = elements[0];
    return element?.value ?? element?.selected_option?.value ?? "";
  };
}

/**
 * `response_action: "errors"`: each error on the block of the field it is about. Errors about a field the form
 * does not show are left out; null when none is left, so the caller says the sentence another way.
 */
export function fieldErrorsOf(
  errors: readonly { readonly name: string; readonly message: string }[],
  shown: ReadonlySet<string>,
): { response_action: "errors"; errors: Record<string, string> } | null {
  const onFields = errors.filter((e) => shown.has(e.name));
  if (onFields.length === 0) return null;
  return {
    response_action: "errors",
    errors: Object.fromEntries(onFields.map((e) => [fieldBlockIdOf(e.name), e.message])),
  };
}

/** The fields a submitted view shows, by name: its blocks, and the inputs Slack sent the state of. */
export const shownFieldsOf = (view: {
  readonly blocks: readonly { readonly block_id?: string }[];
  readonly state: { readonly values: Readonly<Record<string, unknown>> };
}): ReadonlySet<string> =>
  new Set([
    ...view.blocks.flatMap((b) => (b.block_id === undefined ? [] : [b.block_id])),
    ...Object.keys(view.state.values),
  ]);

/** The form replaced by what went wrong, when it is not about one of its fields. */
export function noticeModalOf(title: string, sentence: string): types.ModalView {
  return {
    type: "modal",
    title: plain(title, 24),
    close: plain("Close", 24),
    blocks: [{ type: "section", text: { type: "mrkdwn", text: clip(sentence, 3000) } }],
  };
}
