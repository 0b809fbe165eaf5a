import {
  InteractionResponseType,
  MessageFlags,
  type APIInteractionResponse,
  type RESTPostAPIInteractionCallbackWithResponseResult,
  type RESTPostAPIWebhookWithTokenJSONBody,
} from "discord.js";
import { discordErrors } from "./discord-errors.js";
import type { InteractionRecord, InteractionReply } from "./interaction-record.js";
import { isRecord, jsonBody } from "./json.js";
import { checkMessageDraft } from "./message-limits.js";
import { draftFrom, type MessageBody } from "./posting-rules.js";
import { noContent, ok, route, type RestAnswer, type Route, type RouteRequest } from "./rest-router.js";
import type { World } from "./world.js";

const messageCallbacks = new Set<InteractionResponseType>([
  InteractionResponseType.ChannelMessageWithSource,
  InteractionResponseType.UpdateMessage,
]);

/** Interaction callbacks and the webhook endpoints that edit a reply or send follow-ups with the token. */
export function interactionRoutes(world: World): Route[] {
  return [
    route("POST", "/interactions/:id/:token/callback", (request) => callback(world, request)),
    route("GET", "/webhooks/:app/:token/messages/:message", ({ param }) => {
      const record = byToken(world, param);
      return ok(messageOf(record, param("message")));
    }),
    route("PATCH", "/webhooks/:app/:token/messages/:message", ({ param, call }) => {
      const record = byToken(world, param);
      const draft = draftFrom(jsonBody<MessageBody>(call.body));
      checkMessageDraft(draft, { requireContent: false });
      const id = param("message");
      const edited = id === "@original" ? record.editOriginal(draft) : record.editFollowUp(id, draft);
      if (edited === undefined) throw discordErrors.unknownMessage();
      return ok(edited);
    }),
    route("DELETE", "/webhooks/:app/:token/messages/:message", ({ param }) => {
      const record = byToken(world, param);
      if (param("message") === "@original" && !record.deleteOriginal()) throw discordErrors.unknownMessage();
      return noContent;
    }),
    route("POST", "/webhooks/:app/:token", ({ param, call }) => {
      const record = byToken(world, param);
      // Follow-ups need the interaction acknowledged first; until then the token is no webhook at all.
      if (!record.acknowledged) throw discordErrors.unknownWebhook();
      const draft = draftFrom(jsonBody<RESTPostAPIWebhookWithTokenJSONBody>(call.body));
      checkMessageDraft(draft, { requireContent: true });
      return ok(record.followUp(draft));
    }),
  ];
}

/** Records a callback the bot sent for an interaction; exported for callbacks that arrive as an HTTP answer. */
export function acknowledge(record: InteractionRecord, body: unknown): boolean {
  const { reply, response } = readCallback(body);
  if (messageCallbacks.has(reply.type)) checkMessageDraft(reply.data ?? {}, { requireContent: true });
  return record.acknowledge(reply, response);
}

function callback(world: World, { param, call, query }: RouteRequest): RestAnswer {
  const record = world.ledger.withId(param("id"));
  if (record === undefined || record.payload.token !== param("token")) throw discordErrors.unknownInteraction();
  if (!acknowledge(record, call.body)) throw discordErrors.alreadyAcknowledged();
  if (query.get("with_response") !== "true") return noContent;
  const original = record.original;
  const result: RESTPostAPIInteractionCallbackWithResponseResult = {
    interaction: {
      id: record.payload.id,
      type: record.payload.type,
      ...(original === undefined
        ? {}
        : {
            response_message_id: original.id,
            response_message_loading: ((original.flags ?? 0) & MessageFlags.Loading) !== 0,
            response_message_ephemeral: ((original.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
          }),
    },
    resource: {
      type: record.attempts.at(-1)?.reply.type ?? InteractionResponseType.Pong,
      ...(original === undefined ? {} : { message: original }),
    },
  };
  return ok(result);
}

/**
 * The callback body as discord.js sends it. Like Discord, the harness checks the kind and what it would
 * refuse, and trusts the rest of the shape.
 */
function readCallback(body: unknown): { reply: InteractionReply; response: APIInteractionResponse } {
  if (!isRecord(body) || typeof body.type !== "number") {
    throw discordErrors.invalidForm(["type"], "BASE_TYPE_REQUIRED", "This field is required");
  }
  return { reply: body as unknown as InteractionReply, response: body as unknown as APIInteractionResponse };
}

function byToken(world: World, param: (name: string) => string): InteractionRecord {
  const record = param("app") === world.applicationId ? world.ledger.withToken(param("token")) : undefined;
  if (record === undefined) throw discordErrors.unknownWebhook();
  return record;
}

function messageOf(record: InteractionRecord, id: string) {
  const message = id === "@original" ? record.original : record.followUps.find((m) => m.id === id);
  if (message === undefined) throw discordErrors.unknownMessage();
  return message;
}
