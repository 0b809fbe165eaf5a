import type { Actor, OutboxHandler, OutboxMessage } from "@skillswap/core";
import type { SlackRelayContext } from "../outbox/slack-relay-context.js";
import { unlessRefused } from "../outbox/slack-refusals.js";
import { publishHome } from "./publish-home.js";

/** What changes what someone's Home shows: their profile and skills, their swaps and the sessions in them. */
const personEvents = [
  "profile.updated",
  "skill.added",
  "skill.updated",
  "skill.removed",
  "availability.updated",
] as const;
const swapEvents = [
  "swap.requested",
  "swap.accepted",
  "swap.declined",
  "swap.cancelled",
  "swap.expired",
  "swap.completed",
] as const;
const sessionEvents = ["session.scheduled", "session.cancelled", "session.disputed", "session.completed"] as const;
type HomeEvent = (typeof personEvents)[number] | (typeof swapEvents)[number] | (typeof sessionEvents)[number];

const isOf = <T extends string>(types: readonly T[], type: string): type is T =>
  (types as readonly string[]).includes(type);

/**
 * The people in a swap. Once accepted a swap has a conversation, whose opening names them all; before that only
 * the request names them, and a refusal names who made it, whose own view of the swap names the others.
 */
async function peopleOfSwap(context: SlackRelayContext, swapId: string, by: string | null): Promise<string[]> {
  const { services } = context.core;
  const conversationId = await services.relays.conversationOfSwap(swapId);
  const opening = conversationId === null ? null : await services.relays.swapOpening(conversationId, "slack");
  if (opening !== null) return opening.participants.map((p) => p.userId);
  if (by === null) return [];
  const swap = await services.swaps.get({ userId: by }, swapId);
  const partners = await Promise.all(swap.partners.map((p) => services.accounts.actorForHandle(p.handle)));
  return [by, ...partners.filter((actor): actor is Actor => actor !== null).map((actor) => actor.userId)];
}

async function peopleConcerned(context: SlackRelayContext, event: OutboxMessage<HomeEvent>): Promise<string[]> {
  const { type, payload } = event;
  if (isOf(personEvents, type) && "userId" in payload) return [payload.userId];
  if ("requesterId" in payload) return [payload.requesterId, ...payload.recipientIds];
  if (!("swapId" in payload)) return [];
  return peopleOfSwap(context, payload.swapId, "by" in payload ? payload.by : null);
}

/**
 * Keeps the Slack App Home of the people concerned by a change true: each of their Slack accounts gets its Home
 * published again. Who opened their Home is not tracked, since publishing is cheap and a Home published before
 * it is opened is simply there when it is. Publishing is idempotent, so a redelivered event does no harm;
 * someone Slack no longer knows (deactivated, left the workspace) is skipped.
 */
export function homeRefreshHandler(context: SlackRelayContext): OutboxHandler<HomeEvent> {
  const { core, clients, logger } = context;
  return {
    name: "slack.home-refresh",
    types: [...personEvents, ...swapEvents, ...sessionEvents],
    async handle(event) {
      const people = new Set(await peopleConcerned(context, event));
      for (const userId of people) {
        const identities = await core.services.accounts.identitiesOf(userId);
        for (const { subject, tenantId } of identities.filter((i) => i.provider === "slack"))
          await unlessRefused(
            () => clients.withClient(tenantId, (client) => publishHome(core, client, { userId }, subject)),
            (error) => logger.error(`cannot refresh the Slack Home of ${userId}`, error),
          );
      }
    },
  };
}
