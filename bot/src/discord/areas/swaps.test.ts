import { ComponentType, type APIMessage } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { eventually, ines, leo, maya, startScenario, type Scenario } from "../../testing/discord-scenario.js";

const ephemeral = 64;

let s: Scenario;

beforeEach(async () => {
  s = await startScenario();
});

afterEach(() => s.stop());

/** The custom ids of the buttons on a message, row by row. */
function buttonsOn(message: { readonly components?: APIMessage["components"] | undefined } | undefined): string[] {
  return (message?.components ?? []).flatMap((row) =>
    row.type === ComponentType.ActionRow
      ? row.components.flatMap((c) => (c.type === ComponentType.Button && "custom_id" in c ? [c.custom_id] : []))
      : [],
  );
}

/** Maya (teaches Guitar) asks Leo (teaches Spanish) over /swap request; resolves with the swap id. */
async function mayaAsksLeo(): Promise<string> {
  await s.member(maya, { Guitar: 4 });
  await s.member(leo, { Spanish: 5 });
  const reply = await s.discord.interaction({
    user: maya,
    command: "swap request",
    options: { user: { user: leo }, offer: "Guitar", want: "Spanish", message: "Tuesdays?" },
  });
  expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
  expect(reply.data?.content).toMatch(/^Request sent to @leo.*: Guitar ↔ Spanish\./);
  const account = await s.core.services.accounts.findByIdentity("discord", "", maya.id);
  const { swaps } = await s.core.services.swaps.list({ userId: account?.userId ?? "" });
  return swaps[0]?.id ?? "";
}

async function statusOf(swapId: string): Promise<string | undefined> {
  const row = await s.core.database.db.swap.findUnique({ where: { id: swapId }, select: { status: true } });
  return row?.status;
}

describe("/swap request", () => {
  it("stores the request and sends the other person a DM with Accept and Decline", async () => {
    s.startWorker();
    const swapId = await mayaAsksLeo();
    expect(await statusOf(swapId)).toBe("pending");

    const [dm] = await eventually(
      () => (s.discord.dmsTo(leo.id).length > 0 ? s.discord.dmsTo(leo.id) : undefined),
      "the DM",
    );
    expect(dm?.content).toContain("Maya sent you a swap request.");
    expect(dm?.content).toContain("with @maya");
    expect(buttonsOn(dm)).toEqual([`swap.accept:${swapId}`, `swap.decline:${swapId}`]);
    expect(s.discord.dmsTo(maya.id)).toEqual([]);
  });

  it("says so when the person asked is not on SkillSwap, and stores nothing", async () => {
    await s.member(maya, { Guitar: 4 });
    const reply = await s.discord.interaction({
      user: maya,
      command: "swap request",
      options: { user: { user: ines }, offer: "Guitar", want: "Spanish" },
    });
    expect(reply.data?.content).toBe(
      "Inès is not on SkillSwap yet. They join by running any SkillSwap command, like /skillswap help.",
    );
    expect(await s.core.database.db.swap.count()).toBe(0);
  });

  it("answers with the domain's sentence when they do not teach what was asked", async () => {
    await s.member(maya, { Guitar: 4 });
    await s.member(leo, { Spanish: 5 });
    const reply = await s.discord.interaction({
      user: maya,
      command: "swap request",
      options: { user: { user: leo }, offer: "Guitar", want: "Piano" },
    });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(reply.data?.content).toMatch(/does not teach Piano/);
    expect(await s.core.database.db.swap.count()).toBe(0);
  });
});

describe("answering a request from the DM", () => {
  async function requestDm(): Promise<{ swapId: string; dm: APIMessage }> {
    s.startWorker();
    const swapId = await mayaAsksLeo();
    const dm = await eventually(() => s.discord.dmsTo(leo.id)[0], "the request DM");
    return { swapId, dm };
  }

  it("accepting starts the swap and turns the DM into what happened, without buttons", async () => {
    const { swapId, dm } = await requestDm();
    const click = s.discord.exchange({
      kind: "button",
      user: leo,
      dm: true,
      customId: `swap.accept:${swapId}`,
      message: dm,
    });
    const updated = await click.settled();
    expect((await click.first).type).toBe(7);
    expect(updated.content).toMatch(
      /^You accepted the swap with @maya.*: Spanish ↔ Guitar\. Your conversation is open\.$/,
    );
    expect(buttonsOn(updated)).toEqual([]);
    expect(s.discord.dmsTo(leo.id)[0]?.content).toBe(updated.content);
    expect(await statusOf(swapId)).toBe("accepted");
    expect(await s.core.database.db.conversation.count({ where: { swapId } })).toBe(1);
  });

  it("declining closes the request", async () => {
    const { swapId, dm } = await requestDm();
    const updated = await s.discord
      .exchange({ kind: "button", user: leo, dm: true, customId: `swap.decline:${swapId}`, message: dm })
      .settled();
    expect(updated.content).toMatch(/^You declined the swap request from @maya/);
    expect(buttonsOn(updated)).toEqual([]);
    expect(await statusOf(swapId)).toBe("declined");
  });

  it("a click on a request already answered elsewhere gets the domain's sentence, only to them", async () => {
    const { swapId, dm } = await requestDm();
    const account = await s.core.services.accounts.findByIdentity("discord", "", leo.id);
    await s.core.services.swaps.accept({ userId: account?.userId ?? "" }, swapId);

    const reply = await s.discord.interaction({
      kind: "button",
      user: leo,
      dm: true,
      customId: `swap.decline:${swapId}`,
      message: dm,
    });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(reply.data?.content).toBe("This request has already been answered.");
    expect(buttonsOn(s.discord.dmsTo(leo.id)[0])).toEqual([`swap.accept:${swapId}`, `swap.decline:${swapId}`]);
    expect(await statusOf(swapId)).toBe("accepted");
  });

  it("someone else's click on the buttons changes nothing", async () => {
    const { swapId } = await requestDm();
    await s.member(ines);
    const reply = await s.discord.interaction({ kind: "button", user: ines, customId: `swap.accept:${swapId}` });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    expect(reply.data?.content).toBe("That swap request could not be found.");
    expect(await statusOf(swapId)).toBe("pending");
  });
});

describe("/swap list", () => {
  it("lists the person's swaps with their status and the buttons each allows", async () => {
    const swapId = await mayaAsksLeo();
    await s.member(ines, { Chess: 3 });
    const inesAccount = await s.core.services.accounts.findByIdentity("discord", "", ines.id);
    const maysAccount = await s.core.services.accounts.findByIdentity("discord", "", maya.id);
    const fromInes = await s.core.services.swaps.request(
      { userId: inesAccount?.userId ?? "" },
      { to: maysAccount?.handle ?? "", want: "Guitar", offer: "Chess" },
    );

    const reply = await s.discord.interaction({ user: maya, command: "swap list" });
    expect(reply).toMatchObject({ type: 4, data: { flags: ephemeral } });
    const lines = (reply.data?.content ?? "").split("\n");
    expect(lines[0]).toBe("**Your swaps**");
    expect(lines[1]).toMatch(/^1\. with @ines.*: Guitar ↔ Chess \(pending\)$/);
    expect(lines[2]).toMatch(/^2\. with @leo.*: Guitar ↔ Spanish \(pending\)$/);
    // Her own request can be withdrawn; the one she received can be answered.
    expect(buttonsOn(reply.data)).toEqual([
      `swap.accept:${fromInes.id}`,
      `swap.decline:${fromInes.id}`,
      `swap.cancel:${swapId}`,
    ]);
  });

  it("withdraws a request from the list's Cancel button", async () => {
    const swapId = await mayaAsksLeo();
    const list = s.discord.exchange({ user: maya, command: "swap list" });
    const listed = await list.settled();
    const updated = await s.discord
      .exchange({ kind: "button", user: maya, customId: `swap.cancel:${swapId}`, message: listed })
      .settled();
    expect(updated.content).toMatch(/^You called off the swap with @leo/);
    expect(buttonsOn(updated)).toEqual([]);
    expect(await statusOf(swapId)).toBe("cancelled");
  });

  it("says how to start when there are no swaps", async () => {
    const reply = await s.discord.interaction({ user: maya, command: "swap list" });
    expect(reply.data?.content).toBe("You have no swaps yet. Find someone with /match or /find, then /swap request.");
  });
});

describe("swap suggestions", () => {
  it("offers the person's swaps by partner, skills and status, valued by the swap id", async () => {
    const swapId = await mayaAsksLeo();
    const choices = await s.discord
      .exchange({ kind: "autocomplete", user: maya, command: "review", options: { swap: { focused: "" } } })
      .choices();
    expect(choices).toEqual([
      { name: expect.stringMatching(/^with @leo.*: Guitar ↔ Spanish \(pending\)$/), value: swapId },
    ]);

    const none = await s.discord
      .exchange({ kind: "autocomplete", user: maya, command: "review", options: { swap: { focused: "chess" } } })
      .choices();
    expect(none).toEqual([]);
  });
});
