import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { myConversations } from "../api/conversations.js";
import { listSwaps } from "../api/swaps.js";

export interface NavCounts {
  /** Requests waiting for my answer (the first page's worth: 20 means "20 or more"). */
  readonly waiting: number;
  /** Messages from the others I have not read, over my conversations. */
  readonly unread: number;
}

/**
 * What waits for the signed-in person, asked again on each move to another page (two small reads), so the
 * navigation's counts follow what they just did. Nothing is asked signed out; a failure shows no count.
 */
export function useNavCounts(signedIn: boolean): NavCounts | null {
  const { url } = useLocation();
  const [counts, setCounts] = useState<NavCounts | null>(null);
  useEffect(() => {
    if (!signedIn) {
      setCounts(null);
      return;
    }
    let current = true;
    Promise.all([listSwaps("incoming", null), myConversations()]).then(
      ([swaps, conversations]) =>
        current &&
        setCounts({
          waiting: swaps.items.length,
          unread: conversations.items.reduce((sum, c) => sum + c.unreadCount, 0),
        }),
      () => current && setCounts(null),
    );
    return () => {
      current = false;
    };
  }, [signedIn, url]);
  return counts;
}
