import { useEffect, useState } from "preact/hooks";
import { myProfile, type OwnProfile } from "../api/me.js";
import type { ProfileSkill } from "../api/people-profiles.js";
import { requestSwap } from "../api/swap-requests.js";
import { textOf, useApiForm } from "./api-form.js";
import { FormMessage } from "./form-field.js";

/**
 * "Request a swap" on someone's profile: one of the skills they teach, and what I teach back (or nothing, to
 * only learn), with a message. The API's sentences land next to their fields; success is announced.
 */
export function SwapRequestForm({
  handle,
  name,
  teaches,
}: {
  handle: string;
  name: string;
  teaches: readonly ProfileSkill[];
}) {
  const [mine, setMine] = useState<OwnProfile["skills"] | null>(null);
  const [sent, setSent] = useState<string | null>(null);
  useEffect(() => {
    myProfile().then(
      (profile) => setMine(profile.skills.filter((skill) => skill.direction === "teach")),
      () => setMine([]),
    );
  }, []);
  const form = useApiForm(["want", "offer", "message"], async (data) => {
    const want = textOf(data, "want");
    const offer = textOf(data, "offer");
    await requestSwap({ to: handle, want, ...(offer === "" ? {} : { offer }), message: textOf(data, "message") });
    setSent(
      `Swap requested: ${name} teaches you ${want}${offer === "" ? "" : `, you teach ${offer}`}. They will be told.`,
    );
  });
  const error = (field: string) => form.fieldError(field);
  const invalid = (field: string) => (error(field) === undefined ? undefined : ("true" as const));
  const described = (field: string) => (error(field) === undefined ? undefined : `swap-${field}-error`);
  const fieldError = (field: string) =>
    error(field) !== undefined && (
      <p class="field-error" id={`swap-${field}-error`}>
        {error(field)}
      </p>
    );
  if (teaches.length === 0) return <p class="muted">{name} teaches nothing yet, so there is no swap to ask for.</p>;
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-labelledby="swap-title" class="swap-form">
      <h2 id="swap-title">Request a swap</h2>
      <p role="status" class="status-line">
        {sent ?? ""}
      </p>
      <FormMessage form={form} />
      <div class="field">
        <label htmlFor="swap-want">I want to learn</label>
        <select id="swap-want" name="want" aria-invalid={invalid("want")} aria-describedby={described("want")}>
          {teaches.map((skill) => (
            <option key={skill.id} value={skill.name}>
              {skill.name}
            </option>
          ))}
        </select>
        {fieldError("want")}
      </div>
      <div class="field">
        <label htmlFor="swap-offer">I teach in return</label>
        {/* Made anew once my skills arrive: a select keeps its selected option when others are added before it,
            and would stay on "Nothing" instead of offering my first skill. */}
        <select
          key={mine === null ? "waiting" : "ready"}
          id="swap-offer"
          name="offer"
          aria-invalid={invalid("offer")}
          aria-describedby={described("offer")}
        >
          {(mine ?? []).map((skill) => (
            <option key={skill.id} value={skill.name}>
              {skill.name}
            </option>
          ))}
          <option value="">Nothing, I only want to learn</option>
        </select>
        {fieldError("offer")}
      </div>
      <div class="field">
        <label htmlFor="swap-message">Message (optional)</label>
        <textarea
          id="swap-message"
          name="message"
          rows={3}
          aria-invalid={invalid("message")}
          aria-describedby={described("message")}
        />
        {fieldError("message")}
      </div>
      <button type="submit" class="button primary" disabled={form.busy || mine === null}>
        {form.busy ? "Sending…" : "Request a swap"}
      </button>
    </form>
  );
}
