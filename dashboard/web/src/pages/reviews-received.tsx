import { useEffect, useState } from "preact/hooks";
import { replyToReview, reviewsAbout, type Review } from "../api/reviews.js";
import { useApiForm, textOf } from "../components/api-form.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { usePageTitle } from "../page-title.js";
import { Failure, Loading } from "../components/load-state.js";
import { FormMessage } from "../components/form-field.js";
import "../swap-pages.css";

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "shown"; readonly reviews: readonly Review[]; readonly next: string | null };

function ReviewItem({ review, onReplied }: { review: Review; onReplied: (review: Review) => void }) {
  const form = useApiForm(["text"], async (data) => onReplied(await replyToReview(review.id, textOf(data, "text"))));
  const id = `reply-${review.id}`;
  const error = form.fieldError("text");
  return (
    <li class="review">
      <p>
        <strong>{review.authorName}</strong>{" "}
        <span class="rating" aria-label={`${review.rating} out of 5`}>
          {"★".repeat(review.rating)}
          {"☆".repeat(5 - review.rating)}
        </span>{" "}
        <time class="muted" dateTime={review.createdAt}>
          {new Date(review.createdAt).toLocaleDateString("en-GB", { dateStyle: "medium" })}
        </time>
      </p>
      {review.text !== "" && <p>{review.text}</p>}
      {review.reply !== null ? (
        <p class="reply">
          <strong>Your reply:</strong> {review.reply}
        </p>
      ) : (
        <form
          ref={form.formRef}
          onSubmit={form.onSubmit}
          noValidate
          class="inline-form"
          aria-label={`Reply to ${review.authorName}`}
        >
          <FormMessage form={form} />
          <div class="field">
            <label htmlFor={`${id}-text`}>Your reply to {review.authorName}</label>
            <textarea
              id={`${id}-text`}
              name="text"
              rows={2}
              aria-invalid={error === undefined ? undefined : "true"}
              aria-describedby={error === undefined ? undefined : `${id}-error`}
            />
            {error !== undefined && (
              <p class="field-error" id={`${id}-error`}>
                {error}
              </p>
            )}
          </div>
          <button type="submit" class="button" disabled={form.busy}>
            Reply
          </button>
        </form>
      )}
    </li>
  );
}

function ReceivedReviews({ handle }: { handle: string }) {
  usePageTitle("Reviews about you");
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  const [confirmation, setConfirmation] = useState("");
  const [moreBusy, setMoreBusy] = useState(false);
  useEffect(() => {
    let current = true;
    reviewsAbout(handle, null).then(
      (page) => current && setLoaded({ state: "shown", reviews: page.items, next: page.nextCursor }),
      (error: unknown) =>
        current && setLoaded({ state: "failed", message: failureText(error, "Your reviews could not be loaded.") }),
    );
    return () => {
      current = false;
    };
  }, [handle]);
  const loadMore = () => {
    if (loaded.state !== "shown") return;
    setMoreBusy(true);
    reviewsAbout(handle, loaded.next)
      .then((page) => setLoaded({ state: "shown", reviews: [...loaded.reviews, ...page.items], next: page.nextCursor }))
      .catch((error: unknown) => setConfirmation(failureText(error, "More reviews could not be loaded.")))
      .finally(() => setMoreBusy(false));
  };
  return (
    <>
      <h1>Reviews about you</h1>
      <p role="status" class="confirmation">
        {confirmation}
      </p>
      {loaded.state === "loading" && <Loading>Loading your reviews…</Loading>}
      {loaded.state === "failed" && <Failure>{loaded.message}</Failure>}
      {loaded.state === "shown" && loaded.reviews.length === 0 && (
        <p class="empty">Nobody has reviewed you yet. Reviews come after a session that took place.</p>
      )}
      {loaded.state === "shown" && loaded.reviews.length > 0 && (
        <>
          <ul class="review-list">
            {loaded.reviews.map((review) => (
              <ReviewItem
                key={review.id}
                review={review}
                onReplied={(replied) => {
                  setLoaded({ ...loaded, reviews: loaded.reviews.map((r) => (r.id === replied.id ? replied : r)) });
                  setConfirmation(`Your reply to ${replied.authorName} is published.`);
                }}
              />
            ))}
          </ul>
          {loaded.next !== null && (
            <button type="button" class="button" onClick={loadMore} disabled={moreBusy}>
              {moreBusy ? "Loading…" : "Load more"}
            </button>
          )}
        </>
      )}
    </>
  );
}

/** /reviews: the reviews others wrote about me, each answerable once. */
export function ReviewsReceived() {
  return (
    <SignedInOnly title="Reviews about you">
      {(handle) => <ReceivedReviews key={handle} handle={handle} />}
    </SignedInOnly>
  );
}
