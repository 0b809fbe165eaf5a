import pg from "pg";

/**
 * A pool of plain PostgreSQL connections that outlives the server closing an idle one (a restart, a failover,
 * a dropped database): pg removes that connection from the pool and the next query opens another, but the
 * pool also emits "error", and an "error" event nobody listens to ends the process.
 */
export function plainPool(url: string, max = 4): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on("error", () => undefined);
  return pool;
}
