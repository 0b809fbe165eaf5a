import { randomBytes } from "node:crypto";
import { once } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  GatewayOpcodes,
  InteractionType,
  type APIInteractionResponseCallbackData,
  type InteractionResponseType,
} from "discord.js";
import { WebSocketServer, type RawData, type WebSocket } from "ws";

/** One REST call the bot made, as Discord would have received it. */
export interface RestCall {
  readonly method: string;
  /** Without the query string: "/api/v10/interactions/1/abc/callback". */
  readonly path: string;
  readonly query: string;
  /** The parsed JSON body, or the raw text when it was not JSON; null when there was none. */
  readonly body: unknown;
}

export interface LocalUser {
  readonly id: string;
  readonly username: string;
  readonly globalName?: string;
}

/** The interaction callback the bot sent: `type` 4 is a reply, 5 a deferral. */
export interface InteractionReply {
  readonly type: InteractionResponseType;
  readonly data?: APIInteractionResponseCallbackData;
}

export type OptionValue = string | number | boolean;

export interface InteractionInput {
  readonly user: LocalUser;
  /** "find" or "skillswap help" (a sub-command is sent nested, as Discord does). */
  readonly command: string;
  readonly options?: Readonly<Record<string, OptionValue>>;
  /** The member's permission bit set in the guild, as a decimal string; none by default. */
  readonly permissions?: string;
}

export interface LocalDiscordOptions {
  readonly guildName?: string;
  readonly members?: readonly LocalUser[];
}

type Json = Record<string, unknown>;

// Discord's epoch: snowflakes carry their creation time relative to 2015-01-01.
const discordEpoch = 1_420_070_400_000n;
let increment = 0n;
function snowflake(): string {
  increment = (increment + 1n) % 4096n;
  return (((BigInt(Date.now()) - discordEpoch) << 22n) | increment).toString();
}

function userPayload(user: LocalUser, bot = false): Json {
  return {
    id: user.id,
    username: user.username,
    global_name: user.globalName ?? null,
    discriminator: "0",
    avatar: null,
    bot,
  };
}

function optionPayload(name: string, value: OptionValue): Json {
  const type =
    typeof value === "string"
      ? ApplicationCommandOptionType.String
      : typeof value === "boolean"
        ? ApplicationCommandOptionType.Boolean
        : ApplicationCommandOptionType.Number;
  return { name, type, value };
}

async function readBody(request: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  if (text === "") return null;
  if (!(request.headers["content-type"] ?? "").includes("application/json")) return text;
  return JSON.parse(text) as unknown;
}

function isInteractionReply(body: unknown): body is InteractionReply {
  return typeof body === "object" && body !== null && typeof (body as { type?: unknown }).type === "number";
}

/**
 * A Discord that lives on loopback and speaks its real REST and gateway payloads, so tests drive the real
 * discord.js Client: it logs in, sees one guild, receives slash commands and its replies are recorded.
 */
export class LocalDiscord {
  readonly calls: RestCall[] = [];
  readonly applicationId = snowflake();
  readonly botUser: LocalUser = { id: this.applicationId, username: "SkillSwap" };
  readonly guildId = snowflake();
  readonly channelId = snowflake();
  readonly guildName: string;
  private readonly members: readonly LocalUser[];
  private readonly server: Server;
  private readonly gateway: WebSocketServer;
  private readonly sockets = new Set<WebSocket>();
  private readonly callbacks = new Map<string, (response: InteractionReply) => void>();
  private readonly rateLimits: number[] = [];
  private sequence = 0;

  constructor(options: LocalDiscordOptions = {}) {
    this.guildName = options.guildName ?? "Guitar Lovers";
    this.members = options.members ?? [];
    this.server = createServer((request, response) => {
      this.handleRest(request, response).catch((error: unknown) => {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ message: String(error), code: 0 }));
      });
    });
    this.gateway = new WebSocketServer({ server: this.server });
    this.gateway.on("connection", (socket) => this.greet(socket));
  }

  get url(): string {
    const address = this.server.address() as AddressInfo | null;
    if (address === null) throw new Error("LocalDiscord is not started");
    return `http://127.0.0.1:${address.port}`;
  }

  /** What to pass as discord.js's `rest.api`. */
  get apiUrl(): string {
    return `${this.url}/api`;
  }

  async start(): Promise<void> {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.gateway.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve, reject) => this.server.close((e) => (e ? reject(e) : resolve())));
  }

  /** Sends a gateway dispatch (`op: 0`) to every connected client. */
  dispatch(t: string, d: unknown): void {
    if (this.sockets.size === 0) throw new Error(`no gateway client connected to receive ${t}`);
    this.sequence += 1;
    const frame = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: this.sequence, d });
    for (const socket of this.sockets) socket.send(frame);
  }

  /** The next `count` REST calls answer 429, as Discord does when a bucket is exhausted. */
  rateLimitNext(retryAfterSeconds = 1, count = 1): void {
    for (let i = 0; i < count; i++) this.rateLimits.push(retryAfterSeconds);
  }

  /** REST calls whose path contains `fragment`. */
  callsTo(fragment: string): RestCall[] {
    return this.calls.filter((call) => call.path.includes(fragment));
  }

  /** A person runs a slash command in the guild's channel; resolves with the callback the bot answered. */
  interaction(input: InteractionInput): Promise<InteractionReply> {
    const id = snowflake();
    const token = randomBytes(24).toString("base64url");
    const answered = new Promise<InteractionReply>((resolve) => this.callbacks.set(id, resolve));
    this.dispatch("INTERACTION_CREATE", this.interactionPayload(id, token, input));
    return answered;
  }

  private interactionPayload(id: string, token: string, input: InteractionInput): Json {
    const [name = "", sub] = input.command.split(" ");
    const options = Object.entries(input.options ?? {}).map(([key, value]) => optionPayload(key, value));
    const permissions = input.permissions ?? "0";
    return {
      id,
      application_id: this.applicationId,
      type: InteractionType.ApplicationCommand,
      token,
      version: 1,
      guild_id: this.guildId,
      channel_id: this.channelId,
      channel: this.channelPayload(),
      app_permissions: "2248473465835073",
      locale: "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": this.guildId },
      context: 0,
      member: {
        ...this.memberPayload(input.user),
        permissions,
      },
      data: {
        id: snowflake(),
        name,
        type: ApplicationCommandType.ChatInput,
        guild_id: this.guildId,
        options: sub === undefined ? options : [{ name: sub, type: ApplicationCommandOptionType.Subcommand, options }],
      },
    };
  }

  private channelPayload(): Json {
    return {
      id: this.channelId,
      type: 0,
      guild_id: this.guildId,
      name: "general",
      position: 0,
      permission_overwrites: [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      parent_id: null,
      rate_limit_per_user: 0,
    };
  }

  private memberPayload(user: LocalUser): Json {
    return {
      user: userPayload(user),
      nick: null,
      avatar: null,
      roles: [],
      joined_at: new Date().toISOString(),
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
    };
  }

  private guildPayload(): Json {
    return {
      id: this.guildId,
      name: this.guildName,
      icon: null,
      owner_id: this.members[0]?.id ?? this.botUser.id,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 0,
      explicit_content_filter: 0,
      mfa_level: 0,
      nsfw_level: 0,
      premium_tier: 0,
      preferred_locale: "en-US",
      system_channel_id: this.channelId,
      joined_at: new Date().toISOString(),
      large: false,
      unavailable: false,
      member_count: this.members.length + 1,
      roles: [
        {
          id: this.guildId,
          name: "@everyone",
          permissions: "1071698660929",
          position: 0,
          color: 0,
          hoist: false,
          managed: false,
          mentionable: false,
          flags: 0,
        },
      ],
      emojis: [],
      stickers: [],
      features: [],
      channels: [this.channelPayload()],
      threads: [],
      members: [this.botUser, ...this.members].map((m) => this.memberPayload(m)),
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
    };
  }

  private greet(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on("close", () => this.sockets.delete(socket));
    socket.on("message", (data) => this.onFrame(socket, data));
    // A long interval: tests end well before a missed heartbeat would make discord.js reconnect.
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: 41_250 } }));
  }

  private onFrame(socket: WebSocket, data: RawData): void {
    const frame = JSON.parse(Buffer.from(data as Buffer).toString("utf8")) as { op?: number };
    if (frame.op === GatewayOpcodes.Heartbeat) socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
    if (frame.op === GatewayOpcodes.Identify) {
      this.dispatch("READY", {
        v: 10,
        user: userPayload(this.botUser, true),
        guilds: [{ id: this.guildId, unavailable: true }],
        session_id: randomBytes(16).toString("hex"),
        resume_gateway_url: this.url.replace("http", "ws"),
        shard: [0, 1],
        application: { id: this.applicationId, flags: 0 },
      });
      this.dispatch("GUILD_CREATE", this.guildPayload());
    }
  }

  private async handleRest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? "/", this.url);
    const body = await readBody(request);
    const method = request.method ?? "GET";
    this.calls.push({ method, path: url.pathname, query: url.search, body });

    const retryAfter = this.rateLimits.shift();
    if (retryAfter !== undefined) return this.tooManyRequests(response, retryAfter);

    if (method === "GET" && url.pathname === "/api/v10/gateway/bot") {
      return this.json(response, 200, {
        url: this.url.replace("http", "ws"),
        shards: 1,
        session_start_limit: { total: 1000, remaining: 1000, reset_after: 86_400_000, max_concurrency: 1 },
      });
    }
    const callback = /^\/api\/v10\/interactions\/(\d+)\/[^/]+\/callback$/.exec(url.pathname);
    if (method === "POST" && callback?.[1] !== undefined) {
      const resolve = this.callbacks.get(callback[1]);
      if (resolve !== undefined && isInteractionReply(body)) {
        this.callbacks.delete(callback[1]);
        resolve(body);
      }
      response.writeHead(204).end();
      return;
    }
    if (url.pathname.startsWith(`/api/v10/webhooks/${this.applicationId}/`) && method !== "DELETE") {
      return this.json(response, 200, this.messagePayload(body));
    }
    this.json(response, 200, {});
  }

  /** The message Discord answers a webhook follow-up or edit with. */
  private messagePayload(body: unknown): Json {
    const sent = typeof body === "object" && body !== null ? (body as Json) : {};
    return {
      id: snowflake(),
      type: 0,
      channel_id: this.channelId,
      author: userPayload(this.botUser, true),
      content: "",
      embeds: [],
      attachments: [],
      components: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      webhook_id: this.applicationId,
      application_id: this.applicationId,
      ...sent,
    };
  }

  private tooManyRequests(response: ServerResponse, retryAfter: number): void {
    response.writeHead(429, {
      "content-type": "application/json",
      "retry-after": String(retryAfter),
      "x-ratelimit-limit": "5",
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(Date.now() / 1000 + retryAfter),
      "x-ratelimit-reset-after": String(retryAfter),
      "x-ratelimit-bucket": "local-discord",
      "x-ratelimit-scope": "user",
    });
    response.end(JSON.stringify({ message: "You are being rate limited.", retry_after: retryAfter, global: false }));
  }

  private json(response: ServerResponse, status: number, payload: unknown): void {
    response.writeHead(status, { "content-type": "application/json" });
    response.end(JSON.stringify(payload));
  }
}
