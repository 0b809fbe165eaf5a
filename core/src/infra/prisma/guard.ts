import { invalid, type DomainError } from "../../errors.js";
import { translate } from "../../messages/index.js";
import { Prisma } from "./generated/sqlite/client.js";

const bulkOperations = new Set(["findMany", "updateMany", "deleteMany", "updateManyAndReturn"]);

function isEmptyWhere(where: unknown): boolean {
  if (where === undefined || where === null) return true;
  if (typeof where !== "object") return false;
  return Object.values(where).every((value) => value === undefined);
}

/**
 * Rejects bulk writes and reads whose `where` is missing or empty. `where: { id: undefined }` silently
 * matches every row in Prisma — the classic way to update or delete a whole table by accident.
 * A query that really means "all rows" says so with `where: { id: { not: "" } }` or a cursor.
 */
export const rejectEmptyWhere = Prisma.defineExtension({
  name: "reject-empty-where",
  query: {
    $allModels: {
      $allOperations({ model, operation, args, query }) {
        if (
          bulkOperations.has(operation) &&
          operation !== "findMany" &&
          isEmptyWhere((args as { where?: unknown }).where)
        ) {
          throw new Error(`${model}.${operation} without a where clause is refused (it would touch every row).`);
        }
        if (
          operation === "findMany" &&
          "where" in (args as object) &&
          isEmptyWhere((args as { where?: unknown }).where)
        ) {
          throw new Error(`${model}.findMany with an empty where is refused (an undefined filter matches every row).`);
        }
        return query(args);
      },
    },
  },
});

/** The first string in `value` (an argument tree) holding NUL, found depth first; undefined when none does. */
function nulIn(value: unknown, depth = 0): string | undefined {
  if (typeof value === "string") return value.includes("\u0000") ? value : undefined;
  if (depth > 12 || value === null || typeof value !== "object" || value instanceof Date) return undefined;
  for (const item of Array.isArray(value) ? value : Object.values(value)) {
    const found = nulIn(item, depth + 1);
    if (found !== undefined) return found;
  }
  return undefined;
}

/** The error for a NUL that got past the use cases' own validation (which names the field). */
export function unstorableText(): DomainError {
  return invalid("INPUT.UNSTORABLE", [{ field: "input", message: translate("field.control_characters") }]);
}

/** Throws unstorableText() when any string in `args` holds NUL. */
export function requireStorableText(args: unknown): void {
  if (nulIn(args) !== undefined) throw unstorableText();
}

/**
 * The last line behind the use cases' validation: PostgreSQL refuses a NUL character in text with a raw driver
 * error while SQLite stores it, so a query carrying one is refused here, on both, with a domain error.
 */
export const rejectUnstorableText = Prisma.defineExtension({
  name: "reject-unstorable-text",
  query: {
    $allModels: {
      $allOperations({ args, query }) {
        requireStorableText(args);
        return query(args);
      },
    },
  },
});
