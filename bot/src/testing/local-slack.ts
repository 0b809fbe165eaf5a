import { authMethods } from "./local-slack/auth-methods.js";
import { CallLog, type WebApiCall } from "./local-slack/call-log.js";
import { chatMethods } from "./local-slack/chat-methods.js";
import { conversationMethods } from "./local-slack/conversation-methods.js";
import { Conversations } from "./local-slack/conversations.js";
import {
  channelsDirectory,
  usersDirectory,
  type LocalSlackChannels,
  type LocalSlackUsers,
} from "./local-slack/directories.js";
import type { SlackMemberInput } from "./local-slack/members.js";
import { MessageLog } from "./local-slack/message-log.js";
import { OAuthCodes } from "./local-slack/oauth-codes.js";
import { MessageClock, slackId } from "./local-slack/slack-ids.js";
import { userMethods } from "./local-slack/user-methods.js";
import { ViewStore, type SlackView } from "./local-slack/view-store.js";
import { viewMethods } from "./local-slack/view-methods.js";
import { WebApiFaults, type WebApiFault } from "./local-slack/web-api-faults.js";
import { WebApiServer } from "./local-slack/web-api-server.js";
import type { LocalApp, SlackWorld } from "./local-slack/world.js";
import { Workspaces, type LocalTeam, type TeamInput } from "./local-slack/workspaces.js";

export type * from "./local-slack/public-types.js";

export interface LocalSlackOptions {
  /** The workspace the app is installed in from the start (a bot token is minted unless given). */
  readonly team?: TeamInput;
  /** Its members besides the bot; they are all in #general. */
  readonly members?: readonly SlackMemberInput[];
  /** The app's OAuth client credentials, which oauth.v2.access checks. */
  readonly clientId?: string;
  readonly clientSecret?: string;
  /** How long `waitForCall` waits by default; 5 s. */
  readonly timeoutMs?: number;
}

/**
 * A Slack Web API on loopback with Slack's own wire protocol (POST /api/<method>, form or JSON bodies, Bearer
 * bot tokens, `{ ok, error }` answers), so tests drive the real @slack/web-api client and Bolt app instead of
 * mocks. It keeps the workspaces, their people and conversations, what the bot posted, its modals and App
 * Homes, and records every call; a test can make the next calls answer 429, 5xx or a refusal.
 */
export class LocalSlack {
  readonly app: LocalApp;
  readonly users: LocalSlackUsers;
  readonly channels: LocalSlackChannels;
  /** The first workspace's #general, where the bot and every member are. */
  readonly generalChannelId: string;
  private readonly log = new CallLog();
  private readonly faults = new WebApiFaults();
  private readonly world: SlackWorld;
  private readonly server: WebApiServer;
  private readonly primaryTeamId: string;
  private readonly timeoutMs: number;
  /** How far `passTime` moved Slack's clock ahead of the real one. */
  private elapsedMs = 0;

  constructor(options: LocalSlackOptions = {}) {
    this.timeoutMs = options.timeoutMs ?? 5000;
    const now = (): number => Date.now() + this.elapsedMs;
    this.app = {
      appId: slackId("A"),
      clientId: options.clientId ?? "1111111111.2222222222",
      clientSecret: options.clientSecret ?? "local-slack-client-secret",
    };
    this.world = {
      app: this.app,
      workspaces: new Workspaces(),
      conversations: new Conversations(),
      messages: new MessageLog(),
      views: new ViewStore(now),
      oauth: new OAuthCodes(now),
      clock: new MessageClock(now),
    };
    const methods = {
      ...authMethods(this.world),
      ...userMethods(this.world),
      ...conversationMethods(this.world),
      ...chatMethods(this.world),
      ...viewMethods(this.world),
    };
    this.server = new WebApiServer(methods, this.world.workspaces, this.faults, this.log);
    this.users = usersDirectory(this.world, () => this.team);
    this.channels = channelsDirectory(this.world, () => this.team);
    this.primaryTeamId = this.addTeam(options.team ?? {}).id;
    this.generalChannelId = this.channels.idOf("general");
    for (const member of options.members ?? []) this.users.add(member);
  }

  /** What to pass as `new WebClient(token, { slackApiUrl })` or Bolt's `clientOptions.slackApiUrl`. */
  get apiUrl(): string {
    return this.server.apiUrl;
  }

  /** The first workspace as it is now (its bot token changes when the app is reinstalled or uninstalled). */
  get team(): LocalTeam {
    return this.teamById(this.primaryTeamId);
  }

  /** Every Web API call so far, in arrival order, refused and faulted ones included. */
  get calls(): readonly WebApiCall[] {
    return this.log.calls;
  }

  start(): Promise<void> {
    return this.server.start();
  }

  close(): Promise<void> {
    return this.server.stop();
  }

  /** Another workspace, with its #general and its own bot user; installed (with a bot token) unless told not. */
  addTeam(input: TeamInput): LocalTeam {
    const team = this.world.workspaces.addTeam(input);
    this.world.conversations.add({ teamId: team.id, name: "general", members: [team.botUserId] });
    return team;
  }

  teamById(teamId: string): LocalTeam {
    const team = this.world.workspaces.team(teamId);
    if (team === undefined) throw new Error(`LocalSlack has no team ${teamId}`);
    return team;
  }

  callsTo(method: string): WebApiCall[] {
    return this.log.to(method);
  }

  /** The first call to `method` (matching `predicate`) already made or still to come. */
  waitForCall(
    method: string,
    predicate: (call: WebApiCall) => boolean = () => true,
    timeoutMs = this.timeoutMs,
  ): Promise<WebApiCall> {
    return this.log.waitFor(method, predicate, timeoutMs);
  }

  /**
   * The next `count` calls to `method` ("*": any method) answer `fault` instead of doing their work: a 429
   * with Retry-After (the client waits and retries), a 5xx, or `{ ok: false, error }`.
   */
  failNext(method: string, fault: WebApiFault, count = 1): void {
    this.faults.add(method, fault, count);
  }

  /**
   * A trigger id for this person, as Slack puts in an interaction payload: views.open or views.push accept it
   * once, within 3 seconds (of Slack's clock: see `passTime`).
   */
  issueTriggerId(userId: string, teamId = this.primaryTeamId): string {
    return this.world.views.issueTrigger(teamId, userId);
  }

  /**
   * The `code` Slack's consent screen would redirect with after `user` installed the app in `team` (an existing
   * workspace's id, or a new one described as `TeamInput`): oauth.v2.access exchanges it once, within 10 min.
   */
  issueOAuthCode(team: string | TeamInput, user: string | SlackMemberInput): string {
    const installed =
      typeof team === "string"
        ? this.teamById(team)
        : (this.world.workspaces.team(team.id ?? "") ?? this.addTeam({ ...team, installed: false }));
    const userId = typeof user === "string" ? user : this.users.add(user, installed.id).id;
    return this.world.oauth.issue(installed.id, userId);
  }

  /** The modals open for a person, root first. */
  modalsOf(userId: string): SlackView[] {
    return this.world.views.modals(userId);
  }

  /**
   * The person closes their modals, as Slack does on a submission the app acknowledged or on Cancel: the top
   * view alone (back to the one below) or the whole stack (`response_action: "clear"`, or closing the root).
   */
  closeModals(userId: string, which: "top" | "all" = "all"): void {
    this.world.views.close(userId, which);
  }

  /** The App Home last published for a person. */
  homeOf(userId: string): SlackView | undefined {
    return this.world.views.home(userId);
  }

  /** Time passes on Slack's side: trigger ids and OAuth codes expire as they would. */
  passTime(ms: number): void {
    this.elapsedMs += ms;
  }
}

/** A LocalSlack listening on a loopback port. */
export async function startLocalSlack(options: LocalSlackOptions = {}): Promise<LocalSlack> {
  const slack = new LocalSlack(options);
  await slack.start();
  return slack;
}
