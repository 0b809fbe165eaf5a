import { translate } from "@skillswap/core";
import type { ChatArea, CommandRun } from "../area.js";
import type { ChatCommunity, CommandInput } from "../context.js";
import { say, type ChatReply } from "../reply.js";

/**
 * Runs an admin command in its community. Whether the person may is core's decision (community admins are
 * those the platform lets administer it); the chat layer only passes the community the command came from.
 */
function inCommunity(
  run: (input: CommandInput, community: ChatCommunity, channelId: string) => Promise<ChatReply>,
): CommandRun {
  return (input) => {
    const channel = input.options.channel("channel");
    if (input.community === null || channel === null) return Promise.resolve(say(translate("chat.community_only")));
    return run(input, input.community, channel);
  };
}

/** What a community's admins set up: channels linked to groups and where private swap threads open. */
export const adminArea: ChatArea<
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
