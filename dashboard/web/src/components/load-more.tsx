import type { CursorList } from "./cursor-list.js";
import { Failure } from "./load-state.js";

/** The end of a list that grows: why more could not come, and the button for the next page while there is one. */
export function LoadMore<T>({ list, label }: { list: CursorList<T>; label: string }) {
  if (list.listing.state !== "shown") return null;
  return (
    <>
      {list.moreFailed !== null && <Failure>{list.moreFailed}</Failure>}
      {list.listing.next !== null && (
        <button type="button" class="button load-more" onClick={list.loadMore} disabled={list.loadingMore}>
          {list.loadingMore ? "Loading…" : label}
        </button>
      )}
    </>
  );
}
