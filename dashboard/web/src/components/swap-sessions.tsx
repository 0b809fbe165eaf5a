import { useEffect, useState } from "preact/hooks";
import { ApiError } from "../api/client.js";
import { myProfile } from "../api/me.js";
import {
  cancelSession,
  confirmSession,
  disputeSession,
  listSessions,
  rescheduleSession,
  scheduleSession,
  type Session,
} from "../api/sessions.js";
import type { Swap } from "../api/swaps.js";
import { formatOnClock, instantOf, wallClockOf } from "../zoned-time.js";
import { useApiForm, textOf } from "./api-form.js";
import { SessionTimeFields } from "./session-time-fields.js";
import { failureText } from "./signed-in-only.js";
import { Failure, Loading } from "./load-state.js";
import { FormMessage } from "./form-field.js";

const statusNames: Record<Session["status"], string> = {
  scheduled: "Scheduled",
  completed: "Took place",
  cancelled: "Called off",
  disputed: "Disputed",
};

/** The chosen date and time as the API's `startsAt`, or a field error the form shows next to them. */
function startsAtOf(data: FormData, timeZone: string): string {
  const instant = instantOf(textOf(data, "date"), textOf(data, "time"), timeZone);
  if (instant === null)
    throw new ApiError(400, "INVALID", "Check the session.", { startsAt: "Pick a date and a time." });
  return instant.toISOString();
}

/** Tomorrow at 18:00 on the person's clock: a reasonable first proposal. */
function tomorrowEvening(timeZone: string) {
  return { date: wallClockOf(new Date(Date.now() + 86_400_000), timeZone).date, time: "18:00" };
}

interface Props {
  readonly swap: Swap;
  readonly announce: (sentence: string) => void;
}

type Loaded =
  | { readonly state: "loading" }
  | { readonly state: "failed"; readonly message: string }
  | { readonly state: "shown"; readonly timeZone: string; readonly sessions: readonly Session[] };

async function loadAll(swapId: string) {
  const sessions: Session[] = [];
  let cursor: string | null = null;
  do {
    const page = await listSessions(swapId, cursor);
    sessions.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor !== null);
  return sessions;
}

/** The sessions of a swap on the person's own clock: schedule, move, call off, then confirm or dispute. */
export function SwapSessions({ swap, announce }: Props) {
  const [loaded, setLoaded] = useState<Loaded>({ state: "loading" });
  useEffect(() => {
    let current = true;
    Promise.all([myProfile(), loadAll(swap.id)]).then(
      ([me, sessions]) => current && setLoaded({ state: "shown", timeZone: me.timeZone, sessions }),
      (error: unknown) =>
        current && setLoaded({ state: "failed", message: failureText(error, "Sessions could not be loaded.") }),
    );
    return () => {
      current = false;
    };
  }, [swap.id]);

  const changed = (session: Session, sentence: string) => {
    if (loaded.state !== "shown") return;
    const known = loaded.sessions.some((s) => s.id === session.id);
    const sessions = known
      ? loaded.sessions.map((s) => (s.id === session.id ? session : s))
      : [...loaded.sessions, session];
    setLoaded({ ...loaded, sessions });
    announce(sentence);
  };

  const people = [swap.you, ...swap.partners];
  const nameOf = (handle: string) =>
    handle === swap.you.handle ? "you" : (people.find((p) => p.handle === handle)?.displayName ?? handle);

  return (
    <section id="sessions" aria-labelledby="sessions-title" class="panel">
      <h2 id="sessions-title">Sessions</h2>
      {loaded.state === "loading" && <Loading>Loading sessions…</Loading>}
      {loaded.state === "failed" && <Failure>{loaded.message}</Failure>}
      {loaded.state === "shown" && (
        <>
          {loaded.sessions.length === 0 ? (
            <p class="empty">No session yet.</p>
          ) : (
            <ul class="session-list">
              {loaded.sessions.map((session) => (
                <SessionItem
                  key={session.id}
                  session={session}
                  timeZone={loaded.timeZone}
                  nameOf={nameOf}
                  onChanged={changed}
                />
              ))}
            </ul>
          )}
          {swap.moves.includes("schedule") && (
            <ScheduleForm swap={swap} timeZone={loaded.timeZone} onScheduled={changed} />
          )}
        </>
      )}
    </section>
  );
}

function SessionItem({
  session,
  timeZone,
  nameOf,
  onChanged,
}: {
  session: Session;
  timeZone: string;
  nameOf: (handle: string) => string;
  onChanged: (session: Session, sentence: string) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [moving, setMoving] = useState(false);
  const when = formatOnClock(session.startsAt, timeZone);
  const what = session.skill?.name ?? "Session";
  const act = (call: (id: string) => Promise<Session>, sentence: (s: Session) => string) => {
    setBusy(true);
    setFailure(null);
    call(session.id)
      .then((moved) => onChanged(moved, sentence(moved)))
      .catch((error: unknown) => setFailure(failureText(error, "That did not work.")))
      .finally(() => setBusy(false));
  };
  const can = (move: Session["moves"][number]) => session.moves.includes(move);
  return (
    <li class="session">
      <p>
        <strong>{what}</strong>, {when} <span class="muted">({session.durationMinutes} min)</span>
      </p>
      <p>
        {session.mode === "online" ? "Online" : "In person"}
        {session.place === "" ? "" : `: ${session.place}`}
      </p>
      <p>
        <span class={`badge badge-${session.status}`}>{statusNames[session.status]}</span>
        {session.confirmedBy.length > 0 && (
          <span class="muted"> Confirmed by {session.confirmedBy.map(nameOf).join(" and ")}.</span>
        )}
        {session.disputedBy.length > 0 && (
          <span class="muted"> Disputed by {session.disputedBy.map(nameOf).join(" and ")}.</span>
        )}
      </p>
      {failure !== null && <Failure>{failure}</Failure>}
      <div class="button-row">
        {can("confirm") && (
          <button
            type="button"
            class="button primary"
            disabled={busy}
            onClick={() =>
              act(confirmSession, (s) =>
                s.status === "completed"
                  ? `The ${what} session of ${when} took place.`
                  : `You confirmed the ${what} session of ${when}.`,
              )
            }
          >
            It took place
            <span class="visually-hidden">
              {" "}
              ({what}, {when})
            </span>
          </button>
        )}
        {can("dispute") && (
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => act(disputeSession, () => `You said the ${what} session of ${when} did not happen.`)}
          >
            It did not happen
            <span class="visually-hidden">
              {" "}
              ({what}, {when})
            </span>
          </button>
        )}
        {can("reschedule") && !moving && (
          <button type="button" class="button" disabled={busy} onClick={() => setMoving(true)}>
            Move
            <span class="visually-hidden">
              {" "}
              the {what} session of {when}
            </span>
          </button>
        )}
        {can("cancel") && (
          <button
            type="button"
            class="button"
            disabled={busy}
            onClick={() => act(cancelSession, () => `The ${what} session of ${when} is called off.`)}
          >
            Call off
            <span class="visually-hidden">
              {" "}
              the {what} session of {when}
            </span>
          </button>
        )}
      </div>
      {moving && (
        <RescheduleForm
          session={session}
          timeZone={timeZone}
          onDone={(moved) => {
            setMoving(false);
            onChanged(moved, `The ${what} session moved to ${formatOnClock(moved.startsAt, timeZone)}.`);
          }}
          onKeep={() => setMoving(false)}
        />
      )}
    </li>
  );
}

function RescheduleForm(props: {
  session: Session;
  timeZone: string;
  onDone: (s: Session) => void;
  onKeep: () => void;
}) {
  const { session, timeZone, onDone, onKeep } = props;
  const form = useApiForm(["startsAt"], async (data) =>
    onDone(await rescheduleSession(session.id, startsAtOf(data, timeZone))),
  );
  const current = wallClockOf(new Date(session.startsAt), timeZone);
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate class="inline-form" aria-label="Move the session">
      <FormMessage form={form} />
      <SessionTimeFields
        prefix={`move-${session.id}`}
        timeZone={timeZone}
        {...current}
        error={form.fieldError("startsAt")}
      />
      <div class="button-row">
        <button type="submit" class="button primary" disabled={form.busy}>
          Move it
        </button>
        <button type="button" class="button" onClick={onKeep}>
          Keep the time
        </button>
      </div>
    </form>
  );
}

function ScheduleForm(props: { swap: Swap; timeZone: string; onScheduled: (s: Session, sentence: string) => void }) {
  const { swap, timeZone, onScheduled } = props;
  const skills = [swap.you, ...swap.partners].flatMap((p) => (p.teaches === null ? [] : [p.teaches.name]));
  const fields = ["startsAt", "durationMinutes", "mode", "place", "skill"];
  const form = useApiForm(fields, async (data) => {
    const skill = textOf(data, "skill");
    const session = await scheduleSession(swap.id, {
      startsAt: startsAtOf(data, timeZone),
      durationMinutes: Number(textOf(data, "durationMinutes")),
      mode: textOf(data, "mode") === "in_person" ? "in_person" : "online",
      place: textOf(data, "place"),
      ...(skill === "" ? {} : { skill }),
    });
    onScheduled(
      session,
      `${session.skill?.name ?? "A"} session scheduled for ${formatOnClock(session.startsAt, timeZone)}.`,
    );
  });
  const error = (name: string) => {
    const sentence = form.fieldError(name);
    return sentence === undefined
      ? {}
      : { "aria-invalid": "true" as const, "aria-describedby": `schedule-${name}-error` };
  };
  const sentence = (name: string) => {
    const text = form.fieldError(name);
    return text === undefined ? null : (
      <p class="field-error" id={`schedule-${name}-error`}>
        {text}
      </p>
    );
  };
  return (
    <form ref={form.formRef} onSubmit={form.onSubmit} noValidate aria-labelledby="schedule-title">
      <h3 id="schedule-title">Schedule a session</h3>
      <FormMessage form={form} />
      <SessionTimeFields
        prefix="schedule"
        timeZone={timeZone}
        {...tomorrowEvening(timeZone)}
        error={form.fieldError("startsAt")}
      />
      {skills.length > 1 && (
        <div class="field">
          <label htmlFor="schedule-skill">Skill</label>
          <select id="schedule-skill" name="skill" {...error("skill")}>
            {skills.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
          {sentence("skill")}
        </div>
      )}
      <div class="field">
        <label htmlFor="schedule-duration">Length</label>
        <select id="schedule-duration" name="durationMinutes" defaultValue="60" {...error("durationMinutes")}>
          {[15, 30, 45, 60, 90, 120].map((minutes) => (
            <option key={minutes} value={String(minutes)}>
              {minutes} minutes
            </option>
          ))}
        </select>
        {sentence("durationMinutes")}
      </div>
      <fieldset class="choices">
        <legend>How you meet</legend>
        <label>
          <input type="radio" name="mode" value="online" defaultChecked /> Online
        </label>
        <label>
          <input type="radio" name="mode" value="in_person" /> In person
        </label>
        {sentence("mode")}
      </fieldset>
      <div class="field">
        <label htmlFor="schedule-place">Link or address (optional)</label>
        <input id="schedule-place" name="place" type="text" autoComplete="off" {...error("place")} />
        {sentence("place")}
      </div>
      <button type="submit" class="button primary" disabled={form.busy}>
        {form.busy ? "Scheduling…" : "Schedule"}
      </button>
    </form>
  );
}
