import type { DomainEvent, OutboxWriter } from '@doctorly/core';
import type { SqlExecutor } from './sql/sql-client.js';

/** {@link OutboxWriter} on PostgreSQL: appends events in the caller's transaction. @category Adapters */
export class PostgresOutboxWriter implements OutboxWriter {
  constructor(private readonly db: SqlExecutor) {}

  async append(events: readonly DomainEvent[], now: Date): Promise<void> {
    if (events.length === 0) return;
    // All events in one statement; ordinality keeps their order in the ids.
    await this.db.query(
      `INSERT INTO outbox (event, created_at, available_at)
       SELECT e.event, $2, $2 FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS e(event, n) ORDER BY e.n`,
      [JSON.stringify(events), now],
    );
  }
}
