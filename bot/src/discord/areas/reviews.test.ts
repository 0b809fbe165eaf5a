import { ComponentType, type APIModalInteractionResponseCallbackData } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  acceptedSwapOfMayaAndLeo,
  ines,
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

/** An accepted swap of Maya and Leo with one session both confirmed: something to review. */
async function swapWithACompletedSession(): Promise<string> {
  const { maya: mayaActor, leo: leoActor, swapId } = await acceptedSwapOfMayaAndLeo(s);
  const session = await s.core.services.sessions.schedule(mayaActor, swapId, {
    startsAt: "2026-11-26T18:00:00Z",
    mode: "online",
    skill: "Spanish",
  });
  s.core.clock.advance(33 * hour);
  await s.core.services.sessions.confirm(mayaActor, session.id);
  await s.core.services.sessions.confirm(leoActor, session.id);
  return swapId;
}

/** The text inputs of a form, by custom id. */
function inputsOf(form: APIModalInteractionResponseCallbackData): string[] {
  return form.components.flatMap((row) =>
    row.type === ComponentType.ActionRow ? row.components.map((input) => input.custom_id) : [],
  );
}

const reviews = () =>
  s.core.database.db.review.findMany({
    select: { swapId: true, rating: true, body: true, subject: { select: { handle: true } } },
  });

describe("/review", () => {
  it("opens a form for the swap partner, and its submission stores the review", async () => {
    const swapId = await swapWithACompletedSession();
    const form = await s.discord.exchange({ user: maya, command: "review", options: { swap: swapId } }).modal();
    expect(form.custom_id).toBe(`review.submit:${swapId}`);
    expect(form.title).toMatch(/^Review @leo/);
    expect(inputsOf(form)).toEqual(["rating", "text"]);

    const reply = await s.discord.interaction({
      kind: "modal",
      user: maya,
      customId: form.custom_id,
      fields: { rating: " 5 ", text: "Patient and funny." },
    });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(reply.data?.content).toMatch(/^Thanks! Your review of @leo.* is saved: 5\/5\.$/);
    expect(await reviews()).toEqual([
      { swapId, rating: 5, body: "Patient and funny.", subject: { handle: expect.stringMatching(/^leo/) } },
    ]);
  });

  it("answers a rating out of range with the domain's sentence and stores nothing", async () => {
    const swapId = await swapWithACompletedSession();
    for (const rating of ["7", "great"]) {
      const reply = await s.discord.interaction({
        kind: "modal",
        user: maya,
        customId: `review.submit:${swapId}`,
        fields: { rating, text: "" },
      });
      expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
      expect(reply.data?.content).toBe("Some of what you entered needs fixing: rating.\n• Ratings go from 1 to 5.");
    }
    expect(await reviews()).toEqual([]);
  });

  it("does not open a form for a swap the person is not part of", async () => {
    const swapId = await swapWithACompletedSession();
    await s.member(ines);
    const reply = await s.discord.interaction({ user: ines, command: "review", options: { swap: swapId } });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(reply.data?.content).toBe("That swap request could not be found.");
  });

  it("asks whom the review is about in a three-person swap", async () => {
    const mayaActor = await s.member(maya, { Guitar: 4 });
    const leoActor = await s.member(leo, { Spanish: 5 });
    const inesActor = await s.member(ines, { Chess: 3 });
    const cycle = await s.core.services.swaps.requestCycle(mayaActor, {
      next: leoActor.handle,
      after: inesActor.handle,
      youTeach: "Guitar",
      nextTeaches: "Spanish",
      afterTeaches: "Chess",
    });
    const form = await s.discord.exchange({ user: maya, command: "review", options: { swap: cycle.id } }).modal();
    expect(inputsOf(form)).toEqual(["rating", "text", "about"]);
  });

  it("says when it is too early to review", async () => {
    const { swapId } = await acceptedSwapOfMayaAndLeo(s);
    const reply = await s.discord.interaction({
      kind: "modal",
      user: maya,
      customId: `review.submit:${swapId}`,
      fields: { rating: "4", text: "" },
    });
    expect(reply.data?.content).toBe("You can review once a session of this swap has been completed.");
    expect(await reviews()).toEqual([]);
  });
});
