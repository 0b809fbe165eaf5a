import type { types } from "@slack/bolt";
import type { ButtonTone, ChatButton, ChatCard, ChatMessage } from "../../chat/reply.js";
import { buttonActionIdOf, buttonValueOf } from "../translation/action-ids.js";

/** A message as Slack takes it: blocks, and the plain text notifications and old clients show instead. */
export interface SlackMessage {
  readonly text: string;
  readonly blocks: types.KnownBlock[];
}

// Slack's limits: 50 blocks a message, header 150, section text 3000, 10 fields of 2000, button text 75, 25
// elements an actions block.
const maxBlocks = 50;
const maxFields = 10;
const maxActions = 25;
const clip = (text: string, limit: number) => (text.length > limit ? `${text.slice(0, limit - 1)}…` : text);
const mrkdwn = (text: string, limit = 3000): types.MrkdwnElement => ({ type: "mrkdwn", text: clip(text, limit) });

function section(text: string, accessory?: types.ImageElement): types.SectionBlock {
  return { type: "section", text: mrkdwn(text), ...(accessory === undefined ? {} : { accessory }) };
}

function cardBlocks(card: ChatCard): types.KnownBlock[] {
  const picture: types.ImageElement | undefined =
    card.pictureUrl === undefined ? undefined : { type: "image", image_url: card.pictureUrl, alt_text: card.title };
  const head = card.note === undefined ? `*${card.title}*` : `*${card.title}*\n${card.note}`;
  const fields = card.fields ?? [];
  const fieldSections: types.SectionBlock[] = [];
  for (let start = 0; start < fields.length; start += maxFields)
    fieldSections.push({
      type: "section",
      fields: fields.slice(start, start + maxFields).map((f) => mrkdwn(`*${f.label}*\n${f.value}`, 2000)),
    });
  // Each person is a section of their own, so a long list stays readable and within a section's 3000.
  const people = (card.people ?? []).map((p) => section(`*@${p.handle}* · ${p.name}\n${p.why}`));
  const footer: types.ContextBlock[] =
    card.footer === undefined ? [] : [{ type: "context", elements: [mrkdwn(card.footer)] }];
  return [section(head, picture), ...fieldSections, ...people, ...footer];
}

const styles: Record<ButtonTone, "primary" | "danger" | undefined> = {
  primary: "primary",
  positive: "primary",
  secondary: undefined,
  danger: "danger",
};

/** The button, or nothing: a disabled one (Slack has none) or one whose action does not fit in a value. */
function buttonOf(button: ChatButton, index: number): types.Button[] {
  const text: types.PlainTextElement = { type: "plain_text", text: clip(button.label, 75) };
  if ("url" in button) return [{ type: "button", text, url: button.url, action_id: `skillswap.link:${index}` }];
  const value = buttonValueOf(button.action);
  if (value === null || button.disabled === true) return [];
  const style = styles[button.tone];
  return [
    {
      type: "button",
      text,
      action_id: buttonActionIdOf(button.action, index),
      value,
      ...(style === undefined ? {} : { style }),
    },
  ];
}

function actionBlocks(rows: readonly (readonly ChatButton[])[]): types.ActionsBlock[] {
  let index = 0;
  return rows
    .map((row) => row.flatMap((button) => buttonOf(button, index++)).slice(0, maxActions))
    .filter((elements) => elements.length > 0)
    .map((elements) => ({ type: "actions", elements }));
}

/** The fallback text: what a notification says, and what a client without Block Kit shows. */
function fallbackOf({ title, text, cards }: ChatMessage): string {
  const said = [title, text].filter((part) => part !== undefined).join("\n");
  return clip(said === "" ? (cards?.[0]?.title ?? "SkillSwap") : said, 3000);
}

/** A chat message as Block Kit: the title as a header, the text, each card, then rows of buttons. */
export function slackMessageOf(message: ChatMessage): SlackMessage {
  const head: types.KnownBlock[] = [
    ...(message.title === undefined
      ? []
      : [{ type: "header", text: { type: "plain_text", text: clip(message.title, 150) } } as const]),
    ...(message.text === undefined ? [] : [section(message.text)]),
  ];
  const buttons = actionBlocks(message.buttons ?? []);
  // Buttons are what a person acts on: when there is too much to show, cards lose their tail, never buttons.
  const body = (message.cards ?? []).flatMap(cardBlocks).slice(0, maxBlocks - head.length - buttons.length);
  return { text: fallbackOf(message), blocks: [...head, ...body, ...buttons].slice(0, maxBlocks) };
}
