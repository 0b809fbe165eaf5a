import {
  DiscordAPIError,
  RESTJSONErrorCodes,
  Routes,
  type APIChannel,
  type REST,
  type RESTPostAPIChannelMessageJSONBody,
} from "discord.js";
import { isDomainError, type Delivery, type Notification } from "@skillswap/core";
import type { BotLogger } from "../interactions/create-interactions.js";
import type { BotCore } from "../interactions/handlers.js";
import { buttonMovesOf, swapButtons, swapLine } from "../../chat/sentences/swaps.js";
import { discordRowsOf } from "../renderers/chat-reply.js";
import { dmNonceOf } from "./dm-nonce.js";
import { postOnce } from "./post-once.js";

export interface DiscordDeliveryOptions {
  readonly core: BotCore;
  readonly rest: REST;
  /** `warn` for what is expected now and then (a person who does not accept DMs); `error` otherwise. */
  readonly logger: BotLogger & { readonly warn?: (message: string) => void };
}

/** Discord's answers meaning this person cannot be sent a DM by the bot; retrying changes nothing. */
const dmsClosed: readonly (number | string)[] = [
  RESTJSONErrorCodes.CannotSendMessagesToThisUser,
  RESTJSONErrorCodes.CannotSendMessagesToThisUserDueToHavingNoMutualGuilds,
];

/** The person's Discord user id, or null when they reach SkillSwap some other way. */
async function discordIdOf(core: BotCore, userId: string): Promise<string | null> {
  const identities = await core.services.accounts.identitiesOf(userId);
  return identities.find((i) => i.provider === "discord")?.subject ?? null;
}

/**
 * What the DM says. A swap request also shows the swap and, while it still waits on them, Accept and Decline
 * buttons that work from the DM.
 */
async function dmOf(core: BotCore, notification: Notification): Promise<RESTPostAPIChannelMessageJSONBody> {
  const body: RESTPostAPIChannelMessageJSONBody = {
    content: notification.text,
    // Names and previews are people's own words; a DM pings nobody else.
    allowed_mentions: { parse: [] },
    nonce: dmNonceOf(notification.eventId, notification.userId),
  };
  if (notification.kind !== "swap_request" || notification.about.type !== "swap") return body;
  try {
    const swap = await core.services.swaps.get({ userId: notification.userId }, notification.about.id);
    const moves = buttonMovesOf(swap);
    return {
      ...body,
      content: `${notification.text}\n${swapLine(swap)}`,
      components: discordRowsOf([swapButtons(swap.id, moves)]),
    };
  } catch (error) {
    // Gone or no longer theirs since the event: the plain sentence is still true, just without buttons.
    if (isDomainError(error)) return body;
    throw error;
  }
}

/**
 * Notifications by Discord DM (core's "platform" channel, shared with Slack): to people with a Discord
 * account, through a DM channel the bot opens. People without one are left to their other surfaces; people
 * who do not accept DMs from the bot are skipped, not retried. Any other failure is thrown so the outbox
 * retries with backoff; a DM that already went out is not sent again by that retry (post-once.ts).
 */
export function discordDelivery(options: DiscordDeliveryOptions): Delivery {
  const { core, rest, logger } = options;
  return {
    channel: "platform",
    async deliver(notification) {
      const recipientId = await discordIdOf(core, notification.userId);
      if (recipientId === null) return;
      const message = await dmOf(core, notification);
      try {
        // Opening a DM channel is idempotent: Discord returns the same channel each time.
        const channel = (await rest.post(Routes.userChannels(), { body: { recipient_id: recipientId } })) as APIChannel;
        await postOnce(options, channel.id, message);
      } catch (error) {
        if (!(error instanceof DiscordAPIError && dmsClosed.includes(error.code))) throw error;
        const say = logger.warn ?? ((text: string) => logger.error(text, error));
        say(`notification ${notification.eventId} not sent to ${notification.userId}: they do not accept DMs`);
      }
    },
  };
}
