import type { DiscordInteractions } from "@skillswap/bot";
import type { Clock } from "@skillswap/core";
import type { FastifyBaseLogger, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { interactionEnvelope } from "../discord/interaction-envelope.js";
import { isWithinRequestWindow } from "../discord/request-window.js";
import { discordSignatureCheck } from "../discord/signature.js";

type Interaction = Parameters<DiscordInteractions["handle"]>[0];
type InteractionResponse = Parameters<Parameters<DiscordInteractions["handle"]>[1]>[0];

/** What the Discord interactions endpoint needs: the application's public key and the bot's handling. */
export interface DiscordEndpoint {
  /** DISCORD_PUBLIC_KEY: the application's Ed25519 public key, 64 hex characters. */
  readonly publicKey: string;
  readonly interactions: DiscordInteractions;
}

const PING = 1;
const PONG = 1;

function header(request: FastifyRequest, name: string): string | undefined {
  const value = request.headers[name];
  return typeof value === "string" ? value : undefined;
}

function parseJson(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString("utf8"));
  } catch {
    return undefined;
  }
}

/**
 * Runs the bot's handling and resolves with the first response it gives, which becomes the body of the HTTP
 * answer; rejects when the handling fails or ends before responding. The handling goes on after that
 * (editing a deferred reply, follow-ups); a failure then can only be logged. A replay of an interaction
 * already handled runs nothing and is answered with the acknowledgement the bot gives for it: a request
 * inside the signature window must still get an answer, and it is not an error.
 */
function firstResponse(
  interactions: DiscordInteractions,
  interaction: Interaction,
  reply: FastifyReply,
  log: FastifyBaseLogger,
): Promise<InteractionResponse> {
  // Discord only knows the interaction once it has our answer: editing a deferred reply earlier fails. So
  // `respond` resolves when the answer has been written out, not when it was handed over.
  const answered = new Promise<void>((resolve) => {
    reply.raw.once("finish", resolve);
    reply.raw.once("close", resolve);
  });
  let responded = false;
  return new Promise<InteractionResponse>((resolve, reject) => {
    const handling = interactions.handle(interaction, (response) => {
      if (responded)
        return Promise.reject(new Error("Interaction answered twice: only the first answer reaches Discord."));
      responded = true;
      resolve(response);
      return answered;
    });
    handling.then(
      (outcome) => {
        if (responded) return;
        if (outcome.kind === "replay") {
          responded = true;
          resolve(outcome.acknowledgement);
        } else reject(new Error("The interaction handler finished without responding."));
      },
      (error: unknown) => {
        if (responded) log.error({ err: error }, "interaction handling failed after its first response");
        else reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

/**
 * POST /discord/interactions: Discord's HTTP delivery of slash commands, buttons, modals and autocomplete.
 * Registered as its own plugin so that the raw-body JSON parser below stays inside this route's scope.
 */
export function discordInteractionsRoutes(endpoint: DiscordEndpoint, clock: Clock) {
  const signatureIsValid = discordSignatureCheck(endpoint.publicKey);
  return function register(app: FastifyInstance): Promise<void> {
    // The signature covers the exact bytes Discord sent, so the body reaches the handler unparsed; it is
    // parsed only once the signature holds, so nothing unsigned is ever interpreted.
    app.removeContentTypeParser("application/json");
    app.addContentTypeParser("application/json", { parseAs: "buffer" }, (_request, body, done) => {
      done(null, body);
    });

    app.post("/discord/interactions", async (request, reply) => {
      const raw = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const timestamp = header(request, "x-signature-timestamp");
      if (!signatureIsValid(header(request, "x-signature-ed25519"), timestamp, raw)) {
        return reply.code(401).send({ error: "Invalid request signature." });
      }
      // Signed, but maybe long ago: refused the same way, before anything is read or claimed.
      if (!isWithinRequestWindow(timestamp, clock.now())) {
        return reply.code(401).send({ error: "Request timestamp outside the accepted window." });
      }
      const payload = parseJson(raw);
      const envelope = interactionEnvelope.safeParse(payload);
      if (!envelope.success) return reply.code(400).send({ error: "Malformed interaction." });
      if (envelope.data.type === PING) return { type: PONG };
      try {
        // The envelope is all this transport vouches for; the rest of Discord's payload is the bot's to read.
        return await firstResponse(endpoint.interactions, payload as Interaction, reply, request.log);
      } catch (error) {
        request.log.error({ err: error }, "interaction handling failed before responding");
        return reply.code(500).send({ error: "Internal Server Error" });
      }
    });
    return Promise.resolve();
  };
}
