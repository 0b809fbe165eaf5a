import {
  ApplicationCommandType,
  InteractionResponseType,
  InteractionType,
  MessageFlags,
  Routes,
  type APIApplicationCommandAutocompleteInteraction,
  type APIApplicationCommandOptionChoice,
  type APIInteraction,
  type APIInteractionResponse,
  type APIInteractionResponseCallbackData,
  type REST,
} from "discord.js";
import { isDomainError, translate } from "@skillswap/core";
import { definitionOf, type CommandDefinition } from "../../commands/definitions.js";
import { errorReply } from "../renderers/error-reply.js";
import { commandOptionsOf } from "./options.js";
import { parseCustomId } from "../translation/custom-ids.js";
import type { BotArea, BotCore, ButtonHandler, CommandHandler, FormHandler, SuggestionProvider } from "./handlers.js";
import { createPersonResolver, type GuildNames, type ResolvedPerson } from "./interaction-actor.js";
import { redactedError, redactingLogger } from "./log-redaction.js";
import { replayAcknowledgement } from "./replay-acknowledgement.js";
import type { BotLogger } from "../../surface.js";
import type { Reply } from "./replies.js";
import type { DiscordInteractions, RespondFirst } from "./transport.js";

export type { BotLogger } from "../../surface.js";

export interface DiscordInteractionsOptions {
  readonly core: BotCore;
  readonly rest: REST;
  readonly areas: readonly BotArea[];
  readonly guildNames: GuildNames;
  readonly logger: BotLogger;
  /**
   * True the first time an interaction id is seen: Discord can deliver an interaction twice (a resumed
   * gateway session, an HTTP retry) and a command must not run twice.
   */
  readonly claim: (interactionId: string) => Promise<boolean>;
  /**
   * How long a handler may run before the router acknowledges with a deferral: Discord drops interactions not
   * answered within 3 s. Commands marked slow are deferred before they start.
   */
  readonly deferAfterMs?: number;
}

// Discord's cap on autocomplete choices and on their names and values.
const maxChoices = 25;
const maxChoiceLength = 100;

const ephemeral = (data: APIInteractionResponseCallbackData): APIInteractionResponseCallbackData => ({
  ...data,
  // Flags are a bit set, which discord-api-types types as the enum of single flags.
  // eslint-disable-next-line @typescript-eslint/no-unsafe-enum-assignment
  flags: (data.flags ?? 0) | MessageFlags.Ephemeral,
});

function clipChoices(choices: readonly APIApplicationCommandOptionChoice[]): APIApplicationCommandOptionChoice[] {
  return choices.slice(0, maxChoices).map((choice) => ({
    ...choice,
    name: choice.name.slice(0, maxChoiceLength),
    value: typeof choice.value === "string" ? choice.value.slice(0, maxChoiceLength) : choice.value,
  }));
}

/** How a handler's answer is sent when it is the first response. */
function firstResponseOf(reply: Reply): APIInteractionResponse {
  switch (reply.kind) {
    case "message":
      return { type: InteractionResponseType.ChannelMessageWithSource, data: reply.data };
    case "update":
      return { type: InteractionResponseType.UpdateMessage, data: reply.data };
    case "modal":
      return { type: InteractionResponseType.Modal, data: reply.data };
  }
}

interface Routing {
  readonly commands: ReadonlyMap<string, CommandHandler>;
  readonly buttons: ReadonlyMap<string, ButtonHandler>;
  readonly forms: ReadonlyMap<string, FormHandler>;
  readonly suggestions: ReadonlyMap<string, SuggestionProvider>;
}

function routingOf(areas: readonly BotArea[]): Routing {
  const commands = new Map<string, CommandHandler>();
  const buttons = new Map<string, ButtonHandler>();
  const forms = new Map<string, FormHandler>();
  const suggestions = new Map<string, SuggestionProvider>();
  const add = <T>(map: Map<string, T>, what: string, entries: Readonly<Record<string, T | undefined>>) => {
    for (const [key, value] of Object.entries(entries)) {
      if (value === undefined) continue;
      if (map.has(key)) throw new Error(`two bot areas handle the ${what} "${key}"`);
      map.set(key, value);
    }
  };
  for (const area of areas) {
    add(commands, "command", area.commands);
    add(buttons, "button", area.buttons ?? {});
    add(forms, "form", area.forms ?? {});
    add(suggestions, "suggestion source", area.suggestions ?? {});
  }
  return { commands, buttons, forms, suggestions };
}

/**
 * The bot's interaction router, shared by both transports: it skips replays, resolves the person, finds the
 * handler for a command, button, form or autocomplete, and answers within Discord's deadline — deferring first
 * when the command is slow or the handler is still busy near the deadline, then editing the deferred reply.
 * Failures reach the person as their domain sentence, only to them; faults are logged, never shown.
 */
export function createDiscordInteractions(options: DiscordInteractionsOptions): DiscordInteractions {
  const { core, rest } = options;
  // Errors here are often discord.js's, whose `url` holds the interaction token of the call that failed.
  const logger = redactingLogger(options.logger);
  const routing = routingOf(options.areas);
  const people = createPersonResolver(core, options.guildNames);
  const deferAfterMs = options.deferAfterMs ?? 2_000;

  // Follow-ups are webhook calls authorised by the interaction's token, valid 15 minutes, not by the bot token.
  const editOriginal = ({ application_id, token }: APIInteraction, data: APIInteractionResponseCallbackData) =>
    rest.patch(Routes.webhookMessage(application_id, token, "@original"), { body: data, auth: false });
  const deleteOriginal = ({ application_id, token }: APIInteraction) =>
    rest.delete(Routes.webhookMessage(application_id, token, "@original"), { auth: false });
  const followUp = ({ application_id, token }: APIInteraction, data: APIInteractionResponseCallbackData) =>
    rest.post(Routes.webhook(application_id, token), { body: data, auth: false });

  interface Answering {
    readonly interaction: APIInteraction;
    readonly respond: RespondFirst;
    /** Replies of commands that concern only the person are ephemeral, errors always are. */
    readonly ephemeral: boolean;
    readonly deferFirst: boolean;
    /** Components defer as "updating the message"; commands as "a reply is coming". */
    readonly deferral:
      InteractionResponseType.DeferredChannelMessageWithSource | InteractionResponseType.DeferredMessageUpdate;
  }

  /** Runs a handler and sends what it answers, deferring if it is slow. */
  async function answer(how: Answering, work: () => Promise<Reply>): Promise<void> {
    const { interaction, respond } = how;
    // Set from the deadline timer as well as here, hence a holder TypeScript does not narrow.
    const state: { deferred: Promise<void> | null } = { deferred: null };
    const defer = () =>
      (state.deferred ??= respond({
        type: how.deferral,
        ...(how.deferral === InteractionResponseType.DeferredChannelMessageWithSource && how.ephemeral
          ? { data: { flags: MessageFlags.Ephemeral } }
          : {}),
      }));
    if (how.deferFirst) await defer();
    let finished = false;
    const timer = setTimeout(() => {
      if (!finished) defer().catch((error: unknown) => logger.error("deferring failed", error));
    }, deferAfterMs);

    let reply: Reply;
    let failed = false;
    try {
      reply = await work();
    } catch (error) {
      if (!isDomainError(error)) logger.error(`interaction ${interaction.id} failed`, error);
      reply = errorReply(error);
      failed = true;
    } finally {
      finished = true;
      clearTimeout(timer);
    }
    if (reply.kind === "message" && (how.ephemeral || failed)) reply = { kind: "message", data: ephemeral(reply.data) };

    if (state.deferred === null) return respond(firstResponseOf(reply));
    await state.deferred;
    if (reply.kind === "modal") {
      // A form can only be the first response; handlers that open one must answer before the deadline.
      logger.error(`interaction ${interaction.id} opened a form after deferring`, null);
      await followUp(interaction, ephemeral(errorReply(null).data));
      return;
    }
    const publicDeferral = how.deferral === InteractionResponseType.DeferredChannelMessageWithSource && !how.ephemeral;
    if (failed && publicDeferral) {
      // The deferred reply is visible to the channel and cannot become private: replace it with a private note.
      await deleteOriginal(interaction);
      await followUp(interaction, reply.data);
    } else if (reply.kind === "message" && how.deferral === InteractionResponseType.DeferredMessageUpdate) {
      await followUp(interaction, reply.data);
    } else {
      await editOriginal(interaction, reply.data);
    }
  }

  async function suggest(interaction: APIApplicationCommandAutocompleteInteraction, respond: RespondFirst) {
    let choices: APIApplicationCommandOptionChoice[] = [];
    try {
      const options = commandOptionsOf(interaction.data);
      const option = definitionOf(options.name)?.options.find((o) => o.name === options.focused?.name);
      const provider = option?.suggest === undefined ? undefined : routing.suggestions.get(option.suggest);
      if (provider !== undefined) {
        const person = await people.resolve(interaction);
        const typed = options.focused?.value ?? "";
        choices = clipChoices(await provider({ ...person, core, rest, typed, options, interaction }));
      }
    } catch (error) {
      // Suggestions are a convenience: when they fail the person can still type the value.
      if (!isDomainError(error)) logger.error(`autocomplete ${interaction.id} failed`, error);
    }
    await respond({ type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
  }

  function unknown(what: string): Reply {
    // Registered commands and old buttons can outlive a deploy that dropped them; say so, do not leave a spinner.
    logger.error(`no handler for ${what}`, null);
    return errorReply(null);
  }

  function guarded(definition: CommandDefinition, person: ResolvedPerson, run: () => Promise<Reply>): Promise<Reply> {
    if (definition.communityOnly === true && person.community === null)
      return Promise.resolve({ kind: "message", data: { content: translate("chat.community_only") } });
    return run();
  }

  async function route(interaction: APIInteraction, respond: RespondFirst): Promise<void> {
    switch (interaction.type) {
      case InteractionType.Ping:
        return respond({ type: InteractionResponseType.Pong });
      case InteractionType.ApplicationCommandAutocomplete:
        return suggest(interaction, respond);
      case InteractionType.ApplicationCommand: {
        if (interaction.data.type !== ApplicationCommandType.ChatInput) return;
        const chatInput = { ...interaction, data: interaction.data };
        const options = commandOptionsOf(interaction.data);
        const definition = definitionOf(options.name);
        const handler = routing.commands.get(options.name);
        return answer(
          {
            interaction,
            respond,
            ephemeral: definition?.ephemeral ?? true,
            deferFirst: definition?.slow === true,
            deferral: InteractionResponseType.DeferredChannelMessageWithSource,
          },
          async () => {
            if (definition === undefined || handler === undefined) return unknown(`/${options.name}`);
            const person = await people.resolve(interaction);
            return guarded(definition, person, () =>
              handler({ ...person, core, rest, options, interaction: chatInput }),
            );
          },
        );
      }
      case InteractionType.MessageComponent: {
        const { route: name, args } = parseCustomId(interaction.data.custom_id);
        const handler = routing.buttons.get(name);
        return answer(
          {
            interaction,
            respond,
            ephemeral: false,
            deferFirst: false,
            deferral: InteractionResponseType.DeferredMessageUpdate,
          },
          async () => {
            if (handler === undefined) return unknown(`button ${name}`);
            const person = await people.resolve(interaction);
            return handler({ ...person, core, rest, args, interaction });
          },
        );
      }
      case InteractionType.ModalSubmit: {
        const { route: name, args } = parseCustomId(interaction.data.custom_id);
        const handler = routing.forms.get(name);
        const fields = new Map<string, string>();
        for (const row of interaction.data.components)
          if ("components" in row) for (const input of row.components) fields.set(input.custom_id, input.value);
        return answer(
          {
            interaction,
            respond,
            ephemeral: true,
            deferFirst: false,
            deferral: InteractionResponseType.DeferredChannelMessageWithSource,
          },
          async () => {
            if (handler === undefined) return unknown(`form ${name}`);
            const person = await people.resolve(interaction);
            const field = (id: string) => fields.get(id) ?? "";
            return handler({ ...person, core, rest, args, field, interaction });
          },
        );
      }
    }
  }

  return {
    async handle(interaction, respond) {
      // Suggestions are read-only and must be fast: they skip the replay check.
      if (
        interaction.type !== InteractionType.ApplicationCommandAutocomplete &&
        interaction.type !== InteractionType.Ping
      ) {
        if (!(await options.claim(interaction.id)))
          return { kind: "replay", acknowledgement: replayAcknowledgement(interaction) };
      }
      try {
        await route(interaction, respond);
      } catch (error) {
        // Both transports log what this rejects with; a failed edit or follow-up names its interaction token.
        throw error instanceof Error ? redactedError(error) : error;
      }
      return { kind: "handled" };
    },
  };
}
