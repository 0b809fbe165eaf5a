import { ButtonStyle, ComponentType } from "discord.js";
import { translate } from "@skillswap/core";
import type { BotArea } from "../interactions/handlers.js";
import { message } from "../interactions/replies.js";

/** The person's SkillSwap account beyond Discord: a one-time way into the dashboard. */
export const accountArea: BotArea<"skillswap login"> = {
  commands: {
    async "skillswap login"({ core, actor }) {
      const { token } = await core.services.accounts.issueLoginLink(actor);
      const url = new URL("/login/link", core.config.PUBLIC_URL);
      url.searchParams.set("token", token);
      // A link button rather than text: the token stays out of the message body and its previews.
      return message({
        content: translate("bot.login_link"),
        components: [
          {
            type: ComponentType.ActionRow,
            components: [
              {
                type: ComponentType.Button,
                style: ButtonStyle.Link,
                label: translate("bot.login_open"),
                url: url.href,
              },
            ],
          },
        ],
      });
    },
  },
};
