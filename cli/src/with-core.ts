import { createCore, loadConfig, type Core, type CoreOptions } from "@skillswap/core";

/** Opens the core for one command and always closes it, so the process can exit. */
export async function withCore<T>(run: (core: Core) => Promise<T>, options: CoreOptions = {}): Promise<T> {
  const core = await createCore(loadConfig(), options);
  try {
    return await run(core);
  } finally {
    await core.close();
  }
}
