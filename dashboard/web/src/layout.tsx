import type { ComponentChildren } from "preact";
import { useEffect, useRef } from "preact/hooks";
import { useLocation } from "preact-iso";
import { FlashNotice } from "./components/flash-notice.js";
import { useNavCounts } from "./components/nav-counts.js";
import { useAdministeredCommunities } from "./components/admin-communities.js";
import { useSession } from "./session.js";

function NavLink({ href, children }: { href: string; children: ComponentChildren }) {
  const { path } = useLocation();
  return (
    <a href={href} aria-current={path === href ? "page" : undefined}>
      {children}
    </a>
  );
}

/**
 * Header, navigation and main landmarks around every page. After a move to another page, focus goes to the
 * main region, so a screen reader starts reading the new page instead of staying on the link just followed.
 */
export function Layout({ children }: { children: ComponentChildren }) {
  const { session } = useSession();
  const counts = useNavCounts(session.state === "signed-in");
  const administered = useAdministeredCommunities(session.state === "signed-in" ? session.person.handle : null);
  const { url } = useLocation();
  const main = useRef<HTMLElement>(null);
  const firstUrl = useRef(url);
  useEffect(() => {
    if (url !== firstUrl.current) main.current?.focus();
  }, [url]);
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="/">
          SkillSwap
        </a>
        <nav aria-label="Main">
          <ul>
            <li>
              <NavLink href="/">Home</NavLink>
            </li>
            <li>
              <NavLink href="/people">Find people</NavLink>
            </li>
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/matches">Matches</NavLink>
              </li>
            )}
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/me">Your profile</NavLink>
              </li>
            )}
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/swaps">
                  Swaps{counts !== null && counts.waiting > 0 && ` (${counts.waiting} waiting)`}
                </NavLink>
              </li>
            )}
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/conversations">
                  Messages{counts !== null && counts.unread > 0 && ` (${counts.unread} unread)`}
                </NavLink>
              </li>
            )}
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/reviews">Reviews</NavLink>
              </li>
            )}
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/groups">Groups</NavLink>
              </li>
            )}
            {session.state === "signed-in" && administered !== null && administered.length > 0 && (
              <li>
                <NavLink href="/admin">Admin</NavLink>
              </li>
            )}
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/feed">Feed</NavLink>
              </li>
            )}
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/settings/profile">Edit profile</NavLink>
              </li>
            )}
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/account">Account</NavLink>
              </li>
            )}
            {session.state === "signed-in" && (
              <li>
                <NavLink href="/skills">Skills</NavLink>
              </li>
            )}
          </ul>
        </nav>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        <FlashNotice />
        {children}
      </main>
      <footer class="site-footer">
        <p>SkillSwap works in Discord, in Slack and here, with the same profile everywhere.</p>
      </footer>
    </>
  );
}
