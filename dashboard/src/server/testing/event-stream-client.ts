/** One event of a `text/event-stream`, as EventSource would dispatch it; comments are kept to see heartbeats. */
export interface ReceivedEvent {
  readonly id?: string;
  readonly event?: string;
  readonly data?: string;
  readonly retry?: string;
  readonly comment?: string;
}

/** A `text/event-stream` read over a real socket, frame by frame, as a browser's EventSource reads it. */
export interface EventStreamReader {
  readonly status: number;
  readonly headers: Headers;
  /** The next frame; fails when none comes within `ms` or the stream ends first. */
  next(ms?: number): Promise<ReceivedEvent>;
  /** The next frame that is an event (`event:` set), skipping comments and `retry:`. */
  nextEvent(ms?: number): Promise<ReceivedEvent>;
  /** Resolves when the server ends the stream; fails if it is still open after `ms`. */
  ended(ms?: number): Promise<void>;
  /** The client goes away. */
  close(): void;
}

function parseFrame(frame: string): ReceivedEvent {
  const fields: Record<string, string> = {};
  for (const line of frame.split("\n")) {
    const colon = line.indexOf(":");
    const name = colon === -1 ? line : line.slice(0, colon);
    const value = colon === -1 ? "" : line.slice(colon + 1).replace(/^ /, "");
    const key = name === "" ? "comment" : name;
    fields[key] = key in fields && key === "data" ? `${fields[key]}\n${value}` : value;
  }
  return fields;
}

function within<T>(ms: number, what: string, promise: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** Opens `url` with `headers` and reads its event stream (the answer must be 200 to read events). */
export async function openEventStream(url: string, headers: Record<string, string>): Promise<EventStreamReader> {
  const abort = new AbortController();
  const response = await fetch(url, { headers: { accept: "text/event-stream", ...headers }, signal: abort.signal });
  const body = response.body;
  if (body === null) throw new Error("no body");
  const reader: ReadableStreamDefaultReader<Uint8Array> = body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let done = false;
  const read = async (): Promise<ReceivedEvent | null> => {
    for (;;) {
      const end = buffer.indexOf("\n\n");
      if (end !== -1) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        return parseFrame(frame);
      }
      if (done) return null;
      const chunk = await reader.read().catch(() => ({ done: true as const, value: undefined }));
      if (chunk.done) done = true;
      else buffer += decoder.decode(chunk.value, { stream: true });
    }
  };
  const next = async (ms = 5_000) => {
    const frame = await within(ms, "frame", read());
    if (frame === null) throw new Error("the stream ended");
    return frame;
  };
  return {
    status: response.status,
    headers: response.headers,
    next,
    async nextEvent(ms = 5_000) {
      const deadline = Date.now() + ms;
      for (;;) {
        const frame = await next(Math.max(1, deadline - Date.now()));
        if (frame.event !== undefined) return frame;
      }
    },
    ended: (ms = 5_000) =>
      within(
        ms,
        "end",
        (async () => {
          while ((await read()) !== null);
        })(),
      ),
    close: () => abort.abort(),
  };
}
