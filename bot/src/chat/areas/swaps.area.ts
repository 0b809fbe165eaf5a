import { translate } from "@skillswap/core";
import { onClick, type ChatArea } from "../area.js";
import { say } from "../reply.js";
import { skillsOf, swapListMessage, swapOutcomeUpdate } from "../sentences/swaps.js";
import { suggestSessions, suggestSwaps } from "../suggestions/swap-suggestions.js";

/** Proposing, listing and answering swaps. */
export const swapsArea: ChatArea<"swap request" | "swap list"> = {
  commands: {
    async "swap request"({ core, actor, options }) {
      const person = options.person("user");
      if (person === null) return say(translate("field.required"));
      if (person.handle === null) return say(translate("bot.swap_not_on_skillswap", { name: person.name }));
      const note = options.string("message");
      const swap = await core.services.swaps.request(actor, {
        to: person.handle,
        offer: options.string("offer") ?? "",
        want: options.string("want") ?? "",
        ...(note === null ? {} : { message: note }),
      });
      return say(translate("bot.swap_sent", { who: `@${person.handle}`, skills: skillsOf(swap) }));
    },

    async "swap list"({ core, actor }) {
      const { swaps } = await core.services.swaps.list(actor, { limit: 15 });
      return swapListMessage(swaps);
    },
  },
  actions: [
    // A click on Accept, Decline or Cancel: one move of the swap, then the message says what happened.
    onClick("swap.move", async ({ core, actor }, { move, swapId }) => {
      const { swaps } = core.services;
      const swap =
        move === "accept"
          ? await swaps.accept(actor, swapId)
          : move === "decline"
            ? await swaps.decline(actor, swapId)
            : await swaps.cancel(actor, swapId);
      return swapOutcomeUpdate(move, swap);
    }),
  ],
  suggestions: { swap: suggestSwaps, session: suggestSessions },
};
