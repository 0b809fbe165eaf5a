import type { CycleRecommendation } from "../api/recommendations.js";
import { profileAddress } from "./person-card.js";

function Person({ handle, me }: { handle: string; me: string }) {
  if (handle === me) return <strong>You</strong>;
  return <a href={profileAddress(handle)}>@{handle}</a>;
}

/**
 * A three-person swap drawn as who teaches whom: an ordered list of its links, each "teacher → skill → learner",
 * that closes back on me. The explanation in words is the figure's caption, read first by screen readers.
 */
export function SwapCycleDiagram({ cycle, me }: { cycle: CycleRecommendation; me: string }) {
  return (
    <figure class="cycle">
      <figcaption>{cycle.explanation.charAt(0).toUpperCase() + cycle.explanation.slice(1)}.</figcaption>
      <ol class="cycle-links">
        {cycle.links.map((link) => (
          <li key={`${link.teacher}-${link.learner}`}>
            <Person handle={link.teacher} me={me} />
            <span class="arrow" aria-hidden="true">
              →
            </span>
            <span class="visually-hidden"> teaches </span>
            <span class="cycle-skill">{link.skill.name}</span>
            <span class="arrow" aria-hidden="true">
              →
            </span>
            <span class="visually-hidden"> to </span>
            <Person handle={link.learner} me={me} />
          </li>
        ))}
      </ol>
    </figure>
  );
}
