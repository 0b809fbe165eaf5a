import { ErrorCode } from "@slack/web-api";
import type { OutboxHandler, OutboxMessage, RelayedMessage } from "@skillswap/core";
import { unlessRefusedBy } from "../../chat/refusals.js";
import { relayedLine } from "../renderers/relay-messages.js";
import { postedMessageKey } from "./post-once.js";
import { workspaceOf, type SlackRelayContext } from "./slack-relay-context.js";
import { isRefusal } from "./slack-refusals.js";

/** The key message-relay.ts posts a conversation message's copy under, in each Slack channel. */
export const relayedCopyKey = (messageId: string): string => `relay/${messageId}`;

/** Besides the places Slack will not let the bot reach: a copy someone deleted since cannot be changed. */
const goneCopy: ReadonlySet<string> = new Set(["message_not_found", "cant_update_message"]);

function isGoneCopy(error: unknown): boolean {
  if (!(error instanceof Error) || !("code" in error) || error.code !== ErrorCode.PlatformError) return false;
  const answer = "data" in error && typeof error.data === "object" && error.data !== null ? error.data : {};
  return "error" in answer && typeof answer.error === "string" && goneCopy.has(answer.error);
}

const unlessRefused = unlessRefusedBy((error) => isRefusal(error) || isGoneCopy(error));

interface SlackChannel {
  readonly externalChannelId: string;
  readonly tenantId: string | null;
}

/**
 * message.edited: the copies the relay posted of that message in Slack channels say what it says now. Only
 * copies core's record of sends knows are changed: where the relay has not posted yet it will post the
 * message as it then reads, and the channel it was written in holds the original, edited by its author. The
 * text is read when this runs, so a late retry of an older edit puts back nothing older. chat.update is the
 * same however often it is made, so a retried event changes nothing twice.
 */
export function messageEditRelayHandler(context: SlackRelayContext): OutboxHandler<"message.edited"> {
  const { core, logger } = context;

  async function updateCopy(channel: SlackChannel, message: RelayedMessage): Promise<void> {
    const key = postedMessageKey(channel.externalChannelId, relayedCopyKey(message.id));
    const copy = await core.services.sends.lookup("slack", key);
    if (copy?.status !== "sent") return;
    await unlessRefused(
      () =>
        context.clients.withClient(workspaceOf(channel), (client) =>
          client.chat.update({
            channel: channel.externalChannelId,
            ts: copy.externalId,
            text: relayedLine(message),
            link_names: false,
          }),
        ),
      (error) => logger.error(`cannot update the copy in ${channel.externalChannelId}`, error),
    );
  }

  return {
    name: "slack.message-edit-relay",
    types: ["message.edited"],
    async handle(event: OutboxMessage<"message.edited">) {
      const message = await core.services.relays.message(event.payload.messageId);
      if (message === null) return;
      const channels = await core.services.conversations.channelsOf(message.conversationId);
      for (const channel of channels) if (channel.platform === "slack") await updateCopy(channel, message);
    },
  };
}
