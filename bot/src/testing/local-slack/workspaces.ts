import { slackUser, type SlackMemberInput, type SlackUser } from "./members.js";
import { secret, slackId } from "./slack-ids.js";

/** A workspace the app may be installed in, and who the app is there. */
export interface LocalTeam {
  readonly id: string;
  readonly name: string;
  readonly domain: string;
  /** The app's bot user in this workspace, and its bot id (what `auth.test` says). */
  readonly botUserId: string;
  readonly botId: string;
  /** Valid while the app is installed; undefined before an OAuth install and after apps.uninstall. */
  readonly botToken: string | undefined;
}

export interface TeamInput {
  readonly id?: string;
  readonly name?: string;
  readonly domain?: string;
  /** The bot token the app holds for this workspace; one is minted when absent, unless `installed: false`. */
  readonly botToken?: string;
  /** False for a workspace that has not installed the app yet (an OAuth install gives it a token). */
  readonly installed?: boolean;
}

interface TeamState {
  team: LocalTeam;
  readonly users: Map<string, SlackUser>;
}

/** The workspaces, their members, and which bot token speaks for which workspace. */
export class Workspaces {
  private readonly teams = new Map<string, TeamState>();
  private readonly revoked = new Set<string>();

  addTeam(input: TeamInput): LocalTeam {
    const id = input.id ?? slackId("T");
    const name = input.name ?? "SkillSwap Friends";
    const domain = input.domain ?? name.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    const botUserId = slackId("U");
    const botId = slackId("B");
    const botToken = input.installed === false ? undefined : (input.botToken ?? mintBotToken(id));
    const team: LocalTeam = { id, name, domain, botUserId, botId, botToken };
    const users = new Map<string, SlackUser>();
    users.set(botUserId, slackUser(id, botUserId, { name: "skillswap", real_name: "SkillSwap", is_bot: true }, botId));
    this.teams.set(id, { team, users });
    return team;
  }

  team(id: string): LocalTeam | undefined {
    return this.teams.get(id)?.team;
  }

  /** The workspace a bot token speaks for, or why it does not (Slack's `invalid_auth` / `token_revoked`). */
  teamOfToken(token: string): LocalTeam | "invalid_auth" | "token_revoked" {
    if (this.revoked.has(token)) return "token_revoked";
    for (const { team } of this.teams.values()) if (team.botToken === token) return team;
    return "invalid_auth";
  }

  /** Gives the app a bot token in this workspace if it has none (an OAuth install), and returns it. */
  install(teamId: string): string {
    const state = this.state(teamId);
    const token = state.team.botToken ?? mintBotToken(teamId);
    state.team = { ...state.team, botToken: token };
    return token;
  }

  uninstall(teamId: string): void {
    const state = this.state(teamId);
    if (state.team.botToken !== undefined) this.revoked.add(state.team.botToken);
    state.team = { ...state.team, botToken: undefined };
  }

  addUser(teamId: string, input: SlackMemberInput): SlackUser {
    const user = slackUser(teamId, input.id ?? slackId("U"), input);
    this.state(teamId).users.set(user.id, user);
    return user;
  }

  /** A user of this workspace; people of other workspaces are unknown here, as on Slack. */
  user(teamId: string, userId: string): SlackUser | undefined {
    return this.teams.get(teamId)?.users.get(userId);
  }

  /** Every user of the workspace, bot included, in the order they joined. */
  users(teamId: string): SlackUser[] {
    return [...this.state(teamId).users.values()];
  }

  private state(teamId: string): TeamState {
    const state = this.teams.get(teamId);
    if (state === undefined) throw new Error(`LocalSlack has no team ${teamId}`);
    return state;
  }
}

function mintBotToken(teamId: string): string {
  return `xoxb-${teamId}-${secret(8)}`;
}
