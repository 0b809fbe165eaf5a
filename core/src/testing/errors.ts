import { expect } from "vitest";
import { DomainError } from "../errors.js";

/** Runs `action` and returns the DomainError it must fail with. */
export async function domainErrorOf(action: () => Promise<unknown>): Promise<DomainError> {
  try {
    await action();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    return error as DomainError;
  }
  throw new Error("expected the action to fail with a DomainError, but it succeeded");
}

/** The field names a validation error rejected, sorted. */
export async function rejectedFields(action: () => Promise<unknown>): Promise<string[]> {
  const error = await domainErrorOf(action);
  expect(error.kind).toBe("invalid");
  return error.fields.map((f) => f.field).sort();
}
