import { randomBytes } from "node:crypto";
import { EventEmitter, once } from "node:events";
import type { IncomingMessage, Server } from "node:http";
import { GatewayDispatchEvents, GatewayIntentBits, GatewayOpcodes, type GatewayReadyDispatchData } from "discord.js";
import { WebSocketServer, type RawData, type WebSocket } from "ws";
import { intentRequiredFor, shapeForIntents } from "./gateway-intents.js";
import { isRecord } from "./json.js";
import { isValidShard, shardOfEvent, shardOfGuild, shardPlaceOf, type ShardPlace } from "./shards.js";

export interface GatewayHooks {
  readonly botUserId: string;
  /** READY for a session of `shard`, announcing the guilds that shard is about to receive. */
  ready(sessionId: string, resumeUrl: string, shard: ShardPlace, guildIds: readonly string[]): GatewayReadyDispatchData;
  /** Every guild the bot is in, as GUILD_CREATE payloads; each session gets those of its shard after READY. */
  guilds(): readonly { readonly id: string }[];
  membersChunk(request: Readonly<Record<string, unknown>>): unknown;
}

/** An event Discord did not send a session because it lacked the intent. */
export interface WithheldEvent {
  readonly t: string;
  readonly reason: string;
}

/**
 * One identified gateway session. It outlives its socket: dispatches sent while the bot is disconnected are
 * numbered and kept, so a RESUME can replay exactly what the bot missed, as Discord does.
 */
class Session {
  readonly id = randomBytes(16).toString("hex");
  socket: WebSocket | undefined;
  /** The last sequence the client has confirmed (heartbeats carry it) and the one it must reach to count as up. */
  acked = -1;
  target = 0;
  private seq = 0;
  private readonly sent: { readonly s: number; readonly text: string }[] = [];

  constructor(
    readonly token: string,
    readonly intents: number,
    readonly shard: ShardPlace,
  ) {}

  /** Whether Discord routes this event to this session's shard. */
  receives(t: string, d: unknown): boolean {
    const [id, count] = this.shard;
    return shardOfEvent(t, d, count) === id;
  }

  push(t: string, d: unknown): void {
    this.seq += 1;
    const text = JSON.stringify({ op: GatewayOpcodes.Dispatch, t, s: this.seq, d });
    this.sent.push({ s: this.seq, text });
    const socket = this.socket;
    if (socket !== undefined && socket.readyState === socket.OPEN) socket.send(text);
  }

  replayAfter(seq: number): void {
    for (const frame of this.sent) if (frame.s > seq) this.socket?.send(frame.text);
  }

  /** The connection is up once the client confirms it processed everything up to the READY or RESUMED. */
  expectAcknowledgement(): void {
    this.target = this.seq;
    this.acked = -1;
    requestHeartbeat(this.socket);
  }

  get caughtUp(): boolean {
    return this.socket !== undefined && this.acked >= this.target;
  }
}

/**
 * Asks for an immediate heartbeat (op 1), which Discord may do at any time; the client answers with the last
 * sequence it has processed, the only way to know it handled READY or the replay before a test goes on.
 */
function requestHeartbeat(socket: WebSocket | undefined): void {
  if (socket !== undefined && socket.readyState === socket.OPEN) {
    socket.send(JSON.stringify({ op: GatewayOpcodes.Heartbeat, d: null }));
  }
}

// Far longer than Discord's 41.25 s. discord.js sends its first heartbeat after interval × random(), and if that
// lands while the ack of a heartbeat the harness asked for is still in flight it calls the connection a zombie
// and resumes on its own — an extra RESUME a test did not cause. With ten minutes that first beat practically
// never falls inside a test.
const heartbeatInterval = 600_000;
// Closing with 1000 or 1001 ends a session for good; any other code lets the client resume it.
const sessionEndingCodes = new Set([1000, 1001]);
const invalidShard = 4010;

/** Discord's gateway on the harness's port: HELLO, IDENTIFY → READY, RESUME → replay + RESUMED, heartbeats. */
export class LocalGateway {
  identifies = 0;
  resumes = 0;
  /** The path of every connection, e.g. "/?v=10&encoding=json" or "/resume?v=10&encoding=json". */
  readonly connections: string[] = [];
  readonly withheld: WithheldEvent[] = [];
  private readonly sessions = new Map<string, Session>();
  private readonly closedByUs = new WeakSet<WebSocket>();
  private readonly changes = new EventEmitter().setMaxListeners(0);
  private readonly server: WebSocketServer;

  constructor(
    http: Server,
    private readonly hooks: GatewayHooks,
    private readonly wsUrl: () => string,
  ) {
    this.server = new WebSocketServer({ server: http });
    this.server.on("connection", (socket, request) => this.greet(socket, request));
  }

  /** Discord hands out a separate host for resuming; the harness uses a path, so tests can tell them apart. */
  get resumeUrl(): string {
    return `${this.wsUrl()}/resume`;
  }

  hasSessions(): boolean {
    return this.sessions.size > 0;
  }

  /**
   * Sends a dispatch to the sessions of the shard it belongs to (its guild's, or shard 0) whose intents allow
   * it; disconnected sessions keep it for resuming.
   */
  dispatch(t: string, d: unknown): void {
    const receivers = [...this.sessions.values()].filter((session) => session.receives(t, d));
    if (receivers.length === 0 && this.sessions.size > 0) {
      this.withheld.push({ t, reason: "no session runs the shard it belongs to" });
    }
    for (const session of receivers) {
      const intent = intentRequiredFor(t, d);
      if (intent !== undefined && (session.intents & intent) === 0) {
        this.withheld.push({ t, reason: `the session lacks the ${GatewayIntentBits[intent]} intent` });
        continue;
      }
      session.push(t, shapeForIntents(t, d, session.intents, this.hooks.botUserId));
    }
  }

  /** Closes every connection with `code`; unless `invalidate`, the sessions stay resumable. */
  async disconnect(code: number, invalidate: boolean): Promise<void> {
    const sockets = [...this.sessions.values()].flatMap((session) => (session.socket ? [session.socket] : []));
    await Promise.all(
      sockets.map((socket) => {
        this.closedByUs.add(socket);
        const closed = once(socket, "close");
        socket.close(code, "LocalDiscord disconnect");
        return closed;
      }),
    );
    if (invalidate) this.sessions.clear();
  }

  /** Resolves once every session has a connection whose client has processed its READY or RESUMED. */
  async untilConnected(timeoutMs: number): Promise<void> {
    const signal = AbortSignal.timeout(timeoutMs);
    while (!this.allConnected()) {
      try {
        await once(this.changes, "change", { signal });
      } catch {
        throw new Error(`no gateway client (re)connected within ${timeoutMs}ms`);
      }
    }
  }

  close(): void {
    for (const client of this.server.clients) client.terminate();
    this.server.close();
  }

  private allConnected(): boolean {
    const sessions = [...this.sessions.values()];
    return sessions.length > 0 && sessions.every((session) => session.caughtUp);
  }

  private greet(socket: WebSocket, request: IncomingMessage): void {
    this.connections.push(request.url ?? "/");
    socket.on("message", (data) => this.onFrame(socket, data));
    socket.on("close", (code) => this.onClose(socket, code));
    socket.send(JSON.stringify({ op: GatewayOpcodes.Hello, d: { heartbeat_interval: heartbeatInterval } }));
  }

  private onFrame(socket: WebSocket, data: RawData): void {
    const frame: unknown = JSON.parse(Buffer.from(data as Buffer).toString("utf8"));
    if (!isRecord(frame)) return;
    const d = isRecord(frame.d) ? frame.d : {};
    switch (frame.op) {
      case GatewayOpcodes.Heartbeat:
        socket.send(JSON.stringify({ op: GatewayOpcodes.HeartbeatAck }));
        return this.heartbeatReceived(socket, frame.d);
      case GatewayOpcodes.Identify:
        return this.identify(socket, text(d.token), count(d.intents), shardPlaceOf(d.shard));
      case GatewayOpcodes.Resume:
        return this.resume(socket, text(d.token), text(d.session_id), count(d.seq));
      case GatewayOpcodes.RequestGuildMembers:
        return this.sessionOf(socket)?.push(GatewayDispatchEvents.GuildMembersChunk, this.hooks.membersChunk(d));
    }
  }

  private heartbeatReceived(socket: WebSocket, seq: unknown): void {
    const session = this.sessionOf(socket);
    if (session === undefined || typeof seq !== "number") return;
    session.acked = Math.max(session.acked, seq);
    // discord.js reads its sequence asynchronously; an answer that lags behind is asked for again shortly.
    if (!session.caughtUp) setTimeout(() => requestHeartbeat(session.socket), 20).unref();
    this.changes.emit("change");
  }

  private identify(socket: WebSocket, token: string, intents: number, shard: ShardPlace): void {
    if (!isValidShard(shard)) {
      socket.close(invalidShard, "Invalid shard.");
      return;
    }
    // A client that identifies a shard again has given up on its old session there; keep none it could never resume.
    for (const [id, old] of this.sessions)
      if (old.token === token && old.shard[0] === shard[0] && old.socket === undefined) this.sessions.delete(id);
    const session = new Session(token, intents, shard);
    session.socket = socket;
    this.sessions.set(session.id, session);
    this.identifies += 1;
    const guilds = this.hooks.guilds().filter((guild) => shardOfGuild(guild.id, shard[1]) === shard[0]);
    const ready = this.hooks.ready(
      session.id,
      this.resumeUrl,
      shard,
      guilds.map((guild) => guild.id),
    );
    session.push(GatewayDispatchEvents.Ready, ready);
    for (const guild of guilds) session.push(GatewayDispatchEvents.GuildCreate, guild);
    session.expectAcknowledgement();
  }

  private resume(socket: WebSocket, token: string, sessionId: string, seq: number): void {
    const session = this.sessions.get(sessionId);
    if (session === undefined || session.token !== token) {
      // d: false — the session cannot be resumed; discord.js then identifies from scratch.
      socket.send(JSON.stringify({ op: GatewayOpcodes.InvalidSession, d: false }));
      return;
    }
    if (session.socket !== undefined && session.socket !== socket) session.socket.terminate();
    session.socket = socket;
    this.resumes += 1;
    session.replayAfter(seq);
    session.push(GatewayDispatchEvents.Resumed, null);
    session.expectAcknowledgement();
  }

  private onClose(socket: WebSocket, code: number): void {
    const session = this.sessionOf(socket);
    if (session === undefined) return;
    session.socket = undefined;
    if (sessionEndingCodes.has(code) && !this.closedByUs.has(socket)) this.sessions.delete(session.id);
    this.changes.emit("change");
  }

  private sessionOf(socket: WebSocket): Session | undefined {
    return [...this.sessions.values()].find((session) => session.socket === socket);
  }
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function count(value: unknown): number {
  return typeof value === "number" ? value : 0;
}
