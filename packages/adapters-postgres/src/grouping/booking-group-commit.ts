import {
  isDomainError,
  type AppointmentDetails,
  type CommittedBooking,
  type DomainEvent,
  type SittingBookingRequest,
} from '@doctorly/core';
import { PostgresOutboxWriter } from '../postgres-outbox-writer.js';
import {
  bookedDetails,
  bookManyParams,
  bookManyStatement,
  type BookedManyRow,
} from '../repositories/booking-statements.js';
import { RetryableDatabaseError } from '../sql/map-database-error.js';
import type { SqlClient } from '../sql/sql-client.js';
import { GroupQueue, type GroupOptions } from './group-queue.js';

/** One booking waiting for its group. */
interface Pending {
  readonly request: SittingBookingRequest;
  readonly eventsOf: (details: AppointmentDetails) => readonly DomainEvent[];
  readonly now: Date;
  readonly resolve: (committed: CommittedBooking) => void;
  readonly reject: (error: unknown) => void;
}

/** A booking alone in its own transaction: how a group is run when it cannot run whole. */
export type CommitAlone = (
  request: SittingBookingRequest,
  eventsOf: (details: AppointmentDetails) => readonly DomainEvent[],
  now: Date,
) => Promise<CommittedBooking>;

/**
 * Group commit of bookings (ADR 0008). On a PostgreSQL server most of a booking's cost is per
 * transaction and per statement, not per row: BEGIN, COMMIT and its WAL flush, a round trip
 * each way with its syscalls and wake-ups, executor start-up. So the bookings that arrive
 * while earlier groups are committing wait and then go together: one transaction, one call of
 * `book_appointments_on_dates` (migrations/repeatable/043) and one outbox append for all of them.
 *
 * Each booking is still booked or refused as if alone: the function runs each item exactly as
 * `book_appointment_on_date`, and a refusal is an outcome, not an error. When the group fails
 * before its COMMIT is sent (an unknown patient, a reused idempotency key, a deadlock, events
 * that cannot be made) or on a statement sent with it, nothing of it committed, and its
 * bookings are run again one by one, so only the culprit fails. When the connection is lost at
 * the COMMIT, whether it happened is unknown; every booking of the group gets that error, as
 * a single booking would. Groups form as {@link GroupQueue}
 * says: only bookings that would have queued anyway share a transaction.
 * @category Adapters
 */
export class BookingGroupCommit {
  private readonly queue: GroupQueue<Pending>;

  constructor(
    private readonly sql: SqlClient,
    private readonly alone: CommitAlone,
    options: GroupOptions = {},
  ) {
    this.queue = new GroupQueue((group) => this.run(group), options);
  }

  /** Commits `request` with the group it lands in; resolves when that group has committed. */
  commit(
    request: SittingBookingRequest,
    eventsOf: (details: AppointmentDetails) => readonly DomainEvent[],
    now: Date,
  ): Promise<CommittedBooking> {
    return new Promise((resolve, reject) =>
      this.queue.push({ request, eventsOf, now, resolve, reject }),
    );
  }

  private async run(group: readonly Pending[]): Promise<void> {
    if (group.length === 1) {
      await this.runAlone(group[0]!);
      return;
    }
    let outcomes: readonly Outcome[];
    // COMMIT is sent only after the work returns: whatever fails inside it, nothing committed.
    let failedBeforeCommit = false;
    try {
      outcomes = await this.sql.transaction(async (tx) => {
        try {
          const rows = await tx.query<BookedManyRow>(
            bookManyStatement,
            bookManyParams(group.map((p) => p.request)),
            { prepare: true },
          );
          const byPosition = new Map(rows.map((row) => [row.n, row]));
          const done = group.map((pending, i) => outcomeOf(pending, byPosition.get(i + 1)));
          await new PostgresOutboxWriter(tx).appendEach(
            done.flatMap((o) =>
              'committed' in o
                ? [{ events: o.committed.booking.events, now: o.committed.now }]
                : [],
            ),
          );
          return done;
        } catch (error) {
          failedBeforeCommit = true;
          throw error;
        }
      });
    } catch (error) {
      if (!failedBeforeCommit && !ranNothing(error)) {
        for (const pending of group) pending.reject(error);
        return;
      }
      await Promise.all(group.map((pending) => this.runAlone(pending)));
      return;
    }
    group.forEach((pending, i) => {
      const outcome = outcomes[i]!;
      if ('committed' in outcome) pending.resolve(outcome.committed.booking);
      else pending.reject(outcome.refused);
    });
  }

  private async runAlone(pending: Pending): Promise<void> {
    try {
      pending.resolve(await this.alone(pending.request, pending.eventsOf, pending.now));
    } catch (error) {
      pending.reject(error);
    }
  }
}

/** A booking of a group once its row is in: booked with its events (and when), or refused. */
type Outcome =
  | { readonly committed: { readonly booking: CommittedBooking; readonly now: Date } }
  | { readonly refused: unknown };

function outcomeOf(pending: Pending, row: BookedManyRow | undefined): Outcome {
  let details: AppointmentDetails;
  try {
    details = bookedDetails(row, pending.request);
  } catch (refused) {
    // Only a refusal is this booking's own outcome. Anything else (no row: a broken database)
    // fails the group's transaction, so that nothing commits that its caller is told failed;
    // the bookings then run alone.
    if (isDomainError(refused)) return { refused };
    throw refused;
  }
  // Thrown here, an error of `eventsOf` also rolls the group back (its bookings then run alone).
  return {
    committed: { booking: { details, events: pending.eventsOf(details) }, now: pending.now },
  };
}

/**
 * Whether a group that failed at its COMMIT surely committed nothing, so that its bookings
 * may run again: a statement held for the COMMIT failed (the server rolled back). A lost
 * connection (`UNAVAILABLE`, not retryable) leaves the COMMIT's fate unknown, and running the
 * bookings again could book twice.
 */
function ranNothing(error: unknown): boolean {
  return (
    error instanceof RetryableDatabaseError ||
    (isDomainError(error) && error.code !== 'UNAVAILABLE')
  );
}
