import { useEffect, useState } from "preact/hooks";
import { useLocation } from "preact-iso";

interface Notice {
  readonly path: string;
  readonly text: string;
}

let show: ((notice: Notice) => void) | null = null;

/**
 * Says `text` on the page at `path` once the app arrives there: for what ends the page it happened on (deleting
 * one's account lands on the home page). It stays until the person moves to another page.
 */
export function announceOn(path: string, text: string): void {
  show?.({ path, text });
}

/**
 * The region those sentences appear in. It is always in the page, empty when there is nothing to say, so a
 * screen reader already watches it when the sentence arrives (role=status is polite: it waits its turn).
 */
export function FlashNotice() {
  const { path } = useLocation();
  const [notice, setNotice] = useState<Notice | null>(null);
  useEffect(() => {
    show = setNotice;
    return () => {
      show = null;
    };
  }, []);
  useEffect(() => setNotice((current) => (current !== null && current.path !== path ? null : current)), [path]);
  const text = notice !== null && notice.path === path ? notice.text : null;
  return (
    <div role="status" class="flash-notice">
      {text !== null && <p class="flash-message">{text}</p>}
    </div>
  );
}
