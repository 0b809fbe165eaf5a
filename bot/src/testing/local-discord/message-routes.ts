import {
  ChannelType,
  GatewayDispatchEvents,
  type APIMessage,
  type RESTPostAPIChannelMessageJSONBody,
} from "discord.js";
import { messageEventData, postMessage } from "./channel-activity.js";
import { discordErrors } from "./discord-errors.js";
import { jsonBody } from "./json.js";
import { checkMessageDraft } from "./message-limits.js";
import { editedMessage } from "./payloads.js";
import { assertBotMayPost, draftFrom, type MessageBody } from "./posting-rules.js";
import { noContent, ok, route, type Route, type RouteRequest } from "./rest-router.js";
import type { World } from "./world.js";

/** Channel messages: send (with nonce deduplication), read, edit, delete. */
export function messageRoutes(world: World): Route[] {
  return [
    route("POST", "/channels/:channel/messages", (request) => ok(send(world, request))),
    route("GET", "/channels/:channel/messages", ({ param, query }) => {
      const limit = Number(query.get("limit") ?? 50);
      return ok(
        world.messages
          .list(world.guild.requireChannel(param("channel")).id)
          .reverse()
          .slice(0, limit)
          .map(asFetched),
      );
    }),
    route("GET", "/channels/:channel/messages/:message", ({ param }) => ok(asFetched(find(world, param)))),
    route("PATCH", "/channels/:channel/messages/:message", (request) => ok(edit(world, request))),
    route("DELETE", "/channels/:channel/messages/:message", ({ param }) => {
      const message = find(world, param);
      world.messages.remove(message.channel_id, message.id);
      const guildId =
        world.guild.channel(message.channel_id)?.type === ChannelType.DM ? {} : { guild_id: world.guild.id };
      world.emit(GatewayDispatchEvents.MessageDelete, { id: message.id, channel_id: message.channel_id, ...guildId });
      return noContent;
    }),
  ];
}

function send(world: World, { param, call }: RouteRequest) {
  const channel = world.guild.requireChannel(param("channel"));
  assertBotMayPost(world, channel);
  const body = jsonBody<RESTPostAPIChannelMessageJSONBody>(call.body);
  const draft = draftFrom(body);
  checkMessageDraft(draft, { requireContent: true });
  // With enforce_nonce, Discord answers a nonce the bot sent in the past few minutes with the message it
  // created then (even in another channel), or Unknown Message if that message was deleted since.
  const remembered =
    body.nonce !== undefined && body.enforce_nonce === true
      ? world.messages.recentNonce(world.bot.id, body.nonce)
      : undefined;
  if (remembered !== undefined) {
    const sent = world.messages.find(remembered.channelId, remembered.messageId);
    if (sent === undefined) throw discordErrors.unknownMessage();
    return sent;
  }
  return postMessage(world, channel, world.bot, draft);
}

/**
 * A message as Discord returns it when read back: nonces are not stored, only the answer to the send and
 * MESSAGE_CREATE carry one. So a bot cannot tell from a channel's history whether its nonce went out.
 */
function asFetched(message: APIMessage): APIMessage {
  const fetched = { ...message };
  delete fetched.nonce;
  return fetched;
}

function edit(world: World, { param, call }: RouteRequest) {
  const message = find(world, param);
  if (message.author.id !== world.bot.id) throw discordErrors.cannotEditOthersMessage();
  const draft = draftFrom(jsonBody<MessageBody>(call.body));
  checkMessageDraft(draft, { requireContent: false });
  const edited = editedMessage(message, draft);
  world.messages.replace(edited);
  const channel = world.guild.requireChannel(message.channel_id);
  world.emit(GatewayDispatchEvents.MessageUpdate, messageEventData(world.guild, channel, edited));
  return edited;
}

function find(world: World, param: (name: string) => string) {
  const channel = world.guild.requireChannel(param("channel"));
  const message = world.messages.find(channel.id, param("message"));
  if (message === undefined) throw discordErrors.unknownMessage();
  return message;
}
