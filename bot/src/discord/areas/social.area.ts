import { translate } from "@skillswap/core";
import type { BotArea, CommandContext } from "../interactions/handlers.js";
import { say, type Reply } from "../interactions/replies.js";
import { groupsReply } from "../renderers/groups-reply.js";
import { groups } from "../suggestions/group-suggestions.js";
import { discordNameOf, skillswapHandleOf } from "./skillswap-person.js";

/** Follows or unfollows the picked Discord user's SkillSwap profile. */
function followCommand(action: "follow" | "unfollow") {
  return async ({ core, actor, options }: CommandContext): Promise<Reply> => {
    const user = options.user("user");
    const handle = user === null ? null : await skillswapHandleOf(core, user);
    if (user === null || handle === null)
      return say(translate("bot.not_on_skillswap", { name: user === null ? "?" : discordNameOf(user) }));
    await core.services.follows[action](actor, { handle });
    return say(translate(action === "follow" ? "bot.followed" : "bot.unfollowed", { handle }));
  };
}

/** Following people and taking part in interest groups. */
export const socialArea: BotArea<"follow" | "unfollow" | "group join" | "group leave" | "group list" | "group create"> =
  {
    commands: {
      follow: followCommand("follow"),
      unfollow: followCommand("unfollow"),

      async "group join"({ core, actor, options }) {
        const joined = await core.services.groups.join(actor, options.string("group") ?? "");
        return say(translate("bot.group_joined", { group: joined.name }));
      },

      async "group leave"({ core, actor, options }) {
        await core.services.groups.leave(actor, options.string("group") ?? "");
        return say(translate("bot.group_left"));
      },

      async "group list"({ core, actor, community }) {
        // In a server: its groups and the open ones; in a DM, every group the person can see.
        const seenFrom = community === null ? {} : { seenFrom: community.communityId };
        return groupsReply(await core.services.groups.list(actor, seenFrom));
      },

      async "group create"({ core, actor, community, options, interaction }) {
        if (community === null) return say(translate("chat.community_only"));
        const description = options.string("description");
        const created = await core.services.groups.create(actor, {
          name: options.string("name") ?? "",
          communityId: community.communityId,
          ...(description === null ? {} : { description }),
        });
        const by = interaction.member?.user ?? interaction.user;
        return say(
          translate("bot.group_created", { name: by === undefined ? "?" : discordNameOf(by), group: created.name }),
        );
      },
    },
    suggestions: { group: groups },
  };
