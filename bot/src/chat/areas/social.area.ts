import { translate } from "@skillswap/core";
import type { ChatArea, CommandRun } from "../area.js";
import { say } from "../reply.js";
import { groupsMessage } from "../sentences/groups.js";
import { groups } from "../suggestions/group-suggestions.js";

/** Follows or unfollows the picked person's SkillSwap profile. */
function followCommand(action: "follow" | "unfollow"): CommandRun {
  return async ({ core, actor, options }) => {
    const person = options.person("user");
    const handle = person?.handle ?? null;
    if (handle === null) return say(translate("bot.not_on_skillswap", { name: person?.name ?? "?" }));
    await core.services.follows[action](actor, { handle });
    return say(translate(action === "follow" ? "bot.followed" : "bot.unfollowed", { handle }));
  };
}

/** Following people and taking part in interest groups. */
export const socialArea: ChatArea<
  "follow" | "unfollow" | "group join" | "group leave" | "group list" | "group create"
> = {
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
      // In a community: its groups and the open ones; in a DM, every group the person can see.
      const seenFrom = community === null ? {} : { seenFrom: community.communityId };
      return groupsMessage(await core.services.groups.list(actor, seenFrom));
    },

    async "group create"({ core, actor, community, name, options }) {
      if (community === null) return say(translate("chat.community_only"));
      const description = options.string("description");
      const created = await core.services.groups.create(actor, {
        name: options.string("name") ?? "",
        communityId: community.communityId,
        ...(description === null ? {} : { description }),
      });
      return say(translate("bot.group_created", { name, group: created.name }));
    },
  },
  suggestions: { group: groups },
};
