import type { APIApplicationCommandOptionChoice } from "discord.js";
import { commandDefinitions, type SuggestionSource } from "../../commands/definitions.js";
import type { ChatRoutes } from "../../chat/chat-routes.js";
import type {
  BotArea,
  ButtonHandler,
  CommandHandler,
  FormHandler,
  SuggestionProvider,
} from "../interactions/handlers.js";
import { discordReplyOf } from "../renderers/chat-reply.js";
import { chatContextOf, chatOptionsOf } from "./chat-input.js";
import { buttonRoutes, fieldIdOf, formRoutes } from "./custom-ids.js";

/** Each chat command, run on a Discord slash command: options in, the chat reply out as Discord JSON. */
function commandsOf(routes: ChatRoutes): Record<string, CommandHandler> {
  return Object.fromEntries(
    routes.commandNames.flatMap((name) => {
      const run = routes.command(name);
      if (run === undefined) return [];
      const handler: CommandHandler = async (context) => {
        const options = await chatOptionsOf(context.core, context.options);
        return discordReplyOf(await run({ ...chatContextOf(context, context.interaction), options }));
      };
      return [[name, handler]];
    }),
  );
}

/** Each button route whose action some chat area answers: the custom_id's arguments become the action. */
function buttonsOf(routes: ChatRoutes): Record<string, ButtonHandler> {
  return Object.fromEntries(
    Object.entries(buttonRoutes).flatMap(([route, { kind, of }]) => {
      const run = routes.action(kind);
      if (run === undefined) return [];
      const handler: ButtonHandler = async (context) =>
        discordReplyOf(await run(chatContextOf(context, context.interaction), of(context.args)));
      return [[route, handler]];
    }),
  );
}

function formsOf(routes: ChatRoutes): Record<string, FormHandler> {
  return Object.fromEntries(
    Object.entries(formRoutes).flatMap(([route, { kind, of }]) => {
      const run = routes.form(kind);
      if (run === undefined) return [];
      const handler: FormHandler = async (context) => {
        const field = (name: string) => context.field(fieldIdOf(name));
        return discordReplyOf(await run({ ...chatContextOf(context, context.interaction), field }, of(context.args)));
      };
      return [[route, handler]];
    }),
  );
}

const promisedSources: readonly SuggestionSource[] = [
  ...new Set(commandDefinitions.flatMap((d) => d.options.flatMap((o) => ("suggest" in o ? [o.suggest] : [])))),
];

function suggestionsOf(routes: ChatRoutes): Partial<Record<SuggestionSource, SuggestionProvider>> {
  return Object.fromEntries(
    promisedSources.flatMap((source) => {
      const provide = routes.suggestions(source);
      if (provide === undefined) return [];
      const provider: SuggestionProvider = async (context) =>
        (await provide({ ...chatContextOf(context, context.interaction), typed: context.typed })).map(
          ({ label, value }): APIApplicationCommandOptionChoice => ({ name: label, value }),
        );
      return [[source, provider]];
    }),
  );
}

/**
 * The chat layer as one area of the Discord router: its commands, its actions under their button routes, its
 * forms under their form routes, its suggestions. Discord's router keeps what is Discord's: deferral past the
 * 3 s deadline, ephemeral replies, replays, errors shown only to the person.
 */
export function discordAreaOf(routes: ChatRoutes): BotArea {
  return {
    commands: commandsOf(routes),
    buttons: buttonsOf(routes),
    forms: formsOf(routes),
    suggestions: suggestionsOf(routes),
  };
}
