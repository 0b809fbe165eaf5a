import type { BotArea } from "../interactions/handlers.js";
import { helpReply } from "../renderers/help-reply.js";

/** What SkillSwap is and how to reach the dashboard. */
export const basicsArea: BotArea<"skillswap help"> = {
  commands: {
    "skillswap help": ({ community }) => Promise.resolve(helpReply(community?.isAdmin ?? false)),
  },
};
