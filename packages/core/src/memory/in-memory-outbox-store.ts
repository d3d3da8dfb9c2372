import type { OutboxEntry, OutboxStore } from '../outbox/outbox.js';
import { copy, type InMemoryOutboxRow } from './in-memory-state.js';
import type { InMemoryUnitOfWork } from './in-memory-unit-of-work.js';

/**
 * {@link OutboxStore} over the outbox rows of an {@link InMemoryUnitOfWork}: claims are
 * leases, a failure is retried at `retryAt` or parked.
 * @category Testing
 */
export class InMemoryOutboxStore implements OutboxStore {
  constructor(private readonly uow: InMemoryUnitOfWork) {}

  claim(limit: number, leaseSeconds: number, now: Date): Promise<readonly OutboxEntry[]> {
    return this.uow.exclusive((s) => {
      const due = [...s.outbox.values()]
        .filter(
          (row) =>
            row.completedAt === null &&
            !row.parked &&
            !after(row.leaseUntil, now) &&
            !after(row.retryAt, now),
        )
        .sort((a, b) => a.id - b.id)
        .slice(0, limit);
      for (const row of due) row.leaseUntil = new Date(now.getTime() + leaseSeconds * 1000);
      return due.map(entryOf);
    });
  }

  complete(ids: readonly number[], now: Date): Promise<void> {
    return this.uow.exclusive((s) => {
      for (const id of ids) {
        const row = s.outbox.get(id);
        if (row) Object.assign(row, { completedAt: new Date(now.getTime()), leaseUntil: null });
      }
    });
  }

  fail(id: number, error: string, retryAt: Date | null): Promise<void> {
    return this.uow.exclusive((s) => {
      const row = s.outbox.get(id);
      if (!row || row.completedAt !== null) return;
      row.attempts += 1;
      row.lastError = error;
      row.leaseUntil = null;
      row.retryAt = retryAt && new Date(retryAt.getTime());
      row.parked = retryAt === null;
    });
  }

  pending(limit: number): Promise<readonly OutboxEntry[]> {
    return this.list((row) => row.completedAt === null && !row.parked, limit);
  }

  parked(limit: number): Promise<readonly OutboxEntry[]> {
    return this.list((row) => row.parked, limit);
  }

  private list(
    keep: (row: InMemoryOutboxRow) => boolean,
    limit: number,
  ): Promise<readonly OutboxEntry[]> {
    return this.uow.exclusive((s) =>
      [...s.outbox.values()]
        .filter(keep)
        .sort((a, b) => a.id - b.id)
        .slice(0, limit)
        .map(entryOf),
    );
  }
}

/** Whether `instant` is set and still later than `now`. */
function after(instant: Date | null, now: Date): boolean {
  return instant !== null && instant.getTime() > now.getTime();
}

function entryOf(row: InMemoryOutboxRow): OutboxEntry {
  return copy({
    id: row.id,
    event: row.event,
    attempts: row.attempts,
    createdAt: row.createdAt,
    lastError: row.lastError,
  });
}
