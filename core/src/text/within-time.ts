/** A handler that ran past its time limit: given up on (not stopped) so the next one may run. */
export class HandlerTimeout extends Error {
  override readonly name = "HandlerTimeout";
}

/**
 * Waits for `work` at most `limitMs`, then rejects with HandlerTimeout naming `name`. Both outbox workers (the
 * polling dispatcher and the BullMQ one) bound each handler call with it.
 */
export async function withinTime(work: Promise<void>, name: string, limitMs: number): Promise<void> {
  let timeout: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timeout = setTimeout(() => reject(new HandlerTimeout(`${name} took longer than ${limitMs} ms`)), limitMs);
    // A hung handler must not keep the process alive on its own.
    timeout.unref();
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    clearTimeout(timeout);
  }
}
