import * as z from "zod/mini";
import { call } from "./client.js";

/** What the page needs of the swap just asked for (the API's `Swap`). */
const swapCreated = z.object({ id: z.string(), status: z.string() });

export interface SwapAsk {
  /** The handle of the person asked. */
  readonly to: string;
  /** The skill they teach me. */
  readonly want: string;
  /** The skill I teach them; absent to only learn. */
  readonly offer?: string;
  readonly message?: string;
}

/** POST /api/v1/swaps: ask someone for a swap. */
export const requestSwap = (ask: SwapAsk) => call("POST", "/swaps", swapCreated, ask);

export interface CycleAsk {
  readonly next: string;
  readonly after: string;
  readonly youTeach: string;
  readonly nextTeaches: string;
  readonly afterTeaches: string;
}

/** POST /api/v1/swaps/cycles: propose a three-person swap through me. */
export const requestCycle = (ask: CycleAsk) => call("POST", "/swaps/cycles", swapCreated, ask);
