import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ephemeralFlag, maya, personOf, startScenario, textOf, type Scenario } from "../testing/discord-scenario.js";

let scenario: Scenario;

beforeEach(async () => {
  scenario = await startScenario();
});

afterEach(async () => {
  await scenario.stop();
});

const skillsOf = async (user: typeof maya) =>
  scenario.core.database.db.userSkill.count({ where: { userId: (await personOf(scenario, user)).userId } });

describe("the Discord bot on a flaky network", () => {
  it("resumes its gateway session after a disconnect and answers a command sent meanwhile", async () => {
    const { discord } = scenario;
    await discord.interaction({ user: maya, command: "skillswap help" });
    const dropped = discord.disconnect(4000);
    // Discord keeps what happens while the bot is away and replays it on RESUME.
    const meanwhile = discord.exchange({
      user: maya,
      command: "skills add",
      options: { skill: "Spanish", direction: "learn", level: 2 },
    });
    await dropped;
    await discord.untilConnected();
    expect(discord.resumes).toBe(1);
    expect(discord.identifies).toBe(1);
    expect(textOf(await meanwhile.settled())).toContain("Spanish");
    expect(await skillsOf(maya)).toBe(1);
  });

  it("identifies afresh when Discord refuses to resume, and keeps answering", async () => {
    const { discord } = scenario;
    await discord.disconnect(4000, { resumable: false });
    await discord.untilConnected();
    expect(discord.identifies).toBe(2);
    const reply = await discord.interaction({ user: maya, command: "skillswap help" });
    expect(reply.type).toBe(4);
  });

  it("runs an interaction Discord delivers twice only once", async () => {
    const { discord } = scenario;
    const first = discord.exchange({
      user: maya,
      command: "skills add",
      options: { skill: "Spanish", direction: "learn", level: 2 },
    });
    await first.settled();
    discord.redeliver(first);
    // Events are handled in order: once a later command is answered, the replay has been seen — and ignored.
    await discord.interaction({ user: maya, command: "skillswap help" });
    expect(first.attempts()).toHaveLength(1);
    expect(await skillsOf(maya)).toBe(1);
  });

  it("still answers when Discord's REST API fails with a 502 once: discord.js retries", async () => {
    const { discord } = scenario;
    discord.failNext(502);
    const reply = await discord.interaction({ user: maya, command: "skillswap help" });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeralFlag } });
    expect(discord.callsTo("/callback").length).toBeGreaterThanOrEqual(2);
  });

  it("still answers when Discord rate-limits the reply: discord.js waits as the headers say and retries", async () => {
    const { discord } = scenario;
    discord.rateLimitNext(1);
    const reply = await discord.interaction({ user: maya, command: "skillswap help" });
    expect(reply.type).toBe(4);
    expect(discord.callsTo("/callback")).toHaveLength(2);
  });
});
