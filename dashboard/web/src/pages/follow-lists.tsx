import { useRef, useState } from "preact/hooks";
import { followedBy, followersOf, type PersonRef } from "../api/follows.js";
import { unfollow } from "../api/people-profiles.js";
import { useCursorList } from "../components/cursor-list.js";
import { Failure, Loading } from "../components/load-state.js";
import { LoadMore } from "../components/load-more.js";
import { NetworkNav } from "../components/network-nav.js";
import { SignedInOnly, failureText } from "../components/signed-in-only.js";
import { usePageTitle } from "../page-title.js";
import "../swap-pages.css";
import "../network.css";

const profileHref = (handle: string) => `/people/${encodeURIComponent(handle)}`;

interface ListProps {
  readonly handle: string;
  readonly kind: "following" | "followers";
}

function PersonLink({ person }: { person: PersonRef }) {
  return (
    <a href={profileHref(person.handle)}>
      {person.displayName} <span class="muted">@{person.handle}</span>
    </a>
  );
}

/** The people I follow or who follow me, a page at a time; from the first list I may unfollow anyone. */
function PeopleList({ handle, kind }: ListProps) {
  const load = kind === "following" ? followedBy : followersOf;
  const list = useCursorList(`${kind}:${handle}`, (cursor) => load(handle, cursor), "This list");
  const pages = list.listing;
  const [said, setSaid] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  const stopFollowing = (person: PersonRef) => {
    setBusy(person.handle);
    setFailure(null);
    unfollow(person.handle)
      .then(() => {
        list.update((shown) => shown.filter((one) => one.handle !== person.handle));
        setSaid(`You no longer follow ${person.displayName}.`);
        // The button pressed is gone with its row: focus goes to the list's heading, not the page's start.
        heading.current?.focus();
      })
      .catch((error: unknown) => setFailure(failureText(error, `Unfollowing ${person.displayName} did not work.`)))
      .finally(() => setBusy(null));
  };

  const empty =
    kind === "following" ? (
      <p class="muted">
        You follow nobody yet. <a href="/people">Find people</a> and follow them from their profile.
      </p>
    ) : (
      <p class="muted">Nobody follows you yet.</p>
    );

  return (
    <section aria-labelledby="people-list-title">
      <h2 id="people-list-title" ref={heading} tabIndex={-1}>
        {kind === "following" ? "People you follow" : "People who follow you"}
      </h2>
      <p role="status" class="confirmation">
        {said}
      </p>
      {failure !== null && <Failure>{failure}</Failure>}
      {pages.state === "loading" && <Loading>Loading…</Loading>}
      {pages.state === "failed" && <Failure>{pages.message} Reload the page to try again.</Failure>}
      {pages.state === "shown" && pages.items.length === 0 && empty}
      {pages.state === "shown" && pages.items.length > 0 && (
        <ul class="network-people">
          {pages.items.map((person) => (
            <li key={person.handle}>
              <PersonLink person={person} />
              {kind === "following" && (
                <button
                  type="button"
                  class="button"
                  onClick={() => stopFollowing(person)}
                  disabled={busy === person.handle}
                >
                  Unfollow {person.displayName}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <LoadMore list={list} label="Load more" />
    </section>
  );
}

function FollowListPage({ kind, title }: { kind: ListProps["kind"]; title: string }) {
  usePageTitle(title);
  return (
    <SignedInOnly title={title} what="see your network">
      {(handle) => (
        <>
          <h1>{title}</h1>
          <NetworkNav />
          <PeopleList key={handle} handle={handle} kind={kind} />
        </>
      )}
    </SignedInOnly>
  );
}

/** /following: whom I follow, each a link to their profile, with unfollow. */
export const Following = () => <FollowListPage kind="following" title="Following" />;

/** /followers: who follows me, each a link to their profile. */
export const Followers = () => <FollowListPage kind="followers" title="Followers" />;
