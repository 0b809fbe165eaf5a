import { loadConfig, type Config } from "./config.js";
import { createAccountsService } from "./domain/identity/service.js";
import { CachedReads } from "./domain/caching/cached-reads.js";
import { createMatchingService } from "./domain/matching/service.js";
import { createProfilesService } from "./domain/profiles/service.js";
import { createCommunitiesService } from "./domain/communities/service.js";
import { createInstallationsService } from "./domain/installations/service.js";
import { createDemoService } from "./domain/demo/service.js";
import { createConversationsService } from "./domain/conversations/service.js";
import { createModerationService } from "./domain/moderation/service.js";
import { createInboxService } from "./domain/inbox/service.js";
import { createIdempotencyService } from "./domain/idempotency/service.js";
import { createNotificationsService } from "./domain/notifications/service.js";
import { createOperationsService } from "./domain/operations/service.js";
import { createReviewsService } from "./domain/reviews/service.js";
import { createSearchService } from "./domain/search/service.js";
import { createFollowsService } from "./domain/social/follows.js";
import { createForumsService } from "./domain/social/forums.js";
import { createGroupsService } from "./domain/social/groups.js";
import { createSessionsService } from "./domain/sessions/service.js";
import { createSwapsService } from "./domain/swaps/service.js";
import { createRateLimitsService } from "./domain/rate-limits/service.js";
import { createWebSessionsService } from "./domain/web-sessions/service.js";
import { createRelaysService } from "./domain/relays/service.js";
import { createSendsService } from "./domain/sends/service.js";
import type { ServiceDeps } from "./domain/shared/deps.js";
import { ensureCatalog } from "./domain/skills/catalog.js";
import { createSkillsService } from "./domain/skills/service.js";
import { fileStoreFor } from "./infra/files/file-store-for.js";
import { aesGcmTokenCipher } from "./infra/token-cipher/aes-gcm-token-cipher.js";
import { databaseSessionStore } from "./infra/database-sessions/database-session-store.js";
import { cachedSessionStore } from "./infra/database-sessions/cached-session-store.js";
import { GazetteerGeocoder } from "./infra/gazetteer/gazetteer.js";
import { memoryCounters } from "./infra/memory-counters/memory-counters.js";
import { openRedis } from "./infra/redis/redis-connection.js";
import { memoryCache } from "./infra/cache/memory-cache.js";
import { cacheNamespaceOf, redisCache } from "./infra/redis/redis-cache.js";
import { countersWithFallback } from "./infra/redis/counters-with-fallback.js";
import { redisCounters } from "./infra/redis/redis-counters.js";
import { configuredMailer } from "./infra/mail/configured-mailer.js";
import { openDatabase, type Database } from "./infra/prisma/database.js";
import type { MigrationReport } from "./infra/prisma/migrate.js";
import { catalogSpellings } from "./infra/elasticsearch/catalog-spellings.js";
import { elasticsearchSearchIndex } from "./infra/elasticsearch/elasticsearch-search-index.js";
import { postgresSearchIndex } from "./infra/postgres-search/postgres-search-index.js";
import { sqliteSearchIndex } from "./infra/sqlite-fts/sqlite-search-index.js";
import type { SearchIndex } from "./ports/search-index.js";
import { systemClock, type Clock } from "./ports/clock.js";
import type { FileStore } from "./ports/file-store.js";
import type { Geocoder } from "./ports/geocoder.js";
import type { Mailer } from "./ports/mailer.js";
import { timeOrderedIds, type Ids } from "./ports/ids.js";
import { peopleToTry } from "./seed/people-to-try.js";

/** What the use cases take from configuration besides the ports. */
export interface ServicePolicies {
  readonly minTeachLevel: number;
  /** PUBLIC_URL: links to what the web server serves (avatars) start with it. */
  readonly publicUrl: string;
  /** The demo people "try it as …" may sign in as: none unless the demo data is on (SKILLSWAP_DEMO_DATA). */
  readonly demoPeopleIds?: readonly string[];
}

export function createServices(
  deps: ServiceDeps,
  policies: ServicePolicies = { minTeachLevel: 1, publicUrl: "http://localhost:3000" },
) {
  // Installing a workspace registers its community and its installer through these same use cases.
  const accounts = createAccountsService(deps);
  const communities = createCommunitiesService(deps);
  // One follower of the outbox per process invalidates the cache for every service reading through it.
  const reads = new CachedReads(deps.cache, deps.database, deps.clock);
  return {
    accounts,
    profiles: createProfilesService(deps, { publicUrl: policies.publicUrl, reads }),
    skills: createSkillsService(deps, { reads }),
    matching: createMatchingService(deps, { minTeachLevel: policies.minTeachLevel }),
    search: createSearchService(deps, { publicUrl: policies.publicUrl }),
    swaps: createSwapsService(deps),
    moderation: createModerationService(deps),
    conversations: createConversationsService(deps),
    sessions: createSessionsService(deps),
    reviews: createReviewsService(deps),
    communities,
    installations: createInstallationsService(deps, { accounts, communities }),
    groups: createGroupsService(deps),
    follows: createFollowsService(deps),
    forums: createForumsService(deps),
    inbox: createInboxService(deps),
    idempotency: createIdempotencyService(deps),
    notifications: createNotificationsService(deps),
    relays: createRelaysService(deps),
    sends: createSendsService(deps),
    operations: createOperationsService(deps),
    demo: createDemoService(deps, { peopleIds: policies.demoPeopleIds ?? [] }),
    webSessions: createWebSessionsService(deps, deps.sessionStore),
    rateLimits: createRateLimitsService(deps.counters),
  };
}

export type Services = ReturnType<typeof createServices>;

/** What doors get: the configuration and the use cases, never the database or the ports behind them. */
export interface Core {
  readonly config: Config;
  readonly services: Services;
  readonly migrations: MigrationReport | null;
  close(): Promise<void>;
}

/**
 * The core with what its use cases run on, for the code that wires it or checks it: the worker, the seeders,
 * the CLI's start-up, tests. Doors take `Core`, and lint refuses them `.database` and `.deps` (eslint.config.js).
 */
export interface CoreInternals extends Core {
  readonly database: Database;
  readonly deps: ServiceDeps;
}

export interface CoreOptions {
  readonly clock?: Clock;
  readonly ids?: Ids;
  readonly geocoder?: Geocoder;
  /** Where uploads are kept; by default S3 when S3_BUCKET is set, else UPLOADS_DIR on disk. */
  readonly files?: FileStore;
  /** Where account mail goes; by default SMTP when SMTP_URL is set, else files under the data folder. */
  readonly mailer?: Mailer;
  /** Where the core says what it did for the person running it (a mail saved to a file); stderr by default. */
  readonly log?: (line: string) => void;
  /** Apply migrations and load the skill catalog before returning (default true). */
  readonly prepare?: boolean;
}

/**
 * Builds SkillSwap's core from configuration: picks the database (SQLite file or PostgreSQL) from
 * DATABASE_URL, brings it up to date, loads the skill catalog and wires the use cases.
 */
export async function createCore(config: Config = loadConfig(), options: CoreOptions = {}): Promise<CoreInternals> {
  let migrations: MigrationReport | null = null;
  const prepare = options.prepare ?? true;
  // Before the database opens: a configuration mistake here then leaves nothing open behind it.
  const files = options.files ?? fileStoreFor(config);
  const tokenCipher = config.SLACK_TOKEN_KEY === undefined ? undefined : aesGcmTokenCipher(config.SLACK_TOKEN_KEY);
  const database = await openDatabase(config.DATABASE_URL, {
    migrate: prepare,
    onMigrated: (report) => (migrations = report),
  });
  try {
    if (prepare) await ensureCatalog(database.db);
  } catch (error) {
    await database.close();
    throw error;
  }
  // Elasticsearch when configured, else the database's own index (README, "Search").
  const searchIndex: SearchIndex =
    config.ELASTICSEARCH_URL !== undefined
      ? elasticsearchSearchIndex(config.ELASTICSEARCH_URL, {
          alias: config.ELASTICSEARCH_INDEX,
          spellings: () => catalogSpellings(database),
        })
      : database.provider === "sqlite"
        ? sqliteSearchIndex(database)
        : postgresSearchIndex(database.url);
  // Redis, when configured, holds what every web process must share: attempt counters (sessions are cached).
  const redis = config.REDIS_URL === undefined ? undefined : openRedis(config.REDIS_URL);
  const clock = options.clock ?? systemClock;
  const log = options.log ?? ((line: string) => console.error(line));
  // The cache, on a fail-fast connection of its own, is namespaced by database: deployments or test databases
  // sharing one Redis never read each other's entries.
  const cache =
    config.REDIS_URL === undefined
      ? memoryCache()
      : redisCache(config.REDIS_URL, { namespace: cacheNamespaceOf(database.url), log });
  const deps: ServiceDeps = {
    db: database.db,
    database,
    clock,
    ids: options.ids ?? timeOrderedIds(),
    geocoder: options.geocoder ?? new GazetteerGeocoder(),
    searchIndex,
    files,
    mailer: options.mailer ?? configuredMailer(config, log),
    // Sessions are read through the cache only when it is shared: a revocation must reach every web process.
    sessionStore:
      cache.kind === "redis"
        ? cachedSessionStore(databaseSessionStore(database), cache)
        : databaseSessionStore(database),
    counters:
      redis === undefined
        ? memoryCounters(clock)
        : countersWithFallback(redis, redisCounters(redis), memoryCounters(clock), log),
    cache,
    ...(tokenCipher === undefined ? {} : { tokenCipher }),
    readinessProbes: [
      { name: `files (${files.kind})`, check: () => files.ready() },
      ...(redis === undefined
        ? []
        : [
            {
              name: "redis",
              check: async () => {
                await redis.ping();
              },
              // The cache falls back to the database, sessions live there, counters fall back to the process,
              // and workers' queues wait for it: a web process serves on, slower.
              required: false,
            },
          ]),
    ],
  };
  const close = async () => {
    await deps.mailer.close();
    await searchIndex.close();
    await deps.files.close();
    await cache.close();
    await redis?.quit();
    await database.close();
  };
  return {
    config,
    services: createServices(deps, {
      minTeachLevel: config.MIN_TEACH_LEVEL,
      publicUrl: config.PUBLIC_URL,
      demoPeopleIds: config.SKILLSWAP_DEMO_DATA ? peopleToTry.map((person) => person.id) : [],
    }),
    database,
    deps,
    migrations,
    close,
  };
}
