import { translate, type SwapChoice, type SwapChoices } from "@skillswap/core";
import type { ChatForm, FormChoiceGroup } from "../reply.js";

/** The fields of the swap request forms, named as core names what a request holds: its errors land on them. */
export const swapFields = { to: "to", want: "want", offer: "offer", message: "message" } as const;

const noteField = {
  name: swapFields.message,
  label: translate("bot.swap_form_message"),
  long: true,
  required: false,
  maxLength: 1000,
} as const;

/** The first step of a request made without naming anyone: whom to ask, picked among the people one may see. */
export function swapPartnerForm(): ChatForm {
  return {
    kind: "form",
    title: translate("bot.swap_pick_title"),
    submit: { kind: "swap.partner" },
    fields: [
      {
        name: swapFields.to,
        label: translate("bot.swap_pick_person"),
        required: true,
        maxLength: 40,
        placeholder: translate("bot.swap_pick_hint"),
        suggest: "person",
        advances: true,
      },
    ],
  };
}

const choiceOf = ({ name, level }: SwapChoice) => ({
  label: translate("bot.skill_level", { skill: name, level }),
  value: name,
});

/** The skills the other person wants first, under their own heading; a heading without skills is left out. */
function groupsOf(choices: readonly SwapChoice[], wantedLabel: string): FormChoiceGroup[] {
  const groups = [
    { label: wantedLabel, choices: choices.filter((c) => c.wanted).map(choiceOf) },
    { label: translate("bot.swap_choices_other"), choices: choices.filter((c) => !c.wanted).map(choiceOf) },
  ];
  return groups.filter((g) => g.choices.length > 0);
}

/**
 * The second step, the person chosen: one of the skills they teach, one of yours in return, and a note. With
 * nothing of yours to offer the request is one-way, as core allows.
 */
export function swapSkillsForm(choices: SwapChoices): ChatForm {
  const offer = groupsOf(choices.youTeach, translate("bot.swap_choices_they_want"));
  return {
    kind: "form",
    title: translate("bot.swap_pick_title"),
    intro: translate("bot.swap_form_title", { name: `${choices.displayName} (@${choices.handle})` }),
    submit: { kind: "swap.skills", to: choices.handle },
    fields: [
      {
        name: swapFields.want,
        label: translate("bot.swap_want_label", { name: choices.displayName }),
        required: true,
        maxLength: 80,
        choices: groupsOf(choices.theyTeach, translate("bot.swap_choices_wanted")),
      },
      ...(offer.length === 0
        ? []
        : [
            {
              name: swapFields.offer,
              label: translate("bot.swap_offer_label"),
              required: true,
              maxLength: 80,
              choices: offer,
            },
          ]),
      noteField,
    ],
  };
}
