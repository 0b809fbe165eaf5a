import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createCore, type CoreInternals, type CoreOptions } from "../app.js";
import { loadConfig, testDatabaseUrl, type ConfigInput, type DatabaseProvider } from "../config.js";
import { MemoryMailer } from "../infra/mail/memory-mailer.js";
import { testMailbox, type TestMailbox } from "./mailbox.js";
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

export interface TestCore extends CoreInternals {
  readonly clock: ManualClock;
  /** What the core mailed (unless `options` brought a mailer of its own). */
  readonly mail: TestMailbox;
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
  // Uploads go to a folder of the test's own, never into the working tree's ./data/uploads.
  const uploads = mkdtempSync(join(tmpdir(), "skillswap-uploads-"));
  const mailer = new MemoryMailer();
  const core = await createCore(loadConfig({ UPLOADS_DIR: uploads, ...config, DATABASE_URL: url }, {}), {
    clock,
    mailer,
    ...options,
  });
  return {
    ...core,
    clock,
    mail: testMailbox(core, mailer),
    close: async () => {
      await core.close();
      await cleanup();
      rmSync(uploads, { recursive: true, force: true });
    },
  };
}
