import { describe, expect, it } from "vitest";
import { formatSlot, mergeSlots, parseClock, parseSlot } from "./availability.js";

describe("reading a weekly slot as people type it", () => {
  it("understands a day and an hour range", () => {
    expect(parseSlot("Tue 18-20")).toEqual({ weekday: 2, startMinute: 18 * 60, endMinute: 20 * 60 });
  });

  it("understands minutes, am/pm and long dashes", () => {
    expect(parseSlot("sat 9:30am-12")).toEqual({ weekday: 6, startMinute: 570, endMinute: 720 });
    expect(parseSlot("Wednesday 18:00–21:30")).toEqual({ weekday: 3, startMinute: 1080, endMinute: 1290 });
  });

  it("accepts the end of the day as 24", () => {
    expect(parseSlot("Fri 22-24")).toEqual({ weekday: 5, startMinute: 1320, endMinute: 1440 });
  });

  it("rejects unknown days, impossible times and slots that end before they start", () => {
    expect(parseSlot("Funday 18-20")).toBeNull();
    expect(parseSlot("Tue 25-26")).toBeNull();
    expect(parseSlot("Tue 20-18")).toBeNull();
    expect(parseClock("13pm")).toBeNull();
  });

  it("prints slots back the way people read them", () => {
    expect(formatSlot({ weekday: 2, startMinute: 1080, endMinute: 1200 })).toBe("Tue 18:00–20:00");
  });
});

describe("merging slots", () => {
  it("joins overlapping and touching slots on the same day and keeps other days apart", () => {
    const merged = mergeSlots([
      { weekday: 2, startMinute: 1140, endMinute: 1260 },
      { weekday: 2, startMinute: 1080, endMinute: 1140 },
      { weekday: 1, startMinute: 600, endMinute: 660 },
    ]);
    expect(merged).toEqual([
      { weekday: 1, startMinute: 600, endMinute: 660 },
      { weekday: 2, startMinute: 1080, endMinute: 1260 },
    ]);
  });
});
