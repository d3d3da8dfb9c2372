import { DomainError, type Repositories, type UnitOfWork } from '@doctorly/core';
import { PostgresOutboxWriter } from './postgres-outbox-writer.js';
import { PostgresAppointmentRepository } from './repositories/postgres-appointment-repository.js';
import { PostgresCatalogRepository } from './repositories/postgres-catalog-repository.js';
import { PostgresDoctorRepository } from './repositories/postgres-doctor-repository.js';
import { PostgresPatientRepository } from './repositories/postgres-patient-repository.js';
import { PostgresRatingRepository } from './repositories/postgres-rating-repository.js';
import { PostgresSittingRepository } from './repositories/postgres-sitting-repository.js';
import { PostgresSlotRepository } from './repositories/postgres-slot-repository.js';
import { PostgresUserRepository } from './repositories/postgres-user-repository.js';
import { RetryableDatabaseError } from './sql/map-database-error.js';
import type { SqlClient, SqlExecutor } from './sql/sql-client.js';

/** Every repository over one executor: a transaction's connection, or the pool. @category Adapters */
export function postgresRepositories(db: SqlExecutor): Repositories {
  return {
    users: new PostgresUserRepository(db),
    doctors: new PostgresDoctorRepository(db),
    catalog: new PostgresCatalogRepository(db),
    patients: new PostgresPatientRepository(db),
    slots: new PostgresSlotRepository(db),
    sittings: new PostgresSittingRepository(db),
    appointments: new PostgresAppointmentRepository(db),
    ratings: new PostgresRatingRepository(db),
    outbox: new PostgresOutboxWriter(db),
  };
}

/** Retry settings of {@link PostgresUnitOfWork}. @category Adapters */
export interface TransactionRetryOptions {
  /** Runs of a transaction that keeps hitting serialization failures or deadlocks (default 4). */
  readonly attempts?: number;
  /** Base of the jittered exponential pause between runs, in ms (default 5). */
  readonly baseDelayMs?: number;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * {@link UnitOfWork} on PostgreSQL (pg or PGlite). A transaction that fails with a
 * serialization failure or a deadlock is run again (the whole `work`, so it must not have
 * effects outside the database) a few times; then it is `UNAVAILABLE`.
 * @category Adapters
 */
export class PostgresUnitOfWork implements UnitOfWork {
  readonly read: Repositories;
  private readonly attempts: number;
  private readonly baseDelayMs: number;

  constructor(private readonly sql: SqlClient, options: TransactionRetryOptions = {}) {
    this.read = postgresRepositories(sql);
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.baseDelayMs = options.baseDelayMs ?? 5;
  }

  async transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sql.transaction((tx) => work(postgresRepositories(tx)));
      } catch (error) {
        if (!(error instanceof RetryableDatabaseError)) throw error;
        if (attempt >= this.attempts) {
          throw new DomainError('UNAVAILABLE', `Gave up after ${attempt} conflicting attempts: ${error.message}`);
        }
        await pause(this.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      }
    }
  }
}
