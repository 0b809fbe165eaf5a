import { translate } from "@skillswap/core";
import { say, type ChatForm, type ChatMessage } from "../reply.js";

/** The review form's fields, named as core names what they become. */
export const reviewFields = { rating: "rating", text: "text", about: "about" } as const;

/**
 * The review form for a swap: a rating typed as a number (chat forms have no star picker everywhere) and a few
 * words. A three-person swap also asks whom it is about.
 */
export function reviewForm(swapId: string, partners: string, askWhom: boolean): ChatForm {
  return {
    kind: "form",
    title: translate("bot.review_title", { name: partners }),
    submit: { kind: "review.submit", swapId },
    fields: [
      {
        name: reviewFields.rating,
        label: translate("bot.review_rating"),
        required: true,
        minLength: 1,
        maxLength: 2,
        placeholder: "5",
      },
      { name: reviewFields.text, label: translate("bot.review_text"), long: true, required: false, maxLength: 2000 },
      ...(askWhom
        ? [{ name: reviewFields.about, label: translate("bot.review_about"), required: true, maxLength: 40 }]
        : []),
    ],
  };
}

export function reviewSavedMessage(review: { readonly subject: string; readonly rating: number }): ChatMessage {
  return say(translate("bot.review_saved", { name: `@${review.subject}`, rating: review.rating }));
}
