import { ChannelType } from "discord.js";
import { guildCreatePayload } from "./guild-payloads.js";
import { LocalGuild } from "./guild-state.js";
import { InteractionBuilder, type InteractionInput } from "./interaction-builder.js";
import type { LocalUser } from "./payloads.js";
import { People } from "./people.js";
import { olderSnowflake } from "./snowflake.js";
import type { World } from "./world.js";

/** A guild as a test names it. */
export interface GuildView {
  readonly id: string;
  readonly name: string;
  /** Its "general" text channel: an interaction or message there happens in this guild. */
  readonly channelId: string;
}

interface OtherGuild {
  readonly view: GuildView;
  readonly guild: LocalGuild;
  readonly builder: InteractionBuilder;
  readonly people: People;
}

export interface OtherGuildsContext {
  /** The first guild's world: the other guilds share its messages, interactions, commands and gateway. */
  readonly world: World;
  readonly owner: LocalUser;
  readonly members: readonly LocalUser[];
}

/**
 * The guilds the bot is in besides the first one, so that its events spread over shards. Each has the first
 * guild's people and one "general" channel, where they run commands and talk. Their ids were minted a
 * millisecond apart, so consecutive guilds land on consecutive shards. Only the gateway and interactions
 * know them: REST routes that read a guild's channels, members or messages know the first guild alone.
 */
export class OtherGuilds {
  private readonly all: OtherGuild[];

  constructor(names: readonly string[], { world, owner, members }: OtherGuildsContext) {
    this.all = names.map((name) => {
      const guild = new LocalGuild(name, world.bot, owner, olderSnowflake());
      for (const member of members) guild.addMember(member);
      const channelId = guild.addGuildChannel("general", ChannelType.GuildText).id;
      const builder = new InteractionBuilder({
        applicationId: world.applicationId,
        guild,
        commands: world.commands,
        defaultChannelId: channelId,
      });
      const people = new People({ ...world, guild }, { channelId });
      return { view: { id: guild.id, name, channelId }, guild, builder, people };
    });
  }

  views(): GuildView[] {
    return this.all.map((other) => other.view);
  }

  guild(id: string): LocalGuild | undefined {
    return this.all.find((other) => other.guild.id === id)?.guild;
  }

  /** Their GUILD_CREATE payloads, as the gateway streams them after READY. */
  payloads(): ReturnType<typeof guildCreatePayload>[] {
    return this.all.map((other) => guildCreatePayload(other.guild, other.view.channelId));
  }

  /** The other guild a channel belongs to; undefined for the first guild's channels and for DMs. */
  at(channelId: string | undefined): OtherGuild | undefined {
    return channelId === undefined ? undefined : this.all.find((other) => other.guild.channel(channelId) !== undefined);
  }

  /** The other guild an interaction happens in, told by its channel (or the message it was on). */
  forInteraction(input: InteractionInput): OtherGuild | undefined {
    if (input.kind === "ping" || input.dm === true) return undefined;
    const onMessage = "message" in input ? input.message?.channel_id : undefined;
    return this.at(onMessage ?? input.channelId);
  }
}
