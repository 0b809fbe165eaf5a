import { newPublicPerson } from "@skillswap/core/testing";
import type { APIMessage } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  buttonsOf,
  ephemeralFlag,
  lena,
  maya,
  personOf,
  startScenario,
  textOf,
  theo,
  type Scenario,
} from "../../testing/discord-scenario.js";

let scenario: Scenario;
beforeEach(async () => {
  scenario = await startScenario();
});
afterEach(() => scenario.stop());

/** The handles listed on a /find page, in order. */
const handlesOn = (message: APIMessage) =>
  (message.embeds[0]?.fields ?? []).map((field) => field.name.split(" · ")[0] ?? "");

function button(message: APIMessage, label: string) {
  const found = buttonsOf(message).find((b) => "label" in b && b.label === label);
  if (found === undefined || !("custom_id" in found)) throw new Error(`no "${label}" button`);
  return found;
}

describe("/find", () => {
  it("pages through the teachers with Previous and Next, rewriting the same message", async () => {
    const { core, discord } = scenario;
    const teachers = [];
    for (const name of ["Ana", "Bea", "Cid", "Dan", "Eve", "Fay", "Gus"])
      teachers.push(await newPublicPerson(core, name, { Guitar: 4 }));

    const first = await discord.exchange({ user: maya, command: "find", options: { skill: "guitar" } }).settled();
    expect(first.flags).toBe(ephemeralFlag);
    expect(handlesOn(first)).toHaveLength(5);
    expect(textOf(first)).toContain("Page 1");
    expect(button(first, "Previous").disabled).toBe(true);
    expect(button(first, "Next").disabled).toBe(false);

    const next = button(first, "Next");
    const second = await discord
      .exchange({ user: maya, kind: "button", customId: next.custom_id, message: first })
      .settled();
    expect(second.id).toBe(first.id);
    expect(textOf(second)).toContain("Page 2");
    expect(handlesOn(second)).toHaveLength(2);
    expect(button(second, "Next").disabled).toBe(true);
    expect(new Set([...handlesOn(first), ...handlesOn(second)])).toEqual(new Set(teachers.map((t) => `@${t.handle}`)));

    const back = await discord
      .exchange({ user: maya, kind: "button", customId: button(second, "Previous").custom_id, message: second })
      .settled();
    expect(handlesOn(back)).toEqual(handlesOn(first));
  });

  it("keeps every paging button within Discord's 100-character custom_id", async () => {
    const { core, discord } = scenario;
    for (const name of ["Ana", "Bea", "Cid", "Dan", "Eve", "Fay"]) await newPublicPerson(core, name, { Guitar: 4 });
    const reply = await discord
      .exchange({
        user: maya,
        command: "find",
        options: {
          skill: "guitar: classical or flamenco",
          near: "Portland, US-OR",
          km: 20_000,
          level: 3,
          online: false,
        },
      })
      .settled();
    for (const b of buttonsOf(reply)) expect("custom_id" in b ? b.custom_id.length : 0).toBeLessThanOrEqual(100);
  });

  it("suggests cities while the person types, each one the search then finds", async () => {
    const { core, discord, logged } = scenario;
    const choices = await discord
      .exchange({
        user: maya,
        kind: "autocomplete",
        command: "find",
        options: { skill: "guitar", near: { focused: "lyo" } },
      })
      .choices();
    expect(choices[0]?.name).toMatch(/^Lyon, .*FR$/);

    const lyon = await newPublicPerson(core, "Ana", { Guitar: 4 });
    await core.services.profiles.update(lyon, { location: "Lyon" });
    const reply = await discord
      .exchange({ user: maya, command: "find", options: { skill: "guitar", near: String(choices[0]?.value), km: 10 } })
      .settled();
    expect(handlesOn(reply)).toEqual([`@${lyon.handle}`]);
    expect(textOf(reply)).toContain("0 km away");
    expect(logged).toEqual([]);
  });
});

/** Maya teaches Guitar and wants Spanish; Theo the other way round: a reciprocal pair. */
async function mayaAndTheo() {
  const { core, discord } = scenario;
  await discord.interaction({ user: maya, command: "skillswap help" });
  await discord.interaction({ user: theo, command: "skillswap help" });
  const [me, partner] = [await personOf(scenario, maya), await personOf(scenario, theo)];
  await core.services.skills.add(me, { skill: "Guitar", direction: "teach", level: 4 });
  await core.services.skills.add(me, { skill: "Spanish", direction: "learn", level: 3 });
  await core.services.skills.add(partner, { skill: "Spanish", direction: "teach", level: 5 });
  await core.services.skills.add(partner, { skill: "Guitar", direction: "learn", level: 2 });
  return { me, partner };
}

describe("/match", () => {
  it("recommends partners with why, and a Request swap button that asks through a form", async () => {
    const { core, discord } = scenario;
    const { me, partner } = await mayaAndTheo();

    const reply = await discord.exchange({ user: maya, command: "match" }).settled();
    expect(reply.flags).toBe(ephemeralFlag);
    const text = textOf(reply);
    expect(text).toContain(`@${partner.handle} · Theo`);
    expect(text).toContain("teaches you Spanish (level 5), wants your Guitar");

    const ask = button(reply, "Request swap with Theo");
    const form = await discord
      .exchange({ user: maya, kind: "button", customId: ask.custom_id, message: reply })
      .modal();
    expect(form.custom_id).toBe(ask.custom_id);

    const sent = await discord
      .exchange({ user: maya, kind: "modal", customId: form.custom_id, fields: { message: "Saturdays suit me" } })
      .settled();
    expect(sent).toMatchObject({
      content: `Request sent to @${partner.handle}: Spanish for your Guitar. You will hear when they answer.`,
      flags: ephemeralFlag,
    });
    const { swaps } = await core.services.swaps.list(partner);
    expect(swaps).toMatchObject([
      {
        status: "pending",
        message: "Saturdays suit me",
        participants: expect.arrayContaining([
          expect.objectContaining({
            handle: me.handle,
            role: "requester",
            teaches: expect.objectContaining({ name: "Guitar" }),
          }),
          expect.objectContaining({
            handle: partner.handle,
            role: "recipient",
            teaches: expect.objectContaining({ name: "Spanish" }),
          }),
        ]),
      },
    ]);
  });

  it("says how to get recommendations when there is nobody to swap with yet", async () => {
    const reply = await scenario.discord.exchange({ user: maya, command: "match" }).settled();
    expect(textOf(reply)).toContain("No partner to swap with yet.");
    expect(buttonsOf(reply)).toEqual([]);
  });

  it("lists three-way swaps with their explanation and proposes one at a click", async () => {
    const { core, discord } = scenario;
    for (const user of [maya, theo, lena]) await discord.interaction({ user, command: "skillswap help" });
    const [me, next, after] = [
      await personOf(scenario, maya),
      await personOf(scenario, theo),
      await personOf(scenario, lena),
    ];
    await core.services.skills.add(me, { skill: "Guitar", direction: "teach", level: 4 });
    await core.services.skills.add(me, { skill: "Chess", direction: "learn", level: 2 });
    await core.services.skills.add(next, { skill: "Guitar", direction: "learn", level: 2 });
    await core.services.skills.add(next, { skill: "Spanish", direction: "teach", level: 5 });
    await core.services.skills.add(after, { skill: "Spanish", direction: "learn", level: 2 });
    await core.services.skills.add(after, { skill: "Chess", direction: "teach", level: 5 });

    const reply = await discord.exchange({ user: maya, command: "match", options: { cycles: true } }).settled();
    const text = textOf(reply);
    expect(text).toContain("Three-way swaps");
    expect(text).toContain("you teach Theo Guitar; Theo teaches Lena Spanish; Lena teaches you Chess");

    const proposed = await discord.exchange({
      user: maya,
      kind: "button",
      customId: button(reply, "Propose three-way swap 1").custom_id,
      message: reply,
    }).first;
    expect(proposed).toMatchObject({
      type: 4,
      data: {
        content: `Three-way swap proposed to @${next.handle} and @${after.handle}. It starts once both accept.`,
        flags: ephemeralFlag,
      },
    });
    const { swaps } = await core.services.swaps.list(after);
    expect(swaps).toMatchObject([{ kind: "cycle", status: "pending" }]);
    expect(swaps[0]?.participants.map((p) => p.handle).sort()).toEqual([me.handle, next.handle, after.handle].sort());
  });
});
