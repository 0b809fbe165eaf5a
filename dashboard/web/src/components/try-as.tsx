import { useState } from "preact/hooks";
import { useLocation } from "preact-iso";
import { tryAs, type DemoPerson } from "../api/auth.js";
import { ApiError } from "../api/client.js";
import { useSession } from "../session.js";
import { Failure } from "./load-state.js";

const listed = (skills: readonly string[]) => (skills.length === 0 ? "nothing yet" : skills.join(", "));

/**
 * One-click sign-in as a demo person, so a newcomer sees a populated product at once. The server offers the
 * people only while it runs with its demo data; with none, this section is not shown at all.
 */
export function TryAs({ people }: { people: readonly DemoPerson[] }) {
  const { refresh } = useSession();
  const { route } = useLocation();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  if (people.length === 0) return null;

  const signInAs = (handle: string) => {
    setBusy(handle);
    setFailure(null);
    tryAs(handle)
      .then(refresh)
      .then(() => route("/me"))
      .catch((error: unknown) => setFailure(error instanceof ApiError ? error.message : "That did not work."))
      .finally(() => setBusy(null));
  };

  return (
    <section class="try-as" aria-labelledby="try-as-title">
      <h2 id="try-as-title">Look around first</h2>
      <p>This server runs with demo data. Try SkillSwap as one of its people, no account needed:</p>
      {failure !== null && <Failure>{failure}</Failure>}
      <ul class="people">
        {people.map((person) => (
          <li key={person.handle}>
            <button
              type="button"
              class="button"
              disabled={busy !== null}
              aria-describedby={`try-${person.handle}`}
              onClick={() => signInAs(person.handle)}
            >
              Try it as {person.displayName}
            </button>
            <p class="hint" id={`try-${person.handle}`}>
              Teaches {listed(person.teaches)}; learns {listed(person.learns)}.
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
