import { once } from "node:events";
import {
  ActionRowBuilder,
  ApplicationCommandOptionType,
  ButtonBuilder,
  ButtonStyle,
  ChannelType,
  Client,
  Events,
  GatewayIntentBits,
  MessageFlags,
  Partials,
  type Interaction,
} from "discord.js";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { LocalDiscord, type LocalUser } from "./index.js";

const ana: LocalUser = { id: "310000000000000021", username: "ana.g", globalName: "Ana" };
const bea: LocalUser = { id: "310000000000000022", username: "bea.s", globalName: "Bea" };

let discord: LocalDiscord;
let client: Client;

beforeEach(async () => {
  discord = new LocalDiscord({ members: [ana, bea] });
  await discord.start();
  client = new Client({
    intents: [GatewayIntentBits.Guilds, GatewayIntentBits.DirectMessages],
    partials: [Partials.Channel],
    rest: { api: discord.apiUrl },
  });
  const ready = once(client, Events.ClientReady);
  await client.login("local.bot.token");
  await ready;
});

afterEach(async () => {
  await client.destroy();
  await discord.stop();
});

/** The bot under test, in miniature: one handler, failures kept for the test to read. */
function handle(handler: (interaction: Interaction) => Promise<unknown>): unknown[] {
  const failures: unknown[] = [];
  client.on(Events.InteractionCreate, (interaction) => {
    handler(interaction).catch((error: unknown) => failures.push(error));
  });
  return failures;
}

describe("slash commands", () => {
  it("a sub-command group with typed options reaches discord.js fully resolved", async () => {
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      const { options } = interaction;
      const seen = {
        path: `${options.getSubcommandGroup() ?? ""}/${options.getSubcommand()}`,
        skill: options.getString("skill"),
        level: options.getInteger("level"),
        hours: options.getNumber("hours"),
        remote: options.getBoolean("remote"),
        user: options.getUser("partner")?.username,
        member: options.getMember("partner") === null ? "none" : "resolved",
        channel: options.getChannel("where")?.id,
      };
      await interaction.reply(JSON.stringify(seen));
    });
    const reply = await discord.interaction({
      user: ana,
      command: "skillswap admin link-group",
      options: {
        skill: "guitar",
        level: { integer: 3 },
        hours: 1.5,
        remote: true,
        partner: { user: bea },
        where: { channel: discord.swapsChannelId },
      },
    });
    expect(JSON.parse(reply.data?.content ?? "")).toEqual({
      path: "admin/link-group",
      skill: "guitar",
      level: 3,
      hours: 1.5,
      remote: true,
      user: "bea.s",
      member: "resolved",
      channel: discord.swapsChannelId,
    });
  });

  it("in a DM, carries the user instead of a member", async () => {
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.reply(
        `${interaction.inGuild() ? "guild" : "dm"} ${interaction.user.id} ${interaction.channel?.type}`,
      );
    });
    const reply = await discord.interaction({ user: ana, command: "profile", dm: true });
    expect(reply.data?.content).toBe(`dm ${ana.id} ${ChannelType.DM}`);
  });

  it("settles a deferred reply with the edit that follows it", async () => {
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply({ flags: MessageFlags.Ephemeral });
      await interaction.editReply("3 people teach guitar");
    });
    const exchange = discord.exchange({ user: ana, command: "find", options: { skill: "guitar" } });
    expect(await exchange.first).toMatchObject({ type: 5, data: { flags: MessageFlags.Ephemeral } });
    expect(await exchange.settled()).toMatchObject({ content: "3 people teach guitar", flags: MessageFlags.Ephemeral });
  });

  it("treats a follow-up straight after a deferral as the edit, as Discord documents", async () => {
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.deferReply();
      await interaction.followUp("done");
      await interaction.followUp("and one more thing");
    });
    const exchange = discord.exchange({ user: ana, command: "find", options: { skill: "guitar" } });
    expect((await exchange.settled()).content).toBe("done");
    expect((await exchange.untilFollowUps(1)).map((m) => m.content)).toEqual(["and one more thing"]);
  });

  it("types plain values by the command the bot registered, and refuses options it did not declare", async () => {
    await client.application?.commands.set([
      {
        name: "teach",
        description: "Offer a skill",
        options: [{ name: "level", description: "1 to 5", type: ApplicationCommandOptionType.Integer, required: true }],
      },
    ]);
    expect(discord.commands()).toMatchObject([{ name: "teach", id: expect.any(String) }]);
    const payload = discord.buildInteraction({ user: ana, command: "teach", options: { level: 3 } });
    expect(payload).toMatchObject({ data: { name: "teach", options: [{ name: "level", type: 4, value: 3 }] } });
    expect(() => discord.buildInteraction({ user: ana, command: "teach", options: { skill: "x" } })).toThrow(
      /no option "skill"/,
    );
  });

  it("refuses to register required options after optional ones", async () => {
    const optional = { name: "near", description: "City", type: ApplicationCommandOptionType.String as const };
    const required = { ...optional, name: "skill", required: true };
    await expect(
      client.application?.commands.set([{ name: "find", description: "Find", options: [optional, required] }]),
    ).rejects.toMatchObject({ code: 50035 });
  });
});

describe("autocomplete, buttons, menus and modals", () => {
  it("autocomplete sends the focused option and gets the choices back", async () => {
    handle(async (interaction) => {
      if (!interaction.isAutocomplete()) return;
      const typed = interaction.options.getFocused();
      await interaction.respond([{ name: `${typed}tar`, value: "guitar" }]);
    });
    const exchange = discord.exchange({
      kind: "autocomplete",
      user: ana,
      command: "find",
      options: { skill: { focused: "gui" } },
    });
    expect(await exchange.choices()).toEqual([{ name: "guitar", value: "guitar" }]);
  });

  it("a button on a DM the bot sent updates that very message", async () => {
    const button = new ButtonBuilder().setCustomId("swap:accept:7").setLabel("Accept").setStyle(ButtonStyle.Success);
    await client.users.send(ana.id, {
      content: "Bea wants to swap",
      components: [new ActionRowBuilder<ButtonBuilder>().addComponents(button)],
    });
    handle(async (interaction) => {
      if (!interaction.isButton()) return;
      await interaction.update({
        content: `Accepted by ${interaction.user.id} in a DM: ${!interaction.inGuild()}`,
        components: [],
      });
    });
    const [message] = discord.dmsTo(ana.id);
    if (message === undefined) throw new Error("the DM was not sent");
    const exchange = discord.exchange({ kind: "button", user: ana, customId: "swap:accept:7", message });
    expect(await exchange.settled()).toMatchObject({ id: message.id, content: `Accepted by ${ana.id} in a DM: true` });
    expect(discord.dmsTo(ana.id)).toMatchObject([{ id: message.id, components: [] }]);
  });

  it("a select menu in the guild carries the chosen values", async () => {
    handle(async (interaction) => {
      if (!interaction.isStringSelectMenu()) return;
      await interaction.reply(interaction.values.join(","));
    });
    const reply = await discord.interaction({ kind: "select", user: ana, customId: "slots", values: ["tue", "thu"] });
    expect(reply.data?.content).toBe("tue,thu");
  });

  it("a modal submit carries its text inputs", async () => {
    handle(async (interaction) => {
      if (!interaction.isModalSubmit()) return;
      await interaction.reply(`${interaction.customId}: ${interaction.fields.getTextInputValue("bio")}`);
    });
    const reply = await discord.interaction({
      kind: "modal",
      user: ana,
      customId: "profile",
      fields: { bio: "I play jazz" },
    });
    expect(reply.data?.content).toBe("profile: I play jazz");
  });

  it("a command that opens a modal answers with it", async () => {
    handle(async (interaction) => {
      if (!interaction.isChatInputCommand()) return;
      await interaction.showModal({ custom_id: "profile", title: "Your profile", components: [] });
    });
    expect(await discord.exchange({ user: ana, command: "profile" }).modal()).toMatchObject({ custom_id: "profile" });
  });
});

describe("an interaction delivered twice", () => {
  it("gets Discord's 40060 on the second acknowledgement", async () => {
    const failures = handle(async (interaction) => {
      if (interaction.isChatInputCommand()) await interaction.reply("accepted");
    });
    const exchange = discord.exchange({ user: ana, command: "accept", id: "1200000000000000001" });
    await exchange.first;
    const replay = discord.redeliver(exchange);
    await replay.first;
    expect(replay.id).toBe("1200000000000000001");
    expect(replay.attempts().map((attempt) => attempt.accepted)).toEqual([true, false]);
    await vi.waitFor(() => expect(failures).toMatchObject([{ code: 40060 }]));
  });
});
