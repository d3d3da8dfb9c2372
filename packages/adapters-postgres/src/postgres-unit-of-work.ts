import {
  commitBookingInTransaction,
  DomainError,
  type AppointmentDetails,
  type CommittedBooking,
  type DomainEvent,
  type Repositories,
  type SittingBookingRequest,
  type UnitOfWork,
} from '@doctorly/core';
import { BookingContextGroups } from './grouping/booking-context-groups.js';
import { BookingGroupCommit } from './grouping/booking-group-commit.js';
import type { GroupOptions } from './grouping/group-queue.js';
import { PostgresOutboxWriter } from './postgres-outbox-writer.js';
import { PostgresAppointmentRepository } from './repositories/postgres-appointment-repository.js';
import { PostgresCatalogRepository } from './repositories/postgres-catalog-repository.js';
import { PostgresDoctorRepository } from './repositories/postgres-doctor-repository.js';
import { PostgresPatientRepository } from './repositories/postgres-patient-repository.js';
import { PostgresRatingRepository } from './repositories/postgres-rating-repository.js';
import { PostgresSittingRepository } from './repositories/postgres-sitting-repository.js';
import { PostgresSlotRepository } from './repositories/postgres-slot-repository.js';
import { PostgresUserRepository } from './repositories/postgres-user-repository.js';
import { PostgresWaitlistRepository } from './repositories/postgres-waitlist-repository.js';
import { RetryableDatabaseError } from './sql/map-database-error.js';
import type { SqlClient, SqlExecutor } from './sql/sql-client.js';

/**
 * Every repository over one executor: a transaction's connection, or the pool.
 * `bookingContexts` groups the booking read (see {@link BookingContextGroups}).
 * @category Adapters
 */
export function postgresRepositories(
  db: SqlExecutor,
  bookingContexts?: BookingContextGroups,
): Repositories {
  return {
    users: new PostgresUserRepository(db),
    doctors: new PostgresDoctorRepository(db),
    catalog: new PostgresCatalogRepository(db),
    patients: new PostgresPatientRepository(db),
    slots: new PostgresSlotRepository(db),
    sittings: new PostgresSittingRepository(db),
    appointments: new PostgresAppointmentRepository(db, bookingContexts),
    ratings: new PostgresRatingRepository(db),
    waitlist: new PostgresWaitlistRepository(db),
    outbox: new PostgresOutboxWriter(db),
  };
}

/** Retry settings of {@link PostgresUnitOfWork}. @category Adapters */
export interface TransactionRetryOptions {
  /** Runs of a transaction that keeps hitting serialization failures or deadlocks (default 4). */
  readonly attempts?: number;
  /** Base of the jittered exponential pause between runs, in ms (default 5). */
  readonly baseDelayMs?: number;
  /**
   * Group commit of concurrent bookings, and grouped reads of their booking contexts, on a
   * PostgreSQL server (ADR 0008; default on), or `false` for one transaction and one read per
   * booking. PGlite, in process, always books one by one.
   */
  readonly bookingGroups?: GroupOptions | false;
}

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * {@link UnitOfWork} on PostgreSQL (pg or PGlite). A transaction that fails with a
 * serialization failure or a deadlock is run again (the whole `work`, so it must not have
 * effects outside the database) a few times; then it is `UNAVAILABLE`. On a server,
 * concurrent bookings are committed in groups ({@link BookingGroupCommit}).
 * @category Adapters
 */
export class PostgresUnitOfWork implements UnitOfWork {
  readonly read: Repositories;
  private readonly attempts: number;
  private readonly baseDelayMs: number;
  private readonly groups: BookingGroupCommit | undefined;

  constructor(
    private readonly sql: SqlClient,
    options: TransactionRetryOptions = {},
  ) {
    const grouped = sql.engine === 'postgres' && options.bookingGroups !== false;
    this.read = postgresRepositories(
      sql,
      grouped ? new BookingContextGroups(sql, options.bookingGroups) : undefined,
    );
    this.attempts = Math.max(1, options.attempts ?? 4);
    this.baseDelayMs = options.baseDelayMs ?? 5;
    const alone = (
      request: SittingBookingRequest,
      eventsOf: (d: AppointmentDetails) => readonly DomainEvent[],
      now: Date,
    ) => commitBookingInTransaction(this, request, eventsOf, now);
    this.groups = grouped ? new BookingGroupCommit(sql, alone, options.bookingGroups) : undefined;
  }

  commitBooking(
    request: SittingBookingRequest,
    eventsOf: (details: AppointmentDetails) => readonly DomainEvent[],
    now: Date,
  ): Promise<CommittedBooking> {
    return this.groups
      ? this.groups.commit(request, eventsOf, now)
      : commitBookingInTransaction(this, request, eventsOf, now);
  }

  async transaction<T>(work: (repositories: Repositories) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.sql.transaction((tx) => work(postgresRepositories(tx)));
      } catch (error) {
        if (!(error instanceof RetryableDatabaseError)) throw error;
        if (attempt >= this.attempts) {
          throw new DomainError(
            'UNAVAILABLE',
            `Gave up after ${attempt} conflicting attempts: ${error.message}`,
          );
        }
        await pause(this.baseDelayMs * 2 ** (attempt - 1) * (0.5 + Math.random()));
      }
    }
  }
}
