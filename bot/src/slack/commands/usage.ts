import type { CommandDefinition, OptionDefinition } from "../../commands/definitions.js";
import { formatOptionValue, listOf, type SlackOptions } from "./option-values.js";
import { slackNameOf, slackSlashCommand } from "./slack-command-names.js";

function placeholderOf(option: OptionDefinition): string {
  if (option.kind === "user") return `@${option.name}`;
  if (option.kind === "channel") return `#${option.name}`;
  // Spelling out a short list of choices saves a trip to help; a long one would drown the line.
  if (option.choices !== undefined && option.choices.length <= 3) return option.choices.join("|");
  return option.name;
}

/** "/skillswap skills add <skill> <teach|learn> <level> [mode] [times]". */
export function slackUsageOf(definition: CommandDefinition): string {
  const options = definition.options.map((o) => (o.required ? `<${placeholderOf(o)}>` : `[${placeholderOf(o)}]`));
  return [slackSlashCommand, slackNameOf(definition), ...options].join(" ");
}

/** "`level` must be a whole number from 1 to 5. Usage: `/skillswap skills add …`". */
export function usageSentence(definition: CommandDefinition, problem: string): string {
  const named = definition.options.some((o) => !o.required)
    ? " Options can also be given by name, in any order after the others: `name:value`."
    : "";
  return `${problem} Usage: \`${slackUsageOf(definition)}\`.${named}`;
}

const helpPointer = `\`${slackSlashCommand} help\` lists everything SkillSwap can do.`;

/** For `/skillswap skills` alone: what can follow it. */
export function groupSentence(word: string, definitions: readonly CommandDefinition[]): string {
  const usages = definitions.map((d) => `\`${slackUsageOf(d)}\``);
  return `\`${slackSlashCommand} ${word}\` needs what to do: ${listOf(usages)}.`;
}

/** For a name that is no command, with the commands it was probably meant to be. */
export function unknownSentence(typed: string, closest: readonly CommandDefinition[]): string {
  const guess =
    closest.length === 0
      ? ""
      : ` Did you mean ${listOf(closest.map((d) => `\`${slackSlashCommand} ${slackNameOf(d)}\``))}?`;
  return `There is no \`${slackSlashCommand} ${typed}\`.${guess} ${helpPointer}`;
}

export function unterminatedQuoteSentence(opened: string): string {
  return `The quote before “${opened}” is never closed: close it, or take it out.`;
}

/**
 * The text after `/skillswap` that runs `definition` with these options: positional while the table's order
 * allows it, by name after the first one left out. `parseCommandText` reads it back to the same options.
 */
export function commandTextOf(definition: CommandDefinition, options: SlackOptions): string {
  const words = [slackNameOf(definition)];
  let positional = true;
  for (const option of definition.options) {
    const value = options[option.name];
    if (value === undefined) positional = false;
    else words.push(positional ? formatOptionValue(value) : `${option.name}:${formatOptionValue(value)}`);
  }
  return words.join(" ");
}
