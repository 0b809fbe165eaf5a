import { useEffect, useRef, useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { removeMySkill, updateMySkill, type MySkill } from "../api/skills.js";
import { useApiForm } from "./api-form.js";
import { FormMessage } from "./form-field.js";
import { levelName } from "../skill-levels.js";
import { LevelField, NotesField } from "./skill-fields.js";
import { Failure } from "./load-state.js";

export interface MySkillItemProps {
  readonly skill: MySkill;
  readonly onSaved: (skill: MySkill) => void;
  readonly onRemoved: (skill: MySkill) => void;
}

/** "Remove Guitar?" asked in place, focus on the safe answer, so a stray Enter keeps the skill. */
function RemoveSkill({ skill, onRemoved }: { skill: MySkill; onRemoved: (skill: MySkill) => void }) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const keep = useRef<HTMLButtonElement>(null);
  const ask = useRef<HTMLButtonElement>(null);
  const wasAsking = useRef(false);
  useEffect(() => {
    if (asking) keep.current?.focus();
    else if (wasAsking.current) ask.current?.focus();
    wasAsking.current = asking;
  }, [asking]);

  const remove = () => {
    setBusy(true);
    setFailure(null);
    removeMySkill(skill.id)
      .then(() => onRemoved(skill))
      .catch((error: unknown) => {
        setFailure(error instanceof ApiError ? error.message : "Removing it did not work.");
        setBusy(false);
      });
  };

  if (!asking)
    return (
      <button type="button" class="button" ref={ask} onClick={() => setAsking(true)}>
        Remove<span class="visually-hidden"> {skill.skill.name}</span>
      </button>
    );
  return (
    <div class="confirm" role="group" aria-labelledby={`remove-${skill.id}-question`}>
      <p id={`remove-${skill.id}-question`}>Remove {skill.skill.name} from your profile?</p>
      {failure !== null && <Failure>{failure}</Failure>}
      <button type="button" class="button danger" onClick={remove} disabled={busy}>
        {busy ? "Removing…" : "Yes, remove it"}
      </button>{" "}
      <button type="button" class="button" ref={keep} onClick={() => setAsking(false)} disabled={busy}>
        Keep it
      </button>
    </div>
  );
}

/** One skill on my profile: what it is, its level and notes to change, and removing it. */
export function MySkillItem({ skill, onSaved, onRemoved }: MySkillItemProps) {
  const [level, setLevel] = useState(skill.level);
  const [notes, setNotes] = useState(skill.notes);
  const id = `skill-${skill.id}`;
  const form = useApiForm(["level", "notes"], async () => {
    onSaved(await updateMySkill(skill.id, { level, notes }));
  });
  const changed = level !== skill.level || notes !== skill.notes;
  return (
    <li class="my-skill" aria-labelledby={`${id}-name`}>
      <h3 id={`${id}-name`}>
        {skill.skill.name}{" "}
        <span class="tag">
          {skill.direction === "teach" ? "teaching" : "learning"} · {levelName(skill.level)}
        </span>
        {skill.skill.status === "pending" && <span class="tag pending">waiting for approval</span>}
      </h3>
      <form id={id} ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-label={`Change ${skill.skill.name}`}>
        <FormMessage form={form} />
        <div class="skill-fields">
          <LevelField
            id={`${id}-level`}
            value={level}
            onChange={setLevel}
            error={form.fieldError("level")}
            hint={skill.direction === "teach" ? "How well you know it." : "The level you would like to reach."}
          />
          <NotesField id={`${id}-notes`} value={notes} onChange={setNotes} error={form.fieldError("notes")} />
        </div>
        <button type="submit" class="button primary" disabled={form.busy || !changed}>
          {form.busy ? "Saving…" : "Save changes"}
          <span class="visually-hidden"> to {skill.skill.name}</span>
        </button>
      </form>
      <RemoveSkill skill={skill} onRemoved={onRemoved} />
    </li>
  );
}
