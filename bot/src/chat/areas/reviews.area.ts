import { onSubmit, type ChatArea } from "../area.js";
import { reviewFields, reviewForm, reviewSavedMessage } from "../sentences/review-form.js";
import { partnersOf } from "../sentences/swaps.js";

// What a person types as a rating. Text that is no number is sent as 0, a rating outside 1–5 like "7", so
// core answers both with its own sentence for the field.
const wholeNumber = /^\s*\d{1,2}\s*$/;

/** Reviewing a swap partner: the command opens a form, its submission writes the review. */
export const reviewsArea: ChatArea<"review"> = {
  commands: {
    async review({ core, actor, options }) {
      const swapId = options.string("swap") ?? "";
      // Read first so a swap that is not theirs is refused now, not after they typed a review.
      const swap = await core.services.swaps.get(actor, swapId);
      return reviewForm(swap.id, partnersOf(swap), swap.partners.length > 1);
    },
  },
  forms: [
    onSubmit("review.submit", async (form, { swapId }) => {
      const { core, actor } = form;
      const typed = form.field(reviewFields.rating);
      const about = form.field(reviewFields.about).trim();
      const review = await core.services.reviews.submit(actor, swapId, {
        rating: wholeNumber.test(typed) ? Number(typed) : 0,
        text: form.field(reviewFields.text),
        ...(about === "" ? {} : { about }),
      });
      return reviewSavedMessage(review);
    }),
  ],
};
