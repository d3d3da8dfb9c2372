import type { Clock, DomainEvent, OutboxEntry, OutboxStore } from '@doctorly/core';
import type { SqlClient } from './sql/sql-client.js';

interface OutboxRow {
  id: number;
  event: DomainEvent;
  attempts: number;
  createdAt: Date;
  lastError: string | null;
}

const entryColumns = `o.id, o.event, o.attempts, o.created_at AS "createdAt", o.last_error AS "lastError"`;

const toEntry = (row: OutboxRow): OutboxEntry => ({
  id: row.id,
  event: row.event,
  attempts: row.attempts,
  createdAt: row.createdAt,
  lastError: row.lastError,
});

/**
 * {@link OutboxStore} on PostgreSQL. `claim` locks due rows with `FOR UPDATE SKIP LOCKED` and
 * sets a lease (`claimed_until`) in the same statement: concurrent relays never get the same
 * row, and the row of a relay that died is due again when its lease ends.
 * @category Adapters
 */
export class PostgresOutboxStore implements OutboxStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly clock: Clock,
  ) {}

  async claim(limit: number, leaseSeconds: number, now: Date): Promise<readonly OutboxEntry[]> {
    const rows = await this.sql.query<OutboxRow>(
      `WITH due AS (
         SELECT id FROM outbox
         WHERE completed_at IS NULL AND parked_at IS NULL AND available_at <= $1
           AND (claimed_until IS NULL OR claimed_until <= $1)
         ORDER BY id LIMIT $2
         FOR UPDATE SKIP LOCKED
       )
       UPDATE outbox o SET claimed_until = $1::timestamptz + make_interval(secs => $3)
       FROM due WHERE o.id = due.id
       RETURNING ${entryColumns}`,
      [now, limit, leaseSeconds],
    );
    return rows.map(toEntry).sort((a, b) => a.id - b.id);
  }

  async complete(ids: readonly number[], now: Date): Promise<void> {
    if (ids.length === 0) return;
    await this.sql.query(
      `UPDATE outbox SET completed_at = $2, claimed_until = NULL
       WHERE id = ANY($1::bigint[]) AND completed_at IS NULL AND parked_at IS NULL`,
      [ids, now],
    );
  }

  async fail(id: number, error: string, retryAt: Date | null): Promise<void> {
    await this.sql.query(
      `UPDATE outbox SET attempts = attempts + 1, last_error = $2, claimed_until = NULL,
         available_at = coalesce($3, available_at),
         parked_at = CASE WHEN $3::timestamptz IS NULL THEN $4::timestamptz END
       WHERE id = $1 AND completed_at IS NULL AND parked_at IS NULL`,
      [id, error, retryAt, this.clock.now()],
    );
  }

  async pending(limit: number): Promise<readonly OutboxEntry[]> {
    const rows = await this.sql.query<OutboxRow>(
      `SELECT ${entryColumns} FROM outbox o WHERE o.completed_at IS NULL AND o.parked_at IS NULL ORDER BY o.id LIMIT $1`,
      [limit],
    );
    return rows.map(toEntry);
  }

  async parked(limit: number): Promise<readonly OutboxEntry[]> {
    const rows = await this.sql.query<OutboxRow>(
      `SELECT ${entryColumns} FROM outbox o WHERE o.parked_at IS NOT NULL ORDER BY o.id LIMIT $1`,
      [limit],
    );
    return rows.map(toEntry);
  }
}
