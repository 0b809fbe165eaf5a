import { loadConfig, type Config } from "./config.js";
import { createAccountsService } from "./domain/identity/service.js";
import { createMatchingService } from "./domain/matching/service.js";
import { createProfilesService } from "./domain/profiles/service.js";
import { createCommunitiesService } from "./domain/communities/service.js";
import { createConversationsService } from "./domain/conversations/service.js";
import { createModerationService } from "./domain/moderation/service.js";
import { createInboxService } from "./domain/inbox/service.js";
import { createOperationsService } from "./domain/operations/service.js";
import { createReviewsService } from "./domain/reviews/service.js";
import { createSearchService } from "./domain/search/service.js";
import { createFollowsService } from "./domain/social/follows.js";
import { createForumsService } from "./domain/social/forums.js";
import { createGroupsService } from "./domain/social/groups.js";
import { createSessionsService } from "./domain/sessions/service.js";
import { createSwapsService } from "./domain/swaps/service.js";
import { createRelaysService } from "./domain/relays/service.js";
import { createSendsService } from "./domain/sends/service.js";
import type { ServiceDeps } from "./domain/shared/deps.js";
import { ensureCatalog } from "./domain/skills/catalog.js";
import { createSkillsService } from "./domain/skills/service.js";
import { GazetteerGeocoder } from "./infra/gazetteer/gazetteer.js";
import { openDatabase, type Database } from "./infra/prisma/database.js";
import type { MigrationReport } from "./infra/prisma/migrate.js";
import { postgresSearchIndex } from "./infra/postgres-search/postgres-search-index.js";
import { sqliteSearchIndex } from "./infra/sqlite-fts/sqlite-search-index.js";
import type { SearchIndex } from "./ports/search-index.js";
import { systemClock, type Clock } from "./ports/clock.js";
import type { Geocoder } from "./ports/geocoder.js";
import { timeOrderedIds, type Ids } from "./ports/ids.js";

/** What the use cases take from configuration besides the ports. */
export interface ServicePolicies {
  readonly minTeachLevel: number;
}

export function createServices(deps: ServiceDeps, policies: ServicePolicies = { minTeachLevel: 1 }) {
  return {
    accounts: createAccountsService(deps),
    profiles: createProfilesService(deps),
    skills: createSkillsService(deps),
    matching: createMatchingService(deps, { minTeachLevel: policies.minTeachLevel }),
    search: createSearchService(deps),
    swaps: createSwapsService(deps),
    moderation: createModerationService(deps),
    conversations: createConversationsService(deps),
    sessions: createSessionsService(deps),
    reviews: createReviewsService(deps),
    communities: createCommunitiesService(deps),
    groups: createGroupsService(deps),
    follows: createFollowsService(deps),
    forums: createForumsService(deps),
    inbox: createInboxService(deps),
    relays: createRelaysService(deps),
    sends: createSendsService(deps),
    operations: createOperationsService(deps),
  };
}

export type Services = ReturnType<typeof createServices>;

export interface Core {
  readonly config: Config;
  readonly services: Services;
  readonly database: Database;
  readonly deps: ServiceDeps;
  readonly migrations: MigrationReport | null;
  close(): Promise<void>;
}

export interface CoreOptions {
  readonly clock?: Clock;
  readonly ids?: Ids;
  readonly geocoder?: Geocoder;
  /** Apply migrations and load the skill catalog before returning (default true). */
  readonly prepare?: boolean;
}

/**
 * Builds SkillSwap's core from configuration: picks the database (SQLite file or PostgreSQL) from
 * DATABASE_URL, brings it up to date, loads the skill catalog and wires the use cases.
 */
export async function createCore(config: Config = loadConfig(), options: CoreOptions = {}): Promise<Core> {
  let migrations: MigrationReport | null = null;
  const prepare = options.prepare ?? true;
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
  // Elasticsearch (ELASTICSEARCH_URL) is a later implementation of the same port; until then the database's
  // own index serves search whatever the configuration says (README, "Search").
  const searchIndex: SearchIndex =
    database.provider === "sqlite" ? sqliteSearchIndex(database) : postgresSearchIndex(database.url);
  const deps: ServiceDeps = {
    db: database.db,
    database,
    clock: options.clock ?? systemClock,
    ids: options.ids ?? timeOrderedIds(),
    geocoder: options.geocoder ?? new GazetteerGeocoder(),
    searchIndex,
  };
  const close = async () => {
    await searchIndex.close();
    await database.close();
  };
  return {
    config,
    services: createServices(deps, { minTeachLevel: config.MIN_TEACH_LEVEL }),
    database,
    deps,
    migrations,
    close,
  };
}
