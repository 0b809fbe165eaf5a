import { generateKeyPairSync, sign } from "node:crypto";
import type { DiscordInteractions } from "@skillswap/bot";
import { createTestCore, newPerson, type TestCore } from "@skillswap/core/testing";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { buildApp } from "./app.js";

const { publicKey, privateKey } = generateKeyPairSync("ed25519");
const publicKeyHex = publicKey.export({ format: "der", type: "spki" }).subarray(-32).toString("hex");

const interactionToken = "aW50ZXJhY3Rpb246c2VjcmV0LWludGVyYWN0aW9uLXRva2Vu";

/** An error as discord.js throws it when a follow-up fails: the URL it called names the interaction token. */
function failedFollowUp(): Error {
  return Object.assign(new Error("Unknown Webhook"), {
    url: `https://discord.com/api/v10/webhooks/1200000000000000001/${interactionToken}`,
    requestBody: { json: { content: "https://skillswap.example/login/link?token=secret-in-a-dm" } },
  });
}

type InteractionResponse = Parameters<Parameters<DiscordInteractions["handle"]>[1]>[0];
// A deferral as it travels over the wire; the test writes the JSON rather than depend on discord.js's enums.
const deferral = JSON.parse('{"type":5}') as InteractionResponse;

/** A bot that answers at once, then fails editing its reply: the failure is logged after the response. */
const interactions: DiscordInteractions = {
  handle: async (_interaction, respond) => {
    await respond(deferral);
    throw failedFollowUp();
  },
};

describe("the web server's log", () => {
  let core: TestCore;
  let app: FastifyInstance;
  let url: string;
  const lines: string[] = [];
  const log = () => lines.join("");

  beforeAll(async () => {
    core = await createTestCore("sqlite");
    // The options the web role starts with: a level and a stream; the server adds the redaction itself.
    app = await buildApp(core, {
      logger: { level: "info", stream: { write: (line: string) => lines.push(line) } },
      discord: { publicKey: publicKeyHex, interactions },
      clock: core.clock,
    });
    url = await app.listen({ port: 0, host: "127.0.0.1" });
  });
  afterAll(async () => {
    await app.close();
    await core.close();
  });

  it("logs each request without its query string, so a login link's token is never written down", async () => {
    const ada = await newPerson(core, "ada");
    const { token } = await core.services.accounts.issueLoginLink(ada);
    await fetch(`${url}/login/link?token=${token}`, { redirect: "manual" });
    await fetch(`${url}/login/lnk?token=${token}`); // a mistyped link: Fastify's "not found" line names the URL
    await vi.waitFor(() => expect(log()).toContain("not found"));
    expect(log()).toContain('"url":"/login/link?[redacted]"');
    expect(log()).not.toContain(token);
  });

  it("logs no cookie, authorization or signature a request carried", async () => {
    const secrets = { cookie: "skillswap_session=cookie-secret", authorization: "Bearer bearer-secret" };
    await fetch(`${url}/health?code=query-secret`, { headers: secrets });
    const body = JSON.stringify({
      id: "1300000000000000001",
      application_id: "1200000000000000001",
      type: 2,
      token: interactionToken,
      data: { name: "skillswap", type: 1 },
      user: { id: "310000000000000001", username: "maya.k" },
    });
    const timestamp = String(Math.floor(core.clock.now().getTime() / 1000));
    const signature = sign(null, Buffer.from(timestamp + body), privateKey).toString("hex");
    const response = await fetch(`${url}/discord/interactions`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "x-signature-ed25519": signature,
        "x-signature-timestamp": timestamp,
      },
      body,
    });
    expect(response.status).toBe(200);
    await vi.waitFor(() => expect(log()).toContain("interaction handling failed after its first response"));
    for (const secret of ["cookie-secret", "bearer-secret", "query-secret", signature])
      expect(log()).not.toContain(secret);
  });

  it("logs a failed Discord follow-up by what went wrong, without the interaction token or what was sent", () => {
    const failure = lines.find((line) => line.includes("interaction handling failed after its first response"));
    expect(failure).toContain("Unknown Webhook");
    expect(log()).not.toContain(interactionToken);
    expect(log()).not.toContain("secret-in-a-dm");
  });

  it("scrubs query strings and credentials from any line, whoever writes it", () => {
    app.log.error(
      { err: new Error("GET https://example.org/callback?code=oauth-secret failed") },
      "Bot bot-secret-0123456789",
    );
    app.log.info({ headers: { cookie: "a=header-secret" } }, "headers seen");
    for (const secret of ["oauth-secret", "bot-secret", "header-secret"]) expect(log()).not.toContain(secret);
  });
});
