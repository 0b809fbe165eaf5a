import type { ChatArea } from "../area.js";
import { helpMessage } from "../sentences/help.js";

/** What SkillSwap is and how to reach the dashboard. */
export const basicsArea: ChatArea<"skillswap help"> = {
  commands: {
    "skillswap help": ({ community }) => Promise.resolve(helpMessage(community?.isAdmin ?? false)),
  },
};
