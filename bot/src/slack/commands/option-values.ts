import type { OptionDefinition } from "../../commands/definitions.js";
import { formatWord } from "./command-text.js";

/** A person picked with @ in Slack. */
export interface SlackUserRef {
  readonly slackUserId: string;
}

/** A channel picked with # in Slack. */
export interface SlackChannelRef {
  readonly slackChannelId: string;
}

/** An option's value, typed by the option's kind in the command table. */
export type SlackOptionValue = string | number | boolean | SlackUserRef | SlackChannelRef;

export type SlackOptions = Readonly<Record<string, SlackOptionValue>>;

/** Either the value, or what is wrong with the text, said about the option by name. */
export type ValueReading =
  { readonly ok: true; readonly value: SlackOptionValue } | { readonly ok: false; readonly problem: string };

// Slack escapes these three in everything a person types, and only these.
const escapes: Readonly<Record<string, string>> = { "&": "&amp;", "<": "&lt;", ">": "&gt;" };
const entities: Readonly<Record<string, string>> = Object.fromEntries(Object.entries(escapes).map(([c, e]) => [e, c]));

const yes = new Set(["yes", "true", "y", "on"]);
const no = new Set(["no", "false", "n", "off"]);

export function readOptionValue(option: OptionDefinition, text: string): ValueReading {
  const name = `\`${option.name}\``;
  switch (option.kind) {
    case "string":
      return readString(option, plainTextOf(text));
    case "integer":
    case "number":
      return readNumber(option, text);
    case "boolean": {
      const lower = text.toLowerCase();
      if (yes.has(lower)) return { ok: true, value: true };
      if (no.has(lower)) return { ok: true, value: false };
      return { ok: false, problem: `${name} must be yes or no.` };
    }
    case "user": {
      const id = /^<@([UW][A-Z0-9]+)(\|[^>]*)?>$/u.exec(text)?.[1];
      if (id !== undefined) return { ok: true, value: { slackUserId: id } };
      const what = text.startsWith("<!subteam^") ? "a user group" : `“${plainTextOf(text)}”`;
      return { ok: false, problem: `${name} must be one person, picked by typing @ and their name, not ${what}.` };
    }
    case "channel": {
      const id = /^<#([CG][A-Z0-9]+)(\|[^>]*)?>$/u.exec(text)?.[1];
      if (id !== undefined) return { ok: true, value: { slackChannelId: id } };
      return { ok: false, problem: `${name} must be a channel, picked by typing # and its name.` };
    }
  }
}

function readString(option: OptionDefinition, text: string): ValueReading {
  if (option.choices === undefined) return { ok: true, value: text };
  const choice = option.choices.find((c) => c.toLowerCase() === text.toLowerCase());
  if (choice !== undefined) return { ok: true, value: choice };
  return { ok: false, problem: `\`${option.name}\` must be ${listOf(option.choices)}.` };
}

function readNumber(option: OptionDefinition, text: string): ValueReading {
  const whole = option.kind === "integer";
  const shape = whole ? /^[+-]?\d+$/u : /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/iu;
  const value = Number(text);
  const inRange =
    shape.test(text) &&
    Number.isFinite(value) &&
    (option.min === undefined || value >= option.min) &&
    (option.max === undefined || value <= option.max);
  if (inRange) return { ok: true, value };
  const range = option.min !== undefined && option.max !== undefined ? ` from ${option.min} to ${option.max}` : "";
  return { ok: false, problem: `\`${option.name}\` must be ${whole ? "a whole number" : "a number"}${range}.` };
}

/**
 * What a person meant by free text Slack escaped: "&lt;" is "<", a link is its address, a mention is its label
 * ("@maya", "#general") when Slack gave one. Done in one pass, so "&amp;lt;" stays the "&lt;" that was typed.
 */
function plainTextOf(text: string): string {
  return text.replace(/&(amp|lt|gt);|<([^<>]*)>/gu, (whole, _entity, inner: string | undefined) => {
    if (inner === undefined) return entities[whole] ?? whole;
    const bar = inner.indexOf("|");
    const [target, label] = bar === -1 ? [inner, undefined] : [inner.slice(0, bar), inner.slice(bar + 1)];
    if (target.startsWith("@") || target.startsWith("#"))
      return label === undefined ? whole : `${target.charAt(0)}${label}`;
    if (target.startsWith("!")) return label ?? `@${target.slice(1).split("^")[0] ?? ""}`;
    return target.startsWith("mailto:") ? target.slice("mailto:".length) : target;
  });
}

/** "teach or learn", "online, in_person or both"; "`offer` and `want`" with "and". */
export function listOf(items: readonly string[], last: "or" | "and" = "or"): string {
  return items.length < 2 ? items.join("") : `${items.slice(0, -1).join(", ")} ${last} ${items.at(-1) ?? ""}`;
}

/** One value as a word a person could type, Slack-escaped the way Slack sends it; `readOptionValue` reads it back. */
export function formatOptionValue(value: SlackOptionValue): string {
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return formatWord(value.replace(/[&<>]/gu, (char) => escapes[char] ?? char));
  return "slackUserId" in value ? `<@${value.slackUserId}>` : `<#${value.slackChannelId}>`;
}
