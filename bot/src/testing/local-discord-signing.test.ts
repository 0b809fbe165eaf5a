import { createPublicKey, verify, type KeyObject } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { InteractionResponseType, InteractionType, REST, Routes, type APIInteraction } from "discord.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LocalDiscord, type LocalUser } from "./index.js";

const ana: LocalUser = { id: "310000000000000031", username: "ana.g" };
const fiveMinutes = 300;

let discord: LocalDiscord;
let endpoint: Server;
let endpointUrl: string;

beforeEach(async () => {
  discord = new LocalDiscord({ members: [ana] });
  await discord.start();
  endpoint = createServer((request, response) => {
    answer(request, publicKey(discord.publicKeyHex)).then(
      ({ status, body }) =>
        response.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body)),
      () => response.writeHead(500).end(),
    );
  });
  endpoint.listen(0, "127.0.0.1");
  await once(endpoint, "listening");
  endpointUrl = `http://127.0.0.1:${(endpoint.address() as AddressInfo).port}/interactions`;
});

afterEach(async () => {
  endpoint.closeAllConnections();
  await new Promise((resolve) => endpoint.close(resolve));
  await discord.stop();
});

/** The hex key from the Developer Portal, as an endpoint would load it: raw Ed25519 bytes in a JWK. */
function publicKey(hex: string): KeyObject {
  const x = Buffer.from(hex, "hex").toString("base64url");
  return createPublicKey({ key: { kty: "OKP", crv: "Ed25519", x }, format: "jwk" });
}

/**
 * A minimal HTTP interactions endpoint, independent of the harness: it checks the signature and the
 * timestamp's freshness, answers PING, and defers commands, finishing them over REST a moment later.
 */
async function answer(request: IncomingMessage, key: KeyObject): Promise<{ status: number; body: unknown }> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks).toString("utf8");
  const signature = request.headers["x-signature-ed25519"];
  const timestamp = request.headers["x-signature-timestamp"];
  if (typeof signature !== "string" || typeof timestamp !== "string") return { status: 401, body: "missing signature" };
  const signed = verify(null, Buffer.from(timestamp + body), key, Buffer.from(signature, "hex"));
  const fresh = Math.abs(Date.now() / 1000 - Number(timestamp)) < fiveMinutes;
  if (!signed || !fresh) return { status: 401, body: "invalid request signature" };
  const interaction = JSON.parse(body) as APIInteraction;
  if (interaction.type === InteractionType.Ping) return { status: 200, body: { type: InteractionResponseType.Pong } };
  setTimeout(() => void finish(interaction), 20);
  return { status: 200, body: { type: InteractionResponseType.DeferredChannelMessageWithSource } };
}

async function finish(interaction: APIInteraction): Promise<void> {
  const rest = new REST({ api: discord.apiUrl });
  const route = Routes.webhookMessage(interaction.application_id, interaction.token, "@original");
  await rest.patch(route, { body: { content: "done over HTTP" }, auth: false });
}

describe("interactions POSTed to an HTTP endpoint", () => {
  it("are signed so that the Developer Portal's public key verifies them", async () => {
    const ping = await discord.postSignedInteraction(endpointUrl, discord.buildInteraction({ kind: "ping" }));
    expect(ping).toMatchObject({ status: 200, body: { type: 1 } });
  });

  it("accept REST edits on their token, so a deferral answered in the body still settles", async () => {
    const payload = discord.buildInteraction({ user: ana, command: "find", options: { skill: "guitar" } });
    const { status, body, exchange } = await discord.postSignedInteraction(endpointUrl, payload);
    expect({ status, body }).toEqual({ status: 200, body: { type: 5 } });
    expect((await exchange.settled()).content).toBe("done over HTTP");
  });

  it.each(["missing", "wrong", "stale"] as const)("are refused when the signature is %s", async (tamper) => {
    const payload = discord.buildInteraction({ user: ana, command: "find" });
    const { status } = await discord.postSignedInteraction(endpointUrl, payload, { tamper });
    expect(status).toBe(401);
  });
});
