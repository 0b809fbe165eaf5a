import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { deleteMyAccount } from "../api/account.js";
import { useSession } from "../session.js";
import { useApiForm, textOf } from "./api-form.js";
import { announceOn } from "./flash-notice.js";
import { FormField, FormMessage } from "./form-field.js";

/**
 * Deleting the account, in two steps: a button that opens the confirmation, then typing one's handle. It ends
 * every session, so the page goes home and says there that it is done.
 */
export function AccountDeletion({ handle }: { handle: string }) {
  const [confirming, setConfirming] = useState(false);
  const { refresh } = useSession();
  const { route } = useLocation();
  const form = useApiForm(["confirmHandle"], async (data) => {
    await deleteMyAccount(textOf(data, "confirmHandle").trim().replace(/^@/, ""));
    announceOn("/", "Your account is deleted, and you are signed out everywhere. Thank you for swapping with us.");
    await refresh();
    route("/");
  });
  return (
    <section aria-labelledby="delete-title" class="danger-zone">
      <h2 id="delete-title">Delete your account</h2>
      <p>
        Your profile, skills, availability and settings are deleted and every session ends. What you wrote to others
        stays with them, signed “deleted user”. Download your data first if you want to keep it.
      </p>
      {!confirming ? (
        <button type="button" class="button danger" onClick={() => setConfirming(true)}>
          Delete my account…
        </button>
      ) : (
        <form id="delete-account" ref={form.formRef} onSubmit={form.onSubmit} noValidate>
          <FormMessage form={form} />
          <FormField
            id="delete-account-confirmHandle"
            label={`Type your handle, ${handle}, to confirm`}
            hint="This cannot be undone."
            error={form.fieldError("confirmHandle")}
          >
            {(input) => (
              // Focused on arrival: the person just asked for this step.
              <input {...input} type="text" name="confirmHandle" autoComplete="off" autoFocus />
            )}
          </FormField>
          <div class="actions">
            <button type="submit" class="button danger" disabled={form.busy}>
              {form.busy ? "Deleting…" : "Delete my account for good"}
            </button>
            <button type="button" class="button" disabled={form.busy} onClick={() => setConfirming(false)}>
              Keep my account
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
