import { ChannelType, Routes, ThreadAutoArchiveDuration, type APIChannel, type APIThreadChannel } from "discord.js";
import type { OutboxHandler, OutboxMessage, SwapOpening } from "@skillswap/core";
import { swapOpeningMessage, swapThreadName } from "../renderers/relay-swap.js";
import { isRefusal, unlessRefused } from "./discord-refusals.js";
import { postOnce } from "./post-once.js";
import type { RelayContext } from "./relay-context.js";
import { openThreadOnce } from "./thread-once.js";

type Participant = SwapOpening["participants"][number] & { readonly platformUserId: string };

const onDiscord = (opening: SwapOpening): Participant[] =>
  opening.participants.filter((p): p is Participant => p.platformUserId !== null);

/**
 * Opens the swap's private thread in the swaps channel, once however late a redelivered event comes
 * (thread-once.ts), and binds it to the conversation. Null when Discord refuses (the bot may not create
 * private threads there), so those people are reached by DM instead.
 */
async function openThread(
  context: RelayContext,
  conversationId: string,
  opening: SwapOpening & { swapsChannel: NonNullable<SwapOpening["swapsChannel"]> },
): Promise<string | null> {
  const { core, rest, logger } = context;
  const { channelId, externalCommunityId } = opening.swapsChannel;
  const name = swapThreadName(opening);
  const threadId = await unlessRefused(
    () =>
      openThreadOnce(context, {
        key: `thread/${channelId}/${conversationId}`,
        parentId: channelId,
        guildId: externalCommunityId,
        name,
        isBound: async (id) => (await core.services.conversations.forChannel("discord", id)) !== null,
        create: () =>
          rest.post(Routes.threads(channelId), {
            body: {
              name,
              type: ChannelType.PrivateThread,
              invitable: false,
              auto_archive_duration: ThreadAutoArchiveDuration.OneWeek,
            },
          }) as Promise<APIThreadChannel>,
      }),
    (error) => logger.error(`no private thread in ${channelId}, using DMs`, error),
  );
  if (threadId === null) return null;
  await core.services.conversations.bindChannel({
    conversationId,
    userId: null,
    platform: "discord",
    externalChannelId: threadId,
  });
  return threadId;
}

/** Adds people to the thread (again, on redelivery: Discord ignores it); returns those Discord refused. */
async function addMembers({ rest, logger }: RelayContext, threadId: string, members: readonly Participant[]) {
  const refused: Participant[] = [];
  for (const member of members) {
    const added = await unlessRefused(
      () => rest.put(Routes.threadMembers(threadId, member.platformUserId)),
      (error) => logger.error(`cannot add ${member.platformUserId} to ${threadId}`, error),
    );
    if (added === null) refused.push(member);
  }
  return refused;
}

/** A DM channel with the person, bound to them; null when they do not accept DMs from the bot. */
async function openDm({ core, rest, logger }: RelayContext, conversationId: string, person: Participant) {
  const channel = await unlessRefused(
    () => rest.post(Routes.userChannels(), { body: { recipient_id: person.platformUserId } }) as Promise<APIChannel>,
    (error) => logger.error(`cannot DM ${person.platformUserId} about their swap`, error),
  );
  if (channel === null) return null;
  await core.services.conversations.bindChannel({
    conversationId,
    userId: person.userId,
    platform: "discord",
    externalChannelId: channel.id,
  });
  return channel.id;
}

/**
 * swap.accepted, from any surface: the swap's conversation gets a Discord home for everyone on Discord — one
 * private thread in the swaps channel of a community they share, or a DM each for those it does not reach
 * (no swaps channel, or Discord refused the thread) — and the opening message in each. Channels already bound
 * are reused and what was posted is not posted again, so redelivery only finishes what a failed attempt left
 * undone.
 */
export function swapConversationsHandler(context: RelayContext): OutboxHandler<"swap.accepted"> {
  const { core } = context;
  return {
    name: "discord.swap-conversations",
    types: ["swap.accepted"],
    async handle(event: OutboxMessage<"swap.accepted">) {
      const { conversationId } = event.payload;
      // Null while a three-person swap still waits for someone: the conversation opens at the last acceptance.
      if (conversationId === null) return;
      const opening = await core.services.relays.swapOpening(conversationId, "discord");
      if (opening === null) return;
      const people = onDiscord(opening);
      if (people.length === 0) return;
      const bound = (await core.services.conversations.channelsOf(conversationId)).filter(
        (c) => c.platform === "discord",
      );
      const channel = opening.swapsChannel;
      const inThread = people.filter((p) => channel?.memberIds.includes(p.userId) === true);
      let threadId = bound.find((c) => c.userId === null)?.externalChannelId ?? null;
      if (threadId === null && channel !== null && inThread.length > 0)
        threadId = await openThread(context, conversationId, { ...opening, swapsChannel: channel });
      let refused: Participant[] = [];
      if (threadId !== null) {
        refused = await addMembers(context, threadId, inThread);
        await postOnce(context, threadId, swapOpeningMessage(opening, event.id));
      }
      const byDm = threadId === null ? people : people.filter((p) => !inThread.includes(p) || refused.includes(p));
      for (const person of byDm) {
        const dmId =
          bound.find((c) => c.userId === person.userId)?.externalChannelId ??
          (await openDm(context, conversationId, person));
        if (dmId !== null)
          await postOnce(context, dmId, swapOpeningMessage(opening, event.id)).catch((error: unknown) => {
            if (!isRefusal(error)) throw error;
          });
      }
    },
  };
}
