import {
  applicationCommandsOf,
  commandDefinitions,
  discordInteractionsOver,
  discordRest,
  type BotLogger,
} from "@skillswap/bot";
import { LocalDiscord, type LocalUser } from "@skillswap/bot/testing";
import { createTestCore, newPublicPerson, type TestCore } from "@skillswap/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { buildApp } from "@skillswap/dashboard";

const maya: LocalUser = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };
const ephemeral = 64;

/**
 * Discord's second transport: the same interactions, POSTed by Discord to the web server instead of arriving
 * on the gateway. The bot's real router answers them; the local Discord signs them with its key, receives the
 * edits of deferred replies over REST, and records everything.
 */
describe("slash commands over HTTP (POST /discord/interactions)", () => {
  let core: TestCore;
  let discord: LocalDiscord;
  let app: FastifyInstance;
  let endpoint: string;
  const logged: unknown[] = [];

  beforeAll(async () => {
    core = await createTestCore("sqlite");
    discord = new LocalDiscord({
      guildName: "Lyon Makers",
      members: [maya],
      guildCommands: applicationCommandsOf(commandDefinitions),
    });
    await discord.start();
    const token = "local.bot.token";
    const logger: BotLogger = { error: (message, error) => logged.push({ message, error }) };
    const interactions = discordInteractionsOver(core, discordRest({ token, apiUrl: discord.apiUrl }), { logger });
    app = await buildApp(core, { discord: { publicKey: discord.publicKeyHex, interactions } });
    endpoint = `${await app.listen({ port: 0, host: "127.0.0.1" })}/discord/interactions`;
  });

  afterAll(async () => {
    await app.close();
    await discord.stop();
    await core.close();
  });

  const mayaAccount = () => core.services.accounts.findByIdentity("discord", "", maya.id);

  it("answers a command in the HTTP response, registering the person and the guild on the way", async () => {
    const payload = discord.buildInteraction({ user: maya, command: "skillswap help" });
    const { status, body } = await discord.postSignedInteraction(endpoint, payload);
    expect(status).toBe(200);
    expect(body).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(JSON.stringify(body)).toContain("/find skill");
    expect(await mayaAccount()).not.toBeNull();
    const community = await core.database.db.community.findFirst({ where: { externalId: discord.guildId } });
    expect(community?.name).toBe("Lyon Makers");
    // Nothing went through the REST callback: the answer was the HTTP response itself.
    expect(discord.callsTo(`/interactions/${payload.id}/`)).toEqual([]);
  });

  it("acknowledges a slow command at once in the response, then edits the reply over REST", async () => {
    await newPublicPerson(core, "Ana", { Guitar: 4 });
    const payload = discord.buildInteraction({ user: maya, command: "find", options: { skill: "guitar" } });
    const { status, body, exchange } = await discord.postSignedInteraction(endpoint, payload);
    expect(status).toBe(200);
    expect(body).toEqual({ type: 5, data: { flags: ephemeral } });
    const shown = await exchange.settled();
    expect(JSON.stringify(shown.embeds)).toContain("teaches Guitar (level 4)");
  });

  it("refuses an unsigned or wrongly signed request with 401, and nothing happens", async () => {
    const stranger: LocalUser = { id: "310000000000000099", username: "mallory" };
    for (const tamper of ["missing", "wrong"] as const) {
      const payload = discord.buildInteraction({ user: stranger, command: "skillswap help" });
      const { status } = await discord.postSignedInteraction(endpoint, payload, { tamper });
      expect(status, tamper).toBe(401);
    }
    expect(await core.services.accounts.findByIdentity("discord", "", stranger.id)).toBeNull();
    expect(logged).toEqual([]);
  });

  it("runs a command Discord sends twice only once", async () => {
    const payload = discord.buildInteraction({
      user: maya,
      command: "skills add",
      options: { skill: "Spanish", direction: "learn", level: 2 },
    });
    const first = await discord.postSignedInteraction(endpoint, payload);
    expect(first.body).toMatchObject({ type: 4 });
    await discord.postSignedInteraction(endpoint, payload);
    const account = await mayaAccount();
    const skills = await core.database.db.userSkill.count({ where: { userId: account?.userId ?? "" } });
    expect(skills).toBe(1);
  });
});
