import { useState } from "preact/hooks";
import { listOpenReports, resolveReport, type Report } from "../api/communities.js";
import { useCursorList } from "./cursor-list.js";
import { LoadMore } from "./load-more.js";
import { Failure, Loading } from "./load-state.js";
import { failureText } from "./signed-in-only.js";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

/** What a report is about, in a few words: a post, a thread, a review or a person. */
function reportedWhat(report: Report): string {
  if (report.post !== null) return "A forum reply";
  if (report.thread !== null) return `The thread “${report.thread.title}”`;
  if (report.reviewId !== null) return "A review";
  if (report.subject !== null) return report.subject.displayName;
  return "Something since deleted";
}

/** The same words inside a sentence: a person's name keeps its capitals, the rest start lower-case. */
const inSentence = (report: Report, what: string) =>
  report.post === null && report.thread === null && report.reviewId === null && report.subject !== null
    ? what
    : what.charAt(0).toLowerCase() + what.slice(1);

function ReportItem({
  communityId,
  report,
  onClosed,
  announce,
}: {
  communityId: string;
  report: Report;
  onClosed: () => void;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const [busy, setBusy] = useState(false);
  const title = reportedWhat(report);
  const what = inSentence(report, title);
  const close = (resolution: "resolved" | "dismissed") => {
    setBusy(true);
    resolveReport(communityId, report.id, resolution)
      .then(() => {
        onClosed();
        announce(`The report of ${what} is ${resolution}.`);
      })
      .catch((error: unknown) => {
        announce(failureText(error, "The report could not be closed."), true);
        setBusy(false);
      });
  };
  const titleId = `report-${report.id}`;
  return (
    <li class="admin-item" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {report.post !== null && <blockquote class="post-body">{report.post.body}</blockquote>}
      {report.post === null && report.thread !== null && <p class="muted">A whole thread is reported.</p>}
      {report.subject !== null && (
        <p>
          Person: <a href={`/people/${report.subject.handle}`}>{report.subject.displayName}</a>
        </p>
      )}
      <p>
        <strong>Reason:</strong> {report.reason}
      </p>
      <p class="muted">
        Reported by {report.reporter?.displayName ?? "a deleted account"} on{" "}
        <time dateTime={report.createdAt}>{when(report.createdAt)}</time>
      </p>
      <div class="actions">
        <button type="button" class="button primary" disabled={busy} onClick={() => close("resolved")}>
          Resolve the report of {what}
        </button>
        <button type="button" class="button" disabled={busy} onClick={() => close("dismissed")}>
          Dismiss the report of {what}
        </button>
      </div>
    </li>
  );
}

/** The community's open reports, newest first: each with what was reported and the two ways to close it. */
export function AdminReports({
  communityId,
  announce,
}: {
  communityId: string;
  announce: (sentence: string, failed?: boolean) => void;
}) {
  const list = useCursorList(`reports:${communityId}`, (c) => listOpenReports(communityId, c), "The reports");
  const { listing } = list;
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">Open reports</h2>
      <p class="muted">
        Resolving says you acted (for example, a moderator removed the thread); dismissing says nothing needed doing.
        Both are recorded in the audit log.
      </p>
      {listing.state === "loading" && <Loading>Loading the reports…</Loading>}
      {listing.state === "failed" && <Failure>{listing.message}</Failure>}
      {listing.state === "shown" && listing.items.length === 0 && <p class="empty">No open report. All quiet.</p>}
      {listing.state === "shown" && listing.items.length > 0 && (
        <ul class="admin-list">
          {listing.items.map((report) => (
            <ReportItem
              key={report.id}
              communityId={communityId}
              report={report}
              announce={announce}
              onClosed={() => list.update((items) => items.filter((r) => r.id !== report.id))}
            />
          ))}
        </ul>
      )}
      <LoadMore list={list} label="Load more reports" />
    </section>
  );
}
