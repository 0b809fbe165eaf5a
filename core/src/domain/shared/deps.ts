import type { Db } from "../../infra/prisma/database.js";
import type { Clock } from "../../ports/clock.js";
import type { Geocoder } from "../../ports/geocoder.js";
import type { Ids } from "../../ports/ids.js";

/** What every service is built from: the database and the ports it needs. */
export interface ServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly ids: Ids;
  readonly geocoder: Geocoder;
}
