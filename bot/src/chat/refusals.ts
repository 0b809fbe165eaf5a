/** Runs a platform call whose refusal is expected now and then; resolves null (after logging) when refused. */
export type UnlessRefused = <T>(work: () => Promise<T>, onRefused: (error: unknown) => void) => Promise<T | null>;

/**
 * How relays treat a platform's refusals, whatever the platform: `isRefusal` says which failures retrying will
 * not change (a channel gone, a person who takes no DMs), which are logged and skipped; anything else is thrown
 * for the outbox to retry.
 */
export function unlessRefusedBy(isRefusal: (error: unknown) => boolean): UnlessRefused {
  return async (work, onRefused) => {
    try {
      return await work();
    } catch (error) {
      if (!isRefusal(error)) throw error;
      onRefused(error);
      return null;
    }
  };
}
