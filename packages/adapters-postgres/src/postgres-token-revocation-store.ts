import type { Clock, TokenRevocationStore } from '@doctorly/core';
import type { SqlClient } from './sql/sql-client.js';

/**
 * {@link TokenRevocationStore} on PostgreSQL: a revoked token id is kept until its token
 * would have expired; `purgeExpired` deletes the rest (the worker calls it now and then).
 * @category Adapters
 */
export class PostgresTokenRevocationStore implements TokenRevocationStore {
  constructor(
    private readonly sql: SqlClient,
    private readonly clock: Clock,
  ) {}

  async revoke(tokenId: string, expiresAt: Date): Promise<void> {
    await this.sql.query(
      `INSERT INTO revoked_tokens (token_id, expires_at) VALUES ($1, $2)
       ON CONFLICT (token_id) DO UPDATE SET expires_at = greatest(revoked_tokens.expires_at, excluded.expires_at)`,
      [tokenId, expiresAt],
    );
  }

  async isRevoked(tokenId: string): Promise<boolean> {
    const rows = await this.sql.query(
      'SELECT 1 FROM revoked_tokens WHERE token_id = $1 AND expires_at > $2',
      [tokenId, this.clock.now()],
    );
    return rows.length > 0;
  }

  /**
   * Every revocation whose token expires after `now`, in one statement (one snapshot): what a
   * fresh Redis copies to answer alone (the Redis adapter's `RevocationSnapshotSource`).
   * Few rows: tokens live an hour and are revoked only at logout.
   */
  async listUnexpired(
    now: Date = this.clock.now(),
  ): Promise<{ tokenId: string; expiresAt: Date }[]> {
    const rows = await this.sql.query<{ token_id: string; expires_at: Date | string }>(
      'SELECT token_id, expires_at FROM revoked_tokens WHERE expires_at > $1',
      [now],
    );
    return rows.map((row) => ({ tokenId: row.token_id, expiresAt: new Date(row.expires_at) }));
  }

  /** Deletes the ids of tokens expired at `now`; returns how many. */
  async purgeExpired(now: Date = this.clock.now()): Promise<number> {
    const rows = await this.sql.query(
      'DELETE FROM revoked_tokens WHERE expires_at <= $1 RETURNING token_id',
      [now],
    );
    return rows.length;
  }
}
