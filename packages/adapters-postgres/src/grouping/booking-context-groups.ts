import type { BookingContext, BookingContextQuery } from '@doctorly/core';
import {
  bookingContextParams,
  bookingContextsParams,
  bookingContextsStatement,
  bookingContextStatement,
  toBookingContext,
  type BookingContextRow,
} from '../repositories/booking-statements.js';
import type { SqlExecutor } from '../sql/sql-client.js';
import { GroupQueue, type GroupOptions } from './group-queue.js';

interface Pending {
  readonly query: BookingContextQuery;
  readonly resolve: (context: BookingContext) => void;
  readonly reject: (error: unknown) => void;
}

/**
 * The booking use case's read ({@link @doctorly/core!AppointmentRepository.bookingContext}), grouped like its
 * write ({@link BookingGroupCommit}): the reads that wait for a free group slot go to the
 * server together, as one statement. A read outside a transaction sees committed data only,
 * so reading together changes no answer. If the grouped statement fails (a value one query
 * alone makes invalid), each query is read alone, and only that one fails.
 * @category Adapters
 */
export class BookingContextGroups {
  private readonly queue: GroupQueue<Pending>;

  constructor(
    private readonly db: SqlExecutor,
    options: GroupOptions = {},
  ) {
    this.queue = new GroupQueue((group) => this.run(group), options);
  }

  read(query: BookingContextQuery): Promise<BookingContext> {
    return new Promise((resolve, reject) => this.queue.push({ query, resolve, reject }));
  }

  private async run(group: readonly Pending[]): Promise<void> {
    if (group.length > 1) {
      try {
        const rows = await this.db.query<BookingContextRow & { n: number }>(
          bookingContextsStatement,
          bookingContextsParams(group.map((p) => p.query)),
          { prepare: true },
        );
        const byPosition = new Map(rows.map((row) => [Number(row.n), row]));
        // Every row mapped before any query is answered: a failure below reads them all alone.
        const contexts = group.map((_, i) => toBookingContext(byPosition.get(i + 1)!));
        group.forEach((pending, i) => pending.resolve(contexts[i]!));
        return;
      } catch {
        // Read them one by one below: the error that matters is the one a query gets alone.
      }
    }
    await Promise.all(
      group.map(async (pending) => {
        try {
          pending.resolve(await readBookingContext(this.db, pending.query));
        } catch (error) {
          pending.reject(error);
        }
      }),
    );
  }
}

/** One booking context, read alone. */
export async function readBookingContext(
  db: SqlExecutor,
  query: BookingContextQuery,
): Promise<BookingContext> {
  const [row] = await db.query<BookingContextRow>(
    bookingContextStatement,
    bookingContextParams(query),
    { prepare: true },
  );
  return toBookingContext(row!);
}
