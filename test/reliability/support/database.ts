import pg from 'pg';
import { createTestDatabase, type TestDatabase } from '@doctorly/test-support';

/** A fresh PostgreSQL database of this test file, and a pool to inspect it directly. */
export interface SuiteDatabase {
  readonly url: string;
  readonly pool: pg.Pool;
  /** Rows of one query. */
  rows<Row>(text: string, params?: unknown[]): Promise<Row[]>;
  dispose(): Promise<void>;
}

/** Creates a database on the PostgreSQL server of `DATABASE_URL` (never PGlite: a server process needs a real one). */
export async function createSuiteDatabase(): Promise<SuiteDatabase> {
  const db: TestDatabase = await createTestDatabase();
  if (db.kind !== 'postgres')
    throw new Error('the reliability suite needs a PostgreSQL server: set DATABASE_URL');
  const pool = new pg.Pool({ connectionString: db.url, max: 3 });
  pool.on('error', () => undefined);
  return {
    url: db.url,
    pool,
    rows: async <Row>(text: string, params?: unknown[]) =>
      (await pool.query(text, params)).rows as Row[],
    dispose: async () => {
      await pool.end();
      await db.dispose();
    },
  };
}

/**
 * A digest of every table's content (`md5` of the rows in a stable order), by table: equal
 * digests mean no row was added, removed or changed. `outbox` is compared by its row count
 * only, because relays stamp its bookkeeping columns (claims, completion) in the background.
 */
export async function tableDigests(db: SuiteDatabase): Promise<Record<string, string>> {
  const tables = await db.rows<{ name: string }>(
    `SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`,
  );
  const digests: Record<string, string> = {};
  for (const { name } of tables) {
    const sql =
      name === 'outbox'
        ? `SELECT count(*)::text AS digest FROM outbox`
        : `SELECT count(*)::text || ':' || coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') AS digest FROM "${name}" t`;
    const [row] = await db.rows<{ digest: string }>(sql);
    digests[name] = row?.digest ?? '';
  }
  return digests;
}

/** Tables whose digest differs between two snapshots. */
export function changedTables(
  before: Record<string, string>,
  after: Record<string, string>,
): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
