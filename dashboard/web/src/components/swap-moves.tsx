import { useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { acceptSwap, cancelSwap, completeSwap, declineSwap, type Swap } from "../api/swaps.js";
import { useApiForm, textOf } from "./api-form.js";
import { partnerNames } from "./swap-summary.js";
import { Failure } from "./load-state.js";
import { FormMessage } from "./form-field.js";

/** What a page says (role=status) once a move was taken. */
function sentenceFor(move: "accept" | "decline" | "cancel" | "complete", swap: Swap): string {
  const partners = partnerNames(swap);
  switch (move) {
    case "accept":
      return swap.conversationId === null
        ? `You accepted the swap with ${partners}. It starts once everyone has.`
        : `You accepted the swap with ${partners}. Your conversation is open.`;
    case "decline":
      return `You declined the request from ${partners}.`;
    case "cancel":
      return swap.status === "cancelled" ? `The swap with ${partners} is cancelled.` : "Done.";
    case "complete":
      return swap.status === "completed"
        ? `The swap with ${partners} is completed.`
        : `You said the swap with ${partners} is done; it completes when everyone has.`;
  }
}

interface Props {
  readonly swap: Swap;
  /** The swap after the move and the sentence to announce. */
  readonly onMoved: (swap: Swap, sentence: string) => void;
  /** Where the swap's own page is, for the moves made there (schedule, review); absent on that page. */
  readonly detailHref?: string;
}

/** Exactly the moves the API says the viewer may make now, as buttons (and links for the longer ones). */
export function SwapMoves({ swap, onMoved, detailHref }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [declining, setDeclining] = useState(false);
  const can = (move: Swap["moves"][number]) => swap.moves.includes(move);
  const who = partnerNames(swap);

  const take = (move: "accept" | "cancel" | "complete") => {
    const action = move === "accept" ? acceptSwap : move === "cancel" ? cancelSwap : completeSwap;
    setBusy(true);
    setFailure(null);
    action(swap.id)
      .then((moved) => onMoved(moved, sentenceFor(move, moved)))
      .catch((error: unknown) => setFailure(error instanceof ApiError ? error.message : "That did not work."))
      .finally(() => setBusy(false));
  };

  const hasButtons = (["accept", "decline", "cancel", "complete"] as const).some(can);
  const links = detailHref !== undefined && (can("schedule") || can("review"));
  if (!hasButtons && !links && swap.conversationId === null) return null;
  return (
    <div class="swap-moves">
      {failure !== null && <Failure>{failure}</Failure>}
      <div class="button-row">
        {can("accept") && (
          <button type="button" class="button primary" disabled={busy} onClick={() => take("accept")}>
            Accept<span class="visually-hidden"> the request from {who}</span>
          </button>
        )}
        {can("decline") && !declining && (
          <button type="button" class="button" disabled={busy} onClick={() => setDeclining(true)}>
            Decline<span class="visually-hidden"> the request from {who}</span>
          </button>
        )}
        {can("cancel") && (
          <button type="button" class="button" disabled={busy} onClick={() => take("cancel")}>
            {swap.status === "pending" ? "Withdraw request" : "Cancel swap"}
            <span class="visually-hidden"> with {who}</span>
          </button>
        )}
        {can("complete") && (
          <button type="button" class="button" disabled={busy} onClick={() => take("complete")}>
            Mark as done<span class="visually-hidden"> (swap with {who})</span>
          </button>
        )}
        {swap.conversationId !== null && (
          <a class="button" href={`/conversations/${swap.conversationId}`}>
            Conversation<span class="visually-hidden"> with {who}</span>
          </a>
        )}
        {detailHref !== undefined && can("schedule") && (
          <a class="button" href={`${detailHref}#sessions`}>
            Sessions<span class="visually-hidden"> with {who}</span>
          </a>
        )}
        {detailHref !== undefined && can("review") && (
          <a class="button" href={`${detailHref}#review`}>
            Leave a review<span class="visually-hidden"> for {who}</span>
          </a>
        )}
      </div>
      {declining && (
        <DeclineForm
          swap={swap}
          onDone={(moved) => onMoved(moved, sentenceFor("decline", moved))}
          onKeep={() => setDeclining(false)}
        />
      )}
    </div>
  );
}

function DeclineForm({ swap, onDone, onKeep }: { swap: Swap; onDone: (s: Swap) => void; onKeep: () => void }) {
  const id = `decline-${swap.id}`;
  const form = useApiForm(["reason"], async (data) => onDone(await declineSwap(swap.id, textOf(data, "reason"))));
  const error = form.fieldError("reason");
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate class="inline-form" aria-label="Decline the request">
      <FormMessage form={form} />
      <div class="field">
        <label htmlFor={`${id}-reason`}>Reason (optional)</label>
        <textarea
          id={`${id}-reason`}
          name="reason"
          rows={2}
          aria-invalid={error === undefined ? undefined : "true"}
          aria-describedby={error === undefined ? undefined : `${id}-reason-error`}
        />
        {error !== undefined && (
          <p class="field-error" id={`${id}-reason-error`}>
            {error}
          </p>
        )}
      </div>
      <div class="button-row">
        <button type="submit" class="button primary" disabled={form.busy}>
          Decline request
        </button>
        <button type="button" class="button" onClick={onKeep}>
          Keep it
        </button>
      </div>
    </form>
  );
}
