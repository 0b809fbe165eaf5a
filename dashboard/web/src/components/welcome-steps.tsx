import { useState } from "preact/hooks";
import { updateProfile, type EditableProfile } from "../api/profile.js";
import type { MySkill } from "../api/skills.js";
import { levelName } from "../skill-levels.js";
import { useApiForm, textOf } from "./api-form.js";
import { CityField, cityTextOf, type CityChoice } from "./city-field.js";
import { FormField, FormMessage } from "./form-field.js";
import { SkillAddForm } from "./skill-add-form.js";
import { browserTimeZone, suggestedTimeZone, TimeZoneField } from "./time-zone-field.js";

export interface StepProps {
  readonly profile: EditableProfile;
  /** The step's changes are saved: the next step follows. */
  readonly onSaved: (profile: EditableProfile) => void;
}

/** Step 1: the name others see, prefilled with the one given at sign-up. */
export function NameStep({ profile, onSaved }: StepProps) {
  const form = useApiForm(["displayName"], async (data) => {
    onSaved(await updateProfile({ displayName: textOf(data, "displayName") }));
  });
  return (
    <form id="welcome-name" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-labelledby="step-title">
      <FormMessage form={form} />
      <FormField
        id="welcome-name-displayName"
        label="Your name"
        hint="As others will see it in Discord, Slack and here."
        error={form.fieldError("displayName")}
      >
        {(input) => (
          <input {...input} type="text" name="displayName" autoComplete="name" defaultValue={profile.displayName} />
        )}
      </FormField>
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Saving…" : "Save and continue"}
      </button>
    </form>
  );
}

/** Step 2: the city (for people nearby) and the time zone sessions are shown in, detected from the browser. */
export function PlaceStep({ profile, onSaved }: StepProps) {
  const saved = cityTextOf(profile.location);
  const [city, setCity] = useState<CityChoice>({ text: saved, query: null });
  const zone = suggestedTimeZone(profile.timeZone);
  const detected = zone.detected || zone.zone === browserTimeZone();
  const form = useApiForm(["location", "timeZone"], async (data) => {
    const typed = city.text.trim();
    // An unchanged city is not sent: its label could name several places once typed again.
    const location = typed === saved ? {} : { location: typed === "" ? null : (city.query ?? typed) };
    onSaved(await updateProfile({ ...location, timeZone: textOf(data, "timeZone") }));
  });
  return (
    <form id="welcome-place" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-labelledby="step-title">
      <FormMessage form={form} />
      <CityField id="welcome-place-location" value={city} onChange={setCity} error={form.fieldError("location")} />
      <TimeZoneField
        id="welcome-place-timeZone"
        zone={zone.zone}
        hint={
          detected
            ? "Detected from your browser. Sessions are shown on this clock; change it if it is wrong."
            : "Sessions are shown on this clock."
        }
        error={form.fieldError("timeZone")}
      />
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Saving…" : "Save and continue"}
      </button>
    </form>
  );
}

const skillSentence = (skill: MySkill) =>
  `${skill.direction === "teach" ? "You teach" : "You want to learn"} ${skill.skill.name}, ${levelName(skill.level)}.`;

/** Step 3: first skills to teach and to learn, added one at a time with the skills page's own form. */
export function SkillsStep({ onDone }: { onDone: (skills: readonly MySkill[]) => void }) {
  const [skills, setSkills] = useState<readonly MySkill[]>([]);
  const [said, setSaid] = useState("");
  const add = (skill: MySkill) => {
    setSkills((current) => [...current, skill]);
    setSaid(`${skill.skill.name} added. ${skillSentence(skill)}`);
  };
  return (
    <>
      <p>Add at least one skill you can teach and one you would like to learn: matches are made from them.</p>
      <p role="status" class="confirmation">
        {said}
      </p>
      {skills.length > 0 && (
        <ul class="welcome-skills" aria-label="Skills added">
          {skills.map((skill) => (
            <li key={skill.id}>{skillSentence(skill)}</li>
          ))}
        </ul>
      )}
      <SkillAddForm onAdded={add} />
      <button type="button" class="button primary" onClick={() => onDone(skills)}>
        {skills.length === 0 ? "Finish without skills" : "Finish"}
      </button>
    </>
  );
}
