import { createTestCore, newPublicPerson, type TestCore } from "@skillswap/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiscord, type LocalUser } from "../testing/local-discord.js";
import { createDiscordBot, type DiscordBot } from "./create-discord-bot.js";
import type { BotLogger } from "./interactions/create-interactions.js";

const ephemeral = 64;
const maya: LocalUser = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };

let core: TestCore;
let discord: LocalDiscord;
let bot: DiscordBot;
let logged: unknown[];

beforeEach(async () => {
  core = await createTestCore("sqlite");
  discord = new LocalDiscord({ guildName: "Lyon Makers", members: [maya] });
  await discord.start();
  logged = [];
  const logger: BotLogger = { error: (message, error) => logged.push({ message, error }) };
  bot = createDiscordBot(core, { token: "local.bot.token", apiUrl: discord.apiUrl, logger });
  await bot.start();
});

afterEach(async () => {
  await bot.stop();
  await discord.stop();
  await core.close();
});

/** The communities a person belongs to, read straight from the database the core wrote. */
function membershipsOf(userId: string) {
  return core.database.db.communityMember.findMany({
    where: { userId },
    select: { role: true, community: { select: { platform: true, externalId: true, name: true } } },
  });
}

describe("the Discord bot", () => {
  it("logs in: asks REST for the gateway, then identifies over it until ready", () => {
    // bot.start() resolved in beforeEach, which only happens once discord.js saw READY and the guild.
    expect(discord.callsTo("/gateway/bot")).toEqual([expect.objectContaining({ method: "GET" })]);
  });

  it("answers /skillswap help only to the person who asked, listing the commands", async () => {
    const reply = await discord.interaction({ user: maya, command: "skillswap help" });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(JSON.stringify(reply)).toContain("/find skill [near] [km]");
  });

  it("creates a person's SkillSwap account and the guild's community on their first command", async () => {
    await discord.interaction({ user: maya, command: "skillswap help" });
    const account = await core.services.accounts.findByIdentity("discord", "", maya.id);
    expect(account).toMatchObject({ handle: expect.stringMatching(/^maya/) });
    expect(await membershipsOf(account?.userId ?? "")).toEqual([
      { role: "member", community: { platform: "discord", externalId: discord.guildId, name: "Lyon Makers" } },
    ]);
  });

  it("finds the same person and community again on their next commands", async () => {
    await discord.interaction({ user: maya, command: "skillswap help" });
    const first = await core.services.accounts.findByIdentity("discord", "", maya.id);
    await discord.interaction({ user: maya, command: "skillswap help" });
    expect(await core.services.accounts.findByIdentity("discord", "", maya.id)).toEqual(first);
    expect(await membershipsOf(first?.userId ?? "")).toHaveLength(1);
  });

  it("makes members who can manage the server admins of its community", async () => {
    const manageGuild = "32";
    await discord.interaction({ user: maya, command: "skillswap help", permissions: manageGuild });
    const account = await core.services.accounts.findByIdentity("discord", "", maya.id);
    expect(await membershipsOf(account?.userId ?? "")).toMatchObject([{ role: "admin" }]);
  });
});

describe("/find", () => {
  // /find may pass Discord's 3-second deadline, so the bot acknowledges first ("thinking…", type 5) and the
  // person sees the results once it edits that reply.
  it("acknowledges at once, then lists the people who teach the skill, each with why they matched", async () => {
    const ana = await newPublicPerson(core, "Ana", { Guitar: 4 });
    const bea = await newPublicPerson(core, "Bea", { Spanish: 5 });
    const exchange = discord.exchange({ user: maya, command: "find", options: { skill: "guitar" } });
    expect(await exchange.first).toMatchObject({ type: 5, data: { flags: ephemeral } });
    const text = JSON.stringify(await exchange.settled());
    expect(text).toContain(`@${ana.handle}`);
    expect(text).toContain("teaches Guitar (level 4)");
    expect(text).not.toContain(`@${bea.handle}`);
  });

  it("says what to fix, only to the person, when the city is unknown", async () => {
    const reply = await discord
      .exchange({ user: maya, command: "find", options: { skill: "guitar", near: "Xyzzyville" } })
      .settled();
    expect(reply.flags).toBe(ephemeral);
    expect(reply.content).toContain("We could not find a city called “Xyzzyville”");
    expect(reply.content).not.toMatch(/at \S+ \(|Error/);
    expect(logged).toEqual([]);
  });

  it("still replies when Discord rate-limits the acknowledgement: discord.js waits and retries", async () => {
    await newPublicPerson(core, "Ana", { Guitar: 4 });
    discord.rateLimitNext(1);
    const reply = await discord.exchange({ user: maya, command: "find", options: { skill: "guitar" } }).settled();
    expect(JSON.stringify(reply)).toContain("teaches Guitar");
    expect(discord.callsTo("/callback")).toHaveLength(2);
  });
});
