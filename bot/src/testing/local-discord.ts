import {
  ChannelType,
  GatewayDispatchEvents,
  type APIApplicationCommand,
  type APIInteraction,
  type APIMessage,
  type RESTPostAPIApplicationCommandsJSONBody,
} from "discord.js";
import { appRoutes } from "./local-discord/app-routes.js";
import { replaceComponentMessage } from "./local-discord/channel-activity.js";
import { CommandRegistry } from "./local-discord/command-registry.js";
import type { WithheldEvent } from "./local-discord/gateway.js";
import { guildCreatePayload, membersChunk, readyPayload } from "./local-discord/guild-payloads.js";
import { LocalGuild, type ThreadView } from "./local-discord/guild-state.js";
import { InteractionBuilder, type InteractionInput } from "./local-discord/interaction-builder.js";
import { openExchange, type InteractionExchange } from "./local-discord/interaction-exchange.js";
import { InteractionLedger } from "./local-discord/interaction-ledger.js";
import type { InteractionReply } from "./local-discord/interaction-record.js";
import { acknowledge, interactionRoutes } from "./local-discord/interaction-routes.js";
import { isRecord } from "./local-discord/json.js";
import { LoopbackServer } from "./local-discord/loopback-server.js";
import { MessageStore } from "./local-discord/message-store.js";
import { messageRoutes } from "./local-discord/message-routes.js";
import { OtherGuilds, type GuildView } from "./local-discord/other-guilds.js";
import { userPayload, type LocalUser, type StoredChannel } from "./local-discord/payloads.js";
import { People, type ForumPost, type ForumPostInput, type SayInput } from "./local-discord/people.js";
import { forbidBot } from "./local-discord/posting-rules.js";
import { RestFaults, type RouteMatcher } from "./local-discord/rest-faults.js";
import type { RestCall } from "./local-discord/rest-router.js";
import { InteractionSigner, type SignedPostOptions, type SignedPostResult } from "./local-discord/signing.js";
import { snowflake } from "./local-discord/snowflake.js";
import { threadRoutes } from "./local-discord/thread-routes.js";
import type { World } from "./local-discord/world.js";

export type * from "./local-discord/public-types.js";
export type { ThreadView } from "./local-discord/guild-state.js";
export type { GuildView } from "./local-discord/other-guilds.js";

export interface LocalDiscordOptions {
  readonly guildName?: string;
  readonly members?: readonly LocalUser[];
  /** How long exchanges and `untilConnected` wait before failing with a message; 10 s by default. */
  readonly timeoutMs?: number;
  /**
   * Slash commands already registered for the guild, as if the app had bulk-registered them: options then
   * arrive typed as Discord types them. (The registration call itself is tested on its own.)
   */
  readonly guildCommands?: readonly RESTPostAPIApplicationCommandsJSONBody[];
  /**
   * How long Discord remembers a nonce sent with `enforce_nonce`: its documentation says "a few minutes", so 5
   * by default. `passTime` moves Discord's clock past it, as a late retry would find it.
   */
  readonly nonceWindowMs?: number;
  /**
   * More guilds the bot is in, by name, each with the same members and a "general" channel (see `guilds()`):
   * enough of them spread over shards. Only the gateway and interactions know them (see other-guilds.ts).
   */
  readonly otherGuilds?: readonly string[];
  /**
   * The shard count GET /gateway/bot recommends (1 by default). Whatever count a client identifies with, each
   * session gets only its shard's guilds and events, and DMs go to shard 0, as on Discord.
   */
  readonly shards?: number;
  /** How many shards may identify at once (session_start_limit.max_concurrency): 1, as for most bots, by default. */
  readonly maxConcurrency?: number;
}

const fewMinutes = 5 * 60 * 1000;

const serverOwner: LocalUser = { id: "300000000000000001", username: "server.owner", globalName: "Server Owner" };

/**
 * A Discord that lives on loopback and speaks its real REST and gateway payloads, so tests drive the real
 * discord.js Client: it logs in, sees one guild with a few channels (and `otherGuilds`, over `shards`),
 * receives what people do (commands, clicks, messages, forum posts, joins) and everything it sends is recorded
 * and answered as Discord would.
 */
export class LocalDiscord {
  readonly calls: RestCall[] = [];
  readonly applicationId = snowflake();
  readonly botUser: LocalUser = { id: this.applicationId, username: "SkillSwap", bot: true };
  readonly guildId: string;
  readonly guildName: string;
  /** The text channel "general", where interactions happen unless told otherwise. */
  readonly channelId: string;
  readonly swapsChannelId: string;
  readonly forumChannelId: string;
  readonly announcementsChannelId: string;
  /** The role `memberUpdated(user, { manageGuild: true })` grants: it carries Manage Server. */
  readonly manageGuildRoleId: string;
  /** How long a nonce sent with `enforce_nonce` is remembered (see `LocalDiscordOptions`). */
  readonly nonceWindowMs: number;
  private readonly world: World;
  private readonly network: LoopbackServer;
  private readonly builder: InteractionBuilder;
  private readonly people: People;
  private readonly others: OtherGuilds;
  private readonly signer = new InteractionSigner();
  private readonly timeoutMs: number;
  /** How far `passTime` moved Discord's clock ahead of the real one. */
  private elapsedMs = 0;

  constructor(options: LocalDiscordOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 10_000;
    this.nonceWindowMs = options.nonceWindowMs ?? fewMinutes;
    const guild = new LocalGuild(options.guildName ?? "Guitar Lovers", this.botUser, serverOwner);
    const people = options.members ?? [];
    for (const member of people) guild.addMember(member);
    this.guildId = guild.id;
    this.guildName = guild.name;
    this.manageGuildRoleId = guild.managersRole.id;
    this.channelId = guild.addGuildChannel("general", ChannelType.GuildText).id;
    this.swapsChannelId = guild.addGuildChannel("swaps", ChannelType.GuildText).id;
    this.forumChannelId = guild.addGuildChannel("group-forum", ChannelType.GuildForum).id;
    this.announcementsChannelId = guild.addGuildChannel("announcements", ChannelType.GuildText).id;

    const commands = new CommandRegistry(this.applicationId, guild.id);
    if (options.guildCommands !== undefined) commands.overwrite("guild", options.guildCommands);
    this.world = {
      applicationId: this.applicationId,
      bot: this.botUser,
      guild,
      commands,
      messages: new MessageStore({ windowMs: this.nonceWindowMs, now: () => Date.now() + this.elapsedMs }),
      ledger: new InteractionLedger(userPayload(this.botUser), (message) =>
        replaceComponentMessage(this.world, message),
      ),
      faults: new RestFaults(),
      emit: (t, d) => this.network.gateway.dispatch(t, d),
    };
    const routes = [
      ...interactionRoutes(this.world),
      ...messageRoutes(this.world),
      ...threadRoutes(this.world),
      ...appRoutes(this.world, () => this.network.wsUrl, {
        shards: options.shards ?? 1,
        maxConcurrency: options.maxConcurrency ?? 1,
      }),
    ];
    this.others = new OtherGuilds(options.otherGuilds ?? [], {
      world: this.world,
      owner: serverOwner,
      members: people,
    });
    this.network = new LoopbackServer(routes, this.world.faults, this.calls, {
      botUserId: this.botUser.id,
      ready: (sessionId, resumeUrl, shard, guildIds) =>
        readyPayload({ bot: this.botUser, sessionId, resumeUrl, shard, guildIds }),
      guilds: () => [guildCreatePayload(guild, this.channelId), ...this.others.payloads()],
      membersChunk: (request) => membersChunk(this.others.guild(String(request.guild_id)) ?? guild, request),
    });
    this.builder = new InteractionBuilder({
      applicationId: this.applicationId,
      guild,
      commands,
      defaultChannelId: this.channelId,
    });
    this.people = new People(this.world, { channelId: this.channelId, forumId: this.forumChannelId });
  }

  get url(): string {
    return this.network.url;
  }

  /** What to pass as discord.js's `rest.api` (or `new REST({ api })`). */
  get apiUrl(): string {
    return `${this.url}/api`;
  }

  /** Every guild the bot is in: the first one (`guildId`, channel "general"), then `otherGuilds` in order. */
  guilds(): GuildView[] {
    return [{ id: this.guildId, name: this.guildName, channelId: this.channelId }, ...this.others.views()];
  }

  /** The application's public key as the Developer Portal shows it (hex), to verify signed interactions. */
  get publicKeyHex(): string {
    return this.signer.publicKeyHex;
  }

  /** How many times a client sent IDENTIFY (a fresh session) and RESUME (picking a session back up). */
  get identifies(): number {
    return this.network.gateway.identifies;
  }

  get resumes(): number {
    return this.network.gateway.resumes;
  }

  /** The path of each gateway connection: "/resume?…" for those made to the resume_gateway_url. */
  get gatewayConnections(): readonly string[] {
    return this.network.gateway.connections;
  }

  /** Events a connected bot did not get because it identified without the needed intent. */
  get withheldEvents(): readonly WithheldEvent[] {
    return this.network.gateway.withheld;
  }

  start(): Promise<void> {
    return this.network.start();
  }

  stop(): Promise<void> {
    return this.network.stop();
  }

  /** Adds a guild channel and announces it with CHANNEL_CREATE; returns its id. */
  addChannel(
    name: string,
    type: ChannelType.GuildText | ChannelType.GuildAnnouncement | ChannelType.GuildForum = ChannelType.GuildText,
  ): string {
    const channel = this.world.guild.addGuildChannel(name, type);
    this.world.emit(GatewayDispatchEvents.ChannelCreate, channel);
    return channel.id;
  }

  /** A channel, thread or DM channel as Discord would return it from GET /channels/:id. */
  channel(id: string): StoredChannel | undefined {
    return this.world.guild.channel(id);
  }

  /** A person acts (slash command by default); resolves with the bot's first callback. */
  interaction(input: InteractionInput): Promise<InteractionReply> {
    return this.exchange(input).first;
  }

  /** A person acts; the exchange follows the bot's callback, edits and follow-ups. */
  exchange(input: InteractionInput): InteractionExchange {
    return this.deliver(this.buildInteraction(input));
  }

  /**
   * The payload Discord would send for this action, without sending it; its token accepts callbacks and edits.
   * A `channelId` of another guild (see `guilds()`) makes it happen in that guild.
   */
  buildInteraction(input: InteractionInput): APIInteraction {
    const payload = (this.others.forInteraction(input)?.builder ?? this.builder).build(input);
    this.world.ledger.register(payload);
    return payload;
  }

  /** Delivers the very same interaction again (same id and token), as a replayed gateway event would. */
  redeliver(target: InteractionExchange | APIInteraction): InteractionExchange {
    return this.deliver("payload" in target ? target.payload : target);
  }

  /** Follows an interaction delivered some other way (e.g. POSTed to an HTTP endpoint) from now on. */
  watch(payload: APIInteraction): InteractionExchange {
    return openExchange(this.world.ledger.register(payload), this.timeoutMs);
  }

  /**
   * POSTs an interaction to an HTTP interactions endpoint, signed as Discord signs it (or spoiled with
   * `tamper`). A callback answered in the response body counts as the bot's first callback, so
   * `exchange.settled()` works as over the gateway.
   */
  async postSignedInteraction(
    url: string,
    payload: APIInteraction,
    options: SignedPostOptions = {},
  ): Promise<SignedPostResult & { readonly exchange: InteractionExchange }> {
    const record = this.world.ledger.register(payload);
    const exchange = openExchange(record, this.timeoutMs);
    const result = await this.signer.post(url, payload, options.tamper ?? "none");
    // An HTTP endpoint may answer in the response body rather than through the callback endpoint.
    if (result.status === 200 && isRecord(result.body) && typeof result.body.type === "number") {
      acknowledge(record, result.body);
    }
    return { ...result, exchange };
  }

  /** Someone posts a message (guild channel, thread or DM; in any of `guilds()`); the bot gets MESSAGE_CREATE. */
  say(input: SayInput): APIMessage {
    this.assertListening("MESSAGE_CREATE");
    const speaking = input.dm === true ? undefined : this.others.at(input.channelId);
    return (speaking?.people ?? this.people).say(input);
  }

  /** Someone starts a forum post: THREAD_CREATE (newly created), then the starter message's MESSAGE_CREATE. */
  startForumPost(input: ForumPostInput): ForumPost {
    this.assertListening("THREAD_CREATE");
    return this.people.startForumPost(input);
  }

  memberJoins(user: LocalUser): void {
    this.assertListening("GUILD_MEMBER_ADD");
    this.people.memberJoins(user);
  }

  memberLeaves(user: LocalUser): void {
    this.assertListening("GUILD_MEMBER_REMOVE");
    this.people.memberLeaves(user);
  }

  memberUpdated(user: LocalUser, change: { readonly manageGuild: boolean }): void {
    this.assertListening("GUILD_MEMBER_UPDATE");
    this.people.memberUpdated(user, change);
  }

  /** Sends a raw gateway dispatch (`op: 0`) to every session of the shard it belongs to (its guild's, else 0). */
  dispatch(t: string, d: unknown): void {
    this.assertListening(t);
    this.network.gateway.dispatch(t, d);
  }

  /**
   * Drops every gateway connection with `closeCode` (4000: resumable). discord.js reconnects to the
   * resume_gateway_url and RESUMEs; events dispatched meanwhile are replayed. With `resumable: false` the
   * sessions are forgotten too, so the RESUME is refused and the client identifies again.
   */
  disconnect(closeCode = 4000, options: { readonly resumable?: boolean } = {}): Promise<void> {
    return this.network.gateway.disconnect(closeCode, options.resumable === false);
  }

  /** Resolves once every bot session is connected again (after IDENTIFY or RESUME). */
  untilConnected(): Promise<void> {
    return this.network.gateway.untilConnected(this.timeoutMs);
  }

  /** The next `count` REST calls answer 429, as Discord does when a bucket is exhausted. */
  rateLimitNext(retryAfterSeconds = 1, count = 1): void {
    this.world.faults.rateLimit(retryAfterSeconds, count);
  }

  /** The next `count` matching calls (any by default) answer `status`; discord.js retries 5xx on its own. */
  failNext(status = 502, options: { readonly count?: number; readonly match?: RouteMatcher } = {}): void {
    this.world.faults.fail(status, options.count ?? 1, options.match);
  }

  /** The next matching call answers 403 `{ code: 50013, message: "Missing Permissions" }`. */
  denyNext(match: RouteMatcher): void {
    this.world.faults.deny(match);
  }

  /**
   * From now on the bot may not post or start threads in this channel (nor in its threads): such calls
   * answer 403 Missing Permissions, and the channel's overwrites say so, as when a moderator denies the bot.
   */
  forbidChannel(channelId: string): void {
    forbidBot(this.world, channelId);
  }

  /** A person whose privacy settings refuse DMs: messages to them answer 403 code 50007. */
  closeDms(userId: string): void {
    this.world.faults.closeDms(userId);
  }

  /** Time passes on Discord's side: what it remembers only for a while (the nonces it dedupes) may be forgotten. */
  passTime(ms: number): void {
    this.elapsedMs += ms;
  }

  /** REST calls whose path contains `fragment`. */
  callsTo(fragment: string): RestCall[] {
    return this.calls.filter((call) => call.path.includes(fragment));
  }

  /** The messages in a channel or thread, oldest first, as they read now (edits applied, deletions gone). */
  messagesIn(channelId: string): APIMessage[] {
    return this.world.messages.list(channelId);
  }

  /** The messages the bot sent a person in their DM channel, oldest first. */
  dmsTo(userId: string): APIMessage[] {
    const channelId = this.world.guild.dmChannelIdOf(userId);
    if (channelId === undefined) return [];
    return this.messagesIn(channelId).filter((message) => message.author.id === this.botUser.id);
  }

  dmChannelOf(userId: string): string | undefined {
    return this.world.guild.dmChannelIdOf(userId);
  }

  threads(): ThreadView[] {
    return this.world.guild.threadViews();
  }

  /** The commands the bot registered by bulk overwrite, globally or for the guild. */
  commands(scope: "global" | "guild" = "global"): APIApplicationCommand[] {
    return this.world.commands.list(scope);
  }

  private deliver(payload: APIInteraction): InteractionExchange {
    const exchange = openExchange(this.world.ledger.register(payload), this.timeoutMs);
    this.dispatch(GatewayDispatchEvents.InteractionCreate, payload);
    return exchange;
  }

  private assertListening(what: string): void {
    if (!this.network.gateway.hasSessions()) throw new Error(`no bot is connected to the gateway to receive ${what}`);
  }
}
