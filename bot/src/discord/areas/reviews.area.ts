import type { BotArea } from "../interactions/handlers.js";
import { partnersOf } from "../renderers/swap-reply.js";
import { reviewForm, reviewFormReply, reviewSavedReply } from "../renderers/review-form.js";

// What a person types as a rating. Text that is no number is sent as 0, a rating outside 1–5 like "7", so
// core answers both with its own sentence for the field.
const wholeNumber = /^\s*\d{1,2}\s*$/;

/** Reviewing a swap partner: the command opens a form, its submission writes the review. */
export const reviewsArea: BotArea<"review"> = {
  commands: {
    async review({ core, actor, options }) {
      const swapId = options.string("swap") ?? "";
      // Read first so a swap that is not theirs is refused now, not after they typed a review.
      const swap = await core.services.swaps.get(actor, swapId);
      return reviewFormReply(swap.id, partnersOf(swap), swap.partners.length > 1);
    },
  },
  forms: {
    async [reviewForm.route](form) {
      const { core, actor, args } = form;
      const typed = form.field(reviewForm.rating);
      const about = form.field(reviewForm.about).trim();
      const review = await core.services.reviews.submit(actor, args[0] ?? "", {
        rating: wholeNumber.test(typed) ? Number(typed) : 0,
        text: form.field(reviewForm.text),
        ...(about === "" ? {} : { about }),
      });
      return reviewSavedReply(review);
    },
  },
};
