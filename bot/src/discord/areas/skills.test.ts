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
import { parseSlotList } from "../../chat/slot-list.js";

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(() => scenario.stop());

const skillsOf = async (userId: string) =>
  scenario.core.database.db.userSkill.findMany({
    where: { userId },
    select: { direction: true, level: true, skill: { select: { name: true } } },
    orderBy: [{ skill: { name: "asc" } }, { direction: "asc" }],
  });

describe("/skills add", () => {
  it("adds a skill the person teaches, through its alias, and tells only them", async () => {
    const { discord } = scenario;
    const reply = await discord
      .exchange({
        user: maya,
        command: "skills add",
        options: { skill: "guitarra", direction: "teach", level: 4 },
      })
      .settled();

    expect(reply).toMatchObject({
      content: "Added to your profile: you teach Guitar (level 4).",
      flags: ephemeralFlag,
    });
    const me = await personOf(scenario, maya);
    expect(await skillsOf(me.userId)).toEqual([{ direction: "teach", level: 4, skill: { name: "Guitar" } }]);
  });

  it("adds a skill the person wants to learn, up to the level they aim for", async () => {
    const reply = await scenario.discord
      .exchange({ user: maya, command: "skills add", options: { skill: "Spanish", direction: "learn", level: 2 } })
      .settled();

    expect(reply.content).toBe("Added to your profile: you want to learn Spanish (up to level 2).");
    const me = await personOf(scenario, maya);
    expect(await skillsOf(me.userId)).toEqual([{ direction: "learn", level: 2, skill: { name: "Spanish" } }]);
  });

  it("takes a mode and weekly times of the skill's own, which matching and search then use for it", async () => {
    const reply = await scenario.discord
      .exchange({
        user: maya,
        command: "skills add",
        options: { skill: "Guitar", direction: "teach", level: 4, mode: "online", times: "Sat 10-12" },
      })
      .settled();

    expect(reply.content).toBe("Added to your profile: you teach Guitar (level 4).");
    const me = await personOf(scenario, maya);
    const [guitar] = await scenario.core.services.skills.listFor(me, me.handle);
    expect(guitar).toMatchObject({
      mode: "online",
      availability: [{ weekday: 6, startMinute: 600, endMinute: 720 }],
    });
  });

  it("refuses weekly times it cannot read, adding nothing", async () => {
    const reply = await scenario.discord
      .exchange({
        user: maya,
        command: "skills add",
        options: { skill: "Guitar", direction: "teach", level: 4, times: "Saturday-ish" },
      })
      .settled();

    expect(reply.content).toContain("Saturday-ish");
    expect(await skillsOf((await personOf(scenario, maya)).userId)).toEqual([]);
  });

  it("says it does not know a misspelt skill and suggests what was probably meant", async () => {
    const { discord, logged } = scenario;
    const reply = await discord
      .exchange({ user: maya, command: "skills add", options: { skill: "pianoo", direction: "teach", level: 3 } })
      .settled();

    expect(reply.flags).toBe(ephemeralFlag);
    expect(reply.content).toBe(
      "We do not know the skill “pianoo” yet. You can propose it as a new skill.\nDid you mean: Piano?",
    );
    expect(await skillsOf((await personOf(scenario, maya)).userId)).toEqual([]);
    expect(logged).toEqual([]);
  });

  it("suggests catalog skills by name and alias while the person types", async () => {
    const choices = await scenario.discord
      .exchange({
        user: maya,
        kind: "autocomplete",
        command: "skills add",
        options: { skill: { focused: "guit" }, direction: "teach" },
      })
      .choices();

    expect(choices[0]).toEqual({ name: "Guitar", value: "Guitar" });
    expect(choices.length).toBeLessThanOrEqual(25);
    expect(choices.every((choice) => /guit/i.test(choice.name))).toBe(true);
  });
});

describe("/skills remove", () => {
  it("offers the person's own skills, each valued by its id, and removes the one picked", async () => {
    const { core, discord } = scenario;
    await discord.interaction({ user: maya, command: "skillswap help" });
    const me = await personOf(scenario, maya);
    const guitar = await core.services.skills.add(me, { skill: "Guitar", direction: "teach", level: 4 });
    await core.services.skills.add(me, { skill: "Guitar", direction: "learn", level: 5 });
    await core.services.skills.add(me, { skill: "Chess", direction: "learn", level: 2 });

    const choices = await discord
      .exchange({ user: maya, kind: "autocomplete", command: "skills remove", options: { skill: { focused: "gui" } } })
      .choices();
    expect(choices).toEqual([
      { name: "Guitar (level 4) · teach", value: guitar.id },
      { name: "Guitar (level 5) · learn", value: expect.any(String) },
    ]);

    const reply = await discord
      .exchange({ user: maya, command: "skills remove", options: { skill: guitar.id } })
      .settled();

    expect(reply).toMatchObject({ content: "Removed Guitar from your profile.", flags: ephemeralFlag });
    expect(await skillsOf(me.userId)).toEqual([
      { direction: "learn", level: 2, skill: { name: "Chess" } },
      { direction: "learn", level: 5, skill: { name: "Guitar" } },
    ]);
  });

  it("removes a skill typed by name, and asks which one when it is listed both ways", async () => {
    const { core, discord } = scenario;
    await discord.interaction({ user: maya, command: "skillswap help" });
    const me = await personOf(scenario, maya);
    await core.services.skills.add(me, { skill: "Guitar", direction: "teach", level: 4 });
    await core.services.skills.add(me, { skill: "Guitar", direction: "learn", level: 5 });
    await core.services.skills.add(me, { skill: "Chess", direction: "learn", level: 2 });

    const ambiguous = await discord
      .exchange({ user: maya, command: "skills remove", options: { skill: "guitar" } })
      .settled();
    expect(ambiguous.content).toBe("You list Guitar both to teach and to learn: pick the one to remove from the list.");
    const removed = await discord
      .exchange({ user: maya, command: "skills remove", options: { skill: "chess" } })
      .settled();
    expect(removed.content).toBe("Removed Chess from your profile.");
    expect(await skillsOf(me.userId)).toHaveLength(2);
  });

  it("refuses to remove someone else's skill, in the domain's words, as one not on the person's profile", async () => {
    const { core, discord } = scenario;
    await discord.interaction({ user: lena, command: "skillswap help" });
    const theirs = await core.services.skills.add(await personOf(scenario, lena), {
      skill: "Chess",
      direction: "teach",
      level: 5,
    });

    const reply = await discord
      .exchange({ user: maya, command: "skills remove", options: { skill: theirs.id } })
      .settled();

    expect(reply).toMatchObject({ content: "That skill is not on your profile.", flags: ephemeralFlag });
    expect(await skillsOf((await personOf(scenario, lena)).userId)).toHaveLength(1);
  });
});

describe("offering a skill in a swap request", () => {
  it("suggests only the skills the person teaches", async () => {
    const { core, discord } = scenario;
    await discord.interaction({ user: maya, command: "skillswap help" });
    const me = await personOf(scenario, maya);
    await core.services.skills.add(me, { skill: "Guitar", direction: "teach", level: 4 });
    await core.services.skills.add(me, { skill: "German", direction: "learn", level: 2 });

    const choices = await discord
      .exchange({
        user: maya,
        kind: "autocomplete",
        command: "swap request",
        options: { user: { user: lena }, offer: { focused: "g" }, want: "Chess" },
      })
      .choices();
    expect(choices).toEqual([{ name: "Guitar", value: "Guitar" }]);
  });
});

describe("/skills list", () => {
  it("lists someone's skills, teaching beside learning", async () => {
    const { core, discord } = scenario;
    await discord.interaction({ user: lena, command: "skillswap help" });
    const other = await personOf(scenario, lena);
    await core.services.skills.add(other, { skill: "Chess", direction: "teach", level: 5 });
    await core.services.skills.add(other, { skill: "Japanese", direction: "learn", level: 3 });

    const reply = await discord
      .exchange({ user: maya, command: "skills list", options: { user: { user: lena } } })
      .settled();

    expect(reply.flags).toBe(ephemeralFlag);
    expect(textOf(reply)).toBe("Skills of Lena\nTeaches\nChess (level 5)\nWants to learn\nJapanese (level 3)");
  });

  it("lists the person's own skills by default, and says when there are none", async () => {
    const reply = await scenario.discord.exchange({ user: maya, command: "skills list" }).settled();
    expect(textOf(reply)).toBe("Skills of Maya\nNo skills listed yet.");
  });
});

describe("/availability", () => {
  it("stores the weekly slots in the time zone given, and how the person meets", async () => {
    const { core, discord } = scenario;
    const reply = await discord
      .exchange({
        user: maya,
        command: "availability",
        options: { slots: "Tue 18-20, sat 9:30am-12", timezone: "Europe/Paris", mode: "both" },
      })
      .settled();

    expect(reply).toMatchObject({
      content: "Your weekly times (Europe/Paris): Tue 18:00–20:00, Sat 09:30–12:00.\nYou meet online or in person.",
      flags: ephemeralFlag,
    });
    const profile = await core.services.profiles.me(await personOf(scenario, maya));
    expect(profile).toMatchObject({
      timeZone: "Europe/Paris",
      meetingMode: "either",
      availability: [
        { weekday: 2, startMinute: 1080, endMinute: 1200 },
        { weekday: 6, startMinute: 570, endMinute: 720 },
      ],
    });
  });

  it("names the slot it cannot read and changes nothing", async () => {
    const { core, discord } = scenario;
    await discord.exchange({ user: maya, command: "availability", options: { slots: "Mon 8-9" } }).settled();

    const reply = await discord
      .exchange({
        user: maya,
        command: "availability",
        options: { slots: "Tue 18-20, someday soon", timezone: "Asia/Tokyo" },
      })
      .settled();

    expect(reply).toMatchObject({
      content: "I could not read “someday soon” as a weekly time. Write it like “Tue 18-20” or “Sat 9:30am-12”.",
      flags: ephemeralFlag,
    });
    const profile = await core.services.profiles.me(await personOf(scenario, maya));
    expect(profile.timeZone).toBe("UTC");
    expect(profile.availability).toEqual([{ weekday: 1, startMinute: 480, endMinute: 540 }]);
  });

  it("refuses an unknown time zone in the domain's words before touching the slots", async () => {
    const { core, discord } = scenario;
    const reply = await discord
      .exchange({ user: maya, command: "availability", options: { slots: "Tue 18-20", timezone: "Mars/Olympus" } })
      .settled();

    expect(reply.content).toContain("Use an IANA time zone such as Europe/Paris");
    expect((await core.services.profiles.me(await personOf(scenario, maya))).availability).toEqual([]);
  });

  it("suggests IANA time zones by city while the person types", async () => {
    const choices = await scenario.discord
      .exchange({
        user: maya,
        kind: "autocomplete",
        command: "availability",
        options: { slots: "Tue 18-20", timezone: { focused: "new y" } },
      })
      .choices();
    expect(choices[0]).toEqual({ name: "America/New_York", value: "America/New_York" });
  });
});

describe("reading typed weekly slots", () => {
  it("reads commas and semicolons, and clears with none", () => {
    expect(parseSlotList("Tue 18-20; Wed 7-8")).toEqual({
      ok: true,
      slots: [
        { weekday: 2, startMinute: 1080, endMinute: 1200 },
        { weekday: 3, startMinute: 420, endMinute: 480 },
      ],
    });
    expect(parseSlotList(" none ")).toEqual({ ok: true, slots: [] });
    expect(parseSlotList("Tue 20-18")).toEqual({ ok: false, unreadable: "Tue 20-18" });
  });
});
