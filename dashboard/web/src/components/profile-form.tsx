import { useState } from "preact/hooks";
import { updateProfile, type EditableProfile, type ProfileChanges } from "../api/profile.js";
import { useApiForm, textOf } from "./api-form.js";
import { CityField, cityTextOf, type CityChoice } from "./city-field.js";
import { Choices, FormField, FormMessage } from "./form-field.js";
import { NotificationSettings, notificationSettingsOf } from "./notification-settings.js";
import { suggestedTimeZone, TimeZoneField } from "./time-zone-field.js";

const fields = [
  "displayName",
  "pronouns",
  "bio",
  "languages",
  "location",
  "timeZone",
  "meetingMode",
  "maxDistanceKm",
  "visibility",
  "contactPreference",
  "shareSessions",
  "notifications",
];

const contactChoices = [
  ["platform", "Discord or Slack"],
  ["email", "Email"],
  ["dashboard", "Here, on the dashboard"],
] as const;

/*
 * Selects are uncontrolled like the other fields: Preact has no defaultValue for a <select>, so the option
 * starts `selected`, which later renders leave alone (a `value` would undo what the person picked).
 */
const placeOf = (profile: EditableProfile) => cityTextOf(profile.location);

/** "en, fr-CA" as the list the API takes; what is not a code is sent as typed, for the API to name. */
const languagesOf = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((code) => code.trim())
    .filter((code) => code !== "");

function changesFrom(data: FormData, city: CityChoice, initialCity: string): ProfileChanges {
  const cityText = city.text.trim();
  return {
    displayName: textOf(data, "displayName"),
    pronouns: textOf(data, "pronouns"),
    bio: textOf(data, "bio"),
    languages: languagesOf(textOf(data, "languages")),
    // An unchanged city is not sent: its label could name several places once typed again.
    ...(cityText === initialCity ? {} : { location: cityText === "" ? null : (city.query ?? cityText) }),
    timeZone: textOf(data, "timeZone"),
    meetingMode: textOf(data, "meetingMode"),
    maxDistanceKm: Number(textOf(data, "maxDistanceKm")),
    visibility: textOf(data, "visibility"),
    contactPreference: textOf(data, "contactPreference"),
    shareSessions: data.has("shareSessions"),
    notifications: notificationSettingsOf(data),
  };
}

export interface ProfileFormProps {
  readonly profile: EditableProfile;
  readonly onSaved: (profile: EditableProfile) => void;
}

export function ProfileForm({ profile, onSaved }: ProfileFormProps) {
  const initialCity = placeOf(profile);
  const [city, setCity] = useState<CityChoice>({ text: initialCity, query: null });
  const [saved, setSaved] = useState(false);
  const zone = suggestedTimeZone(profile.timeZone);
  const form = useApiForm(fields, async (data) => {
    setSaved(false);
    const updated = await updateProfile(changesFrom(data, city, initialCity));
    setCity({ text: placeOf(updated), query: null });
    onSaved(updated);
    setSaved(true);
  });
  const id = (name: string) => `profile-${name}`;
  return (
    <form id="profile" ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-labelledby="about-title">
      <h2 id="about-title">About you</h2>
      <FormMessage form={form} />
      <FormField id={id("displayName")} label="Your name" error={form.fieldError("displayName")}>
        {(input) => (
          <input {...input} type="text" name="displayName" autoComplete="name" defaultValue={profile.displayName} />
        )}
      </FormField>
      <FormField
        id={id("pronouns")}
        label="Pronouns"
        hint="Optional, such as she/her or they/them."
        error={form.fieldError("pronouns")}
      >
        {(input) => <input {...input} type="text" name="pronouns" defaultValue={profile.pronouns} />}
      </FormField>
      <FormField
        id={id("bio")}
        label="Bio"
        hint="A few lines others see on your profile: up to 1,000 characters."
        error={form.fieldError("bio")}
      >
        {(input) => <textarea {...input} name="bio" rows={5} maxLength={1000} defaultValue={profile.bio} />}
      </FormField>
      <FormField
        id={id("languages")}
        label="Languages you speak"
        hint="Language codes separated by commas, such as en, es, pt-BR."
        error={form.fieldError("languages")}
      >
        {(input) => <input {...input} type="text" name="languages" defaultValue={profile.languages.join(", ")} />}
      </FormField>

      <h2>Where and when</h2>
      <CityField id={id("location")} value={city} onChange={setCity} error={form.fieldError("location")} />
      <TimeZoneField
        id={id("timeZone")}
        zone={zone.zone}
        hint={zone.detected ? "Detected from your browser: save to keep it." : "Sessions are shown on this clock."}
        error={form.fieldError("timeZone")}
      />
      <Choices
        id={id("meetingMode")}
        name="meetingMode"
        legend="How you like to meet"
        value={profile.meetingMode}
        choices={[
          ["online", "Online"],
          ["in_person", "In person"],
          ["either", "Either"],
        ]}
        error={form.fieldError("meetingMode")}
      />
      <FormField
        id={id("maxDistanceKm")}
        label="How far you would travel, in km"
        error={form.fieldError("maxDistanceKm")}
      >
        {(input) => (
          <input
            {...input}
            type="number"
            name="maxDistanceKm"
            min={1}
            max={20000}
            inputMode="numeric"
            defaultValue={String(profile.maxDistanceKm)}
          />
        )}
      </FormField>

      <h2>Privacy and notifications</h2>
      <Choices
        id={id("visibility")}
        name="visibility"
        legend="Who sees your profile"
        value={profile.visibility}
        choices={[
          ["public", "Everyone, even people not signed in"],
          ["communities", "People in your communities"],
          ["private", "Only you (you will not appear in searches)"],
        ]}
        error={form.fieldError("visibility")}
      />
      <FormField
        id={id("contactPreference")}
        label="Where people reach you first"
        error={form.fieldError("contactPreference")}
      >
        {(input) => (
          <select {...input} name="contactPreference">
            {contactChoices.map(([value, label]) => (
              <option key={value} value={value} selected={value === profile.contactPreference}>
                {label}
              </option>
            ))}
          </select>
        )}
      </FormField>
      <div class="field">
        <label class="choice">
          <input type="checkbox" name="shareSessions" defaultChecked={profile.shareSessions} /> Show my scheduled
          sessions to the people I swap with
        </label>
      </div>
      <NotificationSettings settings={profile.notifications} />
      {form.fieldError("notifications") !== undefined && <p class="field-error">{form.fieldError("notifications")}</p>}

      <div class="actions">
        <button type="submit" class="button primary" disabled={form.busy}>
          {form.busy ? "Saving…" : "Save changes"}
        </button>
        <a href="/me">See your profile</a>
      </div>
      <p role="status" class="status-line">
        {saved && form.error === null ? "Your profile is saved." : ""}
      </p>
    </form>
  );
}
