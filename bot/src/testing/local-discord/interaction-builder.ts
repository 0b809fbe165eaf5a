import { randomBytes } from "node:crypto";
import {
  ApplicationCommandType,
  ApplicationIntegrationType,
  ButtonStyle,
  ChannelType,
  ComponentType,
  InteractionContextType,
  InteractionType,
  Locale,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
  type APIInteraction,
  type APIInteractionDataResolved,
  type APIMessage,
  type APIUser,
} from "discord.js";
import type { CommandRegistry } from "./command-registry.js";
import {
  autocompleteOptions,
  commandOptions,
  commandShape,
  nestOptions,
  type CommandOptions,
  type OptionsContext,
} from "./command-options.js";
import type { LocalGuild } from "./guild-state.js";
import { memberPayload, messagePayload, userPayload, type LocalUser, type StoredChannel } from "./payloads.js";
import { snowflake } from "./snowflake.js";

/** Who acts, and where: a guild channel ("general" by default) or, with `dm: true`, their DM with the bot. */
export interface InteractionPlace {
  readonly user: LocalUser;
  readonly channelId?: string;
  readonly dm?: boolean;
  /** The member's permission bits as a decimal string; by default computed from their roles. */
  readonly permissions?: string;
  /** Fixed id and token, e.g. to build the payload Discord already sent once. */
  readonly id?: string;
  readonly token?: string;
  readonly locale?: Locale;
}

export interface CommandInput extends InteractionPlace {
  readonly kind?: "command";
  /** "find", "skillswap help" (sub-command) or "skillswap admin link-group" (group, then sub-command). */
  readonly command: string;
  readonly options?: CommandOptions;
}

export interface AutocompleteInput extends InteractionPlace {
  readonly kind: "autocomplete";
  readonly command: string;
  /** Exactly one option is `{ focused: "what the person typed" }`. */
  readonly options: CommandOptions;
}

export interface ButtonInput extends InteractionPlace {
  readonly kind: "button";
  readonly customId: string;
  /** The message the button is on (e.g. one from `dmsTo`); a bot message carrying the button by default. */
  readonly message?: APIMessage;
}

export interface SelectInput extends InteractionPlace {
  readonly kind: "select";
  readonly customId: string;
  readonly values: readonly string[];
  readonly message?: APIMessage;
}

export interface ModalInput extends InteractionPlace {
  readonly kind: "modal";
  readonly customId: string;
  /** Text inputs by custom id. */
  readonly fields: Readonly<Record<string, string>>;
  readonly message?: APIMessage;
}

/** The PING Discord sends an HTTP endpoint to check it answers (with type 1). */
export interface PingInput {
  readonly kind: "ping";
  readonly id?: string;
  readonly token?: string;
}

export type InteractionInput = CommandInput | AutocompleteInput | ButtonInput | SelectInput | ModalInput | PingInput;

export interface BuilderDeps {
  readonly applicationId: string;
  readonly guild: LocalGuild;
  readonly commands: CommandRegistry;
  readonly defaultChannelId: string;
}

// Discord's documented defaults: 10 MiB uploads; in a DM with the bot it may embed, attach and mention.
const attachmentSizeLimit = 10_485_760;
const dmAppPermissions = "442368";

/** Turns what a person did into the exact INTERACTION_CREATE payload Discord would send. */
export class InteractionBuilder {
  constructor(private readonly deps: BuilderDeps) {}

  build(input: InteractionInput): APIInteraction {
    switch (input.kind) {
      case "ping":
        return this.ping(input);
      case "autocomplete":
        return this.autocomplete(input);
      case "button":
      case "select":
        return this.component(input);
      case "modal":
        return this.modal(input);
      default:
        return this.command(input);
    }
  }

  private command(input: CommandInput): APIInteraction {
    const channel = this.channelFor(input);
    const { name, shape, context, registered } = this.commandParts(input.command, channel);
    const { options, resolved } = commandOptions(input.options ?? {}, shape, context);
    return {
      ...this.base(input, channel),
      type: InteractionType.ApplicationCommand,
      data: {
        id: registered?.id ?? snowflake(),
        name,
        type: ApplicationCommandType.ChatInput,
        ...(context.inGuild ? { guild_id: this.deps.guild.id } : {}),
        options: nestOptions(shape.path, options),
        ...(isEmpty(resolved) ? {} : { resolved }),
      },
    };
  }

  private autocomplete(input: AutocompleteInput): APIInteraction {
    const channel = this.channelFor(input);
    const { name, shape, context, registered } = this.commandParts(input.command, channel);
    const { options, resolved } = autocompleteOptions(input.options, shape, context);
    return {
      ...this.base(input, channel),
      type: InteractionType.ApplicationCommandAutocomplete,
      data: {
        id: registered?.id ?? snowflake(),
        name,
        type: ApplicationCommandType.ChatInput,
        ...(context.inGuild ? { guild_id: this.deps.guild.id } : {}),
        options: nestOptions(shape.path, options),
        ...(isEmpty(resolved) ? {} : { resolved }),
      },
    };
  }

  private component(input: ButtonInput | SelectInput): APIInteraction {
    const channel = input.message ? this.deps.guild.requireChannel(input.message.channel_id) : this.channelFor(input);
    const data =
      input.kind === "button"
        ? { custom_id: input.customId, component_type: ComponentType.Button as const }
        : { custom_id: input.customId, component_type: ComponentType.StringSelect as const, values: [...input.values] };
    const message = input.message ?? this.messageCarrying(channel, componentFor(input));
    return { ...this.base(input, channel), type: InteractionType.MessageComponent, data, message };
  }

  private modal(input: ModalInput): APIInteraction {
    const channel = input.message ? this.deps.guild.requireChannel(input.message.channel_id) : this.channelFor(input);
    const components = Object.entries(input.fields).map(([customId, value]) => ({
      type: ComponentType.ActionRow as const,
      components: [{ type: ComponentType.TextInput as const, custom_id: customId, value }],
    }));
    return {
      ...this.base(input, channel),
      type: InteractionType.ModalSubmit,
      data: { custom_id: input.customId, components },
      ...(input.message ? { message: input.message } : {}),
    };
  }

  private ping(input: PingInput): APIInteraction {
    return {
      id: input.id ?? snowflake(),
      application_id: this.deps.applicationId,
      type: InteractionType.Ping,
      token: input.token ?? newToken(),
      version: 1,
      app_permissions: "0",
      entitlements: [],
      authorizing_integration_owners: {},
      attachment_size_limit: attachmentSizeLimit,
    };
  }

  private commandParts(command: string, channel: StoredChannel) {
    const [name = "", ...words] = command.trim().split(/\s+/);
    const registered = this.deps.commands.find(name);
    const shape = commandShape(words, registered);
    const context: OptionsContext = {
      guild: this.deps.guild,
      inGuild: channel.type !== ChannelType.DM,
      label: `/${command}`,
    };
    return { name, shape, context, registered };
  }

  private channelFor(place: InteractionPlace): StoredChannel {
    const { guild } = this.deps;
    return place.dm === true
      ? guild.dmChannelWith(place.user)
      : guild.requireChannel(place.channelId ?? this.deps.defaultChannelId);
  }

  /** The fields every interaction shares; guild ones carry `member`, DM ones `user`, as Discord sends them. */
  private base(place: InteractionPlace, channel: StoredChannel) {
    const { guild, applicationId } = this.deps;
    guild.rememberUser(place.user);
    const inDm = channel.type === ChannelType.DM;
    const common = {
      id: place.id ?? snowflake(),
      application_id: applicationId,
      token: place.token ?? newToken(),
      version: 1 as const,
      locale: place.locale ?? Locale.EnglishUS,
      entitlements: [],
      attachment_size_limit: attachmentSizeLimit,
      channel,
      channel_id: channel.id,
      app_permissions: inDm ? dmAppPermissions : guild.permissionsOf(guild.bot.id).toString(),
      // For a guild install, Discord names the guild here, or "0" when the interaction comes from a DM.
      authorizing_integration_owners: { [ApplicationIntegrationType.GuildInstall]: inDm ? "0" : guild.id },
    };
    if (inDm) return { ...common, context: InteractionContextType.BotDM, user: userPayload(place.user) };
    const member = guild.member(place.user.id) ?? { user: place.user, roles: [], joinedAt: new Date().toISOString() };
    return {
      ...common,
      context: InteractionContextType.Guild,
      guild_id: guild.id,
      guild: { id: guild.id, features: [], locale: Locale.EnglishUS },
      guild_locale: Locale.EnglishUS,
      member: {
        ...memberPayload(member),
        permissions: place.permissions ?? guild.permissionsOf(place.user.id).toString(),
      },
    };
  }

  private messageCarrying(channel: StoredChannel, component: APIComponentInMessageActionRow): APIMessage {
    const row: APIActionRowComponent<APIComponentInMessageActionRow> = {
      type: ComponentType.ActionRow,
      components: [component],
    };
    const bot: APIUser = userPayload(this.deps.guild.bot);
    return messagePayload({ channelId: channel.id, author: bot, draft: { content: "", components: [row] } });
  }
}

function componentFor(input: ButtonInput | SelectInput): APIComponentInMessageActionRow {
  if (input.kind === "button") {
    return { type: ComponentType.Button, style: ButtonStyle.Primary, custom_id: input.customId, label: input.customId };
  }
  const options = input.values.map((value) => ({ label: value, value }));
  return { type: ComponentType.StringSelect, custom_id: input.customId, options };
}

function newToken(): string {
  return randomBytes(24).toString("base64url");
}

function isEmpty(resolved: APIInteractionDataResolved): boolean {
  return Object.keys(resolved).length === 0;
}
