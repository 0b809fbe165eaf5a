import type { ComponentChildren } from "preact";
import { levelName } from "../skill-levels.js";

/** What heads a profile, mine or someone else's: picture, name, handle and pronouns, then `children`. */
export function ProfileHead({
  profile,
  children,
}: {
  profile: { avatarSmallUrl: string | null; displayName: string; handle: string; pronouns: string };
  children?: ComponentChildren;
}) {
  return (
    <div class="profile-head">
      {profile.avatarSmallUrl !== null && <img class="avatar" src={profile.avatarSmallUrl} alt="" />}
      <div>
        <h1>{profile.displayName}</h1>
        <p class="muted">
          @{profile.handle}
          {profile.pronouns === "" ? "" : ` · ${profile.pronouns}`}
          {children}
        </p>
      </div>
    </div>
  );
}

/** Where someone lives, as a profile says it. */
export const placeOf = ({ location }: { location: { name: string; country: string } | null }) =>
  location === null ? "Not said" : `${location.name}, ${location.country}`;

/** A rating as a sentence ("4.5 out of 5, from 12"), or `none` before the first review. */
export const ratingSentence = (rating: { count: number; average: number | null }, none: string) =>
  rating.count === 0 ? none : `${rating.average?.toFixed(1) ?? "–"} out of 5, from ${rating.count}`;

/** The skills a profile teaches or wants to learn, each with its level and, when given, its notes. */
export function ProfileSkills({
  title,
  skills,
}: {
  title: string;
  skills: readonly { id: string; name: string; level: number; notes?: string }[];
}) {
  return (
    <section aria-label={title}>
      <h2>{title}</h2>
      {skills.length === 0 ? (
        <p class="muted">None yet.</p>
      ) : (
        <ul class="skills">
          {skills.map((skill) => (
            <li key={skill.id}>
              {skill.name} <span class="muted">({levelName(skill.level)})</span>
              {skill.notes !== undefined && skill.notes !== "" && <span class="hint"> — {skill.notes}</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
