import { translate, type Actor } from "@skillswap/core";
import type { BotArea, BotCore, ButtonHandler } from "../interactions/handlers.js";
import { say } from "../interactions/replies.js";
import { swapButtons, swapListReply, swapOutcomeUpdate, skillsOf, type SwapMove } from "../renderers/swap-reply.js";
import { suggestSessions, suggestSwaps } from "../suggestions/swaps.js";

/** The person's own handle: swaps name their participants by handle, and a reply speaks from one side. */
export async function ownHandleOf(core: BotCore, actor: Actor): Promise<string> {
  return (await core.services.profiles.me(actor)).handle;
}

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
    return swapOutcomeUpdate(move, swap, await ownHandleOf(core, actor));
  };
}

/** Proposing, listing and answering swaps. */
export const swapsArea: BotArea<"swap request" | "swap list"> = {
  commands: {
    async "swap request"({ core, actor, options }) {
      const user = options.user("user");
      if (user === null) return say(translate("field.required"));
      // Looking someone up never registers them: only a person's own interaction does.
      const account = await core.services.accounts.findByIdentity("discord", "", user.id);
      if (account === null)
        return say(translate("bot.swap_not_on_skillswap", { name: user.global_name ?? user.username }));
      const note = options.string("message");
      const swap = await core.services.swaps.request(actor, {
        to: account.handle,
        offer: options.string("offer") ?? "",
        want: options.string("want") ?? "",
        ...(note === null ? {} : { message: note }),
      });
      const requester = swap.participants.find((p) => p.role === "requester")?.handle ?? "";
      return say(translate("bot.swap_sent", { who: `@${account.handle}`, skills: skillsOf(swap, requester) }));
    },

    async "swap list"({ core, actor }) {
      const [{ swaps }, handle] = await Promise.all([
        core.services.swaps.list(actor, { limit: 15 }),
        ownHandleOf(core, actor),
      ]);
      return swapListReply(swaps, handle);
    },
  },
  buttons: {
    [swapButtons.accept]: swapMove("accept"),
    [swapButtons.decline]: swapMove("decline"),
    [swapButtons.cancel]: swapMove("cancel"),
  },
  suggestions: { swap: suggestSwaps, session: suggestSessions },
};
