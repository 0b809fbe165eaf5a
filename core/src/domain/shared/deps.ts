import type { Database, Db } from "../../infra/prisma/database.js";
import type { Cache } from "../../ports/cache.js";
import type { Clock } from "../../ports/clock.js";
import type { Counters } from "../../ports/counters.js";
import type { FileStore } from "../../ports/file-store.js";
import type { Geocoder } from "../../ports/geocoder.js";
import type { Ids } from "../../ports/ids.js";
import type { Mailer } from "../../ports/mailer.js";
import type { SearchIndex } from "../../ports/search-index.js";
import type { SessionStore } from "../../ports/session-store.js";
import type { TokenCipher } from "../../ports/token-cipher.js";

/** What every service is built from: the database and the ports it needs. */
export interface ServiceDeps {
  readonly db: Db;
  /** The same database, for the few infrastructure needs beyond Prisma (bulk reads for in-memory indexes). */
  readonly database: Database;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly geocoder: Geocoder;
  readonly searchIndex: SearchIndex;
  /** Uploaded files (avatars): a directory on disk, or an S3 bucket. */
  readonly files: FileStore;
  /** Only outbox handlers send mail; use cases record an event instead (see ports/mailer.ts). */
  readonly mailer: Mailer;
  /** Web sessions: the database, read through the cache when REDIS_URL makes it shared. */
  readonly sessionStore: SessionStore;
  /** Attempt counters for rate limits: in process, or Redis when REDIS_URL is set. */
  readonly counters: Counters;
  /** Hot reads (public profiles, the catalog): a bounded LRU in process, or Redis when REDIS_URL is set. */
  readonly cache: Cache;
  /** Seals platform tokens kept in the database; absent without SLACK_TOKEN_KEY, and then none are stored. */
  readonly tokenCipher?: TokenCipher;
  /** Configured outside services (Redis, S3) this process cannot serve without; `operations.readiness()` asks them. */
  readonly readinessProbes?: readonly ReadinessProbe[];
}

export interface ReadinessProbe {
  readonly name: string;
  /** Resolves when the service answers; rejects with a short reason when it does not. */
  check(): Promise<void>;
  /**
   * False for a service the process serves without, only slower (Redis: the cache falls back to the database,
   * counters to the process): it is reported, but the process stays ready. Taking every web process out of the
   * load balancer because the cache is down would turn a slowdown into an outage. Default true.
   */
  readonly required?: boolean;
}
