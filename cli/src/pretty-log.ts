/**
 * The web role's request log (pino's JSON lines) as one readable line each, for a person at a terminal:
 * `10:42:01 INFO  GET /health → 200 (1.2 ms)`. Fastify writes two lines per request, "incoming request" and
 * "request completed"; the first is remembered by its request id and told together with the second.
 */
export interface LineSink {
  write(text: string): void;
}

const levels: Readonly<Record<number, string>> = {
  10: "TRACE",
  20: "DEBUG",
  30: "INFO ",
  40: "WARN ",
  50: "ERROR",
  60: "FATAL",
};

interface Entry {
  readonly level?: number;
  readonly time?: number;
  readonly msg?: string;
  readonly reqId?: string;
  readonly req?: { readonly method?: string; readonly url?: string };
  readonly res?: { readonly statusCode?: number };
  readonly responseTime?: number;
  readonly err?: { readonly message?: string };
}

const clock = (time: number | undefined) => new Date(time ?? Date.now()).toTimeString().slice(0, 8);

function parsed(line: string): Entry | null {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === "object" && value !== null ? value : null;
  } catch {
    return null;
  }
}

export function prettyLog(out: LineSink): LineSink {
  const requests = new Map<string, string>();
  const say = (entry: Entry, text: string) =>
    out.write(`${clock(entry.time)} ${levels[entry.level ?? 30] ?? "INFO "} ${text}\n`);
  return {
    write(chunk) {
      for (const line of chunk.split("\n")) {
        if (line.trim() === "") continue;
        const entry = parsed(line);
        if (entry === null) {
          out.write(`${line}\n`);
          continue;
        }
        if (entry.req !== undefined && entry.reqId !== undefined) {
          requests.set(entry.reqId, `${entry.req.method ?? "?"} ${entry.req.url ?? "?"}`);
          // Kept for its answer; a server that never answers would otherwise grow this without bound.
          if (requests.size > 1_000) requests.clear();
          continue;
        }
        if (entry.res !== undefined && entry.reqId !== undefined) {
          const request = requests.get(entry.reqId) ?? "request";
          requests.delete(entry.reqId);
          const took = entry.responseTime === undefined ? "" : ` (${entry.responseTime.toFixed(1)} ms)`;
          say(entry, `${request} → ${entry.res.statusCode ?? "?"}${took}`);
          continue;
        }
        say(entry, [entry.msg ?? "", entry.err?.message ?? ""].filter((part) => part !== "").join(": "));
      }
    },
  };
}
