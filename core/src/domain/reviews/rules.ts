/** How long an author may change what they wrote. */
export const reviewEditWindowMs = 14 * 24 * 60 * 60 * 1000;

export interface ReviewEligibility {
  readonly authorTakesPart: boolean;
  readonly subjectTakesPart: boolean;
  readonly aboutSelf: boolean;
  /** At least one session of the swap was completed (or the swap itself is). */
  readonly somethingHappened: boolean;
  readonly alreadyReviewed: boolean;
}

export type ReviewRefusal = "not_participant" | "self" | "nothing_completed" | "already_reviewed";

/** One review per participant, per other participant, per swap, once something in the swap was completed. */
export function reviewRefusal(facts: ReviewEligibility): ReviewRefusal | null {
  if (!facts.authorTakesPart || !facts.subjectTakesPart) return "not_participant";
  if (facts.aboutSelf) return "self";
  if (!facts.somethingHappened) return "nothing_completed";
  if (facts.alreadyReviewed) return "already_reviewed";
  return null;
}

export function canEdit(review: { readonly editableUntil: Date }, now: Date): boolean {
  return now.getTime() < review.editableUntil.getTime();
}
