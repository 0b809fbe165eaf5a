import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCore, type Core, type CoreOptions } from "../app.js";
import { loadConfig, testDatabaseUrl, type ConfigInput, type DatabaseProvider } from "../config.js";
import { freshPostgresDatabase } from "./postgres.js";
import type { Clock } from "../ports/clock.js";

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  constructor(private current = new Date("2026-11-25T10:00:00.000Z")) {}
  now(): Date {
    return new Date(this.current);
  }
  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}

export interface TestCore extends Core {
  readonly clock: ManualClock;
}

/** The databases a repository suite runs on: SQLite always, PostgreSQL when TEST_DATABASE_URL is set. */
export function testProviders(): DatabaseProvider[] {
  return testDatabaseUrl() === undefined ? ["sqlite"] : ["sqlite", "postgresql"];
}

/** A migrated, catalog-loaded core on a database of its own, removed again by close(). */
export async function createTestCore(
  provider: DatabaseProvider = "sqlite",
  options: CoreOptions = {},
  config: Partial<Omit<ConfigInput, "DATABASE_URL">> = {},
): Promise<TestCore> {
  const clock = new ManualClock();
  let url: string;
  let cleanup: () => Promise<void>;
  if (provider === "sqlite") {
    const dir = mkdtempSync(join(tmpdir(), "skillswap-test-"));
    url = `file:${join(dir, "test.db")}`;
    cleanup = () => {
      rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    };
  } else {
    const database = await freshPostgresDatabase();
    url = database.url;
    cleanup = database.drop;
  }
  const core = await createCore(loadConfig({ ...config, DATABASE_URL: url }, {}), { clock, ...options });
  return {
    ...core,
    clock,
    close: async () => {
      await core.close();
      await cleanup();
    },
  };
}
