import type { APIInteraction } from "discord.js";
import { definitionOf } from "../../commands/definitions.js";
import type { ChatContext, ChatOptions, PickedPerson } from "../../chat/context.js";
import type { BotCore, HandlerContext } from "../interactions/handlers.js";
import { discordUserOf } from "../interactions/interaction-actor.js";
import type { CommandOptions } from "../interactions/options.js";
import { discordNameOf, skillswapHandleOf } from "./picked-person.js";

/** The person and where they are, as the chat layer knows them: no guild, no Discord user. */
export function chatContextOf(context: HandlerContext, interaction: APIInteraction): ChatContext {
  const { core, actor, community } = context;
  return {
    core,
    actor,
    name: discordNameOf(discordUserOf(interaction)),
    community: community === null ? null : { communityId: community.communityId, isAdmin: community.isAdmin },
  };
}

/**
 * A command's options by the command table's names. People picked in user options are looked up once here
 * (their SkillSwap handle, if any), so the chat layer reads them like any other option.
 */
export async function chatOptionsOf(core: BotCore, options: CommandOptions): Promise<ChatOptions> {
  const userOptions = (definitionOf(options.name)?.options ?? []).filter((o) => o.kind === "user");
  const people = new Map<string, PickedPerson>();
  for (const { name } of userOptions) {
    const user = options.user(name);
    if (user !== null) people.set(name, { handle: await skillswapHandleOf(core, user), name: discordNameOf(user) });
  }
  return {
    string: (name) => options.string(name),
    integer: (name) => options.integer(name),
    number: (name) => options.number(name),
    boolean: (name) => options.boolean(name),
    person: (name) => people.get(name) ?? null,
    channel: (name) => options.channel(name)?.id ?? null,
  };
}
