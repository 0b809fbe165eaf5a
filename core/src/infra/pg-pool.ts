import pg from "pg";

/**
 * A pool of plain PostgreSQL connections that outlives the server closing an idle one (a restart, a failover,
 * a dropped database): pg removes that connection from the pool and the next query opens another, but the
 * pool also emits "error", and an "error" event nobody listens to ends the process.
 */
export function plainPool(url: string, max = 4, settings: Readonly<Record<string, string>> = {}): pg.Pool {
  // Server settings for this pool's sessions, sent at connect as `-c name=value` startup options.
  const options = Object.entries(settings)
    .map(([name, value]) => `-c ${name}=${value}`)
    .join(" ");
  const pool = new pg.Pool({ connectionString: url, max, ...(options === "" ? {} : { options }) });
  pool.on("error", () => undefined);
  return pool;
}
