import type { APIEmbed } from "discord.js";
import { discordErrors } from "./discord-errors.js";
import { isRecord } from "./json.js";
import type { MessageDraft } from "./payloads.js";

// Discord's documented message limits; a bot that exceeds one gets 400 "Invalid Form Body" in production.
const limits = { content: 2000, embeds: 10, title: 256, description: 4096, fields: 25, fieldName: 256 };
const fieldValueLimit = 1024;
const embedTotalLimit = 6000;
const rowsLimit = 5;
const customIdLimit = 100;

/** Throws the 400 Discord would answer for this message body, so tests catch what production would reject. */
export function checkMessageDraft(draft: MessageDraft, options: { requireContent: boolean }): void {
  const embeds = draft.embeds ?? [];
  const components = draft.components ?? [];
  if (options.requireContent && !draft.content && embeds.length === 0 && components.length === 0) {
    throw discordErrors.emptyMessage();
  }
  if ((draft.content ?? "").length > limits.content) {
    throw tooLong(["content"], limits.content);
  }
  if (embeds.length > limits.embeds) throw tooLong(["embeds"], limits.embeds);
  embeds.forEach((embed, index) => checkEmbed(embed, ["embeds", index]));
  const total = embeds.reduce((sum, embed) => sum + embedLength(embed), 0);
  if (total > embedTotalLimit)
    throw discordErrors.invalidForm(["embeds"], "MAX_EMBED_SIZE_EXCEEDED", "Embed size exceeds maximum size of 6000");
  if (components.length > rowsLimit) throw tooLong(["components"], rowsLimit);
  components.forEach((row, index) => checkCustomIds(row, ["components", index]));
}

function checkEmbed(embed: APIEmbed, path: (string | number)[]): void {
  if ((embed.title ?? "").length > limits.title) throw tooLong([...path, "title"], limits.title);
  if ((embed.description ?? "").length > limits.description) {
    throw tooLong([...path, "description"], limits.description);
  }
  const fields = embed.fields ?? [];
  if (fields.length > limits.fields) throw tooLong([...path, "fields"], limits.fields);
  fields.forEach((field, index) => {
    if (field.name.length > limits.fieldName) throw tooLong([...path, "fields", index, "name"], limits.fieldName);
    if (field.value.length > fieldValueLimit) throw tooLong([...path, "fields", index, "value"], fieldValueLimit);
  });
}

function embedLength(embed: APIEmbed): number {
  const fields = (embed.fields ?? []).reduce((sum, field) => sum + field.name.length + field.value.length, 0);
  return (
    (embed.title ?? "").length +
    (embed.description ?? "").length +
    (embed.footer?.text ?? "").length +
    (embed.author?.name ?? "").length +
    fields
  );
}

function checkCustomIds(component: unknown, path: (string | number)[]): void {
  if (!isRecord(component)) return;
  const customId = component.custom_id;
  if (typeof customId === "string" && customId.length > customIdLimit)
    throw tooLong([...path, "custom_id"], customIdLimit);
  const children = component.components;
  if (Array.isArray(children)) {
    children.forEach((child: unknown, index) => checkCustomIds(child, [...path, "components", index]));
  }
}

function tooLong(path: (string | number)[], max: number) {
  return discordErrors.invalidForm(path, "BASE_TYPE_MAX_LENGTH", `Must be ${max} or fewer in length.`);
}
