import { useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { block, follow, report, unfollow } from "../api/people-profiles.js";
import { textOf, useApiForm } from "./api-form.js";
import { Failure } from "./load-state.js";
import { FormMessage } from "./form-field.js";

const sentenceOf = (error: unknown, fallback: string) => (error instanceof ApiError ? error.message : fallback);

/**
 * What a signed-in visitor may do on someone's profile besides asking for a swap: follow or unfollow, report,
 * and block (asked twice: a block hides both people from each other and withdraws pending requests).
 */
export function ProfileActions(props: { handle: string; name: string; following: boolean; onBlocked: () => void }) {
  const { handle, name, following, onBlocked } = props;
  const [follows, setFollows] = useState(following);
  const [busy, setBusy] = useState(false);
  const [said, setSaid] = useState("");
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmingBlock, setConfirmingBlock] = useState(false);
  const [reporting, setReporting] = useState(false);

  const act = (move: () => Promise<void>, done: string, fallback: string, after?: () => void) => {
    setBusy(true);
    setFailure(null);
    move()
      .then(() => {
        setSaid(done);
        after?.();
      })
      .catch((error: unknown) => setFailure(sentenceOf(error, fallback)))
      .finally(() => setBusy(false));
  };
  const toggleFollow = () =>
    follows
      ? act(
          () => unfollow(handle),
          `You no longer follow ${name}.`,
          "Unfollowing did not work.",
          () => setFollows(false),
        )
      : act(
          () => follow(handle),
          `You now follow ${name}.`,
          "Following did not work.",
          () => setFollows(true),
        );
  const confirmBlock = () => act(() => block(handle), `You blocked ${name}.`, "Blocking did not work.", onBlocked);

  const reportForm = useApiForm(["reason"], async (data) => {
    await report(handle, textOf(data, "reason"));
    setReporting(false);
    setSaid(`Thank you: your report about ${name} was sent to the admins.`);
  });
  const reasonError = reportForm.fieldError("reason");

  return (
    <section class="profile-actions" aria-label={`What you can do with ${name}`}>
      <p role="status" class="status-line">
        {said}
      </p>
      {failure !== null && <Failure>{failure}</Failure>}
      <div class="action-row">
        <button type="button" class={follows ? "button" : "button primary"} onClick={toggleFollow} disabled={busy}>
          {follows ? `Unfollow ${name}` : `Follow ${name}`}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => setReporting(!reporting)}
          aria-expanded={reporting}
          aria-controls="report-form"
        >
          Report
        </button>
        <button
          type="button"
          class="button danger"
          onClick={() => setConfirmingBlock(true)}
          disabled={busy || confirmingBlock}
        >
          Block
        </button>
      </div>
      {confirmingBlock && (
        <div class="block-confirm" role="group" aria-labelledby="block-question">
          <p id="block-question">
            Block {name}? Neither of you will see the other any more, and pending requests between you are withdrawn.
          </p>
          <button type="button" class="button danger" onClick={confirmBlock} disabled={busy}>
            Yes, block {name}
          </button>{" "}
          <button type="button" class="button" onClick={() => setConfirmingBlock(false)} disabled={busy}>
            Cancel
          </button>
        </div>
      )}
      {reporting && (
        <form
          id="report-form"
          ref={reportForm.formRef}
          onSubmit={reportForm.onSubmit}
          noValidate
          aria-label={`Report ${name}`}
        >
          <FormMessage form={reportForm} />
          <div class="field">
            <label htmlFor="report-reason">What is wrong?</label>
            <p class="hint" id="report-reason-hint">
              The admins of the communities you share with {name} read it.
            </p>
            <textarea
              id="report-reason"
              name="reason"
              rows={3}
              aria-invalid={reasonError === undefined ? undefined : "true"}
              aria-describedby={
                reasonError === undefined ? "report-reason-hint" : "report-reason-hint report-reason-error"
              }
            />
            {reasonError !== undefined && (
              <p class="field-error" id="report-reason-error">
                {reasonError}
              </p>
            )}
          </div>
          <button type="submit" class="button" disabled={reportForm.busy}>
            {reportForm.busy ? "Sending…" : "Send the report"}
          </button>
        </form>
      )}
    </section>
  );
}
