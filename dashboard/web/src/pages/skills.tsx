import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { mySkills, type MySkill } from "../api/skills.js";
import { AvailabilityEditor } from "../components/availability-editor.js";
import { MySkillItem } from "../components/my-skill-item.js";
import { SkillAddForm } from "../components/skill-add-form.js";
import { levelName } from "../skill-levels.js";
import { usePageTitle } from "../page-title.js";
import { useSession } from "../session.js";
import { SignedOutNotice } from "../components/signed-out-notice.js";
import { Failure } from "../components/load-state.js";
import "./skills.css";

const title = "Your skills and availability";

const added = (skill: MySkill) =>
  `${skill.skill.name} added: you ${skill.direction === "teach" ? "teach" : "want to learn"} it, ${levelName(skill.level)}.` +
  (skill.skill.status === "pending" ? " It waits for an admin’s approval." : "");

function SkillsEditor() {
  const [skills, setSkills] = useState<readonly MySkill[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    mySkills().then(setSkills, (error: unknown) =>
      setFailure(error instanceof ApiError ? error.message : "Your skills could not be loaded."),
    );
  }, []);

  const replace = (skill: MySkill) => {
    setSkills((current) => current?.map((s) => (s.id === skill.id ? skill : s)) ?? [skill]);
    setConfirmation(`${skill.skill.name} saved: ${levelName(skill.level)}.`);
  };
  const remove = (skill: MySkill) => {
    setSkills((current) => current?.filter((s) => s.id !== skill.id) ?? []);
    setConfirmation(`${skill.skill.name} removed from your profile.`);
    // The removed skill's buttons are gone: focus goes back to the list's heading rather than to the page's start.
    heading.current?.focus();
  };
  const add = (skill: MySkill) => {
    setSkills((current) => [...(current ?? []), skill]);
    setConfirmation(added(skill));
  };

  return (
    <>
      <section aria-labelledby="my-skills-title">
        <h2 id="my-skills-title" ref={heading} tabIndex={-1}>
          Your skills
        </h2>
        <p role="status" class="confirmation">
          {confirmation}
        </p>
        {failure !== null ? (
          <Failure>{failure} Reload the page to try again.</Failure>
        ) : skills === null ? (
          <p class="muted">Loading your skills…</p>
        ) : skills.length === 0 ? (
          <p class="muted">No skills yet. Add what you can teach and what you want to learn below.</p>
        ) : (
          <ul class="my-skills">
            {skills.map((skill) => (
              <MySkillItem key={skill.id} skill={skill} onSaved={replace} onRemoved={remove} />
            ))}
          </ul>
        )}
      </section>
      <SkillAddForm onAdded={add} />
    </>
  );
}

/** /skills: the skills on my profile (teach, learn, level, notes) and my weekly availability. */
export function Skills() {
  usePageTitle(title);
  const { session } = useSession();
  return (
    <>
      <h1>{title}</h1>
      {session.state !== "signed-in" && (
        <SignedOutNotice loading={session.state === "loading"} what="list your skills" />
      )}
      {session.state === "signed-in" && (
        <div class="skills-page" key={session.person.id}>
          <SkillsEditor />
          <AvailabilityEditor />
        </div>
      )}
    </>
  );
}
