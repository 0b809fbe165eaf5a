/**
 * Fixed-window counters (attempts per IP, per email): in process by default, in Redis when REDIS_URL is set
 * so every web process counts the same attempts.
 */
export interface Counters {
  /**
   * Adds one to `key`'s count in the window that started with its first hit, `windowMs` long; answers the count
   * so far and the milliseconds until the window closes.
   */
  increment(key: string, windowMs: number): Promise<{ readonly count: number; readonly resetInMs: number }>;
}
