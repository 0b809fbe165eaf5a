import * as z from "zod/mini";

/** The one error shape every failure of the API answers with (GET /api/openapi.json, `Error`). */
const errorBody = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    fields: z.optional(z.array(z.object({ field: z.string(), message: z.string() }))),
  }),
});

/** A failure of the API, as a page shows it: one sentence, and a sentence per rejected field. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** Sentences by field name as the API names them ("email", "password"). */
    readonly fields: Readonly<Record<string, string>> = {},
  ) {
    super(message);
  }
}

const unreachable = () =>
  new ApiError(0, "NETWORK", "SkillSwap could not be reached. Check your connection and try again.");

let csrfToken: string | null = null;

/**
 * The session's CSRF token, sent in x-csrf-token with every write. It changes whenever the session does (sign-in,
 * sign-out): whoever signs in or out hands the new one here from GET /api/v1/auth/session.
 */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

async function errorFrom(response: Response): Promise<ApiError> {
  const parsed = errorBody.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return new ApiError(response.status, "UNEXPECTED", "Something went wrong on our side.");
  const { code, message, fields = [] } = parsed.data.error;
  return new ApiError(response.status, code, message, Object.fromEntries(fields.map((f) => [f.field, f.message])));
}

type Method = "GET" | "POST" | "PATCH" | "PUT" | "DELETE";

async function send(
  method: Method,
  path: string,
  body: unknown,
  extraHeaders: Readonly<Record<string, string>> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders, accept: "application/json" };
  // A FormData body (a file upload) sets its own multipart content type, boundary included.
  const form = body instanceof FormData;
  if (body !== undefined && !form) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken !== null) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, {
      method,
      headers,
      credentials: "same-origin",
      ...(body === undefined ? {} : { body: form ? body : JSON.stringify(body) }),
    });
  } catch {
    throw unreachable();
  }
  if (!response.ok) throw await errorFrom(response);
  return response;
}

/**
 * Calls the API and checks the answer against `schema`: what a page renders is what it was written for, and an
 * answer of another shape fails here, loudly, rather than as `undefined` deep inside a component.
 */
export async function call<T>(
  method: Method,
  path: string,
  schema: z.ZodMiniType<T>,
  body?: unknown,
  headers?: Readonly<Record<string, string>>,
): Promise<T> {
  const response = await send(method, path, body, headers);
  return z.parse(schema, await response.json());
}

/** Calls the API for an answer with nothing to say (204). */
export async function callForNothing(method: Method, path: string, body?: unknown): Promise<void> {
  await send(method, path, body);
}

/** A page of a list that grows (the API's `{ items, nextCursor }`). */
export interface Page<T> {
  readonly items: readonly T[];
  readonly nextCursor: string | null;
}

/** The schema of a page of `item`s. */
export const pageOf = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

/** "limit=20&cursor=…": one page of a list that grows, from where the last one ended. */
export function pageQuery(cursor: string | null, limit = 20): string {
  const query = new URLSearchParams({ limit: String(limit) });
  if (cursor !== null) query.set("cursor", cursor);
  return query.toString();
}
