import { useLocation } from "preact-iso";

const places = [
  ["/feed", "Feed"],
  ["/following", "Following"],
  ["/followers", "Followers"],
] as const;

/** The three pages of my network, one link each: every one is its own address, reloadable and shareable. */
export function NetworkNav() {
  const { path } = useLocation();
  return (
    <nav aria-label="Your network">
      <ul class="tabs">
        {places.map(([href, label]) => (
          <li key={href}>
            <a href={href} aria-current={path === href ? "page" : undefined}>
              {label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
