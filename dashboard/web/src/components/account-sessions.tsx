import { useEffect, useState } from "preact/hooks";
import { endOtherSessions, endSession, mySessions, type WebSession } from "../api/account.js";
import { ApiError } from "../api/client.js";
import { Failure } from "./load-state.js";

const when = (iso: string) => new Date(iso).toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" });

const browsers: readonly (readonly [RegExp, string])[] = [
  [/Edg\//, "Edge"],
  [/Firefox\//, "Firefox"],
  [/Chrom(e|ium)\//, "Chrome"],
  [/Safari\//, "Safari"],
];
const systems: readonly (readonly [RegExp, string])[] = [
  [/Android/, "Android"],
  [/iPhone|iPad/, "iOS"],
  [/Windows/, "Windows"],
  [/Mac OS X/, "macOS"],
  [/Linux/, "Linux"],
];

/** "Chrome on Linux" from a user agent: enough to tell one's browsers apart, not a full parse. */
function browserOf(userAgent: string): string {
  const browser = browsers.find(([pattern]) => pattern.test(userAgent))?.[1] ?? "A browser";
  const system = systems.find(([pattern]) => pattern.test(userAgent))?.[1];
  return system === undefined ? browser : `${browser} on ${system}`;
}

const sentenceOf = (error: unknown, otherwise: string) => (error instanceof ApiError ? error.message : otherwise);

/** Where I am signed in: this browser first, the others each with "sign out", and "log out everywhere else". */
export function AccountSessions() {
  const [sessions, setSessions] = useState<readonly WebSession[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    mySessions().then(setSessions, (error: unknown) =>
      setFailure(sentenceOf(error, "Your sessions could not be loaded.")),
    );
  }, []);

  const act = (work: () => Promise<string>) => {
    setBusy(true);
    setFailure(null);
    setConfirmation("");
    work()
      .then(async (said) => {
        setSessions(await mySessions());
        setConfirmation(said);
      })
      .catch((error: unknown) => setFailure(sentenceOf(error, "That did not work.")))
      .finally(() => setBusy(false));
  };
  const others = sessions?.filter((session) => !session.current) ?? [];

  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      {failure !== null && <Failure>{failure}</Failure>}
      {sessions === null && failure === null && <p class="muted">Loading your sessions…</p>}
      {sessions !== null && (
        <ul class="sessions">
          {[...sessions]
            .sort((a, b) => Number(b.current) - Number(a.current))
            .map((session) => (
              <li key={session.id} class="session">
                <p>
                  <strong>{browserOf(session.userAgent)}</strong>
                  {session.current && <span class="badge">This browser</span>}
                </p>
                <p class="muted">
                  Signed in {when(session.createdAt)} · last active {when(session.lastSeenAt)} · from {session.ip}
                </p>
                {!session.current && (
                  <button
                    type="button"
                    class="button"
                    disabled={busy}
                    aria-label={`Sign out ${browserOf(session.userAgent)}, signed in ${when(session.createdAt)}`}
                    onClick={() => act(() => endSession(session.id).then(() => "That session is signed out."))}
                  >
                    Sign out
                  </button>
                )}
              </li>
            ))}
        </ul>
      )}
      {others.length > 0 && (
        <button
          type="button"
          class="button"
          disabled={busy}
          onClick={() =>
            act(async () => {
              const ended = await endOtherSessions();
              return `Signed out everywhere else (${ended} ${ended === 1 ? "session" : "sessions"}).`;
            })
          }
        >
          Log out everywhere else
        </button>
      )}
      {sessions !== null && others.length === 0 && <p class="muted">You are signed in nowhere else.</p>}
      <p role="status" class="status-line">
        {confirmation}
      </p>
    </section>
  );
}
