import { describe, expect, it } from "vitest";
import { formatLocalDateTime, parseLocalDateTime } from "./local-time.js";

describe("reading the date and time a person types", () => {
  it("reads it on the person's wall clock, with their time zone's offset that day", () => {
    expect(parseLocalDateTime("2026-12-01 18:30", "Europe/Paris")).toBe("2026-12-01T18:30:00+01:00");
    expect(parseLocalDateTime("2026-07-01 18:30", "Europe/Paris")).toBe("2026-07-01T18:30:00+02:00");
    expect(parseLocalDateTime("2026-12-01 9:05", "America/New_York")).toBe("2026-12-01T09:05:00-05:00");
    expect(parseLocalDateTime("2026-12-01 18:30", "Asia/Kolkata")).toBe("2026-12-01T18:30:00+05:30");
    expect(parseLocalDateTime("2026-12-01 18:30", "UTC")).toBe("2026-12-01T18:30:00+00:00");
  });

  it("accepts ISO date-times, keeping an offset the person wrote", () => {
    expect(parseLocalDateTime("2026-12-01T18:30", "Europe/Paris")).toBe("2026-12-01T18:30:00+01:00");
    expect(parseLocalDateTime("2026-12-01T18:30:15Z", "Europe/Paris")).toBe("2026-12-01T18:30:15Z");
    expect(parseLocalDateTime("2026-12-01T18:30:00-0300", "Europe/Paris")).toBe("2026-12-01T18:30:00-03:00");
  });

  it("places a time skipped by the spring change just after it", () => {
    // 02:30 does not exist in Paris on 29 March 2026: clocks jump from 02:00 to 03:00.
    const instant = parseLocalDateTime("2026-03-29 02:30", "Europe/Paris") ?? "";
    expect(new Date(instant).toISOString()).toBe("2026-03-29T01:30:00.000Z");
  });

  it("refuses what is not a real date and time", () => {
    for (const typed of ["tomorrow 6pm", "2026-02-30 10:00", "2026-12-01 25:00", "2026-12-01", ""])
      expect(parseLocalDateTime(typed, "Europe/Paris")).toBeNull();
  });

  it("shows an instant back on the person's wall clock", () => {
    expect(formatLocalDateTime(new Date("2026-12-01T17:30:00Z"), "Europe/Paris")).toBe("2026-12-01 18:30");
    expect(formatLocalDateTime(new Date("2026-12-01T17:30:00Z"), "UTC")).toBe("2026-12-01 17:30");
  });
});
