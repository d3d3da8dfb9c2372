import type { SqlClient } from '@doctorly/adapters-postgres';

/** What {@link StepLock.withLock} did: ran the work, or skipped it because the lock was held. @category Worker */
export type LockOutcome<T> =
  { readonly acquired: true; readonly value: T } | { readonly acquired: false };

/**
 * Keeps a worker step from running in two processes at once: `withLock` runs the work only
 * when it can take the lock at once, and reports a skip otherwise (never waits).
 * @category Worker
 */
export interface StepLock {
  withLock<T>(key: number, work: () => Promise<T>): Promise<LockOutcome<T>>;
}

/**
 * The first half of every worker lock key (`pg_try_advisory_xact_lock(int, int)`): "Doc\0"
 * as an int, so the worker's locks cannot collide with the migrator's single-bigint lock or
 * another application's locks on the same database.
 * @category Worker
 */
export const workerLockNamespace = 0x446f6300;

/**
 * {@link StepLock} on PostgreSQL advisory locks: each `withLock` opens a transaction on a
 * connection of its own and takes `pg_try_advisory_xact_lock(namespace, key)`. The lock
 * lives exactly as long as that transaction: released when the work ends, and by the server
 * when the process or its connection dies, so a crashed replica never leaves a step locked.
 * The work itself runs on the runtime's own pool, not on this connection.
 *
 * Needs a PostgreSQL server: PGlite has a single connection, which the lock's transaction
 * would hold while the work waits for it.
 * @category Worker
 */
export class PostgresStepLock implements StepLock {
  constructor(private readonly sql: SqlClient) {
    if (sql.engine !== 'postgres')
      throw new Error('PostgresStepLock needs a PostgreSQL server (not PGlite)');
  }

  withLock<T>(key: number, work: () => Promise<T>): Promise<LockOutcome<T>> {
    return this.sql.transaction(async (tx): Promise<LockOutcome<T>> => {
      const [row] = await tx.query<{ locked: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1, $2) AS locked',
        [workerLockNamespace, key],
      );
      if (row?.locked !== true) return { acquired: false };
      return { acquired: true, value: await work() };
    });
  }
}

/** {@link StepLock} that never contends: one process alone (tests, an embedded host). @category Worker */
export class NoStepLock implements StepLock {
  async withLock<T>(_key: number, work: () => Promise<T>): Promise<LockOutcome<T>> {
    return { acquired: true, value: await work() };
  }
}
