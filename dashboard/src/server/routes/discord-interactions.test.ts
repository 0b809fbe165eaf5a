import { generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { DiscordInteractions } from "@skillswap/bot";
import { INBOX_RETENTION_MS } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buildApp } from "../app.js";
import { DISCORD_REQUEST_WINDOW_MS } from "../discord/request-window.js";

type Handle = DiscordInteractions["handle"];
type InteractionResponse = Parameters<Parameters<Handle>[1]>[0];
type Outcome = Awaited<ReturnType<Handle>>;
const handled: Outcome = { kind: "handled" };

// Responses as they travel over the wire (type 4: a message, 5: "thinking…", a deferral). The transport only
// passes them through, so the test writes the JSON rather than depend on discord.js for its enums.
const onTheWire = (json: unknown) => json as InteractionResponse;
const reply = (content: string) => onTheWire({ type: 4, data: { content } });
const deferral = onTheWire({ type: 5 });

function keyPair(): { publicKeyHex: string; privateKey: KeyObject } {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  // The raw key is the last 32 bytes of the SPKI encoding: the form the Discord developer portal shows.
  const raw = publicKey.export({ format: "der", type: "spki" }).subarray(-32);
  return { publicKeyHex: raw.toString("hex"), privateKey };
}

const discord = keyPair();
const stranger = keyPair();

const replyHello: Handle = async (_interaction, respond) => {
  await respond(reply("hello"));
  return handled;
};

/** A stand-in for the bot: each test says how it handles the interaction; every call is recorded. */
const bot = { calls: [] as unknown[], behaviour: replyHello };
const interactions: DiscordInteractions = {
  handle: (interaction, respond) => {
    bot.calls.push(interaction);
    return bot.behaviour(interaction, respond);
  },
};

const person = { id: "310000000000000001", username: "maya.k" };
const command = {
  id: "1300000000000000001",
  application_id: "1200000000000000001",
  type: 2,
  token: "interaction-token",
  data: { name: "skillswap", type: 1, options: [{ name: "help", type: 1, options: [] }] },
  member: { user: person },
};
const click = {
  id: "1300000000000000002",
  application_id: "1200000000000000001",
  type: 3,
  token: "interaction-token",
  data: { custom_id: "swap.accept:0193", component_type: 2 },
  user: person,
};
const minute = 60 * 1000;

describe("the Discord interactions endpoint", () => {
  let core: TestCore;
  let app: FastifyInstance;
  let url: string;
  let logLines: string[] = [];

  /** Unix seconds, as X-Signature-Timestamp carries them, `offsetMs` away from the server's clock. */
  const secondsFromNow = (offsetMs: number) => String(Math.floor((core.clock.now().getTime() + offsetMs) / 1000));
  const errorsLogged = () => logLines.filter((line) => (JSON.parse(line) as { level: number }).level >= 50);

  async function post(
    body: string,
    signing: { by?: KeyObject; signedBody?: string; timestamp?: string } | "unsigned" = {},
  ): Promise<Response> {
    const timestamp = signing === "unsigned" ? "" : (signing.timestamp ?? secondsFromNow(0));
    const headers: Record<string, string> = { "content-type": "application/json" };
    if (signing !== "unsigned") {
      const signed = Buffer.from(timestamp + (signing.signedBody ?? body));
      headers["x-signature-ed25519"] = sign(null, signed, signing.by ?? discord.privateKey).toString("hex");
      headers["x-signature-timestamp"] = timestamp;
    }
    return fetch(`${url}/discord/interactions`, { method: "POST", headers, body });
  }

  beforeAll(async () => {
    core = await createTestCore("sqlite");
    app = await buildApp(core, {
      discord: { publicKey: discord.publicKeyHex, interactions },
      clock: core.clock,
      logger: { level: "info", stream: { write: (line: string) => logLines.push(line) } },
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    await core.close();
  });
  beforeEach(() => {
    bot.calls = [];
    bot.behaviour = replyHello;
    logLines = [];
  });

  it("answers Discord's PING with a PONG, as Discord checks when the endpoint is saved", async () => {
    const response = await post(JSON.stringify({ id: "1", type: 1, token: "t", version: 1 }));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
    expect(bot.calls).toEqual([]);
  });

  it("refuses an unsigned request, and the bot never hears of it", async () => {
    const response = await post(JSON.stringify(command), "unsigned");
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: "Invalid request signature." });
    expect(bot.calls).toEqual([]);
  });

  it("refuses a request signed with another key", async () => {
    const response = await post(JSON.stringify(command), { by: stranger.privateKey });
    expect(response.status).toBe(401);
    expect(bot.calls).toEqual([]);
  });

  it("refuses a body changed after Discord signed it", async () => {
    const response = await post(JSON.stringify({ ...command, token: "swapped" }), {
      signedBody: JSON.stringify(command),
    });
    expect(response.status).toBe(401);
    expect(bot.calls).toEqual([]);
  });

  it("refuses a signature made for another timestamp", async () => {
    const body = JSON.stringify(command);
    const signature = sign(null, Buffer.from(`1700000000${body}`), discord.privateKey).toString("hex");
    const response = await fetch(`${url}/discord/interactions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-signature-ed25519": signature,
        "x-signature-timestamp": "1700000001",
      },
      body,
    });
    expect(response.status).toBe(401);
    expect(bot.calls).toEqual([]);
  });

  it("refuses a correctly signed request made more than five minutes ago, or with no time in it", async () => {
    const stale = [
      secondsFromNow(-DISCORD_REQUEST_WINDOW_MS - 1000),
      secondsFromNow(-365 * 24 * 60 * minute),
      secondsFromNow(DISCORD_REQUEST_WINDOW_MS + 1000),
      "yesterday",
      "1.7e9",
      "-60",
      "",
    ];
    for (const timestamp of stale) {
      const response = await post(JSON.stringify(command), { timestamp });
      expect(response.status, timestamp).toBe(401);
      expect(await response.json()).toEqual({ error: "Request timestamp outside the accepted window." });
    }
    expect(bot.calls).toEqual([]);
  });

  it("accepts a request signed up to five minutes before or after its clock, as clocks drift", async () => {
    for (const offset of [-DISCORD_REQUEST_WINDOW_MS + 1000, DISCORD_REQUEST_WINDOW_MS - 1000]) {
      expect((await post(JSON.stringify(command), { timestamp: secondsFromNow(offset) })).status).toBe(200);
    }
  });

  it("remembers handled interactions for longer than a signed request stays acceptable", () => {
    // Claimed at most a window before the signed time, replayed at most a window after it: two windows apart.
    expect(INBOX_RETENTION_MS).toBeGreaterThanOrEqual(2 * DISCORD_REQUEST_WINDOW_MS + minute);
  });

  it("answers 400 to a signed body that is not an interaction", async () => {
    for (const body of ["not json", "{}", JSON.stringify({ id: 5, type: "2", token: "t" })]) {
      const response = await post(body);
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({ error: "Malformed interaction." });
    }
    expect(bot.calls).toEqual([]);
  });

  it("answers 400, not 500, to a signed interaction the bot could not route, and the bot never hears of it", async () => {
    const without = (object: object, key: string) =>
      Object.fromEntries(Object.entries(object).filter(([k]) => k !== key));
    const malformed = {
      "an unknown type": { ...command, type: 9 },
      "a type given as text": { ...command, type: "2" },
      "a 300-character id": { ...command, id: "1".repeat(300) },
      "an id that is not a snowflake": { ...command, id: "1300000000000000001; DROP TABLE" },
      "a button without data": without(click, "data"),
      "a button without a custom id": { ...click, data: { component_type: 2 } },
      "a custom id longer than Discord allows": { ...click, data: { custom_id: "x".repeat(101), component_type: 2 } },
      "a form without its fields": { ...click, type: 5, data: { custom_id: "profile.edit" } },
      "a command without a name": { ...command, data: { type: 1 } },
      "options that are not a list": { ...command, data: { name: "skillswap", type: 1, options: "help" } },
      "nobody behind it": without(command, "member"),
      "no token": { ...command, token: "" },
    };
    for (const [what, interaction] of Object.entries(malformed)) {
      const response = await post(JSON.stringify(interaction));
      expect(response.status, what).toBe(400);
      expect(await response.json()).toEqual({ error: "Malformed interaction." });
    }
    expect(bot.calls).toEqual([]);
    expect(errorsLogged()).toEqual([]);
  });

  it("answers a replay of an interaction already handled with the bot's acknowledgement, not an error", async () => {
    const acknowledgement = onTheWire({ type: 6 });
    bot.behaviour = () => Promise.resolve({ kind: "replay", acknowledgement });
    const response = await post(JSON.stringify(click));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 6 });
    expect(errorsLogged()).toEqual([]);
  });

  it("hands the interaction to the bot, exactly as Discord sent it", async () => {
    const response = await post(JSON.stringify(command));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 4, data: { content: "hello" } });
    expect(bot.calls).toEqual([command]);
  });

  it("answers with the bot's first response while the bot goes on to finish the work", async () => {
    const steps: string[] = [];
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    bot.behaviour = async (_interaction, respond) => {
      await respond(deferral);
      steps.push("deferral delivered");
      await new Promise((resolve) => setTimeout(resolve, 50)); // slow work, then the deferred reply is edited
      steps.push("reply edited");
      finished();
      return handled;
    };
    const response = await post(JSON.stringify(command));
    expect(await response.json()).toEqual({ type: 5 });
    expect(steps).not.toContain("reply edited");
    await done;
    expect(steps).toEqual(["deferral delivered", "reply edited"]);
  });

  it("answers 500 without any detail when the bot fails before responding", async () => {
    bot.behaviour = () => Promise.reject(new Error("connection to db.internal:5432 refused"));
    const response = await post(JSON.stringify(command));
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(JSON.parse(text)).toEqual({ error: "Internal Server Error" });
    expect(text).not.toContain("db.internal");
  });

  it("answers 500 when the bot finishes without responding at all", async () => {
    bot.behaviour = () => Promise.resolve(handled);
    expect((await post(JSON.stringify(command))).status).toBe(500);
  });

  it("keeps serving after a bot failure that happens once it has responded", async () => {
    bot.behaviour = async (_interaction, respond) => {
      await respond(deferral);
      throw new Error("editing the reply failed");
    };
    expect((await post(JSON.stringify(command))).status).toBe(200);
    expect((await fetch(`${url}/health`)).status).toBe(200);
  });
});

describe("a web server without Discord configured", () => {
  let core: TestCore;
  let app: FastifyInstance;
  beforeAll(async () => {
    core = await createTestCore("sqlite");
    app = await buildApp(core);
  });
  afterAll(async () => {
    await app.close();
    await core.close();
  });

  it("reports itself healthy", async () => {
    const response = await app.inject({ method: "GET", url: "/health" });
    expect(response.json()).toEqual({ ok: true });
  });

  it("has no Discord interactions endpoint", async () => {
    const response = await app.inject({ method: "POST", url: "/discord/interactions", payload: command });
    expect(response.statusCode).toBe(404);
  });
});
