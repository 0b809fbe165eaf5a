import type { FastifyRequest, FastifyServerOptions } from "fastify";

type LoggerOption = NonNullable<FastifyServerOptions["logger"]>;

const redacted = "[redacted]";

// Header values that are credentials: the session cookie (set and sent), Authorization, the platforms'
// request signatures. Fastify logs no headers itself; these paths catch any log line that adds them.
const secretHeaders = ["authorization", "proxy-authorization", "cookie", "set-cookie", "x-signature-ed25519"];
const redactPaths = secretHeaders.flatMap((name) => [`headers["${name}"]`, `*.headers["${name}"]`]);

// A query string, kept out whole: the one-time login token travels in one (/login/link?token=…), and any
// value there may be a credential. The path before it stays, so a log still says which route was asked.
const queryString = /(\/[^\s?"'<>\\]*)\?[^\s"'<>#\\]+/g;
// A credential written out in a message, as an Authorization header carries it (long, so prose is left alone).
const credential = /\b(Bearer|Basic|Bot)\s+[A-Za-z0-9._~+/=-]{16,}/g;

/** `text` with query strings and written-out credentials replaced. */
export function redactWebSecrets(text: string): string {
  return text.replace(queryString, `$1?${redacted}`).replace(credential, `$1 ${redacted}`);
}

function requestForLog(request: FastifyRequest) {
  return {
    method: request.method,
    url: redactWebSecrets(request.url),
    host: request.host,
    remoteAddress: request.ip,
    ...(request.socket.remotePort === undefined ? {} : { remotePort: request.socket.remotePort }),
  };
}

interface LoggedError {
  type: string;
  message: string;
  stack: string;
  [key: string]: unknown;
}

/**
 * Errors are logged by a whitelist of fields, as a response schema whitelists a body: client libraries hang
 * the request on their errors (discord.js's `url` holds an interaction token, `requestBody` what was sent).
 */
function errorForLog(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { type: typeof error, message: redactWebSecrets(String(error)), stack: "" };
  const logged: LoggedError = {
    type: error.name,
    message: redactWebSecrets(error.message),
    stack: redactWebSecrets(error.stack ?? ""),
  };
  if ("code" in error && (typeof error.code === "string" || typeof error.code === "number")) logged.code = error.code;
  if ("statusCode" in error && typeof error.statusCode === "number") logged.statusCode = error.statusCode;
  if (error.cause !== undefined) logged.cause = errorForLog(error.cause);
  return logged;
}

/**
 * The web server's logger options with secrets kept out of every line, whatever level and destination the
 * caller chose: requests are logged without their query string, errors by whitelisted fields, credential
 * headers censored, and each finished line is scrubbed once more, since Fastify writes URLs into messages of
 * its own ("Route GET:/login/link?token=… not found").
 */
export function redactedLoggerOptions(logger: LoggerOption | undefined): LoggerOption {
  if (logger === undefined || logger === false) return false;
  const options = logger === true ? {} : logger;
  const callerPaths = Array.isArray(options.redact) ? options.redact : (options.redact?.paths ?? []);
  return {
    ...options,
    redact: { paths: [...redactPaths, ...callerPaths], censor: redacted },
    serializers: { ...options.serializers, req: requestForLog, err: errorForLog },
    hooks: { ...options.hooks, streamWrite: redactWebSecrets },
  };
}
