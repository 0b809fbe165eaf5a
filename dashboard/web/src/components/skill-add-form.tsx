import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { addMySkill, proposeSkill, skillCategories, type Direction, type MySkill } from "../api/skills.js";
import { useApiForm, textOf } from "./api-form.js";
import { SkillCombobox } from "./skill-combobox.js";
import { FieldError, FormMessage } from "./form-field.js";
import { describedBy, LevelField, NotesField } from "./skill-fields.js";

interface Draft {
  readonly skill: string;
  readonly direction: Direction;
  readonly level: number;
  readonly notes: string;
}

const blank: Draft = { skill: "", direction: "teach", level: 3, notes: "" };

const levelHint = (direction: Direction) =>
  direction === "teach" ? "How well you know it." : "The level you would like to reach.";

/**
 * Proposing a skill the catalog lacks, offered when the API said it does not know the name: the skill stays
 * pending in the person's community until an admin decides, and goes on their profile at once, marked so.
 */
function ProposeSkill({ draft, onAdded }: { draft: Draft; onAdded: (skill: MySkill) => void }) {
  const [categories, setCategories] = useState<readonly { slug: string; name: string }[] | null>(null);
  useEffect(() => {
    skillCategories().then(setCategories, () => setCategories([]));
  }, []);
  const form = useApiForm(["name", "category"], async (data) => {
    await proposeSkill({ name: draft.skill.trim(), category: textOf(data, "category") });
    onAdded(await addMySkill({ ...draft, skill: draft.skill.trim() }));
  });
  const error = form.fieldError("category") ?? form.fieldError("name");
  return (
    <form
      id="propose-skill"
      class="propose-skill"
      ref={form.formRef}
      onSubmit={form.onSubmit}
      noValidate
      aria-labelledby="propose-skill-title"
    >
      <h3 id="propose-skill-title">Propose “{draft.skill.trim()}” as a new skill</h3>
      <p class="hint">An admin of your community approves it; until then it shows on your profile as pending.</p>
      <FormMessage form={form} />
      <div class="field">
        <label htmlFor="propose-skill-category">Category</label>
        <select
          id="propose-skill-category"
          name="category"
          required
          disabled={categories === null}
          aria-describedby={describedBy("propose-skill-category", false, error)}
          aria-invalid={error === undefined ? undefined : "true"}
        >
          {(categories ?? []).map((category) => (
            <option key={category.slug} value={category.slug}>
              {category.name}
            </option>
          ))}
        </select>
        <FieldError id="propose-skill-category" error={error} />
      </div>
      <button type="submit" class="button" disabled={form.busy || categories === null}>
        {form.busy ? "Proposing…" : "Propose it and add it"}
      </button>
    </form>
  );
}

/** Adding a skill to my profile: the catalog name (suggested as typed), teach or learn, level and notes. */
export function SkillAddForm({ onAdded }: { onAdded: (skill: MySkill) => void }) {
  const [draft, setDraft] = useState<Draft>(blank);
  const [unknown, setUnknown] = useState<string | null>(null);
  const added = (skill: MySkill) => {
    setDraft(blank);
    setUnknown(null);
    onAdded(skill);
  };
  const form = useApiForm(["skill", "direction", "level", "notes"], async (data) => {
    const input = { ...draft, skill: textOf(data, "skill").trim() };
    try {
      added(await addMySkill(input));
    } catch (error) {
      const unknownName = error instanceof ApiError && error.code === "SKILL.UNKNOWN" && input.skill !== "";
      setUnknown(unknownName ? input.skill : null);
      throw error;
    }
  });
  const skillError = form.fieldError("skill");
  const directionError = form.fieldError("direction");
  return (
    <>
      <form id="add-skill" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-labelledby="add-skill-title">
        <h2 id="add-skill-title">Add a skill</h2>
        <FormMessage form={form} />
        <div class="field">
          <label htmlFor="add-skill-skill">Skill</label>
          <p class="hint" id="add-skill-skill-hint">
            Start typing: suggestions come from the catalog, and misspellings are understood.
          </p>
          <SkillCombobox
            id="add-skill-skill"
            name="skill"
            value={draft.skill}
            onInput={(skill) => setDraft((current) => ({ ...current, skill }))}
            describedBy={describedBy("add-skill-skill", true, skillError)}
            invalid={skillError !== undefined}
          />
          <FieldError id="add-skill-skill" error={skillError} />
        </div>
        <fieldset
          class="field choice"
          aria-describedby={directionError === undefined ? undefined : "add-skill-direction-error"}
        >
          <legend>I want to</legend>
          {(["teach", "learn"] as const).map((direction) => (
            <label key={direction}>
              <input
                type="radio"
                name="direction"
                value={direction}
                checked={draft.direction === direction}
                onChange={() => setDraft((current) => ({ ...current, direction }))}
              />{" "}
              {direction === "teach" ? "Teach it" : "Learn it"}
            </label>
          ))}
          <FieldError id="add-skill-direction" error={directionError} />
        </fieldset>
        <LevelField
          id="add-skill-level"
          value={draft.level}
          hint={levelHint(draft.direction)}
          onChange={(level) => setDraft((current) => ({ ...current, level }))}
          error={form.fieldError("level")}
        />
        <NotesField
          id="add-skill-notes"
          value={draft.notes}
          onChange={(notes) => setDraft((current) => ({ ...current, notes }))}
          error={form.fieldError("notes")}
        />
        <button type="submit" class="button primary" disabled={form.busy}>
          {form.busy ? "Adding…" : "Add to my profile"}
        </button>
      </form>
      {unknown !== null && unknown === draft.skill.trim() && <ProposeSkill draft={draft} onAdded={added} />}
    </>
  );
}
