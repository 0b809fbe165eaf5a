import { z } from "zod";

/**
 * The one error shape every failure answers with, registered once so the OpenAPI document holds a single
 * `Error` schema every operation refers to.
 */
export const errorSchema = z
  .object({
    error: z.object({
      code: z.string().describe("Stable, namespaced: SWAP.NOT_FOUND, VALIDATION, RATE_LIMITED…"),
      message: z.string().describe("A sentence for the person, in their words"),
      fields: list(
        z.object({
          field: z.string().describe('The rejected field as the client named it: "email", "slots.2.start"'),
          message: z.string(),
          candidates: list(
            z.object({ geonameId: z.number().int(), name: z.string(), region: z.string(), country: z.string() }),
          ).optional(),
        }),
      ).optional(),
      requestId: z.string().optional().describe("On a fault of ours: quote it to the operator"),
    }),
  })
  .meta({ id: "Error" });

export type ErrorBody = z.infer<typeof errorSchema>;

/** The error answers an operation may give, for its `response` map (all share the Error schema). */
export const errorResponses = {
  400: errorSchema,
  401: errorSchema,
  403: errorSchema,
  404: errorSchema,
  409: errorSchema,
  429: errorSchema,
} as const;

/** A handle in a path: what people type after @, checked loosely here (core normalizes and finds it). */
export const handleParam = z.object({ handle: z.string().min(1).max(64) });

/** An id in a path. */
export const idParam = z.object({ id: z.string().min(1).max(64) });

/** `?limit=&cursor=` for lists that can grow; a query string is text, so the number is parsed from it. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).optional().describe("At most this many items (1–100)"),
  cursor: z.string().min(1).max(512).optional().describe("The `nextCursor` of the previous page"),
});

/** An array in a response: core's views hold readonly arrays. */
export function list<T extends z.ZodType>(item: T) {
  return z.array(item).readonly();
}

/** A page of a list that can grow: `nextCursor` is null on the last page. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({ items: list(item), nextCursor: z.string().nullable() });
}

/** 204: nothing to say. */
export const noContent = z.undefined().describe("Done; nothing to return");
