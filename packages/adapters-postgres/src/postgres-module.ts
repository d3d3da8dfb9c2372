import {
  Clock,
  DoctorSearchIndex,
  OutboxStore,
  TokenRevocationStore,
  UnitOfWork,
  type ServiceToken,
} from '@doctorly/core';
import { ContainerModule } from 'inversify';
import { PostgresDoctorSearchIndex } from './search/postgres-doctor-search-index.js';
import { PostgresOutboxStore } from './postgres-outbox-store.js';
import { PostgresTokenRevocationStore } from './postgres-token-revocation-store.js';
import { PostgresUnitOfWork, type TransactionRetryOptions } from './postgres-unit-of-work.js';
import type { SqlClient } from './sql/sql-client.js';

/** Injection token of the open {@link SqlClient} the PostgreSQL adapters share. @category Adapters */
export const PostgresSql: ServiceToken<SqlClient> = Symbol.for('doctorly.postgres.SqlClient');

/** What {@link postgresModule} builds its adapters over. @category Adapters */
export interface PostgresModuleConfig {
  /**
   * The open database: a `PgPoolSqlClient`, or a `PGliteSqlClient` from
   * `@doctorly/adapters-postgres/pglite`. Opening is asynchronous, so it happens before the
   * container is composed; the module owns no connection and closes nothing.
   */
  readonly sql: SqlClient;
  /** Retries of {@link PostgresUnitOfWork} on serialization failures. */
  readonly retry?: TransactionRetryOptions;
}

/**
 * Binds core's ports to the PostgreSQL adapters over `config.sql`: {@link UnitOfWork},
 * {@link OutboxStore}, {@link DoctorSearchIndex} and {@link TokenRevocationStore}. Each
 * adapter is also bound under its own class (`container.get(PostgresDoctorSearchIndex)`), so a
 * host serving a port from another package can still reach this one (the runtime hands the
 * PostgreSQL index to Redis search as its fallback this way). Adapters are singletons built
 * on first resolution, from the bound {@link Clock}, which this module does not bind.
 * @example
 * ```ts
 * const container = new Container();
 * container.load(postgresModule({ sql: new PgPoolSqlClient({ url }) }), nodeModule(…));
 * await migrate(container.get(PostgresSql));
 * const uow = container.get(UnitOfWork); // typed UnitOfWork
 * ```
 * @category Adapters
 */
export function postgresModule(config: PostgresModuleConfig): ContainerModule {
  return new ContainerModule((options) => {
    options.bind(PostgresSql).toConstantValue(config.sql);
    options
      .bind(PostgresUnitOfWork)
      .toResolvedValue((sql) => new PostgresUnitOfWork(sql, config.retry), [PostgresSql])
      .inSingletonScope();
    options
      .bind(PostgresOutboxStore)
      .toResolvedValue((sql, clock) => new PostgresOutboxStore(sql, clock), [PostgresSql, Clock])
      .inSingletonScope();
    options
      .bind(PostgresDoctorSearchIndex)
      .toResolvedValue(
        (sql, clock) => new PostgresDoctorSearchIndex(sql, clock),
        [PostgresSql, Clock],
      )
      .inSingletonScope();
    options
      .bind(PostgresTokenRevocationStore)
      .toResolvedValue(
        (sql, clock) => new PostgresTokenRevocationStore(sql, clock),
        [PostgresSql, Clock],
      )
      .inSingletonScope();
    options.bind(UnitOfWork).toService(PostgresUnitOfWork);
    options.bind(OutboxStore).toService(PostgresOutboxStore);
    options.bind(DoctorSearchIndex).toService(PostgresDoctorSearchIndex);
    options.bind(TokenRevocationStore).toService(PostgresTokenRevocationStore);
  });
}
