import type { Clock } from '@doctorly/core';
import { migrate, type MigrationReport } from './migrator.js';
import { PostgresDoctorSearchIndex } from './search/postgres-doctor-search-index.js';
import { PostgresOutboxStore } from './postgres-outbox-store.js';
import { PostgresTokenRevocationStore } from './postgres-token-revocation-store.js';
import { PostgresUnitOfWork } from './postgres-unit-of-work.js';
import { PgPoolSqlClient } from './sql/pg-pool-client.js';
import type { SqlClient } from './sql/sql-client.js';

/**
 * Where the data lives: a PostgreSQL server (`url`, with at most `poolSize` connections), or
 * an embedded PGlite database in `dataDir` (a folder, or `memory://` for a throw-away one).
 * @category Adapters
 */
export type PostgresConfig = { url: string; poolSize?: number } | { dataDir: string };

/** Every PostgreSQL adapter over one pool (or one PGlite). @category Adapters */
export interface PostgresAdapters {
  readonly uow: PostgresUnitOfWork;
  readonly outbox: PostgresOutboxStore;
  readonly search: PostgresDoctorSearchIndex;
  readonly revocations: PostgresTokenRevocationStore;
  readonly sql: SqlClient;
  /** Applies the pending migrations (safe when several processes start at once). */
  migrate(): Promise<MigrationReport>;
  /** Closes the pool or the embedded database. */
  close(): Promise<void>;
}

/**
 * Opens the database of `config` and builds every adapter over it. Call `migrate()` before
 * first use (hosts do it at start).
 * @example
 * ```ts
 * import { createPostgresAdapters } from '@doctorly/adapters-postgres';
 * import { BookAppointment } from '@doctorly/core';
 *
 * // Embedded PostgreSQL (PGlite) in a folder; or { url: 'postgres://…', poolSize: 10 } for a server.
 * const postgres = await createPostgresAdapters({ dataDir: './.doctorly/pglite' }, clock);
 * await postgres.migrate(); // idempotent, safe when several processes start at once
 * const book = new BookAppointment(postgres.uow, publisher, clock, { horizonWeeks: 4, cutoffMinutes: 0 });
 * // … postgres.outbox and postgres.search feed RelayOutbox; postgres.revocations, Authenticate.
 * await postgres.close();
 * ```
 * @category Adapters
 */
export async function createPostgresAdapters(
  config: PostgresConfig,
  clock: Clock,
): Promise<PostgresAdapters> {
  const sql: SqlClient =
    'url' in config
      ? new PgPoolSqlClient({
          url: config.url,
          ...(config.poolSize !== undefined && { poolSize: config.poolSize }),
        })
      : await openPGlite(config.dataDir);
  return postgresAdaptersOver(sql, clock);
}

/** PGlite (tens of MB once started) is loaded only by a host that embeds its database. */
async function openPGlite(dataDir: string): Promise<SqlClient> {
  const { PGliteSqlClient } = await import('./sql/pglite-client.js');
  return PGliteSqlClient.open(dataDir);
}

/** Builds every adapter over an open {@link SqlClient} (tests, or a host that owns the pool). @category Adapters */
export function postgresAdaptersOver(sql: SqlClient, clock: Clock): PostgresAdapters {
  return {
    uow: new PostgresUnitOfWork(sql),
    outbox: new PostgresOutboxStore(sql, clock),
    search: new PostgresDoctorSearchIndex(sql, clock),
    revocations: new PostgresTokenRevocationStore(sql, clock),
    sql,
    migrate: () => migrate(sql),
    close: () => sql.close(),
  };
}
