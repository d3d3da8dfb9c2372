import type { OutboxEntry } from '@doctorly/core';
import { positiveInteger, type Command } from '../command.js';
import { cliConfig, openPostgres } from '../open.js';

function line(entry: OutboxEntry): string {
  const error = entry.lastError === null ? '' : `  last error: ${entry.lastError}`;
  return `  #${entry.id}  ${entry.createdAt.toISOString()}  ${JSON.stringify(entry.event)}  attempts ${entry.attempts}${error}`;
}

/** `doctorly outbox`: pending and parked events. @category CLI */
export const outboxCommand: Command = {
  name: 'outbox',
  summary: 'show pending and parked outbox events',
  help: `Usage: doctorly outbox [--limit <n>]

Lists outbox events not yet applied to the search index and the cache (oldest first), and
the parked ones: given up on after repeated failures, with their last error. A parked event
is not retried; \`doctorly reindex\` repairs the search index whatever was lost.

Options:
  --limit <n>   events shown per list (default 20)`,
  options: { limit: { type: 'string' } },
  async run(values, io) {
    const limit = positiveInteger(values.limit, 'limit', 20);
    if (typeof limit === 'string') {
      io.err(limit);
      return 2;
    }
    // Not the runtime: its after-commit relay would drain the outbox before we look at it.
    const postgres = await openPostgres(cliConfig(io));
    try {
      const [pending, parked] = await Promise.all([
        postgres.outbox.pending(limit),
        postgres.outbox.parked(limit),
      ]);
      io.out(`Pending (${pending.length}${pending.length === limit ? '+' : ''}):`);
      for (const entry of pending) io.out(line(entry));
      io.out(`Parked (${parked.length}${parked.length === limit ? '+' : ''}):`);
      for (const entry of parked) io.out(line(entry));
      return 0;
    } finally {
      await postgres.close();
    }
  },
};
