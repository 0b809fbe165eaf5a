import { useEffect, useState } from "preact/hooks";
import { useRoute } from "preact-iso";
import { ApiError } from "../api/client.js";
import { personProfile, type PersonProfile } from "../api/people-profiles.js";
import { reviewsAbout, type Review } from "../api/reviews.js";
import { placeOf, ProfileHead, ProfileSkills, ratingSentence } from "../components/profile-view.js";
import { ProfileActions } from "../components/profile-actions.js";
import { SwapRequestForm } from "../components/swap-request-form.js";
import { usePageTitle } from "../page-title.js";
import { useSession } from "../session.js";
import { Failure, Loading } from "../components/load-state.js";
import "../people.css";

type Loaded<T> =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly error: ApiError }
  | { readonly state: "shown"; readonly value: T };

const failureOf = (error: unknown) =>
  error instanceof ApiError ? error : new ApiError(0, "UNEXPECTED", "This profile could not be loaded.");

const stars = (rating: number) => `${rating} out of 5`;

function Reviews({ handle }: { handle: string }) {
  const [reviews, setReviews] = useState<readonly Review[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const load = (cursor: string | null) => {
    setBusy(true);
    reviewsAbout(handle, cursor, 5)
      .then((page) => {
        setReviews((shown) => [...(cursor === null ? [] : (shown ?? [])), ...page.items]);
        setNext(page.nextCursor);
      })
      .catch((error: unknown) => setFailure(failureOf(error).message))
      .finally(() => setBusy(false));
  };
  // The first page, once per person.
  useEffect(() => load(null), [handle]);
  return (
    <section aria-labelledby="reviews-title">
      <h2 id="reviews-title">Reviews</h2>
      {failure !== null && <Failure>{failure}</Failure>}
      {reviews === null && failure === null && <p class="muted">Loading reviews…</p>}
      {reviews !== null && reviews.length === 0 && <p class="muted">No reviews yet.</p>}
      {reviews !== null && reviews.length > 0 && (
        <ul class="review-list">
          {reviews.map((review) => (
            <li key={review.id}>
              <p>
                <strong>{stars(review.rating)}</strong> from{" "}
                {review.author === null ? (
                  review.authorName
                ) : (
                  <a href={`/people/${encodeURIComponent(review.author.handle)}`}>{review.author.displayName}</a>
                )}
                , <time dateTime={review.createdAt}>{new Date(review.createdAt).toLocaleDateString()}</time>
              </p>
              {review.text !== "" && <p>{review.text}</p>}
              {review.reply !== null && <p class="review-reply">Reply: {review.reply}</p>}
            </li>
          ))}
        </ul>
      )}
      {next !== null && (
        <button type="button" class="button" onClick={() => load(next)} disabled={busy}>
          {busy ? "Loading…" : "More reviews"}
        </button>
      )}
    </section>
  );
}

function Profile({ profile, onBlocked }: { profile: PersonProfile; onBlocked: () => void }) {
  const { session } = useSession();
  const teaches = profile.skills.filter((skill) => skill.direction === "teach");
  const visitor = session.state === "signed-in" && !profile.isOwner;
  return (
    <>
      <ProfileHead profile={profile}>{profile.relation?.followsYou === true ? " · follows you" : ""}</ProfileHead>
      <dl class="facts">
        <dt>Lives in</dt>
        <dd>{placeOf(profile)}</dd>
        <dt>Meets</dt>
        <dd>
          {profile.meetingMode === "online"
            ? "Online"
            : profile.meetingMode === "in_person"
              ? "In person"
              : "Online or in person"}
        </dd>
        {profile.languages.length > 0 && (
          <>
            <dt>Speaks</dt>
            <dd>{profile.languages.join(", ")}</dd>
          </>
        )}
        <dt>Rating</dt>
        <dd>{ratingSentence(profile.rating, "No reviews yet")}</dd>
        {profile.relation !== null && profile.relation.communitiesInCommon.length > 0 && (
          <>
            <dt>Communities in common</dt>
            <dd>{profile.relation.communitiesInCommon.join(", ")}</dd>
          </>
        )}
      </dl>
      {profile.bio !== "" && <p class="bio">{profile.bio}</p>}
      {profile.isOwner && (
        <p>
          This is your profile as others see it. <a href="/me">Go to your own page</a>.
        </p>
      )}
      {visitor && (
        <ProfileActions
          handle={profile.handle}
          name={profile.displayName}
          following={profile.relation?.youFollow ?? false}
          onBlocked={onBlocked}
        />
      )}
      <div class="columns">
        <ProfileSkills title="Teaches" skills={teaches} />
        <ProfileSkills title="Wants to learn" skills={profile.skills.filter((skill) => skill.direction === "learn")} />
      </div>
      {visitor && <SwapRequestForm handle={profile.handle} name={profile.displayName} teaches={teaches} />}
      {session.state === "signed-out" && (
        <p>
          <a href="/">Sign in</a> to follow {profile.displayName} or request a swap.
        </p>
      )}
      <Reviews handle={profile.handle} />
    </>
  );
}

/** What a private, blocked or unknown profile shows: the API tells them apart to nobody, and neither does this. */
function ProfileNotFound({ handle }: { handle: string }) {
  usePageTitle("Profile not found");
  return (
    <>
      <h1>Profile not found</h1>
      <p>There is no profile at @{handle} that you can see. It may be private, or the link may be mistyped.</p>
      <p>
        <a href="/people">Search for people</a>
      </p>
    </>
  );
}

function Blocked({ name }: { name: string }) {
  usePageTitle(`${name} blocked`);
  return (
    <>
      <h1>{name} is blocked</h1>
      <p role="status">You blocked {name}. Neither of you will see the other any more.</p>
      <p>
        <a href="/people">Back to the search</a>
      </p>
    </>
  );
}

/** /people/:handle: someone's public profile, and what a signed-in visitor may do with them. */
export function PeopleProfile() {
  const { params } = useRoute();
  const handle = params["handle"] ?? "";
  const { session } = useSession();
  const [loaded, setLoaded] = useState<Loaded<PersonProfile>>({ state: "loading" });
  const [blocked, setBlocked] = useState(false);
  useEffect(() => {
    if (session.state === "loading") return;
    let current = true;
    setLoaded({ state: "loading" });
    setBlocked(false);
    personProfile(handle).then(
      (value) => current && setLoaded({ state: "shown", value }),
      (error: unknown) => current && setLoaded({ state: "failed", error: failureOf(error) }),
    );
    return () => {
      current = false;
    };
    // Asked once the session is known, and again when it changes: what a visitor may see depends on who they are.
  }, [handle, session.state]);
  usePageTitle(loaded.state === "shown" ? loaded.value.displayName : "Profile");
  if (loaded.state === "loading")
    return (
      <>
        <h1>Profile</h1>
        <Loading>Loading @{handle}…</Loading>
      </>
    );
  if (loaded.state === "failed")
    return loaded.error.status === 404 ? (
      <ProfileNotFound handle={handle} />
    ) : (
      <>
        <h1>Profile</h1>
        <Failure>{loaded.error.message}</Failure>
      </>
    );
  if (blocked) return <Blocked name={loaded.value.displayName} />;
  return <Profile profile={loaded.value} onBlocked={() => setBlocked(true)} />;
}
