import { DomainError, translate } from "@skillswap/core";
import { describe, expect, it } from "vitest";
import { failureOf } from "./failure.js";
import { inOptionTerms } from "./field-names.js";

const refusal = (field: string) =>
  new DomainError("invalid", "SESSION.INVALID", "error.invalid", { fields: field }, [
    { field, message: translate("swap.time_in_past") },
  ]);

describe("what a person is told to fix", () => {
  it("names the option they filled in, `when`, never core's field startsAt", () => {
    const failure = failureOf(inOptionTerms(refusal("startsAt"), "session schedule"));
    expect(failure.sentence).toBe("Some of what you entered needs fixing: when.");
    expect(failure.fieldErrors).toEqual([{ name: "when", message: translate("swap.time_in_past") }]);
  });

  it("points at the times someone wrote when one of their slots is wrong", () => {
    const failure = failureOf(inOptionTerms(refusal("availability.0.start"), "skills add"));
    expect(failure.sentence).toBe("Some of what you entered needs fixing: times.");
  });

  it("keeps the names of fields the person filled in under core's own name", () => {
    const failure = failureOf(inOptionTerms(refusal("rating"), "review"));
    expect(failure.sentence).toBe("Some of what you entered needs fixing: rating.");
  });

  it("hides a fault behind a plain sentence", () => {
    expect(failureOf(inOptionTerms(new Error("database is locked"), "find")).sentence).toBe(
      translate("error.unavailable"),
    );
  });
});
