import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LocalUser } from "../../testing/local-discord.js";
import {
  acceptedSwapOfMayaAndLeo,
  eventually,
  leo,
  maya,
  startScenario,
  type Scenario,
} from "../../testing/discord-scenario.js";

const ephemeral = 64;
const hour = 60 * 60_000;

let s: Scenario;

beforeEach(async () => {
  s = await startScenario();
});

afterEach(() => s.stop());

const sessionsOf = (swapId: string) =>
  s.core.database.db.swapSession.findMany({
    where: { swapId },
    select: { id: true, startsAt: true, durationMinutes: true, mode: true, place: true, status: true },
  });

describe("/session schedule", () => {
  it("reads the time on the person's own clock and stores the instant", async () => {
    const { maya: mayaActor, swapId } = await acceptedSwapOfMayaAndLeo(s);
    await s.core.services.profiles.update(mayaActor, { timeZone: "Europe/Paris" });

    const reply = await s.discord.interaction({
      user: maya,
      command: "session schedule",
      options: { swap: swapId, when: "2026-12-01 18:30", minutes: { integer: 90 }, skill: "Spanish" },
    });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(reply.data?.content).toBe(
      "Session scheduled: Spanish, 2026-12-01 18:30 (Europe/Paris), 90 minutes, online.",
    );
    expect(await sessionsOf(swapId)).toEqual([
      expect.objectContaining({
        startsAt: new Date("2026-12-01T17:30:00Z"),
        durationMinutes: 90,
        mode: "online",
        status: "scheduled",
      }),
    ]);
  });

  it("takes where and how they meet", async () => {
    const { swapId } = await acceptedSwapOfMayaAndLeo(s);
    const reply = await s.discord.interaction({
      user: leo,
      command: "session schedule",
      options: { swap: swapId, when: "2026-12-02T10:00", where: "Café Bellecour", mode: "in_person", skill: "Guitar" },
    });
    expect(reply.data?.content).toBe("Session scheduled: Guitar, 2026-12-02 10:00 (UTC), 60 minutes, in person.");
    expect(await sessionsOf(swapId)).toMatchObject([{ place: "Café Bellecour", mode: "in_person" }]);
  });

  it("says how to write the time when it cannot read it, and schedules nothing", async () => {
    const { swapId } = await acceptedSwapOfMayaAndLeo(s);
    const reply = await s.discord.interaction({
      user: maya,
      command: "session schedule",
      options: { swap: swapId, when: "next tuesday", skill: "Spanish" },
    });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(reply.data?.content).toBe("Write the date and time like 2026-12-01 18:30, in your time zone (UTC).");
    expect(await sessionsOf(swapId)).toEqual([]);
  });

  it("asks which skill when the swap has two and none was named", async () => {
    const { swapId } = await acceptedSwapOfMayaAndLeo(s);
    const reply = await s.discord.interaction({
      user: maya,
      command: "session schedule",
      options: { swap: swapId, when: "2026-12-01 18:30" },
    });
    expect(reply.data?.content).toContain("Say which skill this session is for: ");
    expect(await sessionsOf(swapId)).toEqual([]);
  });
});

describe("/session complete", () => {
  it("confirms the session for the person, and completes it with the second confirmation", async () => {
    const { maya: mayaActor, swapId } = await acceptedSwapOfMayaAndLeo(s);
    const session = await s.core.services.sessions.schedule(mayaActor, swapId, {
      startsAt: "2026-11-26T18:00:00Z",
      mode: "online",
      skill: "Spanish",
    });
    s.core.clock.advance(33 * hour);

    const first = await s.discord.interaction({
      user: maya,
      command: "session complete",
      options: { session: session.id },
    });
    expect(first.data?.content).toBe(
      "You confirmed the session. It is done once the others confirm, or 72 hours from now if nobody objects.",
    );
    expect(await sessionsOf(swapId)).toMatchObject([{ status: "scheduled" }]);

    const second = await s.discord.interaction({
      user: leo,
      command: "session complete",
      options: { session: session.id },
    });
    expect(second.data?.content).toBe("Session completed. You can review your partner with /review.");
    expect(await sessionsOf(swapId)).toMatchObject([{ status: "completed" }]);
  });

  it("refuses before the session has ended, with the domain's sentence", async () => {
    const { maya: mayaActor, swapId } = await acceptedSwapOfMayaAndLeo(s);
    const session = await s.core.services.sessions.schedule(mayaActor, swapId, {
      startsAt: "2026-11-26T18:00:00Z",
      mode: "online",
      skill: "Spanish",
    });
    const reply = await s.discord.interaction({
      user: maya,
      command: "session complete",
      options: { session: session.id },
    });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(reply.data?.content).toBe("You can confirm or dispute a session once it has ended.");
    expect(await sessionsOf(swapId)).toMatchObject([{ status: "scheduled" }]);
  });
});

describe("a session coming up", () => {
  it("is recalled to each person by DM the day before, on their own clock", async () => {
    const { maya: mayaActor, swapId } = await acceptedSwapOfMayaAndLeo(s);
    await s.core.services.profiles.update(mayaActor, { timeZone: "Europe/Paris" });
    await s.core.services.sessions.schedule(mayaActor, swapId, {
      startsAt: "2026-11-26T18:00:00Z",
      mode: "online",
      skill: "Spanish",
    });
    s.core.clock.advance(9 * hour);
    await s.core.services.sessions.remindDue();
    s.startWorker();

    const reminderTo = (user: LocalUser) =>
      eventually(
        () => s.discord.dmsTo(user.id).find((dm) => dm.content.startsWith("Reminder:"))?.content,
        `${user.username}'s reminder`,
      );
    expect(await reminderTo(maya)).toBe("Reminder: your Spanish session starts 2026-11-26 19:00 (Europe/Paris).");
    expect(await reminderTo(leo)).toBe("Reminder: your Spanish session starts 2026-11-26 18:00 (UTC).");
  });
});

describe("session suggestions", () => {
  it("offers the sessions still waiting on the person, soonest first, on their own clock", async () => {
    const { maya: mayaActor, swapId } = await acceptedSwapOfMayaAndLeo(s);
    await s.core.services.profiles.update(mayaActor, { timeZone: "Europe/Paris" });
    const later = await s.core.services.sessions.schedule(mayaActor, swapId, {
      startsAt: "2026-12-03T17:00:00Z",
      mode: "online",
      skill: "Guitar",
    });
    const sooner = await s.core.services.sessions.schedule(mayaActor, swapId, {
      startsAt: "2026-11-26T17:00:00Z",
      mode: "online",
      skill: "Spanish",
    });
    s.core.clock.advance(40 * hour);
    await s.core.services.sessions.confirm(mayaActor, sooner.id);

    const forMaya = await s.discord
      .exchange({
        kind: "autocomplete",
        user: maya,
        command: "session complete",
        options: { session: { focused: "" } },
      })
      .choices();
    expect(forMaya).toEqual([{ name: expect.stringMatching(/^Guitar · 2026-12-03 18:00 with @leo/), value: later.id }]);

    const forLeo = await s.discord
      .exchange({
        kind: "autocomplete",
        user: leo,
        command: "session complete",
        options: { session: { focused: "span" } },
      })
      .choices();
    expect(forLeo).toEqual([
      { name: expect.stringMatching(/^Spanish · 2026-11-26 17:00 with @maya/), value: sooner.id },
    ]);
  });
});
