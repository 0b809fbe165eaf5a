import { createCore, loadConfig, type CoreInternals, type CoreOptions } from "@skillswap/core";

/**
 * Opens the core for one command and always closes it, so the process can exit. The CLI is the composition
 * root: `start` hands the core to the worker and the seeders, which run on its internals; commands only call
 * use cases (lint refuses `.database` and `.deps` here).
 */
export async function withCore<T>(run: (core: CoreInternals) => Promise<T>, options: CoreOptions = {}): Promise<T> {
  const core = await createCore(loadConfig(), options);
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}
