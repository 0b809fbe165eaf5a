// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from "@testing-library/preact";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AvailabilityEditor } from "./availability-editor.js";
import { fakeAvailabilityApi } from "./testing/fake-availability-api.js";

const freeCells = () =>
  Array.from(screen.getByRole("grid").querySelectorAll('[role="gridcell"][aria-selected="true"]'), (free) =>
    free.getAttribute("aria-label"),
  );
const saveButton = () => screen.getByRole("button", { name: "Save availability" });
const toggle = (name: RegExp) => fireEvent.keyDown(screen.getByLabelText(name), { key: " " });

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe("the weekly availability editor", () => {
  it("shows the saved slots as free cells, in the profile's time zone", async () => {
    fakeAvailabilityApi({ timeZone: "America/Chicago", slots: [{ weekday: 0, startMinute: 600, endMinute: 690 }] });
    render(<AvailabilityEditor />);

    expect(screen.getByText("Loading your availability…")).toBeTruthy();
    await screen.findByRole("grid");
    expect(screen.getByText(/Times are in your profile’s time zone, America\/Chicago\./)).toBeTruthy();
    // 10:00–11:30 covers three half hours; nothing to save until something changes.
    expect(freeCells()).toEqual(["Sunday 10:00–10:30, free", "Sunday 10:30–11:00, free", "Sunday 11:00–11:30, free"]);
    expect(saveButton().hasAttribute("disabled")).toBe(true);
  });

  it("saves a change as weekly slots and says how many", async () => {
    const api = fakeAvailabilityApi({ timeZone: "Europe/Paris", slots: [] });
    render(<AvailabilityEditor />);
    await screen.findByRole("grid");

    toggle(/^Monday 12:00–/);
    expect(screen.getByRole("status").textContent).toBe("You have unsaved changes.");
    fireEvent.click(saveButton());

    expect(screen.getByRole("button", { name: "Saving…" }).hasAttribute("disabled")).toBe(true);
    await screen.findByText("Saved: 1 weekly slot.");
    expect(api.savedSlots).toEqual([[{ weekday: 1, startMinute: 720, endMinute: 750 }]]);
    expect(saveButton().hasAttribute("disabled")).toBe(true);
  });

  it("keeps the times the grid does not show when the rest of that evening is cleared", async () => {
    // Saturday 22:00 to midnight: the grid shows 22:00–23:00, the last hour lies past its end.
    const api = fakeAvailabilityApi({
      timeZone: "Europe/Paris",
      slots: [{ weekday: 6, startMinute: 1320, endMinute: 1440 }],
    });
    render(<AvailabilityEditor />);
    await screen.findByRole("grid");

    toggle(/^Saturday 22:00–/);
    toggle(/^Saturday 22:30–/);
    fireEvent.click(saveButton());

    await screen.findByText("Saved: 1 weekly slot.");
    expect(api.savedSlots).toEqual([[{ weekday: 6, startMinute: 1380, endMinute: 1440 }]]);
  });

  it("says a week left empty counts as flexible", async () => {
    const api = fakeAvailabilityApi({
      timeZone: "Europe/Paris",
      slots: [{ weekday: 3, startMinute: 480, endMinute: 510 }],
    });
    render(<AvailabilityEditor />);
    await screen.findByRole("grid");

    toggle(/^Wednesday 08:00–/);
    fireEvent.click(saveButton());

    await screen.findByText("Saved: no times set, so you show as flexible.");
    expect(api.savedSlots).toEqual([[]]);
  });

  it("shows the server's refusal and keeps the changes to save again", async () => {
    const api = fakeAvailabilityApi({ timeZone: "Europe/Paris", slots: [] });
    api.refuseNextSave("Slots must not overlap.");
    render(<AvailabilityEditor />);
    await screen.findByRole("grid");

    toggle(/^Friday 17:00–/);
    fireEvent.click(saveButton());

    expect((await screen.findByRole("alert")).textContent).toBe("Slots must not overlap.");
    expect(freeCells()).toEqual(["Friday 17:00–17:30, free"]);
    expect(screen.getByRole("status").textContent).toBe("You have unsaved changes.");
    fireEvent.click(saveButton());
    await screen.findByText("Saved: 1 weekly slot.");
    expect(screen.queryByRole("alert")).toBeNull();
  });

  it("says when the availability could not be loaded", async () => {
    vi.stubGlobal("fetch", () => Promise.resolve(new Response("upstream timeout", { status: 502 })));
    render(<AvailabilityEditor />);

    expect((await screen.findByRole("alert")).textContent).toBe(
      "Something went wrong on our side. Reload the page to try again.",
    );
    expect(screen.queryByRole("grid")).toBeNull();
  });
});
