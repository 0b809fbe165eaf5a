import type { SuggestionSource } from "../commands/definitions.js";
import type { ChatAction, FormAction } from "./actions.js";
import type { ActionEntry, ChatArea, CommandRun, FormEntry, SuggestionProvider } from "./area.js";
import { inOptionTerms } from "./field-names.js";

/** Every area's commands, buttons, forms and suggestions, found by name; what each platform routes to. */
export interface ChatRoutes {
  readonly commandNames: readonly string[];
  /** The command's run; its failures name the options the person filled in, not core's fields. */
  command(name: string): CommandRun | undefined;
  action(kind: ChatAction["kind"]): ActionEntry["run"] | undefined;
  form(kind: FormAction["kind"]): FormEntry["run"] | undefined;
  suggestions(source: SuggestionSource): SuggestionProvider | undefined;
}

function add<T>(map: Map<string, T>, what: string, key: string, value: T): void {
  if (map.has(key)) throw new Error(`two chat areas handle the ${what} "${key}"`);
  map.set(key, value);
}

/** The routes of `areas`; two areas answering the same command, action, form or suggestion source are refused. */
export function chatRoutesOf(areas: readonly ChatArea[]): ChatRoutes {
  const commands = new Map<string, CommandRun>();
  const actions = new Map<string, ActionEntry["run"]>();
  const forms = new Map<string, FormEntry["run"]>();
  const suggestions = new Map<string, SuggestionProvider>();
  for (const area of areas) {
    for (const [name, run] of Object.entries(area.commands))
      if (run !== undefined)
        add(commands, "command", name, async (input) => {
          try {
            return await run(input);
          } catch (error) {
            throw inOptionTerms(error, name);
          }
        });
    for (const { kind, run } of area.actions ?? []) add(actions, "action", kind, run);
    for (const { kind, run } of area.forms ?? []) add(forms, "form", kind, run);
    for (const [source, provider] of Object.entries(area.suggestions ?? {}))
      if (provider !== undefined) add(suggestions, "suggestion source", source, provider);
  }
  return {
    commandNames: [...commands.keys()],
    command: (name) => commands.get(name),
    action: (kind) => actions.get(kind),
    form: (kind) => forms.get(kind),
    suggestions: (source) => suggestions.get(source),
  };
}
