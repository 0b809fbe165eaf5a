export { createCore, createServices, type Core, type CoreOptions, type Services } from "./app.js";
export {
  ConfigError,
  databaseProvider,
  loadConfig,
  type Config,
  type ConfigInput,
  type DatabaseProvider,
} from "./config.js";
export { DomainError, isDomainError, type CityCandidate, type DomainErrorKind, type FieldError } from "./errors.js";
export { translate, type Locale, type MessageKey } from "./messages/index.js";
export { actorOf, type Actor } from "./domain/shared/actor.js";
export { fieldErrors } from "./domain/shared/validate.js";
export type { AccountRef } from "./domain/identity/service.js";
export { LOGIN_LINK_TTL_MS } from "./domain/identity/login-links.js";
export type { ProfileView, OwnProfileView, Visibility, NotificationSetting } from "./domain/profiles/types.js";
export {
  contactPreferences,
  meetingModes,
  notificationChannels,
  notificationKinds,
  visibilities,
} from "./domain/profiles/types.js";
export * as inputs from "./inputs.js";
export type { ProfilePatch, IdentityInput, EmailSignUpInput } from "./domain/profiles/input.js";
export type { AddSkillInput, UpdateSkillInput, AvailabilityInput, ProposeSkillInput } from "./domain/skills/input.js";
export type { CatalogEntry, UserSkillView, WeeklySlot, Direction } from "./domain/skills/types.js";
export { formatSlot, parseSlot } from "./domain/skills/availability.js";
export { formatLocalDateTime, parseLocalDateTime } from "./domain/shared/local-time.js";
export { migrate, readMigrations, type MigrationReport } from "./infra/prisma/migrate.js";
export type { Geocoder, Place, GeocodeResult } from "./ports/geocoder.js";
export type { Clock } from "./ports/clock.js";
export { seededIds, timeOrderedIds, type Ids } from "./ports/ids.js";
export { seedDemo } from "./seed/demo.js";
export { demoHandlesToTry } from "./seed/people-to-try.js";
export { seedSynthetic } from "./seed/synthetic.js";
export type { PeopleSearchInput, PeopleSearchResult, PersonHit, SearchReason } from "./domain/search/service.js";
export type { SearchIndex } from "./ports/search-index.js";
export {
  createOutboxDispatcher,
  type DispatchReport,
  type OutboxDispatcher,
  type OutboxDispatcherOptions,
  type OutboxHandler,
  type OutboxMessage,
} from "./domain/outbox/dispatcher.js";
export type { DomainEvent, DomainEventType } from "./domain/outbox/events.js";
export { outboxStatus, type DeadEvent, type OutboxStatus } from "./domain/outbox/status.js";
export type { HealthCheck, HealthStatus } from "./domain/operations/rules.js";
export type { GroupView } from "./domain/social/groups.js";
export {
  channelsFor,
  deliversTo,
  notificationPreferencesOf,
  notificationSettingsOf,
  type StoredNotificationPreference,
} from "./domain/notifications/rules.js";
export type { NotificationChannel, NotificationKind } from "./domain/profiles/types.js";
export { INBOX_RETENTION_MS, type InboundPlatform, type InboxService } from "./domain/inbox/service.js";
export { startWorker, type JobReport, type Worker, type WorkerOptions } from "./worker.js";
export { notificationsHandler } from "./domain/notifications/handler.js";
export type { Delivery, Notification } from "./ports/delivery.js";
export type {
  RelayedMessage,
  RelayedPost,
  RelayedThread,
  SessionAnnouncement,
  SwapOpening,
} from "./domain/relays/service.js";
export { swapMovesFor, type SwapMove } from "./domain/swaps/moves.js";
export type { SwapView, SwapParticipantView } from "./domain/swaps/types.js";
