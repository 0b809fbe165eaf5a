import { createOutboxDispatcher, type Actor, type OutboxHandler, type OutboxMessage } from "@skillswap/core";
import { createTestCore, type TestCore } from "@skillswap/core/testing";
import type { WebClient } from "@slack/web-api";
import { startLocalSlack, type LocalSlack } from "./local-slack.js";
import { singleClient } from "../slack/slack-clients.js";
import { slackWebClient } from "../slack/slack-web-client.js";
import { slackOutboxHandlers } from "../slack/outbox/index.js";

/** The Slack outbox tests' stage: a fresh core, a local Slack with Maya and Leo, the Slack relays over them. */
export interface SlackStage {
  readonly core: TestCore;
  readonly slack: LocalSlack;
  readonly client: WebClient;
  readonly handlers: readonly OutboxHandler[];
  readonly logged: string[];
  /** Delivers every due outbox event to `handlers` (the Slack relays by default), as the worker does. */
  deliverEvents(handlers?: readonly OutboxHandler[]): Promise<void>;
  /** The last stored outbox event of a type, as the dispatcher hands it over: to deliver it again by hand. */
  storedEvent(type: string): Promise<OutboxMessage>;
  stop(): Promise<void>;
}

// Short waits, so a 5xx retried by the client does not hold a test for the default's minutes.
const testRetries = { retries: 2, factor: 1, minTimeout: 10, maxTimeout: 10 };

export async function slackStage(): Promise<SlackStage> {
  const core = await createTestCore("sqlite");
  const slack = await startLocalSlack({
    members: [
      { id: "U0MAYA0001", name: "maya.k", real_name: "Maya" },
      { id: "U0LEO00002", name: "leo.b", real_name: "Leo" },
    ],
  });
  const client = slackWebClient(slack.team.botToken ?? "", slack.apiUrl, testRetries);
  const logged: string[] = [];
  const handlers = slackOutboxHandlers({
    core,
    clients: singleClient(client),
    logger: { error: (message) => logged.push(message) },
  });
  return {
    core,
    slack,
    client,
    handlers,
    logged,
    async deliverEvents(through = handlers) {
      const outbox = createOutboxDispatcher(core.deps, { handlers: [...through] });
      while ((await outbox.runOnce()).fetched > 0);
    },
    async storedEvent(type) {
      const row = await core.database.db.outboxEvent.findFirstOrThrow({
        where: { type },
        orderBy: { createdAt: "desc" },
      });
      return { ...row, payload: JSON.parse(row.payload) as unknown, attempts: 0 } as OutboxMessage;
    },
    async stop() {
      await slack.close();
      await core.close();
    },
  };
}

/** Someone on SkillSwap through an account on `provider`, public, teaching one skill. */
export async function person(
  core: TestCore,
  identity: { provider: "slack" | "discord"; tenantId?: string; subject: string; name: string },
  teaches: string,
): Promise<Actor & { handle: string }> {
  const account = await core.services.accounts.registerFromIdentity({
    provider: identity.provider,
    tenantId: identity.tenantId ?? "",
    subject: identity.subject,
    username: identity.name.toLowerCase(),
    displayName: identity.name,
  });
  const actor = { userId: account.userId, handle: account.handle };
  await core.services.profiles.update(actor, { visibility: "public" });
  await core.services.skills.add(actor, { skill: teaches, direction: "teach", level: 4 });
  return actor;
}

/** Maya asks to learn what `other` teaches for her Guitar, and `other` accepts (on the dashboard). */
export async function acceptedSwap(core: TestCore, maya: Actor, other: Actor & { handle: string }, want: string) {
  const asked = await core.services.swaps.request(maya, { to: other.handle, want, offer: "Guitar" });
  const accepted = await core.services.swaps.accept(other, asked.id);
  return { swapId: asked.id, conversationId: accepted.conversationId ?? "" };
}
