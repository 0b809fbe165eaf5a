import { describe, expect, it } from "vitest";
import { formatOnClock, instantOf, wallClockOf } from "./zoned-time.js";

describe("a session's time on the person's own clock", () => {
  it("reads a date and time in the person's time zone, winter and summer", () => {
    expect(instantOf("2026-11-26", "18:30", "Europe/Paris")?.toISOString()).toBe("2026-11-26T17:30:00.000Z");
    expect(instantOf("2026-07-01", "18:30", "Europe/Paris")?.toISOString()).toBe("2026-07-01T16:30:00.000Z");
    expect(instantOf("2026-11-26", "09:00", "America/New_York")?.toISOString()).toBe("2026-11-26T14:00:00.000Z");
  });

  it("keeps the hour picked on the day the clocks change", () => {
    // Europe moves to summer time on 29 March 2026 at 02:00 (01:00 UTC).
    expect(instantOf("2026-03-29", "10:00", "Europe/Paris")?.toISOString()).toBe("2026-03-29T08:00:00.000Z");
    expect(instantOf("2026-03-29", "01:30", "Europe/Paris")?.toISOString()).toBe("2026-03-29T00:30:00.000Z");
  });

  it("shows an instant back on the same clock it was picked on", () => {
    const instant = new Date("2026-11-26T17:30:00.000Z");
    expect(wallClockOf(instant, "Europe/Paris")).toEqual({ date: "2026-11-26", time: "18:30" });
    expect(wallClockOf(instant, "Asia/Kolkata")).toEqual({ date: "2026-11-26", time: "23:00" });
    expect(formatOnClock(instant, "Europe/Paris")).toMatch(/26 Nov 2026.*18:30/);
  });

  it("refuses what is no date and time", () => {
    expect(instantOf("", "18:30", "Europe/Paris")).toBeNull();
    expect(instantOf("2026-11-26", "", "Europe/Paris")).toBeNull();
    expect(instantOf("26/11/2026", "18:30", "Europe/Paris")).toBeNull();
  });
});
