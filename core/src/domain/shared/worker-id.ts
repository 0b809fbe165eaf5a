import { randomBytes } from "node:crypto";
import { hostname } from "node:os";

/**
 * A name for one worker among every process sharing the database, written into what it claims (outbox events,
 * job leases): the host and pid say where to look when an operator sees a claim, the random part keeps two
 * dispatchers of one process (or a pid reused after a restart) apart.
 */
export function newWorkerId(): string {
  return `${hostname()}:${process.pid}:${randomBytes(4).toString("hex")}`;
}
