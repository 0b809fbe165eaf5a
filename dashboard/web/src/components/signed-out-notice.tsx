import { Loading } from "./load-state.js";
/** What a page for signed-in people says while the session is checked, or to a visitor. */
export function SignedOutNotice({ loading, what }: { loading: boolean; what: string }) {
  return loading ? (
    <Loading>Checking whether you are signed in…</Loading>
  ) : (
    <p>
      You are not signed in. <a href="/">Sign in or create an account</a> to {what}.
    </p>
  );
}
