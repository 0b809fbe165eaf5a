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
