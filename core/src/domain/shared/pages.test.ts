import { z } from "zod";
import { describe, expect, it } from "vitest";
import { DomainError } from "../../errors.js";
import { cursorDate, decodeCursor, encodeCursor, pageOf } from "./pages.js";

const key = z.tuple([cursorDate, z.string()]);

function rejection(action: () => unknown): DomainError {
  try {
    action();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error("expected a DomainError");
}

describe("page cursors", () => {
  it("bring back the position they were made from", () => {
    const at = new Date("2026-11-25T10:00:00.000Z");
    const cursor = encodeCursor("feed", [at.getTime(), "id-1"]);
    expect(decodeCursor("feed", cursor, key, "FEED.INVALID")).toEqual([at, "id-1"]);
  });

  it("refuse a token of another list, a damaged one and one with the wrong values, on the cursor field", () => {
    for (const cursor of [
      encodeCursor("audit-log", [0, "id-1"]),
      "not base64 json",
      encodeCursor("feed", ["yesterday", "id-1"]),
      encodeCursor("feed", [1e20, "id-1"]),
      encodeCursor("feed", [0]),
    ]) {
      const error = rejection(() => decodeCursor("feed", cursor, key, "FEED.INVALID"));
      expect(error.code).toBe("FEED.INVALID");
      expect(error.fields.map((f) => f.field)).toEqual(["cursor"]);
    }
  });

  it("say there is more only when the extra row was read, pointing after the last row shown", () => {
    const rows = [1, 2, 3];
    expect(pageOf(rows, 2, String, (n) => `after-${n}`)).toEqual({ items: ["1", "2"], nextCursor: "after-2" });
    expect(pageOf(rows, 3, String, (n) => `after-${n}`)).toEqual({ items: ["1", "2", "3"], nextCursor: null });
    expect(pageOf([], 3, String, String)).toEqual({ items: [], nextCursor: null });
  });
});
