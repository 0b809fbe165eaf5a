import { translate } from "@skillswap/core";
import type { ChatArea } from "../area.js";

/** The person's SkillSwap account beyond chat: a one-time way into the dashboard. */
export const accountArea: ChatArea<"skillswap login"> = {
  commands: {
    async "skillswap login"({ core, actor }) {
      const { token } = await core.services.accounts.issueLoginLink(actor);
      const url = new URL("/login/link", core.config.PUBLIC_URL);
      url.searchParams.set("token", token);
      // A link button rather than text: the token stays out of the message body and its previews.
      return {
        kind: "message",
        text: translate("bot.login_link"),
        buttons: [[{ label: translate("bot.login_open"), url: url.href }]],
      };
    },
  },
};
