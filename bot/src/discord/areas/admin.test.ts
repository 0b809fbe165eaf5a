import { newPerson } from "@skillswap/core/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  ephemeralFlag,
  manageServer,
  maya,
  personOf,
  startScenario,
  theo,
  type Scenario,
} from "../../testing/discord-scenario.js";

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(() => scenario.stop());

/** The community's channel links and swaps channel, as core stored them. */
async function communityState() {
  const { core, discord } = scenario;
  return core.database.db.community.findFirst({
    where: { platform: "discord", externalId: discord.guildId },
    select: {
      swapsChannelId: true,
      channelLinks: { select: { channelId: true, kind: true, group: { select: { name: true } } } },
    },
  });
}

async function openGroup(name: string) {
  return scenario.core.services.groups.create(await newPerson(scenario.core, "Founder"), { name });
}

describe("/skillswap admin", () => {
  it("links a channel to a group as its forum, for someone who can manage the server", async () => {
    const { discord } = scenario;
    const group = await openGroup("Flamenco Circle");
    const reply = await discord
      .exchange({
        user: maya,
        permissions: manageServer,
        command: "skillswap admin link-group",
        options: { channel: { channel: discord.forumChannelId }, group: group.id, kind: "forum" },
      })
      .settled();

    expect(reply).toMatchObject({
      content: `<#${discord.forumChannelId}> now carries the group Flamenco Circle as its forum.`,
      flags: ephemeralFlag,
    });
    expect(await communityState()).toMatchObject({
      channelLinks: [{ channelId: discord.forumChannelId, kind: "forum", group: { name: "Flamenco Circle" } }],
    });
  });

  it("unlinks a channel", async () => {
    const { discord } = scenario;
    const group = await openGroup("Flamenco Circle");
    const admin = { user: maya, permissions: manageServer } as const;
    await discord
      .exchange({
        ...admin,
        command: "skillswap admin link-group",
        options: { channel: { channel: discord.channelId }, group: group.id, kind: "chat" },
      })
      .settled();

    const reply = await discord
      .exchange({ ...admin, command: "skillswap admin unlink", options: { channel: { channel: discord.channelId } } })
      .settled();

    expect(reply.content).toBe(`<#${discord.channelId}> no longer carries a group.`);
    expect(await communityState()).toMatchObject({ channelLinks: [] });
  });

  it("sets the channel where private swap threads open", async () => {
    const { discord } = scenario;
    const reply = await discord
      .exchange({
        user: maya,
        permissions: manageServer,
        command: "skillswap admin swaps-channel",
        options: { channel: { channel: discord.swapsChannelId } },
      })
      .settled();

    expect(reply.content).toBe(`Private swap threads will open in <#${discord.swapsChannelId}>.`);
    expect(await communityState()).toMatchObject({ swapsChannelId: discord.swapsChannelId });
  });

  it("refuses members without Manage Server, in core's words, and changes nothing", async () => {
    const { discord, logged } = scenario;
    const group = await openGroup("Flamenco Circle");
    const attempts = [
      {
        command: "skillswap admin link-group",
        options: { channel: { channel: discord.channelId }, group: group.id, kind: "chat" },
      },
      { command: "skillswap admin swaps-channel", options: { channel: { channel: discord.swapsChannelId } } },
    ];
    for (const attempt of attempts) {
      const reply = await discord.exchange({ user: theo, ...attempt }).settled();
      expect(reply).toMatchObject({ content: "Only this community's admins can do that.", flags: ephemeralFlag });
    }
    expect(await communityState()).toEqual({ swapsChannelId: null, channelLinks: [] });
    const member = await personOf(scenario, theo);
    expect(
      await scenario.core.database.db.communityMember.findMany({
        where: { userId: member.userId },
        select: { role: true },
      }),
    ).toEqual([{ role: "member" }]);
    expect(logged).toEqual([]);
  });

  it("stops treating someone as admin once they can no longer manage the server", async () => {
    const { discord } = scenario;
    await discord.exchange({ user: maya, permissions: manageServer, command: "skillswap help" }).settled();
    expect(
      await scenario.core.database.db.communityMember.findFirst({
        where: { userId: (await personOf(scenario, maya)).userId },
        select: { role: true },
      }),
    ).toEqual({ role: "admin" });

    const reply = await discord
      .exchange({
        user: maya,
        command: "skillswap admin swaps-channel",
        options: { channel: { channel: discord.swapsChannelId } },
      })
      .settled();
    expect(reply.content).toBe("Only this community's admins can do that.");
    expect(await communityState()).toMatchObject({ swapsChannelId: null });
  });
});
