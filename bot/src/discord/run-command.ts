import { MessageFlags, type ChatInputCommandInteraction, type InteractionReplyOptions } from "discord.js";
import { isDomainError } from "@skillswap/core";
import { commandDefinitions, commandNameOf, type CommandName } from "../commands/definitions.js";
import { discordCommands } from "./commands/index.js";
import { errorReply } from "./renderers/error-reply.js";
import { resolveActor, type BotCore } from "./resolve-actor.js";

export interface BotLogger {
  error(message: string, error: unknown): void;
}

function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(discordCommands, name);
}

/**
 * Every slash command funnels through here: resolve the person once, run the command, reply. Failures become
 * an ephemeral sentence; only faults that are not the person's doing are logged.
 */
export async function runCommand(
  core: BotCore,
  interaction: ChatInputCommandInteraction,
  logger: BotLogger,
): Promise<void> {
  const sub = interaction.options.getSubcommand(false);
  const name = sub === null ? interaction.commandName : `${interaction.commandName} ${sub}`;
  const definition = commandDefinitions.find((d) => commandNameOf(d) === name);
  let reply: InteractionReplyOptions;
  if (definition === undefined || !isCommandName(name)) {
    // Registered commands can outlive a deploy that dropped them; say so rather than leave Discord spinning.
    logger.error(`unknown command /${name}`, null);
    reply = errorReply(null);
  } else {
    try {
      const actor = await resolveActor(core, interaction);
      const rendered = await discordCommands[name]({ core, actor, interaction });
      reply = definition.ephemeral ? { ...rendered, flags: MessageFlags.Ephemeral } : rendered;
    } catch (error) {
      if (!isDomainError(error)) logger.error(`/${name} failed`, error);
      reply = errorReply(error);
    }
  }
  await interaction.reply(reply);
}
