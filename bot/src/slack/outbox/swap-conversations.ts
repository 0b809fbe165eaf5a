import type { OutboxHandler, OutboxMessage, SwapOpening } from "@skillswap/core";
import type { WebClient } from "@slack/web-api";
import { dashboardUrl, swapOpeningText } from "../renderers/relay-messages.js";
import { postOnce } from "./post-once.js";
import type { SlackRelayContext } from "./slack-relay-context.js";
import { unlessRefused } from "./slack-refusals.js";

type Participant = SwapOpening["participants"][number] & { readonly platformUserId: string };

const onSlack = (opening: SwapOpening): Participant[] =>
  opening.participants.filter((p): p is Participant => p.platformUserId !== null);

/**
 * The swap's Slack participants by workspace. A conversation cannot span workspaces, so people from two
 * workspaces that installed the app each get their workspace's own conversation, relayed like any surface.
 */
function byWorkspace(people: readonly Participant[]): Map<string, Participant[]> {
  const groups = new Map<string, Participant[]>();
  for (const person of people) {
    const workspace = person.platformTenantId ?? "";
    groups.set(workspace, [...(groups.get(workspace) ?? []), person]);
  }
  return groups;
}

/**
 * The swap's conversation in one workspace: a group DM of its Slack participants there and the bot
 * (conversations.open names only the people; the bot is in every DM it opens), or a DM when only one of them
 * is there. Slack keeps one such conversation per set of people, so opening it again on redelivery returns
 * the same one. Null when Slack refuses (someone deactivated, DMs from apps turned off).
 */
async function openGroupDm(
  context: SlackRelayContext,
  client: WebClient,
  people: readonly Participant[],
): Promise<string | null> {
  const users = people.map((p) => p.platformUserId).join(",");
  const opened = await unlessRefused(
    () => client.conversations.open({ users }),
    (error) => context.logger.error(`cannot open a Slack conversation with ${users}`, error),
  );
  return opened?.channel?.id ?? null;
}

/**
 * swap.accepted, from any surface: the swap's conversation gets a Slack home for everyone on Slack (one per
 * workspace) and the opening message there, once. The channel is bound in core with its workspace, as Discord
 * binds its thread: shared (no person) for a group DM, which every Slack participant there reads; to the person
 * for a DM, which only they read — so notifications of new messages spare exactly those who see them here.
 * Redelivery reuses the bound channel and posts nothing twice.
 */
export function swapConversationsHandler(context: SlackRelayContext): OutboxHandler<"swap.accepted"> {
  const { core, clients } = context;

  return {
    name: "slack.swap-conversations",
    types: ["swap.accepted"],
    async handle(event: OutboxMessage<"swap.accepted">) {
      const { conversationId } = event.payload;
      // Null while a three-person swap still waits for someone: the conversation opens at the last acceptance.
      if (conversationId === null) return;
      const opening = await core.services.relays.swapOpening(conversationId, "slack");
      if (opening === null) return;
      const text = swapOpeningText(opening, dashboardUrl(core.config.PUBLIC_URL, `/conversations/${conversationId}`));
      const channels = await core.services.conversations.channelsOf(conversationId);
      for (const [workspace, people] of byWorkspace(onSlack(opening))) {
        const bound = channels.find((c) => c.platform === "slack" && (c.tenantId ?? "") === workspace);
        await clients.withClient(workspace, async (client) => {
          const channelId = bound?.externalChannelId ?? (await openGroupDm(context, client, people));
          if (channelId === null) return;
          const [alone] = people;
          await core.services.conversations.bindChannel({
            conversationId,
            userId: people.length === 1 && alone !== undefined ? alone.userId : null,
            platform: "slack",
            externalChannelId: channelId,
            tenantId: workspace === "" ? null : workspace,
          });
          await unlessRefused(
            () => postOnce({ core, client }, channelId, `opening/${event.id}`, text),
            (error) => context.logger.error(`cannot open the swap conversation in ${channelId}`, error),
          );
        });
      }
    },
  };
}
