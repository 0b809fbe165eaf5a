/**
 * The zod schemas of use-case inputs, for doors that describe them to their clients (the HTTP API validates a
 * body with the very schema core parses it with, and publishes it in OpenAPI). Core parses again whatever a
 * door passes: these are the contract, not a substitute for it.
 */
export { profilePatch } from "./domain/profiles/input.js";
