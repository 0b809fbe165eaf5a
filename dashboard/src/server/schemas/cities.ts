import { z } from "zod";
import { list } from "./common.js";

/** `?q=&limit=`: what has been typed in a city field so far. */
export const citySuggestionsQuery = z.strictObject({
  q: z.string().trim().max(120).default("").describe("What has been typed so far"),
  limit: z.coerce.number().int().min(1).max(25).optional().describe("At most this many cities (1–25, default 10)"),
});

export const citySuggestion = z
  .object({
    label: z.string().describe('For people: "Portland, Oregon, US"'),
    query: z.string().describe('What to send as `location` in PATCH /me to get exactly this city: "Portland, US-OR"'),
  })
  .meta({ id: "CitySuggestion" });

export const citySuggestions = list(citySuggestion);
