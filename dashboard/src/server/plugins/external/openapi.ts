import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import type { FastifyInstance } from "fastify";
import {
  createSerializerCompiler,
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { FastifySchemaCompiler } from "fastify";
import type { z } from "zod";
import { requestInvalid } from "../../errors/error-handler.js";

/**
 * Requests are validated by the route's zod schema; a refusal becomes the same DomainError core raises for bad
 * input, so a client sees one shape and one set of sentences whichever side refused.
 */
const validatorCompiler: FastifySchemaCompiler<z.ZodType> =
  ({ schema }) =>
  (data) => {
    const result = schema.safeParse(data);
    return result.success ? { value: result.data } : { error: requestInvalid(result.error) };
  };

const zodSerializer = createSerializerCompiler({});

/**
 * The route's zod serializer, remembering what it wrote for each object: core hands back the very same
 * (immutable) view while it is current — a public profile, for one — and encoding it through zod is most of
 * what answering costs then. Views are never mutated after core returns them, so the text stays true.
 */
const rememberingSerializer: typeof zodSerializer = (route) => {
  const serialize = zodSerializer(route);
  const written = new WeakMap<object, string>();
  return (data: unknown) => {
    if (typeof data !== "object" || data === null) return serialize(data);
    let text = written.get(data);
    if (text === undefined) written.set(data, (text = serialize(data)));
    return text;
  };
};

/**
 * zod validates requests and whitelists responses (a field a schema does not list never leaves), and the same
 * schemas make the OpenAPI 3.1 document: served at /api/openapi.json, browsable at /api/docs.
 */
export async function openApi(app: FastifyInstance, options: { readonly version: string }): Promise<void> {
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(rememberingSerializer);
  await app.register(swagger, {
    openapi: {
      openapi: "3.1.0",
      info: {
        title: "SkillSwap API",
        version: options.version,
        description:
          "Everything SkillSwap does, over HTTP. Sign in (POST /api/v1/auth/login or /auth/signup, or a login link " +
          "from the bot), then send the session cookie with every request — `__Host-skillswap` when the site is " +
          "served over https, `skillswap` on plain http — and the CSRF token from GET /api/v1/auth/csrf in the " +
          "`x-csrf-token` header of every POST, PUT, PATCH and DELETE; without it a write answers 403 `AUTH.CSRF`. " +
          "The token belongs to the session: fetch it again after signing in or changing the password. Sign-up, " +
          "login, email confirmation and both password reset steps need no token (there is no session yet) but are " +
          "refused when a browser sends them from another site's page (`Origin` / `Sec-Fetch-Site`). A session ends " +
          "after 30 minutes unused or 12 hours after sign-in. Sign-in, sign-up and reset requests are limited per " +
          "address and per email (429 with `Retry-After`). " +
          'Every failure answers `{ "error": { "code", "message", "fields"? } }`.',
      },
      servers: [],
      tags: [],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  // The UI's own inline script and style are allowed by hash, so the strict CSP holds on its page too.
  await app.register(swaggerUi, { routePrefix: "/api/docs", staticCSP: true });
  app.withTypeProvider<ZodTypeProvider>().get("/api/openapi.json", { schema: { hide: true } }, () => app.swagger());
}
