import { useState } from "preact/hooks";
import { textOf, useApiForm } from "./api-form.js";
import { FormField, FormMessage } from "./form-field.js";

/**
 * "Report": a button that opens a short form for the reason, sent to the admins of the group's community (or
 * SkillSwap's operators). `id` keeps the field ids of several such forms on one page apart.
 */
export function ForumReportForm({
  id,
  what,
  send,
  announce,
}: {
  id: string;
  /** What is reported, for the button's accessible name ("the reply by Sam"). */
  what: string;
  send: (reason: string) => Promise<unknown>;
  announce: (sentence: string) => void;
}) {
  const [open, setOpen] = useState(false);
  const form = useApiForm(["reason"], async (data) => {
    await send(textOf(data, "reason"));
    setOpen(false);
    announce(`Thank you: your report of ${what} went to the admins.`);
  });
  if (!open)
    return (
      <button type="button" class="button" onClick={() => setOpen(true)} aria-label={`Report ${what}`}>
        Report
      </button>
    );
  return (
    <form class="inline-form" ref={form.formRef} onSubmit={form.onSubmit}>
      <FormMessage form={form} />
      <FormField
        id={`report-${id}`}
        label={`Why report ${what}?`}
        hint="The admins see your reason, and who reported."
        error={form.fieldError("reason")}
      >
        {(input) => <textarea {...input} name="reason" rows={3} required minLength={3} maxLength={1000} />}
      </FormField>
      <div class="actions">
        <button type="submit" class="button primary" disabled={form.busy}>
          Send the report
        </button>
        <button type="button" class="button" onClick={() => setOpen(false)}>
          Cancel
        </button>
      </div>
    </form>
  );
}
