import { inspect } from "node:util";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { DomainError } from "@skillswap/core";
import { DiscordAPIError, Routes, type APIInteraction, type APIInteractionResponse } from "discord.js";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { LocalDiscord, type LocalUser } from "../../testing/local-discord.js";
import { discordRest } from "../discord-door.js";
import { registerDiscordCommands } from "../register-commands.js";
import { createDiscordInteractions, type BotLogger } from "./create-interactions.js";
import type { BotArea, CommandHandler } from "./handlers.js";
import { modal, say } from "./replies.js";

const maya: LocalUser = { id: "310000000000000001", username: "maya.k", globalName: "Maya" };
const ephemeral = 64;

let core: TestCore;
let discord: LocalDiscord;
let logged: { message: string; error: unknown }[];
const logger: BotLogger = { error: (message, error) => logged.push({ message, error }) };

beforeAll(async () => {
  core = await createTestCore("sqlite");
  discord = new LocalDiscord({ guildName: "Lyon Makers", members: [maya] });
  await discord.start();
  await registerDiscordCommands({
    token: "local.bot.token",
    apiUrl: discord.apiUrl,
    applicationId: discord.applicationId,
    guildId: discord.guildId,
  });
});

afterAll(async () => {
  await discord.stop();
  await core.close();
});

beforeEach(() => {
  logged = [];
});

const later = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * The router with one command answered by `handler`. Its first response is kept for the test and sent to the
 * local Discord as the gateway transport sends it; edits and follow-ups go there over REST too.
 */
function routerWith(
  name: "skillswap help" | "group create",
  handler: CommandHandler,
  deferAfterMs = 2_000,
  area: Omit<BotArea, "commands"> = {},
) {
  const rest = discordRest({ token: "local.bot.token", apiUrl: discord.apiUrl });
  const router = createDiscordInteractions({
    core,
    rest,
    areas: [{ ...area, commands: { [name]: handler } }],
    logger,
    claim: (id) => core.services.inbox.claim("discord", id),
    guildNames: () => Promise.resolve("Lyon Makers"),
    deferAfterMs,
  });
  const deliver = async (payload: APIInteraction) => {
    const exchange = discord.watch(payload);
    let first: APIInteractionResponse | undefined;
    const outcome = await router.handle(payload, async (response) => {
      first = response;
      await rest.post(Routes.interactionCallback(payload.id, payload.token), { body: response, auth: false });
    });
    return { first, exchange, outcome };
  };
  const run = (command: string, options: Record<string, string> = {}) =>
    deliver(discord.buildInteraction({ user: maya, command, options }));
  return Object.assign(run, { deliver });
}

describe("how the bot answers within Discord's three seconds", () => {
  it("replies directly when the handler is quick", async () => {
    const run = routerWith("skillswap help", () => Promise.resolve(say("quick")));
    const { first } = await run("skillswap help");
    expect(first).toMatchObject({ type: 4, data: { content: "quick", flags: ephemeral } });
  });

  it("acknowledges a handler still busy near the deadline, then edits the acknowledgement into the answer", async () => {
    const run = routerWith(
      "skillswap help",
      async () => {
        await later(200);
        return say("took a while");
      },
      50,
    );
    const { first, exchange } = await run("skillswap help");
    expect(first).toEqual({ type: 5, data: { flags: ephemeral } });
    expect((await exchange.settled()).content).toBe("took a while");
  });

  it("turns a refusal after a public acknowledgement into a note only the person sees", async () => {
    const run = routerWith(
      "group create",
      async () => {
        await later(200);
        throw new DomainError("conflict", "GROUP.SLUG_TAKEN", "group.slug_taken", { slug: "guitar" });
      },
      50,
    );
    const { first, exchange } = await run("group create", { name: "Guitar" });
    expect(first).toEqual({ type: 5 });
    const [note] = await exchange.untilFollowUps(1);
    expect(note?.flags).toBe(ephemeral);
    expect(note?.content).not.toMatch(/GROUP\.|Error|at /);
    expect(exchange.original()).toBeUndefined();
    expect(logged).toEqual([]);
  });

  it("hides a fault behind a sentence, logs it, and never shows a stack", async () => {
    const run = routerWith("skillswap help", () => Promise.reject(new Error("database is locked")));
    const { first } = await run("skillswap help");
    const content = JSON.stringify(first);
    expect(content).toContain("SkillSwap cannot reach one of its services right now");
    expect(content).not.toContain("database is locked");
    expect(logged).toEqual([expect.objectContaining({ error: new Error("database is locked") })]);
  });

  it("opens a form only as the first response: a handler too slow to open one gets a sentence instead", async () => {
    const run = routerWith(
      "skillswap help",
      async () => {
        await later(200);
        return modal({ custom_id: "late", title: "Late", components: [] });
      },
      50,
    );
    const { exchange } = await run("skillswap help");
    // Discord turns the first follow-up after a deferral into the deferred reply itself.
    const note = await exchange.settled();
    expect(note.flags).toBe(ephemeral);
    expect(note.content).toContain("SkillSwap cannot reach one of its services right now");
    expect(logged).toHaveLength(1);
  });
});

describe("an interaction Discord delivers twice", () => {
  it("runs once; the second delivery is a replay that the transport may acknowledge without a word", async () => {
    let runs = 0;
    const run = routerWith("skillswap help", () => {
      runs += 1;
      return Promise.resolve(say("once"));
    });
    const payload = discord.buildInteraction({ user: maya, command: "skillswap help" });
    const first = await run.deliver(payload);
    expect(first.outcome).toEqual({ kind: "handled" });
    const again = await run.deliver(payload);
    expect(again.first).toBeUndefined();
    expect(again.outcome).toEqual({ kind: "replay", acknowledgement: { type: 5, data: { flags: ephemeral } } });
    expect(runs).toBe(1);
    expect(logged).toEqual([]);
  });

  it("acknowledges a replayed button click by leaving its message as it is", async () => {
    let clicks = 0;
    const run = routerWith("skillswap help", () => Promise.resolve(say("unused")), 2_000, {
      buttons: {
        "test.click": () => {
          clicks += 1;
          return Promise.resolve(say("clicked"));
        },
      },
    });
    const payload = discord.buildInteraction({ user: maya, kind: "button", customId: "test.click" });
    await run.deliver(payload);
    const again = await run.deliver(payload);
    expect(again.outcome).toEqual({ kind: "replay", acknowledgement: { type: 6 } });
    expect(clicks).toBe(1);
  });
});

describe("what the bot's failures let out", () => {
  it("reports a failed edit of a deferred reply without the interaction's token in it", async () => {
    const run = routerWith(
      "skillswap help",
      async () => {
        await later(200);
        return say("too late");
      },
      50,
    );
    discord.failNext(404, { match: "/webhooks/" });
    const payload = discord.buildInteraction({ user: maya, command: "skillswap help" });
    const failure: unknown = await run.deliver(payload).catch((error: unknown) => error);
    // Still discord.js's error, so callers can tell what failed; only the token is gone from it.
    expect(failure).toBeInstanceOf(DiscordAPIError);
    expect(failure).toMatchObject({ status: 404, url: expect.stringContaining("/webhooks/") });
    expect(inspect(failure, { depth: 5 })).not.toContain(payload.token);
    expect(inspect(failure, { depth: 5 })).not.toContain("too late");
  });
});
