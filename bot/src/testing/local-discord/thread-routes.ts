import {
  ChannelType,
  GatewayDispatchEvents,
  type RESTPatchAPIChannelJSONBody,
  type RESTPostAPIChannelThreadsJSONBody,
  type RESTPostAPIGuildForumThreadsJSONBody,
} from "discord.js";
import {
  addThreadMember,
  openThread,
  postMessage,
  removeThreadMember,
  threadMember,
  updateChannel,
} from "./channel-activity.js";
import { discordErrors } from "./discord-errors.js";
import { jsonBody } from "./json.js";
import { checkMessageDraft } from "./message-limits.js";
import { isThread, type GuildChannel, type StoredChannel } from "./payloads.js";
import { assertNotForbidden, checkThreadName, draftFrom, requireThread } from "./posting-rules.js";
import { noContent, ok, route, type RestAnswer, type Route, type RouteRequest } from "./rest-router.js";
import type { World } from "./world.js";

/**
 * Channels and threads: read and modify a channel, start threads (forum posts too), list the guild's active
 * threads, manage thread members.
 */
export function threadRoutes(world: World): Route[] {
  const { guild } = world;
  const userParam = (param: (name: string) => string) => (param("user") === "@me" ? world.bot.id : param("user"));
  return [
    route("GET", "/channels/:channel", ({ param }) => ok(guild.requireChannel(param("channel")))),
    route("PATCH", "/channels/:channel", (request) => ok(modify(world, request))),
    route("DELETE", "/channels/:channel", ({ param }) => ok(remove(world, guild.requireChannel(param("channel"))))),
    route("POST", "/channels/:channel/threads", (request) => startThread(world, request)),
    route("GET", "/guilds/:guild/threads/active", ({ param }) => ok(activeThreads(world, param("guild")))),
    route("GET", "/channels/:channel/thread-members", ({ param }) => {
      const thread = requireThread(world, param("channel"));
      return ok(guild.threadMemberIds(thread.id).map((userId) => threadMember(guild, thread.id, userId)));
    }),
    route("GET", "/channels/:channel/thread-members/:user", ({ param }) => {
      const thread = requireThread(world, param("channel"));
      const userId = userParam(param);
      if (!guild.threadMemberIds(thread.id).includes(userId)) throw discordErrors.unknownMember();
      return ok(threadMember(guild, thread.id, userId));
    }),
    route("PUT", "/channels/:channel/thread-members/:user", ({ param }) => {
      const thread = requireThread(world, param("channel"));
      assertNotForbidden(world, thread);
      if (thread.thread_metadata?.archived === true) throw discordErrors.threadArchived();
      const member = guild.member(userParam(param));
      if (member === undefined) throw discordErrors.unknownMember();
      addThreadMember(world, thread, member.user);
      return noContent;
    }),
    route("DELETE", "/channels/:channel/thread-members/:user", ({ param }) => {
      const thread = requireThread(world, param("channel"));
      assertNotForbidden(world, thread);
      removeThreadMember(world, thread, userParam(param));
      return noContent;
    }),
  ];
}

/**
 * The guild's threads that are not archived, newest first, public and private alike (the bot has Manage
 * Threads), with the bot's own memberships, as Discord answers GET /guilds/{guild.id}/threads/active.
 */
function activeThreads(world: World, guildId: string) {
  const { guild } = world;
  if (guildId !== guild.id) throw discordErrors.missingAccess();
  const threads = guild
    .threads()
    .filter((thread) => thread.thread_metadata?.archived !== true)
    .sort((a, b) => (BigInt(b.id) > BigInt(a.id) ? 1 : -1));
  const members = threads
    .filter((thread) => guild.threadMemberIds(thread.id).includes(world.bot.id))
    .map((thread) => threadMember(guild, thread.id, world.bot.id));
  return { threads, members };
}

function startThread(world: World, { param, call }: RouteRequest): RestAnswer {
  const parent = world.guild.requireChannel(param("channel"));
  if (parent.type === ChannelType.DM || isThread(parent)) throw discordErrors.wrongChannelType();
  assertNotForbidden(world, parent);
  if (parent.type === ChannelType.GuildForum) return startForumPost(world, parent, call.body);
  const body = jsonBody<RESTPostAPIChannelThreadsJSONBody>(call.body);
  // In API v9 and v10 a thread started without a message is private unless the body says otherwise.
  const type = body.type ?? ChannelType.PrivateThread;
  if (type === ChannelType.AnnouncementThread) throw discordErrors.wrongChannelType();
  const thread = openThread(world, {
    name: checkThreadName(body.name),
    type,
    parent,
    ownerId: world.bot.id,
    ...(body.auto_archive_duration === undefined ? {} : { autoArchiveDuration: body.auto_archive_duration }),
    ...(body.invitable === undefined ? {} : { invitable: body.invitable }),
  });
  return ok(thread, 201);
}

/** A forum post is a public thread plus a starter message that shares the thread's id. */
function startForumPost(world: World, forum: GuildChannel, rawBody: unknown): RestAnswer {
  const body = jsonBody<RESTPostAPIGuildForumThreadsJSONBody>(rawBody);
  const name = checkThreadName(body.name);
  if (body.message === undefined) {
    throw discordErrors.invalidForm(["message"], "BASE_TYPE_REQUIRED", "This field is required");
  }
  const draft = draftFrom(body.message);
  checkMessageDraft(draft, { requireContent: true });
  const thread = openThread(world, {
    name,
    type: ChannelType.PublicThread,
    parent: forum,
    ownerId: world.bot.id,
    appliedTags: body.applied_tags ?? [],
    ...(body.auto_archive_duration === undefined ? {} : { autoArchiveDuration: body.auto_archive_duration }),
  });
  const message = postMessage(world, thread, world.bot, draft, thread.id);
  return ok({ ...thread, message }, 201);
}

function modify(world: World, { param, call }: RouteRequest): StoredChannel {
  const channel = world.guild.requireChannel(param("channel"));
  if (channel.type === ChannelType.DM) throw discordErrors.wrongChannelType();
  assertNotForbidden(world, channel);
  const body = jsonBody<RESTPatchAPIChannelJSONBody>(call.body);
  if (typeof body.name === "string") channel.name = checkThreadName(body.name);
  if (isThread(channel) && channel.thread_metadata !== undefined) {
    const metadata = channel.thread_metadata;
    channel.thread_metadata = {
      ...metadata,
      ...(body.archived === undefined ? {} : { archived: body.archived, archive_timestamp: new Date().toISOString() }),
      ...(body.locked === undefined ? {} : { locked: body.locked }),
      ...(body.invitable === undefined ? {} : { invitable: body.invitable }),
      ...(body.auto_archive_duration === undefined ? {} : { auto_archive_duration: body.auto_archive_duration }),
    };
    if (body.applied_tags !== undefined) channel.applied_tags = [...body.applied_tags];
  } else if (!isThread(channel) && body.topic !== undefined) {
    channel.topic = body.topic;
  }
  updateChannel(world, channel);
  return channel;
}

function remove(world: World, channel: StoredChannel): StoredChannel {
  if (channel.type === ChannelType.DM) return channel;
  world.guild.remove(channel.id);
  if (isThread(channel)) {
    const { id, type, parent_id } = channel;
    world.emit(GatewayDispatchEvents.ThreadDelete, { id, type, parent_id, guild_id: world.guild.id });
  } else {
    world.emit(GatewayDispatchEvents.ChannelDelete, channel);
  }
  return channel;
}
