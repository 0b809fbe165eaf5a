import { translate } from "@skillswap/core";
import type { BotArea, CommandContext, InteractionCommunity } from "../interactions/handlers.js";
import { say, type Reply } from "../interactions/replies.js";

/**
 * Runs an admin command in its community. Whether the person may is core's decision (community admins are
 * those Discord lets manage the server); the bot only passes the community the command came from.
 */
function inCommunity(
  run: (context: CommandContext, community: InteractionCommunity, channelId: string) => Promise<Reply>,
) {
  return (context: CommandContext): Promise<Reply> => {
    const channel = context.options.channel("channel");
    if (context.community === null || channel === null) return Promise.resolve(say(translate("chat.community_only")));
    return run(context, context.community, channel.id);
  };
}

/** What a community's admins set up: channels linked to groups and where private swap threads open. */
export const adminArea: BotArea<
  "skillswap admin link-group" | "skillswap admin unlink" | "skillswap admin swaps-channel"
> = {
  commands: {
    "skillswap admin link-group": inCommunity(async ({ core, actor, options }, { communityId }, channelId) => {
      const kind = options.string("kind") === "forum" ? "forum" : "chat";
      const link = await core.services.communities.linkChannel(actor, {
        communityId,
        channelId,
        group: options.string("group") ?? "",
        kind,
      });
      return say(translate("bot.channel_linked", { channel: channelId, group: link.group.name, kind: link.kind }));
    }),

    "skillswap admin unlink": inCommunity(async ({ core, actor }, { communityId }, channelId) => {
      await core.services.communities.unlinkChannel(actor, { communityId, channelId });
      return say(translate("bot.channel_unlinked", { channel: channelId }));
    }),

    "skillswap admin swaps-channel": inCommunity(async ({ core, actor }, { communityId }, channelId) => {
      await core.services.communities.setSwapsChannel(actor, { communityId, channelId });
      return say(translate("bot.swaps_channel_set", { channel: channelId }));
    }),
  },
};
