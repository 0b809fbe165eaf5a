import { GatewayDispatchEvents, type Client, type GatewayMessageUpdateDispatchData } from "discord.js";
import { registerDiscordUser } from "../interactions/interaction-actor.js";
import type { GatewayContext } from "./gateway-context.js";
import { guardedBy } from "./guarded.js";

/**
 * A person's edit, not a bot's (ours included: the relay editing its copies) nor a webhook's. Discord also
 * sends MESSAGE_UPDATE when only an embed or a pin changed; the text is then what core already has, and
 * storing it again changes nothing.
 */
function isPersonEditing(message: GatewayMessageUpdateDispatchData): boolean {
  return message.author.bot !== true && message.webhook_id === undefined && message.content.trim() !== "";
}

/**
 * What people change of what they wrote in a swap's private thread or DM changes the message stored under
 * that Discord message id (see channel-messages.ts). A message SkillSwap never stored (from before the
 * swap) is left as it is, and a replayed MESSAGE_UPDATE stores nothing twice. Read from the raw payload, as
 * MESSAGE_CREATE is, so a thread the bot has not cached is still recognised.
 */
export function listenToMessageEdits(client: Client, { core, logger }: GatewayContext): void {
  const guarded = guardedBy(logger);
  const { conversations } = core.services;
  client.ws.on(
    GatewayDispatchEvents.MessageUpdate,
    guarded("storing a Discord edit", async (message: GatewayMessageUpdateDispatchData) => {
      if (!isPersonEditing(message)) return;
      if ((await conversations.forChannel("discord", message.channel_id)) === null) return;
      const actor = await registerDiscordUser(core, message.author);
      await conversations.edit(actor, { source: "discord", externalId: message.id, text: message.content });
    }),
  );
}
