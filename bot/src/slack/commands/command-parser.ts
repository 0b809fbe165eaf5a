import type { CommandDefinition, OptionDefinition } from "../../commands/definitions.js";
import { closestCommands } from "./closest-commands.js";
import { namedPartsOf, wordsOf, type Word } from "./command-text.js";
import { listOf, readOptionValue, type SlackOptions, type SlackOptionValue } from "./option-values.js";
import {
  slackCommandsOf,
  slackNameOf,
  slackSlashCommand,
  slackWordsOf,
  type SlackCommands,
} from "./slack-command-names.js";
import { groupSentence, unknownSentence, unterminatedQuoteSentence, usageSentence } from "./usage.js";

/** What a `/skillswap …` text asks for: a command with typed options, or a sentence saying what to fix. */
export type ParsedCommandText =
  | { readonly kind: "command"; readonly definition: CommandDefinition; readonly options: SlackOptions }
  /** The text names a command (`path`) or a group of them, but its options are wrong; `sentence` says how. */
  | { readonly kind: "usage"; readonly path?: CommandDefinition["path"]; readonly sentence: string }
  | { readonly kind: "unknown"; readonly sentence: string };

type OptionsReading =
  { readonly ok: true; readonly options: SlackOptions } | { readonly ok: false; readonly problem: string };

const tableCommands = slackCommandsOf();

/**
 * Reads the text Slack sends with `/skillswap` (`should_escape: true`): the command's words, then its options in
 * the table's order, positional, then any of them as `name:value`. The bare `/skillswap` asks for help.
 */
export function parseCommandText(text: string, commands: SlackCommands = tableCommands): ParsedCommandText {
  const read = wordsOf(text);
  const words = read.ok && read.words.length === 0 ? [{ text: "help", openLength: 4 }] : read.words;
  const found = commands.commandAt(words.map((w) => w.text));
  if (!read.ok) {
    const sentence = unterminatedQuoteSentence(read.opened);
    return found === null
      ? { kind: "usage", sentence }
      : { kind: "usage", path: found.definition.path, sentence: usageSentence(found.definition, sentence) };
  }
  if (found === null) return notACommand(words, commands);
  const { definition } = found;
  // Nothing after a command that can ask for its options step by step: its form asks, rather than a usage line.
  if (definition.guidedForm === true && words.length === found.length)
    return { kind: "command", definition, options: {} };
  const reading = optionsOf(definition, words.slice(found.length));
  return reading.ok
    ? { kind: "command", definition, options: reading.options }
    : { kind: "usage", path: definition.path, sentence: usageSentence(definition, reading.problem) };
}

function notACommand(words: readonly Word[], commands: SlackCommands): ParsedCommandText {
  const first = words[0]?.text ?? "";
  const group = commands.groupOf(first);
  if (group.length > 0 && words.length === 1) return { kind: "usage", sentence: groupSentence(first, group) };
  const closest = closestCommands(
    words.slice(0, 2).map((w) => w.text),
    commands.definitions,
  );
  // "fnd guitar" is about "fnd", "skill list" about both words: as many as the name it was meant to be.
  const named = group.length > 0 || closest.some((d) => slackWordsOf(d).length > 1) ? 2 : 1;
  const typed = words.slice(0, named).map((w) => w.text);
  return { kind: "unknown", sentence: unknownSentence(typed.join(" "), closest) };
}

// Names of skills, cities and groups hold spaces as often as notes do, so any string without fixed choices
// takes the words that follow it, unquoted; a word after a number or a choice is a mistake worth saying.
const takesMoreWords = (option: OptionDefinition) => option.kind === "string" && option.choices === undefined;

function optionsOf(definition: CommandDefinition, words: readonly Word[]): OptionsReading {
  const texts = new Map<string, string>();
  let positional = 0;
  let named = false;
  let last: OptionDefinition | null = null;
  for (const word of words) {
    const parts = namedPartsOf(word);
    if (parts !== null) {
      const option = definition.options.find((o) => o.name === parts.name);
      if (option === undefined) return { ok: false, problem: unknownOptionProblem(definition, parts.name) };
      if (texts.has(option.name)) return { ok: false, problem: `\`${option.name}\` is given twice.` };
      texts.set(option.name, parts.value);
      [named, last] = [true, option];
      continue;
    }
    const next = named ? undefined : definition.options[positional];
    if (next !== undefined) {
      texts.set(next.name, word.text);
      [positional, last] = [positional + 1, next];
    } else if (last !== null && takesMoreWords(last)) {
      texts.set(last.name, `${texts.get(last.name) ?? ""} ${word.text}`);
    } else {
      return { ok: false, problem: extraWordProblem(definition, word.text) };
    }
  }
  return typedOptions(definition, texts);
}

function typedOptions(definition: CommandDefinition, texts: ReadonlyMap<string, string>): OptionsReading {
  const missing = definition.options.filter((o) => o.required && !texts.has(o.name)).map((o) => `\`${o.name}\``);
  if (missing.length > 0)
    return { ok: false, problem: `${listOf(missing, "and")} ${missing.length === 1 ? "is" : "are"} missing.` };
  const options: Record<string, SlackOptionValue> = {};
  const problems: string[] = [];
  for (const option of definition.options) {
    const text = texts.get(option.name);
    if (text === undefined) continue;
    const value = readOptionValue(option, text);
    if (value.ok) options[option.name] = value.value;
    else problems.push(value.problem);
  }
  return problems.length === 0 ? { ok: true, options } : { ok: false, problem: problems.join(" ") };
}

function unknownOptionProblem(definition: CommandDefinition, name: string): string {
  const command = `\`${slackSlashCommand} ${slackNameOf(definition)}\``;
  if (definition.options.length === 0) return `${command} takes no options, and \`${name}\` is none.`;
  const names = definition.options.map((o) => `\`${o.name}\``);
  return `\`${name}\` is not an option of ${command}; its options are ${listOf(names, "and")}.`;
}

function extraWordProblem(definition: CommandDefinition, word: string): string {
  if (definition.options.length === 0) return `This command takes no options, so “${word}” is one word too many.`;
  return `“${word}” is one word too many: put a value of several words in quotes.`;
}
