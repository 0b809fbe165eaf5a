export { createCore, createServices, type Core, type CoreInternals, type CoreOptions, type Services } from "./app.js";
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
export type { ResolvedSession, SignInMethod, StartedSession, WebSessionView } from "./domain/web-sessions/types.js";
export type { LinkedIdentityView } from "./domain/identity/linked-identities.js";
export { linkableProviders, type LinkableProvider } from "./domain/identity/sign-in-ways.js";
export type { DemoPersonView } from "./domain/demo/service.js";
export { ABSOLUTE_LIMIT_MS, IDLE_LIMIT_MS } from "./domain/web-sessions/rules.js";
export type { RateLimit } from "./domain/rate-limits/service.js";
export { LOGIN_LINK_TTL_MS } from "./domain/identity/login-links.js";
export type { ProfileView, OwnProfileView, Visibility, NotificationSetting } from "./domain/profiles/types.js";
export { AVATAR_MAX_BYTES } from "./domain/profiles/avatar-rules.js";
export type { FileStore, StoredFile } from "./ports/file-store.js";
export {
  contactPreferences,
  meetingModes,
  notificationChannels,
  notificationKinds,
  visibilities,
} from "./domain/profiles/types.js";
export * as inputs from "./inputs.js";
export type { ProfilePatch, IdentityInput } from "./domain/profiles/input.js";
export type {
  CredentialsInput,
  EmailSignUpInput,
  PasswordChangeInput,
  PasswordResetInput,
  PasswordResetRequest,
} from "./domain/identity/input.js";
export { EMAIL_VERIFICATION_TTL_MS } from "./domain/identity/email-verification.js";
export { PASSWORD_RESET_TTL_MS } from "./domain/identity/passwords.js";
export { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./domain/identity/password-policy.js";
export type { Mail, Mailer } from "./ports/mailer.js";
export type { AddSkillInput, UpdateSkillInput, AvailabilityInput, ProposeSkillInput } from "./domain/skills/input.js";
export type { CatalogEntry, UserSkillView, WeeklySlot, Direction } from "./domain/skills/types.js";
export { formatSlot, parseSlot } from "./domain/skills/availability.js";
export { formatLocalDateTime, parseLocalDateTime } from "./domain/shared/local-time.js";
export { migrate, readMigrations, type MigrationReport } from "./infra/prisma/migrate.js";
export { startBullmqOutbox, type BullmqOutbox, type BullmqOutboxOptions } from "./infra/bullmq/bullmq-outbox.js";
export {
  openOutboxQueues,
  queuePrefixOf,
  type DeadLetter,
  type OutboxQueues,
  type QueueCounts,
} from "./infra/bullmq/outbox-queues.js";
export type { ScheduledRun } from "./infra/bullmq/scheduled-jobs.js";
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
  type OutboxDispatcherDeps,
  type OutboxDispatcherOptions,
  type OutboxHandler,
  type OutboxMessage,
} from "./domain/outbox/dispatcher.js";
export type { DomainEvent, DomainEventType } from "./domain/outbox/events.js";
export { outboxStatus, type ClaimedEvent, type DeadEvent, type OutboxStatus } from "./domain/outbox/status.js";
export type { HealthCheck, HealthStatus } from "./domain/operations/rules.js";
export type { Readiness } from "./domain/operations/service.js";
export type { GroupView } from "./domain/social/groups.js";
export type { InstallationOverview, SlackInstallationView } from "./domain/installations/types.js";
export type { SlackInstallationInput, SlackWorkspaceInput } from "./domain/installations/input.js";
export {
  slackMemberRole,
  slackTenantOf,
  type Deactivation,
  type DeactivationReason,
  type SlackWorkspaceRef,
} from "./domain/installations/rules.js";
export { reportStatuses, type ReportStatus } from "./domain/moderation/reports.js";
export {
  channelsFor,
  deliversTo,
  notificationPreferencesOf,
  notificationSettingsOf,
  type StoredNotificationPreference,
} from "./domain/notifications/rules.js";
export type { NotificationChannel, NotificationKind } from "./domain/profiles/types.js";
export { INBOX_RETENTION_MS, type InboundPlatform, type InboxService } from "./domain/inbox/service.js";
export type { IdempotencyClaim, IdempotentStart } from "./domain/idempotency/service.js";
export { startWorker, type JobReport, type Worker, type WorkerOptions } from "./worker.js";
export { notificationsHandler } from "./domain/notifications/handler.js";
export type { Delivery, Notification } from "./ports/delivery.js";
export type { InboxNotification } from "./domain/notifications/service.js";
export type {
  RelayedMessage,
  RelayedPost,
  RelayedThread,
  SessionAnnouncement,
  SwapOpening,
} from "./domain/relays/service.js";
export type { SwapView, SwapParticipantView } from "./domain/swaps/types.js";
export type { SwapChoice, SwapChoices } from "./domain/swaps/choices.js";
export {
  swapKinds,
  swapListFilters,
  swapMoves,
  swapRoles,
  swapStatuses,
  type SwapListFilter,
  type SwapMove,
} from "./domain/swaps/types.js";
export {
  sessionModes,
  sessionMoves,
  sessionStatuses,
  type SessionMode,
  type SessionMove,
  type SessionStatus,
} from "./domain/sessions/rules.js";
export type { SessionView } from "./domain/sessions/service.js";
export type { ReviewView } from "./domain/reviews/service.js";
export { directions, type AvailabilityView } from "./domain/skills/types.js";
export type { ConversationSummary, MessagePage, MessageView } from "./domain/conversations/service.js";
export { messageSources, type MessageSource } from "./domain/conversations/input.js";
