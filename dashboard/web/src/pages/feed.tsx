import { myFeed, type FeedItem } from "../api/follows.js";
import { useCursorList } from "../components/cursor-list.js";
import { FeedEntry } from "../components/feed-entry.js";
import { useFeedNames } from "../components/feed-names.js";
import { Failure, Loading } from "../components/load-state.js";
import { LoadMore } from "../components/load-more.js";
import { NetworkNav } from "../components/network-nav.js";
import { SignedInOnly } from "../components/signed-in-only.js";
import { usePageTitle } from "../page-title.js";
import "../swap-pages.css";
import "../network.css";

const title = "Feed";
const none: readonly FeedItem[] = [];

function FeedList({ handle }: { handle: string }) {
  const list = useCursorList(handle, myFeed, "Your feed");
  const pages = list.listing;
  const names = useFeedNames(pages.state === "shown" ? pages.items : none);
  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">What the people you follow did</h2>
      {pages.state === "loading" && <Loading>Loading your feed…</Loading>}
      {pages.state === "failed" && <Failure>{pages.message} Reload the page to try again.</Failure>}
      {pages.state === "shown" && pages.items.length === 0 && (
        <p class="muted">
          Nothing here yet. Follow people from their profile to see the skills they add, the reviews they receive and
          the groups they join. <a href="/people">Find people</a>
        </p>
      )}
      {pages.state === "shown" && pages.items.length > 0 && (
        <ul class="feed">
          {pages.items.map((item, index) => (
            <FeedEntry key={`${index}:${item.at}`} item={item} names={names} />
          ))}
        </ul>
      )}
      <LoadMore list={list} label="Load more" />
    </section>
  );
}

/** /feed: what the people I follow did lately, newest first, a page at a time. */
export function Feed() {
  usePageTitle(title);
  return (
    <SignedInOnly title={title} what="see your feed">
      {(handle) => (
        <>
          <h1>{title}</h1>
          <NetworkNav />
          <FeedList key={handle} handle={handle} />
        </>
      )}
    </SignedInOnly>
  );
}
