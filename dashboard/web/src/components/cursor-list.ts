import { useEffect, useState } from "preact/hooks";
import type { Page } from "../api/client.js";
import { failureText } from "./signed-in-only.js";

export type CursorListing<T> =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "shown"; readonly items: readonly T[]; readonly next: string | null };

export interface CursorList<T> {
  readonly listing: CursorListing<T>;
  readonly loadingMore: boolean;
  readonly moreFailed: string | null;
  readonly loadMore: () => void;
  /** Changes the items shown (one edited, one removed, one added) without asking the API again. */
  readonly update: (change: (items: readonly T[]) => readonly T[]) => void;
}

/**
 * A list that grows a page at a time by the API's cursor: the first page when `key` changes, then "load more".
 * `what` names the list in the sentence shown when it could not be loaded ("the replies").
 */
export function useCursorList<T>(
  key: string,
  load: (cursor: string | null) => Promise<Page<T>>,
  what: string,
): CursorList<T> {
  const [listing, setListing] = useState<CursorListing<T>>({ state: "loading" });
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreFailed, setMoreFailed] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    setListing({ state: "loading" });
    load(null).then(
      (page) => current && setListing({ state: "shown", items: page.items, next: page.nextCursor }),
      (error: unknown) =>
        current && setListing({ state: "failed", message: failureText(error, `${what} could not be loaded.`) }),
    );
    return () => {
      current = false;
    };
    // The list is the key's: a new `load` closure for the same key is the same list.
  }, [key]);

  const loadMore = () => {
    if (listing.state !== "shown" || listing.next === null) return;
    setLoadingMore(true);
    setMoreFailed(null);
    load(listing.next)
      .then((page) => setListing({ state: "shown", items: [...listing.items, ...page.items], next: page.nextCursor }))
      .catch((error: unknown) => setMoreFailed(failureText(error, `More of ${what} could not be loaded.`)))
      .finally(() => setLoadingMore(false));
  };
  const update = (change: (items: readonly T[]) => readonly T[]) =>
    setListing((now) => (now.state === "shown" ? { ...now, items: change(now.items) } : now));
  return { listing, loadingMore, moreFailed, loadMore, update };
}
