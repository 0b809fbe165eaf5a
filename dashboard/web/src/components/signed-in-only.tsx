import type { ComponentChildren } from "preact";
import { usePageTitle } from "../page-title.js";
import { useSession } from "../session.js";
import { SignedOutNotice } from "./signed-out-notice.js";

/**
 * A page for signed-in people: while the session is asked for, a loading line; signed out, a sentence and a
 * link to sign in, and no request that would only fail.
 */
export function SignedInOnly({
  title,
  what = "see this page",
  children,
}: {
  title: string;
  /** What signing in lets the visitor do here ("see your profile"). */
  what?: string;
  children: (handle: string) => ComponentChildren;
}) {
  const { session } = useSession();
  if (session.state === "signed-in") return <>{children(session.person.handle)}</>;
  return <SignedOutHere title={title} loading={session.state === "loading"} what={what} />;
}

function SignedOutHere({ title, loading, what }: { title: string; loading: boolean; what: string }) {
  usePageTitle(title);
  return (
    <>
      <h1>{title}</h1>
      <SignedOutNotice loading={loading} what={what} />
    </>
  );
}

/** The sentence a failed call leaves for the person. */
export function failureText(error: unknown, fallback: string): string {
  return error instanceof Error && error.message !== "" ? error.message : fallback;
}
