import { testImages } from "@skillswap/core/testing";
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

describe("/profile view", () => {
  it("shows the person their own profile, only to them, with what they teach and want to learn", async () => {
    const { core, discord } = scenario;
    await discord.interaction({ user: maya, command: "skillswap help" });
    const me = await personOf(scenario, maya);
    await core.services.profiles.update(me, {
      bio: "Luthier in the making",
      location: "Lyon",
      timeZone: "Europe/Paris",
    });
    await core.services.skills.add(me, { skill: "Guitar", direction: "teach", level: 4 });
    await core.services.skills.add(me, { skill: "Spanish", direction: "learn", level: 2 });

    const reply = await discord.exchange({ user: maya, command: "profile view" }).settled();

    expect(reply.flags).toBe(ephemeralFlag);
    const text = textOf(reply);
    expect(text).toContain(`Maya (@${me.handle})`);
    expect(text).toContain("Luthier in the making");
    expect(text).toMatch(/Teaches\nGuitar \(level 4\)/);
    expect(text).toMatch(/Wants to learn\nSpanish \(level 2\)/);
    expect(text).toContain("Lyon, FR");
    expect(text).toContain("Europe/Paris");
    expect(text).toContain("Visible to: communities");
  });

  it("shows someone else's profile as the viewer may see it, without owner-only details", async () => {
    const { core, discord } = scenario;
    await discord.interaction({ user: lena, command: "skillswap help" });
    const other = await personOf(scenario, lena);
    await core.services.skills.add(other, { skill: "Chess", direction: "teach", level: 5 });

    const reply = await discord
      .exchange({ user: maya, command: "profile view", options: { user: { user: lena } } })
      .settled();

    const text = textOf(reply);
    expect(text).toContain(`Lena (@${other.handle})`);
    expect(text).toContain("Chess (level 5)");
    expect(text).not.toContain("Visible to");
  });

  it("shows the person's picture beside their profile when they have one", async () => {
    const { core, discord } = scenario;
    await discord.interaction({ user: lena, command: "skillswap help" });
    const other = await personOf(scenario, lena);
    const before = await discord
      .exchange({ user: maya, command: "profile view", options: { user: { user: lena } } })
      .settled();
    expect(before.embeds[0]?.thumbnail).toBeUndefined();

    const { avatarSmallUrl } = await core.services.profiles.setAvatar(other, await testImages.png());
    const reply = await discord
      .exchange({ user: maya, command: "profile view", options: { user: { user: lena } } })
      .settled();

    expect(avatarSmallUrl).toMatch(new RegExp(`^${core.config.PUBLIC_URL}/avatars/[0-9a-f]{32}-128\\.webp$`));
    expect(reply.embeds[0]?.thumbnail?.url).toBe(avatarSmallUrl);
  });

  it("says so plainly when the person picked never used SkillSwap, and registers nobody", async () => {
    const { core, discord, logged } = scenario;
    const reply = await discord
      .exchange({ user: maya, command: "profile view", options: { user: { user: lena } } })
      .settled();

    expect(reply.content).toBe("Lena has not used SkillSwap yet, so there is nothing to show.");
    expect(reply.flags).toBe(ephemeralFlag);
    expect(await core.services.accounts.findByIdentity("discord", "", lena.id)).toBeNull();
    expect(logged).toEqual([]);
  });
});

describe("/profile edit", () => {
  it("opens a form prefilled with the profile as it is now", async () => {
    const { core, discord } = scenario;
    await discord.interaction({ user: maya, command: "skillswap help" });
    const me = await personOf(scenario, maya);
    await core.services.profiles.update(me, {
      bio: "Hello",
      location: "Portland, US-OR",
      timeZone: "America/Los_Angeles",
    });

    const form = await discord.exchange({ user: maya, command: "profile edit" }).modal();

    const prefilled = Object.fromEntries(
      form.components.flatMap((row) =>
        "components" in row
          ? row.components.map((input) => [input.custom_id, "value" in input ? input.value : undefined])
          : [],
      ),
    );
    expect(form.custom_id).toBe("profile.edit");
    expect(prefilled).toEqual({
      bio: "Hello",
      location: "Portland, US-OR",
      time_zone: "America/Los_Angeles",
      visibility: "communities",
      share_sessions: "no",
    });
  });

  it("saves what the form says and answers only the person", async () => {
    const { core, discord } = scenario;
    const reply = await discord
      .exchange({
        user: maya,
        kind: "modal",
        customId: "profile.edit",
        fields: { bio: "I fix bikes", location: "Lyon", time_zone: "Europe/Paris", visibility: "Public" },
      })
      .settled();

    expect(reply.flags).toBe(ephemeralFlag);
    expect(textOf(reply)).toContain("Your profile is saved.");
    const saved = await core.services.profiles.me(await personOf(scenario, maya));
    expect(saved).toMatchObject({
      bio: "I fix bikes",
      timeZone: "Europe/Paris",
      visibility: "public",
      location: { name: "Lyon", country: "FR" },
    });
  });

  it("names each field to fix, in the domain's words, and changes nothing", async () => {
    const { core, discord, logged } = scenario;
    await discord.interaction({ user: maya, command: "skillswap help" });
    const me = await personOf(scenario, maya);
    const before = await core.services.profiles.me(me);

    const submit = (fields: Record<string, string>) =>
      discord
        .exchange({
          user: maya,
          kind: "modal",
          customId: "profile.edit",
          fields: { bio: "New bio", location: "Lyon", time_zone: "Europe/Paris", visibility: "communities", ...fields },
        })
        .settled();

    const badZone = await submit({ time_zone: "Mars/Olympus" });
    expect(badZone.flags).toBe(ephemeralFlag);
    expect(badZone.content).toBe(
      "Some of what you entered needs fixing: timeZone.\n• Use an IANA time zone such as Europe/Paris or America/New_York.",
    );
    const badCity = await submit({ location: "Xyzzyville" });
    expect(badCity.content).toContain("We could not find a city called “Xyzzyville”");
    expect(await core.services.profiles.me(me)).toEqual(before);
    expect(logged).toEqual([]);
  });

  it("lets the person opt in to having their sessions announced in their groups, and says so on their profile", async () => {
    const { core, discord } = scenario;
    const submit = (shareSessions: string) =>
      discord
        .exchange({
          user: maya,
          kind: "modal",
          customId: "profile.edit",
          fields: { bio: "", location: "", time_zone: "UTC", visibility: "public", share_sessions: shareSessions },
        })
        .settled();

    const saved = await submit("Yes");
    expect(textOf(saved)).toContain("Your upcoming sessions are announced in your groups' channels.");
    const me = await personOf(scenario, maya);
    expect((await core.services.profiles.me(me)).shareSessions).toBe(true);

    const unclear = await submit("maybe");
    expect(unclear.content).toContain("Type yes or no.");
    expect((await core.services.profiles.me(me)).shareSessions).toBe(true);

    const declined = await submit("no");
    expect(textOf(declined)).not.toContain("announced in your groups");
    expect((await core.services.profiles.me(me)).shareSessions).toBe(false);
  });

  it("explains the three visibilities when another word is typed", async () => {
    const { core, discord } = scenario;
    const reply = await discord
      .exchange({
        user: maya,
        kind: "modal",
        customId: "profile.edit",
        fields: { bio: "", location: "", time_zone: "UTC", visibility: "everyone" },
      })
      .settled();

    expect(reply.content).toContain("public, communities or private");
    expect((await core.services.profiles.me(await personOf(scenario, maya))).visibility).toBe("communities");
  });
});
