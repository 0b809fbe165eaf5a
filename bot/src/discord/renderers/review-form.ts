import { ComponentType, TextInputStyle, type APIActionRowComponent, type APITextInputComponent } from "discord.js";
import { translate } from "@skillswap/core";
import { customId } from "../interactions/custom-id.js";
import { modal, say, type Reply } from "../interactions/replies.js";

/** The form's route and its fields, shared by the form and the handler reading its submission. */
export const reviewForm = { route: "review.submit", rating: "rating", text: "text", about: "about" } as const;

// Discord caps a modal title at 45 characters.
const maxTitle = 45;

// Action rows, not the newer labels: the router reads a submission's fields from rows.
const row = (input: APITextInputComponent): APIActionRowComponent<APITextInputComponent> => ({
  type: ComponentType.ActionRow,
  components: [input],
});

/**
 * The review form for a swap: a rating typed as a number (Discord forms have no star picker) and a few words.
 * A three-person swap also asks whom it is about.
 */
export function reviewFormReply(swapId: string, partners: string, askWhom: boolean): Reply {
  const title = translate("bot.review_title", { name: partners });
  return modal({
    custom_id: customId(reviewForm.route, swapId),
    title: title.length > maxTitle ? `${title.slice(0, maxTitle - 1)}…` : title,
    components: [
      row({
        type: ComponentType.TextInput,
        custom_id: reviewForm.rating,
        style: TextInputStyle.Short,
        label: translate("bot.review_rating"),
        min_length: 1,
        max_length: 2,
        required: true,
        placeholder: "5",
      }),
      row({
        type: ComponentType.TextInput,
        custom_id: reviewForm.text,
        style: TextInputStyle.Paragraph,
        label: translate("bot.review_text"),
        max_length: 2000,
        required: false,
      }),
      ...(askWhom
        ? [
            row({
              type: ComponentType.TextInput,
              custom_id: reviewForm.about,
              style: TextInputStyle.Short,
              label: translate("bot.review_about"),
              max_length: 40,
              required: true,
            }),
          ]
        : []),
    ],
  });
}

export function reviewSavedReply(review: { readonly subject: string; readonly rating: number }): Reply {
  return say(translate("bot.review_saved", { name: `@${review.subject}`, rating: review.rating }));
}
