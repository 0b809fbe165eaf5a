import { levelName } from "../skill-levels.js";
import type { PersonHit } from "../api/people.js";

/** Two letters standing for a person whose search result carries no picture. */
export const initialsOf = (name: string) =>
  name
    .split(/\s+/)
    .filter((word) => word !== "")
    .slice(0, 2)
    .map((word) => word[0]?.toUpperCase() ?? "")
    .join("");

export const profileAddress = (handle: string) => `/people/${encodeURIComponent(handle)}`;

function ratingText(rating: PersonHit["rating"]) {
  if (rating.count === 0) return "No reviews yet";
  // The Bayesian average, as ranking uses it: a single 5-star review does not show as a perfect 5.0.
  return `Rated ${rating.bayesian.toFixed(1)} of 5 (${rating.count} ${rating.count === 1 ? "review" : "reviews"})`;
}

/**
 * One person found: a card whose name is the link to their page, the skills that matched and why. The whole
 * card is clickable (the link's area covers it, in CSS), while the list stays a list of links for screen readers.
 */
export function PersonCard({ person }: { person: PersonHit }) {
  const skills = person.reasons.flatMap((reason) => (reason.skill === undefined ? [] : [reason.skill]));
  const place = [person.location, person.distanceKm === null ? null : `${person.distanceKm} km away`]
    .filter((part) => part !== null)
    .join(" · ");
  return (
    <article class="person-card">
      {person.avatarSmallUrl === null ? (
        <span class="monogram" aria-hidden="true">
          {initialsOf(person.displayName)}
        </span>
      ) : (
        // Empty alt: the name beside it says who it is. Its size is set, so cards do not jump as pictures load.
        <img class="person-picture" src={person.avatarSmallUrl} alt="" width={48} height={48} loading="lazy" />
      )}
      <div class="person-body">
        <h3 class="person-name">
          <a href={profileAddress(person.handle)}>{person.displayName}</a>
        </h3>
        <p class="muted">
          @{person.handle}
          {place === "" ? "" : ` · ${place}`}
        </p>
        {skills.length > 0 && (
          <ul class="skill-tags" aria-label="Skills">
            {skills.map((skill) => (
              <li key={`${skill.direction}-${skill.name}`}>
                {skill.direction === "teach" ? "Teaches" : "Learns"} {skill.name} ({levelName(skill.level)})
              </li>
            ))}
          </ul>
        )}
        <p class="rating">{ratingText(person.rating)}</p>
        {person.reasons.length > 0 && (
          <p class="why">
            <span class="why-label">Why: </span>
            {person.reasons.map((reason) => reason.text + (reason.fuzzy ? " (close spelling)" : "")).join("; ")}
          </p>
        )}
      </div>
    </article>
  );
}
