import { useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { Failure } from "./load-state.js";

/**
 * A one-click request from a recommendation, whose outcome is announced in place: it already says what is
 * asked (the skills of the offer), so no form is needed.
 */
export function RequestButton({ label, send, done }: { label: string; send: () => Promise<unknown>; done: string }) {
  const [state, setState] = useState<"idle" | "busy" | "sent">("idle");
  const [failure, setFailure] = useState<string | null>(null);
  const click = () => {
    setState("busy");
    setFailure(null);
    send().then(
      () => setState("sent"),
      (error: unknown) => {
        setFailure(error instanceof ApiError ? error.message : "The request did not go through.");
        setState("idle");
      },
    );
  };
  return (
    <div class="request-action">
      <button type="button" class="button primary" onClick={click} disabled={state !== "idle"}>
        {state === "busy" ? "Sending…" : state === "sent" ? "Requested" : label}
      </button>
      <p role="status" class="status-line">
        {state === "sent" ? done : ""}
      </p>
      {failure !== null && <Failure>{failure}</Failure>}
    </div>
  );
}
