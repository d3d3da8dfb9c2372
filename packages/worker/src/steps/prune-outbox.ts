import type { SqlExecutor } from '@doctorly/adapters-postgres';

/** Rows deleted per statement: short transactions, no long lock on a big outbox. */
const chunk = 5000;

/**
 * Deletes completed outbox entries that completed before `before`, in chunks; returns how
 * many. Open and parked entries are never touched. The outbox store port has no such
 * method yet, so this one statement knows the `outbox` table (migrations/0004_outbox.sql).
 * @category Worker
 */
export async function pruneOutbox(sql: SqlExecutor, before: Date): Promise<number> {
  let deleted = 0;
  for (;;) {
    const [row] = await sql.query<{ n: number }>(
      `WITH gone AS (
         DELETE FROM outbox WHERE id IN (
           SELECT id FROM outbox WHERE completed_at IS NOT NULL AND completed_at < $1 ORDER BY id LIMIT $2)
         RETURNING 1)
       SELECT count(*)::int AS n FROM gone`,
      [before, chunk],
    );
    const n = row?.n ?? 0;
    deleted += n;
    if (n < chunk) return deleted;
  }
}
