import { z } from "zod";
import { signedInView } from "./auth.js";

/**
 * Whether this browser is signed in, answered 200 either way: the dashboard asks on every page load, and a
 * signed-out visit must not log a failed request.
 */
export const sessionStatusView = z
  .object({
    signedIn: z.boolean(),
    person: signedInView.nullable().describe("Who is signed in; null when nobody is"),
    csrfToken: z
      .string()
      .nullable()
      .describe("The session's token for the x-csrf-token header of writes, as GET /auth/csrf gives it"),
  })
  .meta({ id: "SessionStatus" });
