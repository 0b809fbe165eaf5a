import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";

/** GET /auth/providers: which "Sign in with …" buttons to show — only those whose credentials are configured. */
export const authProvidersRoutes: FastifyPluginAsyncZod<{ readonly providers: readonly ("discord" | "google")[] }> = (
  app,
  options,
) => {
  app.get(
    "/auth/providers",
    {
      config: { signedOut: "allowed" },
      schema: {
        operationId: "listSignInProviders",
        summary: "The sign-in providers this server offers, and where each one starts",
        tags: ["auth"],
        response: {
          200: z.object({
            providers: z.array(z.object({ id: z.enum(["discord", "google"]), startUrl: z.string() })).readonly(),
          }),
        },
      },
    },
    () => ({ providers: options.providers.map((id) => ({ id, startUrl: `/auth/${id}` })) }),
  );
  return Promise.resolve();
};
