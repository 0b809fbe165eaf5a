import { Prisma } from "./generated/sqlite/client.js";

/** True when a write failed on a unique constraint (P2002), whichever provider raised it. */
export function isUniqueViolation(error: unknown): boolean {
  return error instanceof Prisma.PrismaClientKnownRequestError
    ? error.code === "P2002"
    : typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}
