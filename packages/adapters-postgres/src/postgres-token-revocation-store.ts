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

  /** Deletes the ids of tokens expired at `now`; returns how many. */
  async purgeExpired(now: Date = this.clock.now()): Promise<number> {
    const rows = await this.sql.query(
      'DELETE FROM revoked_tokens WHERE expires_at <= $1 RETURNING token_id',
      [now],
    );
    return rows.length;
  }
}
