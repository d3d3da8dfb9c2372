/**
 * `@doctorly/adapters-postgres`: the PostgreSQL adapters of Doctorly's ports, on a server
 * (node-postgres) or embedded (PGlite) through one {@link SqlClient}: SQL migrations, the
 * unit of work and every repository, atomic booking, the transactional outbox, doctor search
 * by full text and trigrams, and token revocation. PGlite itself is loaded only when an
 * embedded database is opened; its client is exported from `@doctorly/adapters-postgres/pglite`.
 * @module @doctorly/adapters-postgres
 */
export type { QueryOptions, SqlClient, SqlExecutor } from './sql/sql-client.js';
export { PgPoolSqlClient, type PgPoolOptions } from './sql/pg-pool-client.js';
export { mapDatabaseError, RetryableDatabaseError } from './sql/map-database-error.js';
export {
  migrate,
  loadMigrations,
  loadMigrationSet,
  loadRepeatables,
  migrationsFolder,
  type Migration,
  type MigrationReport,
  type MigrationSet,
  type Repeatable,
  type RepeatableReport,
} from './migrator.js';
export {
  PostgresUnitOfWork,
  postgresRepositories,
  type TransactionRetryOptions,
} from './postgres-unit-of-work.js';
export { BookingGroupCommit, type CommitAlone } from './grouping/booking-group-commit.js';
export { GroupQueue, type GroupOptions } from './grouping/group-queue.js';
export { BookingContextGroups } from './grouping/booking-context-groups.js';
export { PostgresUserRepository } from './repositories/postgres-user-repository.js';
export { PostgresDoctorRepository } from './repositories/postgres-doctor-repository.js';
export { PostgresCatalogRepository } from './repositories/postgres-catalog-repository.js';
export { PostgresPatientRepository } from './repositories/postgres-patient-repository.js';
export { PostgresSlotRepository } from './repositories/postgres-slot-repository.js';
export { PostgresSittingRepository } from './repositories/postgres-sitting-repository.js';
export { PostgresAppointmentRepository } from './repositories/postgres-appointment-repository.js';
export { PostgresRatingRepository } from './repositories/postgres-rating-repository.js';
export { PostgresWaitlistRepository } from './repositories/postgres-waitlist-repository.js';
export { PostgresOutboxWriter } from './postgres-outbox-writer.js';
export { PostgresOutboxStore } from './postgres-outbox-store.js';
export { PostgresTokenRevocationStore } from './postgres-token-revocation-store.js';
export { PostgresDoctorSearchIndex } from './search/postgres-doctor-search-index.js';
export {
  createPostgresAdapters,
  postgresAdaptersOver,
  type PostgresAdapters,
  type PostgresConfig,
} from './create-postgres-adapters.js';
export { postgresModule, PostgresSql, type PostgresModuleConfig } from './postgres-module.js';
export {
  PostgresLiveChannel,
  notifyPayloadLimit,
  type PostgresLiveChannelOptions,
} from './live/postgres-live-channel.js';
