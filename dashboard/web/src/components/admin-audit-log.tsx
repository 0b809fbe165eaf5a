import { listAuditLog, type AuditEntry } from "../api/communities.js";
import { useCursorList } from "./cursor-list.js";
import { LoadMore } from "./load-more.js";
import { Failure, Loading } from "./load-state.js";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

const actionNames: Readonly<Record<string, string>> = {
  "channel.linked": "Linked a channel",
  "channel.unlinked": "Unlinked a channel",
  "swaps_channel.set": "Set the swaps channel",
  "report.resolved": "Resolved a report",
  "report.dismissed": "Dismissed a report",
};

const details = (entry: AuditEntry) =>
  Object.entries(entry.data)
    .map(([key, value]) => `${key}: ${value}`)
    .join(", ");

/** What the community's admins did, newest first, a page at a time. `round` reloads it after a change here. */
export function AdminAuditLog({ communityId, round }: { communityId: string; round: number }) {
  const list = useCursorList(`audit:${communityId}:${round}`, (c) => listAuditLog(communityId, c), "The audit log");
  const { listing } = list;
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit log</h2>
      {listing.state === "loading" && <Loading>Loading the audit log…</Loading>}
      {listing.state === "failed" && <Failure>{listing.message}</Failure>}
      {listing.state === "shown" && listing.items.length === 0 && (
        <p class="empty">Nothing yet: what admins do here is recorded in this log.</p>
      )}
      {listing.state === "shown" && listing.items.length > 0 && (
        <table class="audit-table">
          <caption class="visually-hidden">What the admins did, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">On</th>
            </tr>
          </thead>
          <tbody>
            {listing.items.map((entry) => (
              <tr key={entry.id}>
                <td>
                  <time dateTime={entry.createdAt}>{when(entry.createdAt)}</time>
                </td>
                <td>{entry.actor ?? "A deleted account"}</td>
                <td>{actionNames[entry.action] ?? entry.action}</td>
                <td>
                  {entry.targetType} {entry.targetId}
                  {details(entry) !== "" && <span class="muted"> ({details(entry)})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <LoadMore list={list} label="Load more of the audit log" />
    </section>
  );
}
