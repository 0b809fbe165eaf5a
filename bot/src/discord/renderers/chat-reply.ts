import {
  ButtonStyle,
  ComponentType,
  MessageFlags,
  TextInputStyle,
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIEmbedField,
  type APIInteractionResponseCallbackData,
  type APITextInputComponent,
} from "discord.js";
import type { ButtonTone, ChatButton, ChatCard, ChatForm, ChatMessage, ChatReply } from "../../chat/reply.js";
import { message, modal, update, type Reply } from "../interactions/replies.js";
import { buttonIdOf, fieldIdOf, formIdOf } from "../translation/custom-ids.js";

// Discord's limits: embed title 256, description 4096, 25 fields of name 256 and value 1024, footer 2048;
// button label 80, five buttons a row, five rows a message; modal title 45.
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);
const maxFields = 25;
const maxButtons = 5;
const maxRows = 5;

function embedOf(card: ChatCard): APIEmbed {
  const fields: APIEmbedField[] = [
    ...(card.fields ?? []).map((f) => ({
      name: clip(f.label, 256),
      value: clip(f.value, 1024),
      ...(f.short === true ? { inline: true } : {}),
    })),
    ...(card.people ?? []).map((p) => ({ name: clip(`@${p.handle} · ${p.name}`, 256), value: clip(p.why, 1024) })),
  ];
  return {
    title: clip(card.title, 256),
    ...(card.note === undefined ? {} : { description: clip(card.note, 4096) }),
    ...(fields.length === 0 ? {} : { fields: fields.slice(0, maxFields) }),
    ...(card.pictureUrl === undefined ? {} : { thumbnail: { url: card.pictureUrl } }),
    ...(card.footer === undefined ? {} : { footer: { text: clip(card.footer, 2048) } }),
  };
}

const styles: Record<
  ButtonTone,
  ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger
> = {
  primary: ButtonStyle.Primary,
  secondary: ButtonStyle.Secondary,
  positive: ButtonStyle.Success,
  danger: ButtonStyle.Danger,
};

/** The button, or nothing when its action does not fit in a custom_id. */
function buttonOf(button: ChatButton): APIButtonComponent[] {
  const label = clip(button.label, 80);
  if ("url" in button) return [{ type: ComponentType.Button, style: ButtonStyle.Link, label, url: button.url }];
  const custom_id = buttonIdOf(button.action);
  if (custom_id === null) return [];
  return [
    {
      type: ComponentType.Button,
      style: styles[button.tone],
      label,
      custom_id,
      ...(button.disabled === undefined ? {} : { disabled: button.disabled }),
    },
  ];
}

/** Rows of buttons as Discord components; a button whose action does not fit in a custom_id is left out. */
export function discordRowsOf(rows: readonly (readonly ChatButton[])[]): APIActionRowComponent<APIButtonComponent>[] {
  return rows
    .map((row) => row.flatMap(buttonOf).slice(0, maxButtons))
    .filter((buttons) => buttons.length > 0)
    .slice(0, maxRows)
    .map((components) => ({ type: ComponentType.ActionRow, components }));
}

function contentOf({ title, text }: ChatMessage): string | undefined {
  if (title === undefined) return text;
  return text === undefined ? `**${title}**` : `**${title}**\n${text}`;
}

function messageData(reply: ChatMessage): APIInteractionResponseCallbackData {
  const content = contentOf(reply);
  return {
    ...(content === undefined ? {} : { content }),
    ...(reply.cards === undefined ? {} : { embeds: reply.cards.map(embedOf) }),
    // An update without buttons takes the clicked ones away, so nobody clicks twice.
    ...(reply.buttons === undefined && reply.kind === "message"
      ? {}
      : { components: discordRowsOf(reply.buttons ?? []) }),
    ...(reply.private === true ? { flags: MessageFlags.Ephemeral } : {}),
  };
}

function textInputOf(field: ChatForm["fields"][number]): APIActionRowComponent<APITextInputComponent> {
  return {
    type: ComponentType.ActionRow,
    components: [
      {
        type: ComponentType.TextInput,
        custom_id: fieldIdOf(field.name),
        label: clip(field.label, 45),
        style: field.long === true ? TextInputStyle.Paragraph : TextInputStyle.Short,
        required: field.required,
        max_length: field.maxLength,
        ...(field.minLength === undefined ? {} : { min_length: field.minLength }),
        ...(field.placeholder === undefined ? {} : { placeholder: field.placeholder }),
        // Discord refuses an empty prefill; a field without one simply starts empty.
        ...(field.initial === undefined || field.initial === "" ? {} : { value: field.initial }),
      },
    ],
  };
}

function modalOf(form: ChatForm): Reply {
  const custom_id = formIdOf(form.submit);
  if (custom_id === null) throw new Error(`form ${form.submit.kind} does not fit in a custom_id`);
  // Action rows, not the newer labels: the router reads a submission's fields from rows.
  return modal({ custom_id, title: clip(form.title, 45), components: form.fields.map(textInputOf) });
}

/** What the chat layer said, as Discord's response JSON: embeds for cards, buttons in rows, forms as modals. */
export function discordReplyOf(reply: ChatReply): Reply {
  switch (reply.kind) {
    case "message":
      return message(messageData(reply));
    case "update":
      return update(messageData(reply));
    case "form":
      return modalOf(reply);
  }
}
