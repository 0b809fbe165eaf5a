import { useEffect, useState } from "preact/hooks";
import { myAvailability, setMyAvailability, type MyAvailability } from "../api/availability.js";
import { ApiError } from "../api/client.js";
import { AvailabilityGrid } from "./availability-grid.js";
import { cellsFromSlots, slotsFromCells, slotsOutsideGrid, type FreeCells } from "./weekly-slots.js";
import { Failure, Loading } from "./load-state.js";

const failureOf = (error: unknown, otherwise: string) => (error instanceof ApiError ? error.message : otherwise);

function Editor({ saved, onSaved }: { saved: MyAvailability; onSaved: (availability: MyAvailability) => void }) {
  const [cells, setCells] = useState<FreeCells>(() => cellsFromSlots(saved.slots));
  const [changed, setChanged] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [confirmation, setConfirmation] = useState("");
  const change = (update: (cells: FreeCells) => FreeCells) => {
    setCells(update);
    setChanged(true);
    setConfirmation("");
  };
  const save = (event: SubmitEvent) => {
    event.preventDefault();
    setBusy(true);
    setFailure(null);
    setMyAvailability(slotsFromCells(cells, slotsOutsideGrid(saved.slots)))
      .then((answer) => {
        onSaved(answer);
        setCells(cellsFromSlots(answer.slots));
        setChanged(false);
        const count = answer.slots.length;
        setConfirmation(
          count === 0
            ? "Saved: no times set, so you show as flexible."
            : `Saved: ${count} weekly ${count === 1 ? "slot" : "slots"}.`,
        );
      })
      .catch((error: unknown) => setFailure(failureOf(error, "Saving did not work. Try again.")))
      .finally(() => setBusy(false));
  };
  return (
    <form class="availability" onSubmit={save} aria-labelledby="availability-title">
      <h2 id="availability-title">When you are free, every week</h2>
      <p class="hint" id="availability-hint">
        Times are in your profile’s time zone, {saved.timeZone}. Click or touch a half hour to mark it free, drag to
        paint several; with the keyboard, move with the arrow keys and press Space. Leave it empty if you are flexible.
      </p>
      <div class="grid-scroll">
        <AvailabilityGrid
          cells={cells}
          onChange={change}
          labelledBy="availability-title"
          describedBy="availability-hint"
        />
      </div>
      {failure !== null && <Failure>{failure}</Failure>}
      <div class="actions">
        <button type="submit" class="button primary" disabled={busy || !changed}>
          {busy ? "Saving…" : "Save availability"}
        </button>
        <p role="status" class="confirmation">
          {changed ? "You have unsaved changes." : confirmation}
        </p>
      </div>
    </form>
  );
}

/** My general weekly availability, loaded, shown as a grid to paint, and saved as weekly slots. */
export function AvailabilityEditor() {
  const [saved, setSaved] = useState<MyAvailability | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    myAvailability().then(setSaved, (error: unknown) =>
      setFailure(failureOf(error, "Your availability could not be loaded.")),
    );
  }, []);
  if (failure !== null)
    return (
      <section aria-labelledby="availability-title">
        <h2 id="availability-title">When you are free, every week</h2>
        <Failure>{failure} Reload the page to try again.</Failure>
      </section>
    );
  if (saved === null)
    return (
      <section aria-labelledby="availability-title">
        <h2 id="availability-title">When you are free, every week</h2>
        <Loading>Loading your availability…</Loading>
      </section>
    );
  return <Editor saved={saved} onSaved={setSaved} />;
}
