import { newCommunity, newPerson } from "@skillswap/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ephemeralFlag,
  lena,
  maya,
  personOf,
  startScenario,
  textOf,
  type Scenario,
} from "../../testing/discord-scenario.js";

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(() => scenario.stop());

const followsOf = (followerId: string) =>
  scenario.core.database.db.follow.findMany({ where: { followerId }, select: { followeeId: true } });

describe("/follow and /unfollow", () => {
  it("follows the picked member's profile, then stops", async () => {
    const { discord } = scenario;
    await discord.interaction({ user: lena, command: "skillswap help" });
    const other = await personOf(scenario, lena);

    const followed = await discord
      .exchange({ user: maya, command: "follow", options: { user: { user: lena } } })
      .settled();
    expect(followed).toMatchObject({ content: `You now follow @${other.handle}.`, flags: ephemeralFlag });
    const me = await personOf(scenario, maya);
    expect(await followsOf(me.userId)).toEqual([{ followeeId: other.userId }]);

    const unfollowed = await discord
      .exchange({ user: maya, command: "unfollow", options: { user: { user: lena } } })
      .settled();
    expect(unfollowed.content).toBe(`You no longer follow @${other.handle}.`);
    expect(await followsOf(me.userId)).toEqual([]);
  });

  it("refuses following oneself in the domain's words", async () => {
    const reply = await scenario.discord
      .exchange({ user: maya, command: "follow", options: { user: { user: maya } } })
      .settled();
    expect(reply).toMatchObject({ flags: ephemeralFlag });
    expect(reply.content).toContain("You cannot follow yourself.");
    expect(await followsOf((await personOf(scenario, maya)).userId)).toEqual([]);
  });

  it("says the picked member has no profile when they never used SkillSwap", async () => {
    const reply = await scenario.discord
      .exchange({ user: maya, command: "follow", options: { user: { user: lena } } })
      .settled();
    expect(reply.content).toBe("Lena has not used SkillSwap yet, so there is nothing to show.");
  });
});

describe("/group", () => {
  it("creates a group in this server and announces it to the channel, pinging nobody", async () => {
    const { core, discord } = scenario;
    const exchange = discord.exchange({
      user: maya,
      command: "group create",
      options: { name: "Flamenco Circle @everyone", description: "Weekly jams" },
    });
    const reply = await exchange.settled();

    expect((await exchange.first).data?.allowed_mentions).toEqual({ parse: [] });
    expect(reply.flags ?? 0).toBe(0);
    expect(reply.content).toBe("Maya started the group Flamenco Circle @everyone. Join it with /group join.");
    const group = await core.database.db.group.findFirst({
      where: { name: "Flamenco Circle @everyone" },
      select: { description: true, community: { select: { externalId: true } }, members: { select: { role: true } } },
    });
    expect(group).toEqual({
      description: "Weekly jams",
      community: { externalId: discord.guildId },
      members: [{ role: "owner" }],
    });
  });

  it("asks for a server when someone tries to create a group from their DMs", async () => {
    const { core, discord } = scenario;
    const reply = await discord
      .exchange({ user: maya, dm: true, command: "group create", options: { name: "Flamenco Circle" } })
      .settled();
    expect(reply.content).toBe("Run this command in a server, not in a direct message.");
    expect(await core.database.db.group.count()).toBe(0);
  });

  it("lists this server's groups and the open ones, not another community's", async () => {
    const { core, discord } = scenario;
    await discord.exchange({ user: maya, command: "group create", options: { name: "Flamenco Circle" } }).settled();
    const outsider = await newPerson(core, "Outsider");
    await core.services.groups.create(outsider, { name: "Open Chess", description: "Anyone welcome" });
    const elsewhere = await newCommunity(core, [await personOf(scenario, maya)]);
    await core.services.groups.create(await personOf(scenario, maya), {
      name: "Elsewhere Club",
      communityId: elsewhere,
    });

    const reply = await discord.exchange({ user: maya, command: "group list" }).settled();

    expect(reply.flags).toBe(ephemeralFlag);
    expect(textOf(reply)).toBe("Groups\nFlamenco Circle · 1 joined\n—\nOpen Chess · 1 joined\nAnyone welcome");
  });

  it("suggests groups by name, valued by id, then joins and leaves the one picked", async () => {
    const { core, discord } = scenario;
    const outsider = await newPerson(core, "Outsider");
    const chess = await core.services.groups.create(outsider, { name: "Open Chess" });

    const choices = await discord
      .exchange({ user: maya, kind: "autocomplete", command: "group join", options: { group: { focused: "ches" } } })
      .choices();
    expect(choices).toEqual([{ name: "Open Chess · 1 joined", value: chess.id }]);

    const joined = await discord
      .exchange({ user: maya, command: "group join", options: { group: chess.id } })
      .settled();
    expect(joined).toMatchObject({ content: "You joined Open Chess.", flags: ephemeralFlag });
    const me = await personOf(scenario, maya);
    expect(await core.services.groups.roleOf(chess.id, me.userId)).toBe("member");

    const left = await discord.exchange({ user: maya, command: "group leave", options: { group: chess.id } }).settled();
    expect(left.content).toBe("You left the group.");
    expect(await core.services.groups.roleOf(chess.id, me.userId)).toBeNull();
  });

  it("says a group it cannot find could not be found", async () => {
    const reply = await scenario.discord
      .exchange({ user: maya, command: "group join", options: { group: "no-such-group" } })
      .settled();
    expect(reply).toMatchObject({ content: "That group could not be found.", flags: ephemeralFlag });
  });
});
