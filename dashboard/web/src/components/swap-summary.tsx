import type { Swap, SwapParticipant } from "../api/swaps.js";

const statusNames: Record<Swap["status"], string> = {
  pending: "Waiting for an answer",
  accepted: "Active",
  declined: "Declined",
  cancelled: "Cancelled",
  expired: "Expired",
  completed: "Completed",
};

export const statusName = (status: Swap["status"]) => statusNames[status];

/** "Théo Martin teaches you French" — one line per thing learned in the swap, from the viewer's side. */
function teachingLines(swap: Swap): string[] {
  const everyone: SwapParticipant[] = [swap.you, ...swap.partners];
  const lines: string[] = [];
  for (const teacher of everyone) {
    if (teacher.teaches === null) continue;
    const learner = everyone.find((p) => p.learns?.skillId === teacher.teaches?.skillId && p !== teacher);
    const who = teacher === swap.you ? "You teach" : `${teacher.displayName} teaches`;
    const whom = learner === undefined ? "" : learner === swap.you ? " you" : ` ${learner.displayName}`;
    lines.push(`${who}${whom} ${teacher.teaches.name}`);
  }
  return lines;
}

/** Who is in a swap, what each teaches whom, and where it stands. */
export function SwapSummary({ swap }: { swap: Swap }) {
  return (
    <>
      <p class="swap-state">
        <span class={`badge badge-${swap.status}`}>{statusName(swap.status)}</span>
        <span class="muted">
          {swap.you.role === "requester" ? " You asked" : " You were asked"} on{" "}
          {new Date(swap.createdAt).toLocaleDateString("en-GB", { dateStyle: "medium" })}
        </span>
      </p>
      <ul class="swap-lines">
        {teachingLines(swap).map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      {swap.message !== "" && <blockquote class="swap-message">{swap.message}</blockquote>}
      {swap.status === "declined" && swap.declineReason !== "" && (
        <p class="muted">Reason given: {swap.declineReason}</p>
      )}
    </>
  );
}

export const partnerNames = (swap: Swap) => swap.partners.map((p) => p.displayName).join(" and ");
