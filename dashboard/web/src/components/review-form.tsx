import { useState } from "preact/hooks";
import { submitReview } from "../api/reviews.js";
import type { Swap } from "../api/swaps.js";
import { useApiForm, textOf } from "./api-form.js";
import { FormMessage } from "./form-field.js";

const ratingWords = ["", "Poor", "Fair", "Good", "Very good", "Excellent"];

/** The review of a swap's partner, once a session took place: a 1–5 rating as a radio group, and a few words. */
export function ReviewForm({ swap, announce }: { swap: Swap; announce: (sentence: string) => void }) {
  const [done, setDone] = useState(false);
  const cycle = swap.partners.length > 1;
  const form = useApiForm(["rating", "text", "about"], async (data) => {
    const about = textOf(data, "about");
    const rating = Number(textOf(data, "rating"));
    const review = await submitReview(swap.id, {
      rating: Number.isInteger(rating) ? rating : 0,
      text: textOf(data, "text"),
      ...(cycle && about !== "" ? { about } : {}),
    });
    const subject = swap.partners.find((p) => p.handle === review.subject)?.displayName ?? review.subject;
    setDone(true);
    announce(`Thank you: your review of ${subject} is on their profile.`);
  });
  if (done) return null;
  const ratingError = form.fieldError("rating");
  const textError = form.fieldError("text");
  const aboutError = form.fieldError("about");
  return (
    <form
      id="review"
      ref={form.formRef}
      onSubmit={form.onSubmit}
      noValidate
      aria-labelledby="review-title"
      class="panel"
    >
      <h2 id="review-title">Review {cycle ? "a partner" : swap.partners[0]?.displayName}</h2>
      <FormMessage form={form} />
      {cycle && (
        <div class="field">
          <label htmlFor="review-about">Who</label>
          <select
            id="review-about"
            name="about"
            aria-invalid={aboutError === undefined ? undefined : "true"}
            aria-describedby={aboutError === undefined ? undefined : "review-about-error"}
          >
            {swap.partners.map((p) => (
              <option key={p.handle} value={p.handle}>
                {p.displayName}
              </option>
            ))}
          </select>
          {aboutError !== undefined && (
            <p class="field-error" id="review-about-error">
              {aboutError}
            </p>
          )}
        </div>
      )}
      <fieldset
        class="choices rating"
        aria-invalid={ratingError === undefined ? undefined : "true"}
        aria-describedby={ratingError === undefined ? undefined : "review-rating-error"}
      >
        <legend>Rating</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n}>
            <input type="radio" name="rating" value={String(n)} /> {n} – {ratingWords[n]}
          </label>
        ))}
        {ratingError !== undefined && (
          <p class="field-error" id="review-rating-error">
            {ratingError}
          </p>
        )}
      </fieldset>
      <div class="field">
        <label htmlFor="review-text">What was it like? (optional)</label>
        <textarea
          id="review-text"
          name="text"
          rows={3}
          aria-invalid={textError === undefined ? undefined : "true"}
          aria-describedby={textError === undefined ? undefined : "review-text-error"}
        />
        {textError !== undefined && (
          <p class="field-error" id="review-text-error">
            {textError}
          </p>
        )}
      </div>
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Sending…" : "Publish review"}
      </button>
    </form>
  );
}
