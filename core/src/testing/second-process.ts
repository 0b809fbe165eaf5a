import { createCore, type CoreInternals } from "../app.js";
import { loadConfig } from "../config.js";
import type { TestCore } from "./test-core.js";

/**
 * The test database as a second process opens it, on a connection of its own, sharing the test's clock. Not on
 * SQLite: better-sqlite3 waits for a locked database synchronously, holding up the very thread that would
 * commit and unlock it, so two connections of one process can only deadlock; there the "second process" shares
 * the test's connection. Close it unless it is `core` itself.
 */
export async function secondProcessOn(core: TestCore): Promise<CoreInternals> {
  if (core.database.provider === "sqlite") return core;
  return createCore(loadConfig({ DATABASE_URL: core.database.url }, {}), { clock: core.clock, prepare: false });
}
