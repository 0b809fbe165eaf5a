import type { AskedSwap, ChatAction, FormAction } from "../../chat/actions.js";
import { swapButtonMoves } from "../../chat/actions.js";
import { findMaxPage, type FindQuery } from "../../chat/find-query.js";
import type { SuggestionSource } from "../../commands/definitions.js";

/**
 * The one table of Slack ids: how a button's action, a form's submission, a form field and a suggestion source
 * travel through Block Kit. Slack gives a button a `value` (2000 characters) beside its `action_id` (255) and a
 * view a `private_metadata` (3000) beside its `callback_id` (255), so what an action or a form acts on travels
 * as JSON there and the ids only say what it is. The bot keeps no state between a message and its click.
 */

// Slack's limits on what an element and a view may carry.
const valueLimit = 2000;
const metadataLimit = 3000;

/** Ids starting with `prefix`, as Bolt's listeners match them. */
const startingWith = (prefix: string) => new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/gu, "\\$&")}`, "u");

/** Every button of SkillSwap's messages; the number keeps ids unique within a message, as Slack requires. */
export const buttonPrefix = "skillswap.button:";
export const buttonIdPattern = startingWith(buttonPrefix);
export const buttonActionIdOf = (action: ChatAction, index: number): string => `${buttonPrefix}${action.kind}:${index}`;

/** A button's value: the whole action, or null when it does not fit (the person uses the command instead). */
export function buttonValueOf(action: ChatAction): string | null {
  const value = JSON.stringify(action);
  return value.length <= valueLimit ? value : null;
}

/** Forms the chat layer answers with, and forms of a command's options (the message shortcut opens one). */
export const formCallbackId = "skillswap.form";
export const commandFormPrefix = "skillswap.command:";
export const commandFormPattern = startingWith(commandFormPrefix);
export const commandFormCallbackIdOf = (commandName: string) => `${commandFormPrefix}${commandName}`;

/** The App Home's buttons opening a command's form: the action id names the command, the button has no value. */
export const homeFormPrefix = "skillswap.home-form:";
export const homeFormPattern = startingWith(homeFormPrefix);
export const homeFormActionIdOf = (commandName: string) => `${homeFormPrefix}${commandName}`;
export const homeFormCommandOf = (actionId: string): string => actionId.slice(homeFormPrefix.length);

/** A form's button opening another command's form on top of it (views.push): the action id names the command. */
export const formLinkPrefix = "skillswap.form-link:";
export const formLinkPattern = startingWith(formLinkPrefix);
export const formLinkActionIdOf = (commandName: string) => `${formLinkPrefix}${commandName}`;
export const formLinkCommandOf = (actionId: string): string => actionId.slice(formLinkPrefix.length);

/** A form's private_metadata: its submission; it always fits, since forms carry a few short names. */
export function formMetadataOf(action: FormAction): string {
  const metadata = JSON.stringify(action);
  if (metadata.length > metadataLimit) throw new Error(`form ${action.kind} does not fit in private_metadata`);
  return metadata;
}

/** An input's block is named after its field (or option), so `response_action: "errors"` points at it. */
export const fieldBlockIdOf = (name: string): string => name;
/** The element inside a text field's block. */
export const textActionId = "text";
/** An external select's action id names where its suggestions come from. */
export const suggestionPrefix = "skillswap.suggest:";
export const suggestionIdPattern = startingWith(suggestionPrefix);
export const suggestionActionIdOf = (source: SuggestionSource): string => `${suggestionPrefix}${source}`;

const suggestionSources: readonly SuggestionSource[] = [
  "skill",
  "own-skill",
  "own-teach-skill",
  "group",
  "swap",
  "session",
  "city",
  "time-zone",
  "person",
];

export function suggestionSourceOf(actionId: string): SuggestionSource | null {
  if (!actionId.startsWith(suggestionPrefix)) return null;
  const source = actionId.slice(suggestionPrefix.length);
  return suggestionSources.find((s) => s === source) ?? null;
}

// What comes back in a value or in private_metadata was written by this table, but it crossed Slack and an
// older deploy may have written it: it is read field by field and anything else is refused as null.
type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json => typeof value === "object" && value !== null;
const text = (value: unknown): string | null => (typeof value === "string" ? value : null);
const numberOrNull = (value: unknown): number | null =>
  typeof value === "number" && Number.isFinite(value) ? value : null;

function parsed(json: string): Json | null {
  try {
    const value: unknown = JSON.parse(json);
    return isObject(value) ? value : null;
  } catch {
    return null;
  }
}

function askedSwapOf(value: unknown): AskedSwap | null {
  if (!isObject(value)) return null;
  const [to, want, offer] = [text(value.to), text(value.want), text(value.offer)];
  return to === null || want === null || offer === null ? null : { to, want, offer };
}

function findQueryOf(value: unknown): FindQuery | null {
  if (!isObject(value)) return null;
  const skill = text(value.skill);
  if (skill === null) return null;
  return {
    skill,
    near: text(value.near),
    km: numberOrNull(value.km),
    level: numberOrNull(value.level),
    online: value.online === true,
  };
}

/** The action a button's value carries, or null when it is not one. */
export function buttonActionOf(value: string): ChatAction | null {
  const json = parsed(value);
  switch (json?.kind) {
    case "swap.move": {
      const move = swapButtonMoves.find((m) => m === json.move);
      const swapId = text(json.swapId);
      return move === undefined || swapId === null ? null : { kind: "swap.move", move, swapId };
    }
    case "find.page": {
      const query = findQueryOf(json.query);
      const page = Math.min(findMaxPage, Math.max(1, Math.trunc(numberOrNull(json.page) ?? 1)));
      return query === null ? null : { kind: "find.page", query, page };
    }
    case "match.ask": {
      const swap = askedSwapOf(json.swap);
      return swap === null ? null : { kind: "match.ask", swap };
    }
    case "match.cycle": {
      const cycle = isObject(json.cycle) ? json.cycle : {};
      const [next, after, youTeach, nextTeaches, afterTeaches] = [
        text(cycle.next),
        text(cycle.after),
        text(cycle.youTeach),
        text(cycle.nextTeaches),
        text(cycle.afterTeaches),
      ];
      if (next === null || after === null || youTeach === null || nextTeaches === null || afterTeaches === null)
        return null;
      return { kind: "match.cycle", cycle: { next, after, youTeach, nextTeaches, afterTeaches } };
    }
    default:
      return null;
  }
}

/** The submission a form's private_metadata carries, or null when it is not one. */
export function formActionOf(metadata: string): FormAction | null {
  const json = parsed(metadata);
  switch (json?.kind) {
    case "profile.edit":
      return { kind: "profile.edit" };
    case "review.submit": {
      const swapId = text(json.swapId);
      return swapId === null ? null : { kind: "review.submit", swapId };
    }
    case "match.ask": {
      const swap = askedSwapOf(json.swap);
      return swap === null ? null : { kind: "match.ask", swap };
    }
    case "swap.partner":
      return { kind: "swap.partner" };
    case "swap.skills": {
      const to = text(json.to);
      return to === null ? null : { kind: "swap.skills", to };
    }
    default:
      return null;
  }
}

/** A command form's fixed options (the person a shortcut was used on), kept in its private_metadata. */
export const commandMetadataOf = (fixed: Readonly<Record<string, string>>): string => JSON.stringify(fixed);

export function fixedOptionsOf(metadata: string): Readonly<Record<string, string>> {
  const json = parsed(metadata) ?? {};
  return Object.fromEntries(
    Object.entries(json).flatMap(([name, value]) => (typeof value === "string" ? [[name, value]] : [])),
  );
}
