import { commandDefinitions, type CommandDefinition } from "../../commands/definitions.js";

/** The slash command Slack sends every sub-command through. */
export const slackSlashCommand = "/skillswap";

/**
 * How a command of the shared table is typed after `/skillswap`. Discord needs a command name of its own for the
 * table's general entries, so they sit under "skillswap" there (`/skillswap help`, `/skillswap admin unlink`);
 * on Slack that word is the slash command itself, so it is dropped: `/skillswap help`, `/skillswap admin unlink`.
 * Every other path is typed as written (`/skillswap find`, `/skillswap skills add`). The table has no command
 * named "skillswap" nor one whose words begin another's (checked by the tests), so each text reaches one command.
 */
export function slackWordsOf(definition: CommandDefinition): readonly string[] {
  return definition.path[0] === "skillswap" ? definition.path.slice(1) : definition.path;
}

/** "skills add", "help", "admin link-group". */
export function slackNameOf(definition: CommandDefinition): string {
  return slackWordsOf(definition).join(" ");
}

export interface SlackCommands {
  readonly definitions: readonly CommandDefinition[];
  /** The command these leading words name, and how many words its name took. */
  commandAt(words: readonly string[]): { readonly definition: CommandDefinition; readonly length: number } | null;
  /** The commands whose name starts with this word ("skills" → add, remove, list); empty for a full name. */
  groupOf(word: string): readonly CommandDefinition[];
}

export function slackCommandsOf(definitions: readonly CommandDefinition[] = commandDefinitions): SlackCommands {
  const byName = new Map(definitions.map((d) => [slackNameOf(d), d]));
  const longest = Math.max(...definitions.map((d) => slackWordsOf(d).length));
  return {
    definitions,
    commandAt(words) {
      const lower = words.map((w) => w.toLowerCase());
      for (let length = 1; length <= Math.min(lower.length, longest); length += 1) {
        const definition = byName.get(lower.slice(0, length).join(" "));
        if (definition !== undefined) return { definition, length };
      }
      return null;
    },
    groupOf(word) {
      const lower = word.toLowerCase();
      return definitions.filter((d) => {
        const slackWords = slackWordsOf(d);
        return slackWords.length > 1 && slackWords[0] === lower;
      });
    },
  };
}
