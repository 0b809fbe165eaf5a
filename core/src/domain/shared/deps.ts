import type { Database, Db } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import type { Geocoder } from "../../ports/geocoder.js";
import type { Ids } from "../../ports/ids.js";
import type { SearchIndex } from "../../ports/search-index.js";

/** What every service is built from: the database and the ports it needs. */
export interface ServiceDeps {
  readonly db: Db;
  /** The same database, for the few infrastructure needs beyond Prisma (bulk reads for in-memory indexes). */
  readonly database: Database;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly geocoder: Geocoder;
  readonly searchIndex: SearchIndex;
}
