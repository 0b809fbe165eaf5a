import type { Actor } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import { LogLevel, type Logger } from "@slack/bolt";
import { createSlackApp } from "../slack/create-slack-app.js";
import { registerSlackChatListeners } from "../slack/listeners/index.js";
import { registerSlackConversationListeners } from "../slack/listeners/events/swap-conversation-messages.js";
import type { SlackHttpResponse } from "../slack/transport/events-receiver.js";
import { startLocalSlack, type LocalSlack } from "./local-slack.js";
import { interaction, signedSlackRequest, slashCommand, type SlackDelivery } from "./local-slack/signed-requests.js";
import { ResponseUrls } from "./slack-response-urls.js";

/** Scenario people: members of the local workspace; only Ana is one of its admins. */
export const mayaK = { id: "U0MAYA0001", name: "maya.k", real_name: "Maya" } as const;
export const leoR = { id: "U0LEO00001", name: "leo.r", real_name: "Leo" } as const;
export const anaG = { id: "U0ANA00001", name: "ana.g", real_name: "Ana", is_admin: true } as const;

const signingSecret = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

/** What the app answered over HTTP, its JSON read. */
export interface SlackAnswer extends SlackHttpResponse {
  readonly json: unknown;
}

/**
 * The stage of the Slack chat scenarios: a fresh SQLite core, the local Slack with its members, and the real
 * Bolt app with SkillSwap's chat and swap-conversation listeners behind the `/slack/events` receiver, driven by
 * requests signed as Slack signs them; response_url messages land on a loopback recorder.
 */
export interface SlackChatScenario {
  readonly core: TestCore;
  readonly slack: LocalSlack;
  readonly teamId: string;
  readonly responses: ResponseUrls;
  /** What the app logged as errors: a scenario expecting none checks it. */
  readonly logged: string[];
  send(delivery: SlackDelivery): Promise<SlackAnswer>;
  /** `/skillswap <text>` by `userId`; its trigger id is one the local Slack issued, its response_url fresh. */
  command(userId: string, text: string): Promise<SlackAnswer & { readonly responseUrl: string }>;
  /** An interaction payload (buttons, forms, suggestions, shortcuts) as Slack posts it. */
  interact(payload: object): Promise<SlackAnswer>;
  /** Someone who already uses SkillSwap from this workspace (public profile), teaching these skills. */
  member(
    user: { readonly id: string; readonly name: string; readonly real_name: string },
    teaches?: Readonly<Record<string, number>>,
  ): Promise<Actor & { readonly handle: string }>;
  stop(): Promise<void>;
}

function loggerInto(logged: string[]): Logger {
  return {
    debug: () => undefined,
    info: () => undefined,
    warn: () => undefined,
    error: (...message: unknown[]) => logged.push(message.map(String).join(" ")),
    setLevel: () => undefined,
    getLevel: () => LogLevel.ERROR,
    setName: () => undefined,
  };
}

export async function startSlackChatScenario(): Promise<SlackChatScenario> {
  const core = await createTestCore("sqlite");
  const slack = await startLocalSlack({ team: { name: "Lyon Makers" }, members: [mayaK, leoR, anaG] });
  const responses = new ResponseUrls();
  await responses.start();
  const logged: string[] = [];
  const logger = loggerInto(logged);
  const { app, receiver } = createSlackApp({
    token: slack.team.botToken ?? "",
    signingSecret,
    slackApiUrl: slack.apiUrl,
    inbox: core.services.inbox,
    logger,
  });
  // As slack-door.ts does: messages written in a swap's DM reach core through the same app.
  registerSlackConversationListeners(app, { core });
  registerSlackChatListeners(app, { core, logger });
  const teamId = slack.team.id;

  async function send(delivery: SlackDelivery): Promise<SlackAnswer> {
    const { body, headers } = signedSlackRequest(signingSecret, delivery);
    const answer = await receiver.handle({ rawBody: Buffer.from(body), headers });
    const json: unknown = answer.contentType === "application/json" ? JSON.parse(answer.body) : answer.body;
    return { ...answer, json };
  }

  return {
    core,
    slack,
    teamId,
    responses,
    logged,
    send,
    async command(userId, text) {
      const responseUrl = responses.url();
      const triggerId = slack.issueTriggerId(userId);
      return { ...(await send(slashCommand({ text, userId, teamId, triggerId, responseUrl }))), responseUrl };
    },
    interact: (payload) => send(interaction(payload)),
    async member(user, teaches = {}) {
      const account = await core.services.accounts.registerFromIdentity({
        provider: "slack",
        tenantId: teamId,
        subject: user.id,
        username: user.name,
        displayName: user.real_name,
      });
      const actor = { userId: account.userId };
      await core.services.profiles.update(actor, { visibility: "public" });
      for (const [skill, level] of Object.entries(teaches))
        await core.services.skills.add(actor, { skill, direction: "teach", level });
      return { ...actor, handle: account.handle };
    },
    async stop() {
      await responses.stop();
      await slack.close();
      await core.close();
    },
  };
}
