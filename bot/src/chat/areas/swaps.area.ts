import { translate } from "@skillswap/core";
import { onClick, onSubmit, type ChatArea } from "../area.js";
import { say } from "../reply.js";
import { swapFields, swapPartnerForm, swapSkillsForm } from "../sentences/swap-forms.js";
import { skillsOf, swapListMessage, swapOutcomeUpdate } from "../sentences/swaps.js";
import { people } from "../suggestions/people-suggestions.js";
import { suggestSessions, suggestSwaps } from "../suggestions/swap-suggestions.js";

/** Proposing, listing and answering swaps. */
export const swapsArea: ChatArea<"swap request" | "swap list"> = {
  commands: {
    async "swap request"({ core, actor, options }) {
      const person = options.person("user");
      // Without anyone named (Slack's bare command, the Home) the request is asked for step by step.
      if (person === null) return swapPartnerForm();
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
  forms: [
    // The person picked: what each of them teaches, from core, becomes the second step.
    onSubmit("swap.partner", async (form) => {
      const choices = await form.core.services.swaps.choicesWith(form.actor, form.field(swapFields.to));
      if (choices.theyTeach.length === 0) return say(translate("bot.swap_nothing_taught", { handle: choices.handle }));
      return swapSkillsForm(choices);
    }),

    onSubmit("swap.skills", async (form, { to }) => {
      const offer = form.field(swapFields.offer);
      const swap = await form.core.services.swaps.request(form.actor, {
        to,
        want: form.field(swapFields.want),
        ...(offer === "" ? {} : { offer }),
        message: form.field(swapFields.message),
      });
      return say(translate("bot.swap_sent", { who: `@${to}`, skills: skillsOf(swap) }));
    }),
  ],
  suggestions: { swap: suggestSwaps, session: suggestSessions, person: people },
};
