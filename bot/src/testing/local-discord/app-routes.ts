import type { RESTPostAPICurrentUserCreateDMChannelJSONBody, RESTPutAPIApplicationCommandsJSONBody } from "discord.js";
import { discordErrors } from "./discord-errors.js";
import { guildCreatePayload } from "./guild-payloads.js";
import { jsonBody } from "./json.js";
import { memberPayload, userPayload } from "./payloads.js";
import { ok, route, type Route } from "./rest-router.js";
import type { World } from "./world.js";

const gatewayOnlyGuildFields = new Set(["members", "channels", "threads", "presences", "voice_states", "joined_at"]);

/** What GET /gateway/bot recommends: how many shards, and how many may identify at once (per 5 s). */
export interface GatewayAdvice {
  readonly shards: number;
  readonly maxConcurrency: number;
}

/** The gateway address, users and DM channels, guild members, and application command registration. */
export function appRoutes(world: World, gatewayUrl: () => string, advice: GatewayAdvice): Route[] {
  const { guild, commands } = world;
  const gateway = () => ({ url: gatewayUrl() });
  const requireGuild = (id: string) => {
    // The bot sees only its own guild; any other answers as Discord does for a guild it is not in.
    if (id !== guild.id) throw discordErrors.missingAccess();
  };
  const requireApp = (id: string) => {
    if (id !== world.applicationId) throw discordErrors.unknownApplication();
  };
  return [
    route("GET", "/gateway", () => ok(gateway())),
    route("GET", "/gateway/bot", () =>
      ok({
        ...gateway(),
        shards: advice.shards,
        session_start_limit: {
          total: 1000,
          remaining: 1000,
          reset_after: 86_400_000,
          max_concurrency: advice.maxConcurrency,
        },
      }),
    ),
    route("GET", "/users/@me", () => ok(userPayload(world.bot))),
    route("GET", "/users/:user", ({ param }) => {
      const user = guild.user(param("user"));
      if (user === undefined) throw discordErrors.unknownUser();
      return ok(userPayload(user));
    }),
    route("POST", "/users/@me/channels", ({ call }) => {
      const { recipient_id: recipientId } = jsonBody<RESTPostAPICurrentUserCreateDMChannelJSONBody>(call.body);
      const user = guild.user(recipientId ?? "");
      if (user === undefined) throw discordErrors.unknownUser();
      return ok(guild.dmChannelWith(user));
    }),
    route("GET", "/guilds/:guild", ({ param }) => {
      requireGuild(param("guild"));
      // REST answers the guild itself; members, channels and threads come from their own routes or the gateway.
      const full = guildCreatePayload(guild, guild.guildChannels()[0]?.id ?? "");
      return ok(Object.fromEntries(Object.entries(full).filter(([key]) => !gatewayOnlyGuildFields.has(key))));
    }),
    route("GET", "/guilds/:guild/channels", ({ param }) => {
      requireGuild(param("guild"));
      return ok(guild.guildChannels());
    }),
    route("GET", "/guilds/:guild/members/:user", ({ param }) => {
      requireGuild(param("guild"));
      const member = guild.member(param("user"));
      if (member === undefined) throw discordErrors.unknownMember();
      return ok(memberPayload(member));
    }),
    route("GET", "/applications/:app/commands", ({ param }) => {
      requireApp(param("app"));
      return ok(commands.list("global"));
    }),
    route("PUT", "/applications/:app/commands", ({ param, call }) => {
      requireApp(param("app"));
      return ok(commands.overwrite("global", commandList(call.body)));
    }),
    route("GET", "/applications/:app/guilds/:guild/commands", ({ param }) => {
      requireApp(param("app"));
      requireGuild(param("guild"));
      return ok(commands.list("guild"));
    }),
    route("PUT", "/applications/:app/guilds/:guild/commands", ({ param, call }) => {
      requireApp(param("app"));
      requireGuild(param("guild"));
      return ok(commands.overwrite("guild", commandList(call.body)));
    }),
  ];
}

/** A bulk overwrite's body: a JSON array of commands (discord.js sends exactly that). */
function commandList(body: unknown): RESTPutAPIApplicationCommandsJSONBody {
  if (!Array.isArray(body)) throw discordErrors.invalidForm([], "BASE_TYPE_ARRAY", "Must be an array.");
  return body as RESTPutAPIApplicationCommandsJSONBody;
}
