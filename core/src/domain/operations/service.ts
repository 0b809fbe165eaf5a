import { readMigrations } from "../../infra/prisma/migrate.js";
import { outboxStatus, retryDeadEvents, type OutboxStatus } from "../outbox/status.js";
import type { ServiceDeps } from "../shared/deps.js";
import { groupViews, type GroupView } from "../social/groups.js";
import { installationOverview } from "../installations/overview.js";
import type { InstallationOverview } from "../installations/types.js";
import { catalogCheck, geocoderCheck, migrationsCheck, outboxCheck, peopleCheck, type HealthCheck } from "./rules.js";

/** A city every gazetteer build knows: if it does not resolve, none will. */
const knownCity = "Paris";

/**
 * What operators read and do (`skillswap doctor`, `outbox`, `groups`, the start banner): the doors ask here
 * instead of reading the database themselves. Operators see everything; nothing here is relative to a person.
 */
export interface Readiness {
  /** Every required check passed (see ReadinessProbe.required). */
  readonly ready: boolean;
  readonly checks: readonly {
    readonly name: string;
    readonly ok: boolean;
    /** Whether the process can serve without it: false means it stays ready, only slower, while this is down. */
    readonly required: boolean;
    readonly error?: string;
  }[];
}

/** How long a readiness check may take before it counts as down: a probe that hangs is a failed probe. */
const probeTimeoutMs = 2_000;

async function probe(name: string, check: () => Promise<void>, required = true): Promise<Readiness["checks"][number]> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${probeTimeoutMs} ms`)), probeTimeoutMs);
  });
  try {
    await Promise.race([check(), timeout]);
    return { name, ok: true, required };
  } catch (error) {
    // The reason stays short and generic-free of secrets: a connection error's message, never its stack.
    return { name, ok: false, required, error: error instanceof Error ? error.message.slice(0, 200) : "failed" };
  } finally {
    clearTimeout(timer);
  }
}

export function createOperationsService(
  deps: Pick<ServiceDeps, "db" | "database" | "clock" | "geocoder" | "readinessProbes">,
) {
  const { db, database, clock, geocoder } = deps;

  async function appliedMigrations(): Promise<number> {
    const rows = await db
      .$queryRawUnsafe<Array<{ n: number | bigint }>>(
        `SELECT COUNT(*) AS n FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      )
      // A database never migrated has no migrations table yet: nothing is applied.
      .catch(() => []);
    return Number(rows[0]?.n ?? 0);
  }

  function activePeople(): Promise<number> {
    return db.user.count({ where: { status: "active" } });
  }

  function geocoderHealth(): HealthCheck {
    // The gazetteer loads on its first question, so the time of that one answer is its loading time.
    const started = performance.now();
    const found = geocoder.resolve(knownCity).kind === "found";
    return geocoderCheck(knownCity, found, Math.round(performance.now() - started));
  }

  return {
    /**
     * The database's and the offline parts' health, each check with its verdict. Throws when the database
     * cannot be reached at all. Until a migration is applied there are no tables, so nothing is counted.
     */
    async health(): Promise<HealthCheck[]> {
      await db.$queryRawUnsafe("SELECT 1");
      const applied = await appliedMigrations();
      const checks = [migrationsCheck(applied, readMigrations(database.provider).length)];
      if (applied > 0) {
        checks.push(catalogCheck(await db.skill.count({ where: { status: "approved" } })));
        checks.push(peopleCheck(await activePeople()));
        checks.push(outboxCheck(await outboxStatus(db, { deadLimit: 0 })));
      }
      checks.push(geocoderHealth());
      return checks;
    },

    /**
     * Whether this process can serve requests now: the database answers (a web process's readiness probe asks
     * this every few seconds, so it stays one cheap query), then each configured service's own probe; a service
     * it can serve without (Redis) is reported but leaves it ready.
     */
    async readiness(): Promise<Readiness> {
      const checks = await Promise.all([
        probe("database", async () => {
          await db.$queryRawUnsafe("SELECT 1");
        }),
        ...(deps.readinessProbes ?? []).map((p) => probe(p.name, () => p.check(), p.required ?? true)),
      ]);
      return { ready: checks.every((check) => check.ok || !check.required), checks };
    },

    /** How many people have an active account. */
    activePeople,

    /**
     * Events pending, delivered and dead, with the oldest dead ones and why their last attempt failed, and the
     * events workers hold (who, until when).
     */
    outbox(options: { readonly deadLimit?: number; readonly claimedLimit?: number } = {}): Promise<OutboxStatus> {
      return outboxStatus(db, options);
    },

    /**
     * Sends dead events back for delivery once their cause is fixed: all of them, or the one with this id.
     * Says how many went back, and how the outbox stands after.
     */
    async retryDeadEvents(eventId?: string): Promise<OutboxStatus & { readonly retried: number }> {
      const retried = await retryDeadEvents(db, clock.now(), eventId);
      return { ...(await outboxStatus(db)), retried };
    },

    /** Every group, community ones included, in name order. */
    groups(): Promise<GroupView[]> {
      // "All rows" said explicitly: the database guard refuses an empty where (core/src/infra/prisma/guard.ts).
      return groupViews(db, { id: { not: "" } });
    },

    /** Every platform installation, working or deactivated, with its scopes; never its token. */
    installations(): Promise<InstallationOverview[]> {
      return installationOverview(db);
    },
  };
}

export type OperationsService = ReturnType<typeof createOperationsService>;
