import type { Config, Delivery, OutboxHandler } from "@skillswap/core";
import type { ChatCore } from "./chat/context.js";

/** Where a surface reports its faults (a platform call that failed for good, a relay that could not be sent). */
export interface BotLogger {
  error(message: string, error: unknown): void;
}

export interface SurfaceOptions {
  readonly logger: BotLogger;
}

/** A surface running in this process, for the operator to read about and to stop. */
export interface RunningSurface {
  /** "connected": the status in `skillswap start --json`. */
  readonly status: string;
  /** One line for the person who started it, e.g. "Discord bot connected to 2 server(s)." */
  summary(): string;
  stop(): Promise<void>;
}

/** What a surface gives the worker: its outbox relays and its ways of notifying people. */
export interface SurfaceWorkerParts {
  readonly handlers: readonly OutboxHandler[];
  readonly deliveries: readonly Delivery[];
}

/**
 * One chat platform as the composition root sees it. `skillswap start` loops over the surfaces and knows none
 * by name: it starts those whose role was asked for and whose configuration is present, and gives the worker
 * the parts of every configured one (relays need only the platform's API, not a running door).
 */
export interface ChatSurface {
  /** The role that runs it: `skillswap start --roles discord`. */
  readonly role: string;
  configured(config: Config): boolean;
  /** Why it is off and what to set, when `configured` says no. */
  readonly off: { readonly status: string; readonly line: string };
  start(core: ChatCore, config: Config, options: SurfaceOptions): Promise<RunningSurface>;
  workerHandlers(core: ChatCore, config: Config, options: SurfaceOptions): SurfaceWorkerParts;
}
