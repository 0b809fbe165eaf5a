import { useEffect } from "preact/hooks";

/** Names the browser tab (and what a screen reader announces on arrival) after the page shown. */
export function usePageTitle(title: string): void {
  useEffect(() => {
    document.title = title === "" ? "SkillSwap" : `${title} · SkillSwap`;
  }, [title]);
}
