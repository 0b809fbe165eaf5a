import type { OutboxStatus } from "@skillswap/core";
import { emit, table, type OutputOptions } from "../output.js";
import { withCore } from "../with-core.js";

function describeStatus(status: OutboxStatus): string {
  const lines = [
    `Outbox: ${status.pending} pending (${status.retrying} waiting to retry), ${status.delivered} delivered, ${status.dead} dead.`,
  ];
  if (status.dead === 0) return lines[0] ?? "";
  lines.push(
    "",
    "Dead events — every handler retry failed; they are kept for you to look at:",
    table([
      ["ID", "TYPE", "ATTEMPTS", "LAST ERROR"],
      ...status.deadEvents.map((e) => [e.id, e.type, String(e.attempts), e.lastError]),
    ]),
  );
  if (status.deadEvents.length < status.dead)
    lines.push(`… and ${status.dead - status.deadEvents.length} more (oldest shown first).`);
  return lines.join("\n");
}

/** Counts of outbox events by status, and the dead ones with the reason their last attempt failed. */
export async function outboxCommand(options: OutputOptions & { retry?: boolean | string }): Promise<void> {
  // prepare:false — looking at the outbox must not migrate or load the catalog.
  const report: OutboxStatus & { readonly retried?: number } = await withCore(
    ({ services: { operations } }) =>
      options.retry === undefined
        ? operations.outbox()
        : operations.retryDeadEvents(typeof options.retry === "string" ? options.retry : undefined),
    { prepare: false },
  );
  emit(options, report, () =>
    [
      report.retried === undefined ? "" : `Sent ${report.retried} dead event(s) back for delivery.`,
      describeStatus(report),
    ]
      .filter((line) => line !== "")
      .join("\n"),
  );
}
