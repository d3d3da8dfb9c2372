import type { DomainEvent, OutboxWriter } from '@doctorly/core';
import type { SqlExecutor } from './sql/sql-client.js';

// All events in one statement, each with its own time (the events of several writes committed
// together have theirs); ordinality keeps their order in the ids.
const appendTimedEvents = `INSERT INTO outbox (event, created_at, available_at)
  SELECT e.event, e.at, e.at FROM unnest($1::jsonb[], $2::timestamptz[]) WITH ORDINALITY AS e(event, at, n) ORDER BY e.n`;

/**
 * {@link OutboxWriter} on PostgreSQL: appends events in the caller's transaction. Nothing
 * reads them back before the commit, so the transaction sends them with its COMMIT, in the
 * same round trip; if they cannot be written, nothing commits.
 * @category Adapters
 */
export class PostgresOutboxWriter implements OutboxWriter {
  constructor(private readonly db: SqlExecutor) {}

  append(events: readonly DomainEvent[], now: Date): Promise<void> {
    return this.appendEach([{ events, now }]);
  }

  /** Appends the events of several writes in one statement, in order, each write's at its own `now`. */
  async appendEach(
    writes: readonly { readonly events: readonly DomainEvent[]; readonly now: Date }[],
  ): Promise<void> {
    const events = writes.flatMap((w) => w.events.map((event) => JSON.stringify(event)));
    if (events.length === 0) return;
    const times = writes.flatMap((w) => w.events.map(() => w.now));
    await this.db.queryBeforeCommit(appendTimedEvents, [events, times], { prepare: true });
  }
}
