import { translate } from "@skillswap/core";
import type { BotArea, ButtonHandler } from "../interactions/handlers.js";
import { say } from "../interactions/replies.js";
import { swapButtons, swapListReply, swapOutcomeUpdate, skillsOf, type SwapMove } from "../renderers/swap-reply.js";
import { suggestSessions, suggestSwaps } from "../suggestions/swaps.js";
import { discordNameOf, skillswapHandleOf } from "./skillswap-person.js";

/** A click on Accept, Decline or Cancel: one move of the swap, then the message says what happened. */
function swapMove(move: SwapMove): ButtonHandler {
  return async ({ core, actor, args }) => {
    const swapId = args[0] ?? "";
    const { swaps } = core.services;
    const swap =
      move === "accept"
        ? await swaps.accept(actor, swapId)
        : move === "decline"
          ? await swaps.decline(actor, swapId)
          : await swaps.cancel(actor, swapId);
    return swapOutcomeUpdate(move, swap);
  };
}

/** Proposing, listing and answering swaps. */
export const swapsArea: BotArea<"swap request" | "swap list"> = {
  commands: {
    async "swap request"({ core, actor, options }) {
      const user = options.user("user");
      if (user === null) return say(translate("field.required"));
      const handle = await skillswapHandleOf(core, user);
      if (handle === null) return say(translate("bot.swap_not_on_skillswap", { name: discordNameOf(user) }));
      const note = options.string("message");
      const swap = await core.services.swaps.request(actor, {
        to: handle,
        offer: options.string("offer") ?? "",
        want: options.string("want") ?? "",
        ...(note === null ? {} : { message: note }),
      });
      return say(translate("bot.swap_sent", { who: `@${handle}`, skills: skillsOf(swap) }));
    },

    async "swap list"({ core, actor }) {
      const { swaps } = await core.services.swaps.list(actor, { limit: 15 });
      return swapListReply(swaps);
    },
  },
  buttons: {
    [swapButtons.accept]: swapMove("accept"),
    [swapButtons.decline]: swapMove("decline"),
    [swapButtons.cancel]: swapMove("cancel"),
  },
  suggestions: { swap: suggestSwaps, session: suggestSessions },
};
