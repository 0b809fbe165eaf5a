import { startWorker, type Worker } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import type { APIMessage, APIModalInteractionResponseCallbackData } from "discord.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LocalDiscord, type LocalUser } from "../testing/index.js";
import { buttonsOf, eventually, slashCommands, textOf } from "../testing/discord-scenario.js";
import { createDiscordBot, type DiscordBot } from "./create-discord-bot.js";
import { discordWorkerParts } from "./discord-door.js";
import type { BotLogger } from "./interactions/create-interactions.js";

const maya: LocalUser = { id: "310000000000000201", username: "maya.k", globalName: "Maya" };
const leo: LocalUser = { id: "310000000000000202", username: "leo.r", globalName: "Leo" };
const lena: LocalUser = { id: "310000000000000203", username: "lena.b", globalName: "Lena" };
const manageServer = "32";
const day = 24 * 60 * 60_000;

/** The text inputs of a form, filled by their position: Discord sends them back by custom id. */
function fill(form: APIModalInteractionResponseCallbackData, values: readonly string[]): Record<string, string> {
  const ids = form.components.flatMap((row) =>
    "components" in row
      ? row.components.map((input) => input.custom_id)
      : "component" in row
        ? [row.component.custom_id]
        : [],
  );
  return Object.fromEntries(ids.map((id, i) => [id, values[i] ?? ""]));
}

/**
 * The whole story on Discord, as two members of a server live it: they add skills, Maya finds Leo with /match
 * and asks for a swap from its button, Leo accepts from his DM, a private thread opens in the swaps channel,
 * they talk there (and from the dashboard), schedule and confirm sessions, the swap completes and its thread is
 * archived, and Maya reviews Leo. Every step checks what Discord shows and what SkillSwap stored.
 */
describe("a swap on Discord, from /match to the review", () => {
  let core: TestCore;
  let discord: LocalDiscord;
  let bot: DiscordBot;
  let worker: Worker;
  const faults: unknown[] = [];
  let swapId = "";
  let threadId = "";

  beforeAll(async () => {
    core = await createTestCore("sqlite");
    discord = new LocalDiscord({ guildName: "Lyon Makers", members: [maya, leo, lena], guildCommands: slashCommands });
    await discord.start();
    const token = "local.bot.token";
    const logger: BotLogger = { error: (message, error) => faults.push({ message, error }) };
    bot = createDiscordBot(core, { token, apiUrl: discord.apiUrl, logger });
    await bot.start();
    const { handlers, delivery } = discordWorkerParts(core, bot.client.rest, logger);
    worker = startWorker(core, { handlers, deliveries: [delivery], pollIntervalMs: 10, jobEveryMs: 3_600_000 });
  });

  afterAll(async () => {
    await worker.stop();
    await bot.stop();
    await discord.stop();
    await core.close();
  });

  const run = (user: LocalUser, command: string, options: Record<string, unknown> = {}) =>
    discord.exchange({ user, command, options: options as never }).settled();
  const personOf = async (user: LocalUser) => {
    const account = await core.services.accounts.findByIdentity("discord", "", user.id);
    return { userId: account?.userId ?? "", handle: account?.handle ?? "" };
  };

  it("1. an admin chooses where private swap threads open", async () => {
    const reply = await discord
      .exchange({
        user: lena,
        command: "skillswap admin swaps-channel",
        options: { channel: { channel: discord.swapsChannelId } },
        permissions: manageServer,
      })
      .settled();
    expect(reply.flags).toBe(64);
    const community = await core.database.db.community.findFirst({ where: { externalId: discord.guildId } });
    expect(community?.swapsChannelId).toBe(discord.swapsChannelId);
  });

  it("2. Maya and Leo add what they teach and want to learn", async () => {
    await run(maya, "skills add", { skill: "Guitar", direction: "teach", level: { integer: 4 } });
    await run(maya, "skills add", { skill: "Spanish", direction: "learn", level: { integer: 2 } });
    await run(leo, "skills add", { skill: "Spanish", direction: "teach", level: { integer: 5 } });
    await run(leo, "skills add", { skill: "Guitar", direction: "learn", level: { integer: 2 } });
    const listed = textOf(await run(leo, "skills list"));
    expect(listed).toContain("Spanish");
    expect(listed).toContain("Guitar");
  });

  it("3. /match shows Maya that Leo is her match, and its button asks him for a swap", async () => {
    const { handle } = await personOf(leo);
    const matches = await run(maya, "match");
    expect(textOf(matches)).toContain(handle);
    const request = buttonsOf(matches).find((button) => "custom_id" in button && button.custom_id.includes(handle));
    const customId = request !== undefined && "custom_id" in request ? request.custom_id : "";
    expect(customId).not.toBe("");

    const form = await discord.exchange({ kind: "button", user: maya, customId, message: matches }).modal();
    const sent = await discord
      .exchange({ kind: "modal", user: maya, customId: form.custom_id, fields: fill(form, ["Tuesday evenings?"]) })
      .settled();
    expect(sent.flags).toBe(64);
    const swaps = await core.database.db.swap.findMany({ select: { id: true, status: true, message: true } });
    expect(swaps).toEqual([expect.objectContaining({ status: "pending", message: "Tuesday evenings?" })]);
    swapId = swaps[0]?.id ?? "";
  });

  it("4. Leo gets the request by DM and accepts it there", async () => {
    const dm = await eventually<APIMessage>(() => discord.dmsTo(leo.id).at(0), "Leo's DM");
    expect(textOf(dm)).toContain("Maya");
    const accept = buttonsOf(dm).find((b) => "custom_id" in b && b.custom_id.startsWith("swap.accept"));
    const customId = accept !== undefined && "custom_id" in accept ? accept.custom_id : "";
    const updated = await discord.exchange({ kind: "button", user: leo, dm: true, customId, message: dm }).settled();
    expect(buttonsOf(updated)).toEqual([]);
    expect((await core.database.db.swap.findUnique({ where: { id: swapId } }))?.status).toBe("accepted");
  });

  it("5. Maya hears Leo accepted, and a private thread opens in the swaps channel with both of them", async () => {
    // The bot creates the thread, then adds each person to it.
    const thread = await eventually(
      () =>
        discord
          .threads()
          .find(
            (t) => t.parentId === discord.swapsChannelId && [maya.id, leo.id].every((id) => t.memberIds.includes(id)),
          ),
      "the thread with both of them",
    );
    expect(thread.type).toBe(12);
    expect(thread.invitable).toBe(false);
    threadId = thread.id;
    const told = await eventually(
      () => discord.dmsTo(maya.id).find((dm) => dm.content.includes("accepted your swap"))?.content,
      "Maya told by DM",
    );
    expect(told).toBe("Leo accepted your swap: your conversation is open.");
  });

  it("6. what they say in the thread is kept, and what Leo writes on the dashboard shows up there", async () => {
    discord.say({ user: maya, channelId: threadId, content: "Hi Leo! Tuesday 18:00 works for me." });
    const conversation = await core.database.db.conversation.findFirst({ where: { swapId } });
    await eventually(
      async () =>
        (await core.database.db.message.count({ where: { conversationId: conversation?.id ?? "" } })) > 0
          ? true
          : undefined,
      "Maya's message stored",
    );
    await core.services.conversations.post(await personOf(leo), conversation?.id ?? "", {
      text: "Great, see you then",
      source: "dashboard",
    });
    const relayed = await eventually(
      () => discord.messagesIn(threadId).find((m) => m.content.includes("Great, see you then")),
      "Leo's dashboard message in the thread",
    );
    expect(relayed.content).toContain("Leo");
  });

  it("7. they schedule a session per skill, meet, and confirm them: the swap completes and its thread is archived", async () => {
    const scheduled = [
      await run(maya, "session schedule", { swap: swapId, when: "2026-11-26 18:00", skill: "Guitar" }),
      await run(leo, "session schedule", { swap: swapId, when: "2026-11-27 18:00", skill: "Spanish" }),
    ];
    for (const reply of scheduled) expect(textOf(reply)).toContain("Session scheduled");
    core.clock.advance(3 * day);
    const sessions = await core.database.db.swapSession.findMany({ where: { swapId }, select: { id: true } });
    for (const { id } of sessions) for (const user of [maya, leo]) await run(user, "session complete", { session: id });
    const statuses = await core.database.db.swapSession.findMany({ where: { swapId }, select: { status: true } });
    expect(statuses).toEqual([{ status: "completed" }, { status: "completed" }]);
    expect((await core.database.db.swap.findUnique({ where: { id: swapId } }))?.status).toBe("completed");
    await eventually(
      () => (discord.threads().find((t) => t.id === threadId)?.archived === true ? true : undefined),
      "archived thread",
    );
  });

  it("8. Maya reviews Leo from a form, and Leo hears of it by DM", async () => {
    const form = await discord.exchange({ user: maya, command: "review", options: { swap: swapId } }).modal();
    const done = await discord
      .exchange({
        kind: "modal",
        user: maya,
        customId: form.custom_id,
        fields: fill(form, ["5", "Patient and clear."]),
      })
      .settled();
    expect(done.flags).toBe(64);
    const review = await core.database.db.review.findFirst({ where: { swapId } });
    expect(review).toMatchObject({ rating: 5, body: "Patient and clear.", subjectId: (await personOf(leo)).userId });
    await eventually(() => discord.dmsTo(leo.id).find((m) => textOf(m).toLowerCase().includes("review")), "review DM");
    expect(faults).toEqual([]);
  });
});
